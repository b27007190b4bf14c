import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Content checks for the machine-readable lint formats on `LintCommandTests`' two-file corpus: each output
/// must parse (XML with Foundation's XMLDocument, JSON with JSONSerialization) and carry exactly the two
/// findings, `links/missing-anchor` at docs/a.md:5:1 and `tags/ephemeral` at docs/a.md:5:27.
extension LintCommandTests {
    static let anchorMessage = "link to b.md#old-heading: no heading or anchor `old-heading` in docs/b.md (did you mean #new-heading?)"
    static let tagMessage = "ephemeral pr-ref `PR #7` outside a provenance section"

    func assertGitHub(_ output: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(output, """
        ::error file=docs/a.md,line=5,col=1,title=links/missing-anchor::\(Self.anchorMessage)
        ::warning file=docs/a.md,line=5,col=27,title=tags/ephemeral::\(Self.tagMessage)

        """, file: file, line: line)
    }

    func assertCheckstyle(_ output: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let document = try XMLDocument(data: Data(output.utf8))
        let root = try XCTUnwrap(document.rootElement(), file: file, line: line)
        XCTAssertEqual(root.name, "checkstyle", file: file, line: line)
        let files = root.elements(forName: "file")
        XCTAssertEqual(files.map { $0.attribute(forName: "name")?.stringValue }, ["docs/a.md"], file: file, line: line)
        let errors = files.first?.elements(forName: "error") ?? []
        let rows = errors.map { element in
            ["line", "column", "severity", "message", "source"].map { element.attribute(forName: $0)?.stringValue ?? "-" }
        }
        XCTAssertEqual(rows, [
            ["5", "1", "error", Self.anchorMessage, "docs-audit.links/missing-anchor"],
            ["5", "27", "warning", Self.tagMessage, "docs-audit.tags/ephemeral"],
        ], file: file, line: line)
    }

    func assertJUnit(_ output: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let document = try XMLDocument(data: Data(output.utf8))
        let root = try XCTUnwrap(document.rootElement(), file: file, line: line)
        XCTAssertEqual(root.name, "testsuites", file: file, line: line)
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "2", file: file, line: line)
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "2", file: file, line: line)
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.count, 1, file: file, line: line)
        let cases = suites.first?.elements(forName: "testcase") ?? []
        XCTAssertEqual(cases.map { $0.attribute(forName: "classname")?.stringValue }, ["docs/a.md", "docs/a.md"],
                       file: file, line: line)
        XCTAssertEqual(cases.map { $0.attribute(forName: "name")?.stringValue },
                       ["links/missing-anchor at 5:1", "tags/ephemeral at 5:27"], file: file, line: line)
        let failures = cases.map { $0.elements(forName: "failure").first }
        XCTAssertEqual(failures.map { $0?.attribute(forName: "type")?.stringValue }, ["error", "warning"], file: file, line: line)
        XCTAssertEqual(failures.map { $0?.attribute(forName: "message")?.stringValue },
                       [Self.anchorMessage, Self.tagMessage], file: file, line: line)
    }

    func assertSARIF(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
        XCTAssertEqual(log["version"] as? String, "2.1.0", file: file, line: line)
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(runs.count, 1, file: file, line: line)
        let run = try XCTUnwrap(runs.first, file: file, line: line)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any], file: file, line: line)
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]], file: file, line: line)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]], file: file, line: line)
        var seen: [[String]] = []
        for result in results {
            let ruleID = result["ruleId"] as? String ?? "-"
            // The index must point at the same rule in the driver's table.
            let index = try XCTUnwrap(result["ruleIndex"] as? Int, file: file, line: line)
            XCTAssertTrue(rules.indices.contains(index), file: file, line: line)
            if rules.indices.contains(index) { XCTAssertEqual(rules[index]["id"] as? String, ruleID, file: file, line: line) }
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "-"
            let region = location?["region"] as? [String: Any]
            seen.append([ruleID, result["level"] as? String ?? "-", uri, "\(region?["startLine"] ?? "-")",
                         "\(region?["startColumn"] ?? "-")", (result["message"] as? [String: Any])?["text"] as? String ?? "-"])
        }
        XCTAssertEqual(seen, [
            ["links/missing-anchor", "error", "docs/a.md", "5", "1", Self.anchorMessage],
            ["tags/ephemeral", "warning", "docs/a.md", "5", "27", Self.tagMessage],
        ], file: file, line: line)
    }
}
