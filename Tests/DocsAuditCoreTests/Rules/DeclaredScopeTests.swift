import XCTest
@testable import DocsAuditCore

/// `graphs:` and `registries.method-tables`: the graph-shape rules and the method-name rule read only the
/// flowcharts and tables the profile declares.
final class DeclaredScopeTests: XCTestCase {
    /// An ordinary document whose flowchart has every defect the graph-shape rules know.
    private let guide = """
    # Session lifecycle

    ## States

    ```mermaid
    flowchart LR
      Idle[idle]:::calm --> Running[running]
      Running --> Paused[paused]
      Paused --> Running
      Paused --> Gone
      Idle[idle again]
      Broken[open --> Idle
    ```

    ```mermaid
    stateDiagram-v2
      Idle --> Running
      Running --> Idle
    ```
    """

    private let graphRules = ["graph/parse-error", "graph/duplicate-node", "graph/dangling-edge", "graph/cycle",
                              "graph/undefined-class"]

    private func graphFindings(_ files: [String: String], config: String? = nil) throws -> [String] {
        let corpus = try Fixture.corpus(files, config: config)
        return Linter.lint(corpus).filter { graphRules.contains($0.rule) }.map { "\($0.rule) \($0.file):\($0.line)" }
            .sorted()
    }

    func testAFlowchartOrStateDiagramInAnOrdinaryDocumentIsNotChecked() throws {
        XCTAssertEqual(try graphFindings(["docs/guides/lifecycle.md": guide]), [])
        let model = try Fixture.model(["docs/guides/lifecycle.md": guide])
        XCTAssertEqual(model.diagrams.map(\.declared), [false], "the flowchart is still extracted, undeclared")
    }

    func testTheSameFlowchartIsCheckedOnceDeclared() throws {
        let config = "graphs:\n  - paths: ['docs/guides/*.md']\n"
        XCTAssertEqual(try graphFindings(["docs/guides/lifecycle.md": guide], config: config), [
            "graph/cycle docs/guides/lifecycle.md:9",
            "graph/dangling-edge docs/guides/lifecycle.md:10",
            "graph/duplicate-node docs/guides/lifecycle.md:11",
            "graph/parse-error docs/guides/lifecycle.md:12",
            "graph/undefined-class docs/guides/lifecycle.md:7",
        ])
    }

    func testSectionsMatchAnyEnclosingHeadingAndKindsLimitToo() throws {
        let text = """
        # Roadmap

        ## Delivery

        ### Graph

        ```mermaid
        graph TB
          A[a] --> B[b]
          B --> A
        ```

        ## Sketches

        ```mermaid
        graph TB
          C[c] --> D[d]
          D --> C
        ```
        """
        let files = ["docs/roadmap.md": text]
        XCTAssertEqual(try graphFindings(files, config: "graphs:\n  - sections: ['^Delivery$']\n"),
                       ["graph/cycle docs/roadmap.md:10"])
        XCTAssertEqual(try graphFindings(files, config: "graphs:\n  - kinds: [plan]\n"), [])
        XCTAssertEqual(try graphFindings(files, config: "graphs:\n  - kinds: [other]\n"),
                       ["graph/cycle docs/roadmap.md:10", "graph/cycle docs/roadmap.md:18"])
        XCTAssertEqual(try graphFindings(files, config: "graphs: []\n"), [])
    }

    func testTheDefaultProfileDeclaresTheNextStepsDAG() throws {
        let profile = try ProfileLoader.defaultProfile()
        XCTAssertEqual(profile.graphs.count, 1)
        let dag = try XCTUnwrap(profile.graphs.first)
        XCTAssertTrue(dag.contains(path: MapFixture.path, kind: "dependency-map",
                                   headings: ["Map", "6. Active Next Steps DAG", "Graph"]))
        XCTAssertFalse(dag.contains(path: MapFixture.path, kind: "dependency-map",
                                    headings: ["Map", "3. Inter-Plan Dependency Graph"]))
        XCTAssertFalse(dag.contains(path: "docs/plans/001-a.md", kind: "plan", headings: ["6. Active Next Steps DAG"]))
    }

    // MARK: registries.method-tables

    private let methodTable = "# HTTP API\n\n| Method | Path |\n| --- | --- |\n| `↓GET` | `/sessions` |\n"
    private let message = "method `GET` (row 1 of the registry at line 3) does not match METHOD_NAME_FORMAT "
        + "/^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$/ (profile fallback)"

    func testAMethodColumnInAnOrdinaryDocumentIsNotARegistry() throws {
        let plain = methodTable.replacingOccurrences(of: "↓", with: "")
        try RuleHarness.assert("registry/method-name-format", ["docs/guides/http-api.md": plain], messages: [])
        let model = try Fixture.model(["docs/guides/http-api.md": methodTable])
        XCTAssertEqual(model.methodRegistries.tables.count, 0)
    }

    func testTheDefaultDeclaresContractsAndPlans() throws {
        try RuleHarness.assert("registry/method-name-format", ["docs/architecture/contracts/http.md": methodTable],
                               messages: [message])
        try RuleHarness.assert("registry/method-name-format", ["docs/plans/001-a.md": methodTable], messages: [message])
    }

    func testDeclaredBySectionsAndHeader() throws {
        let text = """
        # Guide

        ## Registry

        | Verb | Path |
        | --- | --- |
        | `↓GET` | `/a` |

        ## Other

        | Verb | Path |
        | --- | --- |
        | `PUT` | `/b` |
        """
        let config = "registries:\n  method-tables:\n    - paths: ['docs/guides/**']\n      sections: ['^Registry$']\n"
            + "      header: '^Verb$'\n"
        try RuleHarness.assert("registry/method-name-format", ["docs/guides/api.md": text], messages: [
            "method `GET` (row 1 of the registry at line 5) does not match METHOD_NAME_FORMAT "
                + "/^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$/ (profile fallback)",
        ], config: config)
    }

    func testV1MethodTableHeaderStillLoadsAndTakesTablesAnywhere() throws {
        try RuleHarness.assert("registry/method-name-format", ["docs/guides/http-api.md": methodTable],
                               messages: [message], config: "registries:\n  method-table-header: '^Method$'\n")
    }

    // MARK: decoding

    private func configError(_ yaml: String) -> ConfigError? {
        var profile = (try? ProfileLoader.defaultProfile()) ?? Profile()
        do {
            try ProfileLoader.apply(yaml: yaml, file: "docs-audit.yml", to: &profile)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    func testBadDeclarationsAreConfigErrorsWithTheKeyPath() throws {
        let unknown = try XCTUnwrap(configError("graphs:\n  - file: docs/map.md\n"))
        XCTAssertEqual(unknown.key, "graphs[0].file")
        XCTAssertEqual(unknown.line, 2)
        XCTAssertTrue(unknown.message.hasPrefix("unknown key `file` (expected one of: kinds, paths, sections)"),
                      unknown.message)
        let pattern = try XCTUnwrap(configError("graphs:\n  - sections: ['^(Open']\n"))
        XCTAssertEqual(pattern.key, "graphs[0].sections[0]")
        XCTAssertTrue(pattern.message.contains("not a valid regular expression"), pattern.message)
        let notList = try XCTUnwrap(configError("graphs: docs/map.md\n"))
        XCTAssertEqual(notList.key, "graphs")
        let noHeader = try XCTUnwrap(configError("registries:\n  method-tables:\n    - kinds: [contract]\n"))
        XCTAssertEqual(noHeader.key, "registries.method-tables[0]")
        XCTAssertEqual(noHeader.message, "a method table needs `header` (a pattern for its first header cell)")
        let badKey = try XCTUnwrap(configError("registries:\n  method-tables:\n    - header: x\n      column: 2\n"))
        XCTAssertEqual(badKey.key, "registries.method-tables[0].column")
        XCTAssertEqual(badKey.message, "unknown key `column` (expected one of: kinds, paths, sections, header)")
    }
}
