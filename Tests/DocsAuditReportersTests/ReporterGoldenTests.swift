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

    /// A fixed rule list keeps the SARIF golden file independent of catalog growth.
    static var report: Report {
        let rules = ["graph/dangling-edge", "input/not-utf8", "links/missing-anchor", "tags/ephemeral"]
            .compactMap { RuleCatalog.description(of: $0) }
        return Report(findings: findings, rules: rules, toolVersion: "0.1.0",
                      codePointColumn: { $0.file == "docs/plans/002-b.md" && $0.line == 3 ? 20 : $0.column })
    }

    func testSARIF() throws {
        try assertGolden(try SARIFReporter.render(Self.report), "findings.sarif")
    }

    func testGitHubAnnotationsAndTheirCap() throws {
        try assertGolden(GitHubReporter.render(Self.findings), "findings.github.txt")
        let many = (1...12).map { index in
            Finding(rule: "tags/ephemeral", severity: .error, file: "a,b.md", line: index, column: 1,
                    message: "100% bad:\nreally", subject: "PR #\(index)")
        }
        let lines = GitHubReporter.render(many).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("::error ") }.count, 10)
        XCTAssertEqual(lines.first, "::error file=a%2Cb.md,line=1,col=1,title=tags/ephemeral::100%25 bad:%0Areally")
        XCTAssertEqual(lines.last, "::notice title=docs-audit::2 errors not annotated: GitHub shows 10 annotations per level per step; all are listed in this log")
    }

    func testJUnitAndCheckstyle() throws {
        try assertGolden(JUnitReporter.render(Self.findings), "findings.junit.xml")
        try assertGolden(CheckstyleReporter.render(Self.findings), "findings.checkstyle.xml")
        XCTAssertTrue(JUnitReporter.render([]).contains("<testcase classname=\"docs-audit\" name=\"lint\"/>"))
    }

    /// The SARIF output validates against the OASIS 2.1.0 schema (read from ../shared/schemas).
    func testSARIFValidatesAgainstTheSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let schema = root.appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else {
            throw XCTSkip("needs ../shared/schemas/sarif-schema-2.1.0.json beside the project to validate SARIF")
        }
        // One finding with related files, so `relatedLocations` is validated too.
        let caused = Finding(rule: "links/missing-anchor", severity: .error, file: "docs/b.md", line: 2, column: 1,
                             message: "no heading", subject: "docs/a.md#old", related: ["docs/a.md"])
        let full = Report(findings: Self.findings + [caused])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-\(UUID().uuidString).sarif")
        try Data(try SARIFReporter.render(full).utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("no-jsonschema"); sys.exit(3)
            jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))
            print("valid")
            """, schema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 { throw XCTSkip("needs the python3 module jsonschema (make deps installs it) to validate SARIF") }
        XCTAssertEqual(process.terminationStatus, 0, output)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), "valid")
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
