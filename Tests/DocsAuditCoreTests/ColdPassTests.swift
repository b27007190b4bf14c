import Foundation
import XCTest
@testable import DocsAuditCore

/// What the cold per-file pass does on bytes where it used characters or SHA-256: each agrees with what it
/// replaced (kept as the oracle where that is cheap), and a file changed after its analysis still gives no text.
final class ColdPassTests: XCTestCase {
    func testLineFeedSplitAgreesWithTheCharacterSplit() {
        var random = SeededRandom(seed: 0x11FE)
        let pieces = ["a", "\n", "\r", "\r\n", "é", "\u{301}", " ", "\n\n", "x\r"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0..<10, using: &random))
                .map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            XCTAssertEqual(text.linesSplitAtLineFeeds(), text.split(separator: "\n", omittingEmptySubsequences: false),
                           "text \(text.debugDescription)")
        }
        XCTAssertEqual("a\r\nb\nc".linesSplitAtLineFeeds(), ["a\r\nb", "c"], "a CRLF is one character, no split")
        XCTAssertEqual("".linesSplitAtLineFeeds(), [""])
    }
}
