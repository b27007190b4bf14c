import DocsAuditCore
@testable import DocsAuditReporters
import Foundation
import XCTest

/// Findings whose numbers or text came from a forged file (a cache entry, a corpus name): reporters neither
/// trap on arithmetic nor let control characters through.
final class HostileFindingTests: XCTestCase {
    private let extreme = Finding(rule: "links/missing-anchor", severity: .error, file: "a\u{1B}[31m.md", line: Int.max,
                                  column: Int.max, message: "bad\r\nline\u{7}", subject: "x")

    func testSARIFWithIntMaxLineAndColumn() throws {
        let sarif = try SARIFReporter.render(Report(findings: [extreme]))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let runs = try XCTUnwrap(object["runs"] as? [[String: Any]])
        let result = try XCTUnwrap((runs.first?["results"] as? [[String: Any]])?.first)
        let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try XCTUnwrap(location["region"] as? [String: Any])
        XCTAssertEqual(region["endColumn"] as? Int, Int.max)
        XCTAssertEqual((result["message"] as? [String: Any])?["text"] as? String, "bad\r\nline\u{7}")
    }

    func testTextAndGitHubKeepOneLine() {
        XCTAssertEqual(TextReporter.render([extreme]),
                       "a\\u{1b}[31m.md:\(Int.max):\(Int.max): error: bad\\r\\nline\\u{7} [links/missing-anchor]\n")
        XCTAssertEqual(GitHubReporter.render([extreme]), "::error file=a\\u{1b}[31m.md,line=\(Int.max),col=\(Int.max),"
            + "title=links/missing-anchor::bad%0D%0Aline\\u{7}\n")
    }

    func testXMLReportersReplaceWhatXMLCannotCarry() throws {
        let finding = Finding(rule: "links/missing-anchor", severity: .error, file: "a\u{FFFF}\u{1}.md", line: 1, column: 1,
                              message: "m\u{FFFE}\u{1B}[2J\u{0}", subject: "x")
        for xml in [JUnitReporter.render([finding]), CheckstyleReporter.render([finding])] {
            XCTAssertFalse(xml.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value >= 0xFFFE }, xml)
            XCTAssertTrue(xml.contains("a??.md"), xml)
            XCTAssertTrue(xml.contains("m??[2J?"), xml)
        }
    }

    func testVisibleTextLeavesOrdinaryTextAlone() {
        XCTAssertEqual(VisibleText.escape("plain – text ✓"), "plain – text ✓")
        XCTAssertEqual(VisibleText.escape("\u{9B}2J\u{7F}\t"), "\\u{9b}2J\\u{7f}\\t")
    }
}
