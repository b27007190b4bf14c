import DocsAuditCore
@testable import DocsAuditReporters
import Foundation
import XCTest

/// Reporter output compared with files under Golden/. Set DOCS_AUDIT_RECORD=1 to rewrite them.
final class ReporterGoldenTests: XCTestCase {
    static let findings = [
        Finding(rule: "links/missing-anchor", severity: .error, file: "docs/plans/002-b.md", line: 14, column: 9,
                message: "link to ../specs/001-a.md#ac9: no heading or anchor `ac9` there", subject: "docs/specs/001-a.md#ac9"),
        Finding(rule: "graph/dangling-edge", severity: .error, file: "docs/map.md", line: 30, column: 3,
                message: "edge NS12 --> NS99: NS99 is not declared in the graph", subject: "NS12->NS99"),
        Finding(rule: "tags/ephemeral", severity: .warning, file: "docs/plans/002-b.md", line: 3, column: 21,
                message: "ephemeral tag `PR #12` outside a provenance section", subject: "PR #12"),
        Finding(rule: "input/not-utf8", severity: .info, file: "docs/é.md", line: 1, column: 1,
                message: "not valid UTF-8: bad byte at line 1, column 1 <&>", subject: "input/not-utf8"),
    ]

    func testText() throws {
        try assertGolden(TextReporter.render(Self.findings), "findings.txt")
        XCTAssertEqual(TextReporter.summary(Self.findings), "2 errors, 1 warning, 1 info in 3 files")
    }

    func testTextColourOnlyWhenAsked() {
        let colored = TextReporter.render(Array(Self.findings.prefix(1)), color: true)
        XCTAssertTrue(colored.contains("\u{1B}[31merror\u{1B}[0m"))
        XCTAssertFalse(TextReporter.render(Array(Self.findings.prefix(1))).contains("\u{1B}"))
    }

    func testJSON() throws {
        try assertGolden(try FindingsJSONReporter.render(Self.findings), "findings.json")
    }

    func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["DOCS_AUDIT_RECORD"] != nil {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "differs from Golden/\(name) (DOCS_AUDIT_RECORD=1 rewrites it)", file: file, line: line)
    }
}
