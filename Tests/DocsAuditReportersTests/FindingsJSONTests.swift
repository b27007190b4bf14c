import XCTest
import DocsAuditCore
@testable import DocsAuditReporters

/// The findings JSON is written by hand (`FindingsJSONReporter`); it must be the bytes Foundation's encoder, as
/// `JSONOutput` sets it up, prints for the same document, whatever the strings hold.
final class FindingsJSONTests: XCTestCase {
    /// The document as it was encoded before the writer: `Finding`'s own `Encodable` under `JSONOutput`.
    private struct Document: Encodable {
        let version = 1
        let findings: [Finding]
    }

    private func encoded(_ findings: [Finding]) throws -> String {
        try JSONOutput.encode(Document(findings: Finding.sorted(findings)))
    }

    func testNoFindingsPrintAsTheEncoderPrintsThem() throws {
        XCTAssertEqual(try FindingsJSONReporter.render([]), try encoded([]))
    }

    func testEveryCharacterThatNeedsEscapingIsEscapedAsTheEncoderEscapesIt() throws {
        let awkward = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
            + "\"\\/ \u{7F} é 中 🙂 \u{2028}\u{2029} \u{FEFF}"
        let finding = Finding(rule: "x/y", severity: .error, file: "a/\(awkward).md", line: 3, column: 7,
                              message: awkward, subject: awkward, related: [awkward, "b.md"])
        XCTAssertEqual(try FindingsJSONReporter.render([finding]), try encoded([finding]))
    }

    func testRandomFindingsPrintAsTheEncoderPrintsThem() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = Array("ab/\\\"\n\t\r\u{1}\u{1F}é中🙂 #:-.") + ["\u{2028}", "\u{7F}"]
        func text(_ limit: Int) -> String {
            String((0..<Int.random(in: 0...limit, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for _ in 0..<200 {
            let findings = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                Finding(rule: text(8), severity: Severity.allCases.randomElement(using: &generator)!, file: text(12),
                        line: Int.random(in: 1...100_000, using: &generator),
                        column: Int.random(in: 1...5_000, using: &generator), message: text(40), subject: text(10),
                        related: (0..<Int.random(in: 0...3, using: &generator)).map { _ in text(12) })
            }
            XCTAssertEqual(try FindingsJSONReporter.render(findings), try encoded(findings))
        }
    }
}
