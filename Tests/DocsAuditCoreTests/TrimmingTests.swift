import Foundation
import XCTest
@testable import DocsAuditCore

/// `trimmed` replaces Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` for speed; it must trim
/// exactly the same characters.
final class TrimmingTests: XCTestCase {
    func testTrimmedAgreesWithFoundationOnRandomText() {
        // Every White_Space scalar, a few that look like space but are not (zero-width space, BOM), and text.
        let edges: [Unicode.Scalar] = [
            "\u{09}", "\u{0A}", "\u{0B}", "\u{0C}", "\u{0D}", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}",
            "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{180E}",
            "\u{200C}", "\u{200D}", "\u{2060}", "\u{AD}", "\u{1C}", "\u{1F}",
        ]
        let inner: [Unicode.Scalar] = ["a", "—", "é", "\u{301}", "漢", "🙂", "|", "`"] + edges
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...3, using: &generator) { scalars.append(edges.randomElement(using: &generator) ?? " ") }
            for _ in 0..<Int.random(in: 0...4, using: &generator) { scalars.append(inner.randomElement(using: &generator) ?? "a") }
            for _ in 0..<Int.random(in: 0...3, using: &generator) { scalars.append(edges.randomElement(using: &generator) ?? " ") }
            let text = String(scalars)
            XCTAssertEqual(text.trimmed, text.trimmingCharacters(in: .whitespacesAndNewlines),
                           "on \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            XCTAssertEqual(Substring(text).trimmed, text.trimmed)
        }
    }
}
