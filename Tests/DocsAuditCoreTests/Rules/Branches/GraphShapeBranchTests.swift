import XCTest
@testable import DocsAuditCore

/// One test per reason a graph-shape rule fires and per exemption it honours (any Mermaid flowchart the profile
/// declares: here every document directly under docs/).
final class GraphShapeBranchTests: XCTestCase {
    private func sketch(_ body: String) -> [String: String] {
        ["docs/sketch.md": "# Sketch\n\n```mermaid\n\(body)\n```\n"]
    }

    /// `RuleHarness.assert` with the flowcharts of docs/*.md declared as graphs.
    private func check(_ rule: String, _ files: [String: String], messages: [String],
                       file: StaticString = #filePath, line: UInt = #line) throws {
        try RuleHarness.assert(rule, files, messages: messages, config: "graphs:\n  - paths: ['docs/*.md']\n",
                               file: file, line: line)
    }

    // MARK: graph/parse-error

    func testParseErrorUnclosedLabel() throws {
        try check("graph/parse-error", sketch("graph TB\n↓  A[open --> B"),
                               messages: ["the label of A is not closed with `]`: `A[open --> B`"])
    }

    func testParseErrorUnknownArrow() throws {
        try check("graph/parse-error", sketch("graph TB\n  A[a]\n↓  A ~~> B"),
                               messages: ["expected an arrow (`-->`, `---`, `-.->`, `==>`) or `&`, found `~`: `A ~~> B`"])
    }

    func testParseErrorClassWithoutNameAndOpenEdgeLabel() throws {
        try check("graph/parse-error", sketch("graph TB\n  B[b]\n↓  A[a]:::\n↓  A -->|open B"), messages: [
            "`:::` after A needs a class name: `A[a]:::`", "edge label is not closed with `|`: `A -->|open B`",
        ])
    }

    func testParseErrorSkipsBlocksThatAreNotFlowcharts() throws {
        // Only blocks opening with `graph`/`flowchart` are flowcharts; other Mermaid diagrams are not parsed.
        var files = sketch("sequenceDiagram\n  A->>B: hi [")
        files["docs/other.md"] = "# Other\n\n```mermaid\nA --> B[\n```\n"
        try check("graph/parse-error", files, messages: [])
    }

    func testParseErrorSubgraphNeverClosedAndStrayEnd() throws {
        try check("graph/parse-error", sketch("graph TB\n↓  subgraph s1 [One]\n  A[a]"),
                               messages: ["subgraph `s1` is never closed with `end`: `subgraph`"])
        try check("graph/parse-error", sketch("graph TB\n  A[a]\n↓  end"),
                               messages: ["`end` without an open subgraph: `end`"])
    }

    func testParseErrorReportsEachBadStatementOnItsOwnLine() throws {
        try check("graph/parse-error", sketch("graph TB\n↓  A[a\n  B[b]\n↓  C[c"), messages: [
            "the label of A is not closed with `]`: `A[a`", "the label of C is not closed with `]`: `C[c`",
        ])
    }

    // MARK: graph/duplicate-node

    func testDuplicateNodeReportsTheSecondDeclarationOnly() throws {
        try check("graph/duplicate-node", sketch("graph TB\n  A[one]\n↓  A[two]\n  A[three]"),
                               messages: ["node A is declared again (first at line 5)"])
    }

    func testDuplicateNodeIgnoresEdgeMentionsAndOtherDiagrams() throws {
        var files = sketch("graph TB\n  A[one]\n  B[b]\n  A --> B\n  B --> A")
        files["docs/other.md"] = "# Other\n\n```mermaid\ngraph TB\n  A[one]\n```\n"
        try check("graph/duplicate-node", files, messages: [])
    }

    // MARK: graph/dangling-edge

    func testDanglingEdgeSourceTargetAndBoth() throws {
        try check("graph/dangling-edge",
            sketch("graph TB\n  A[a]\n↓  X --> A\n↓  A -.-> Y\n↓↓  P --> Q"), messages: [
            "edge X --> A: X is not declared in the graph",
            "edge A -.-> Y: Y is not declared in the graph",
            "edge P --> Q: P is not declared in the graph",
            "edge P --> Q: Q is not declared in the graph",
        ])
    }

    func testDanglingEdgeDeclaredInsideTheEdgeCounts() throws {
        try check("graph/dangling-edge", sketch("graph TB\n  A[a] --> B[b]\n  B --> A"), messages: [])
    }

    func testDanglingEdgeSkipsEdgeOnlySketches() throws {
        try check("graph/dangling-edge", sketch("graph LR\n  A --> B\n  B --> C"), messages: [])
    }

    // MARK: graph/undefined-class

    func testUndefinedClassOnNodeAndByClassStatement() throws {
        try check("graph/undefined-class",
            sketch("graph TB\n↓  A[a]:::redy\n  B[b]\n↓  class B gone\n  classDef ready fill:#9f9"),
                               messages: ["class `redy` (on A) has no classDef", "class `gone` (on B) has no classDef"])
    }

    func testUndefinedClassReportedOncePerName() throws {
        try check("graph/undefined-class", sketch("graph TB\n↓  A[a]:::redy\n  B[b]:::redy"),
                               messages: ["class `redy` (on A) has no classDef"])
    }

    func testUndefinedClassLooksOnlyAtItsOwnDiagram() throws {
        var files = sketch("graph TB\n↓  A[a]:::ready")
        files["docs/other.md"] = "# Other\n\n```mermaid\ngraph TB\n  B[b]:::ready\n  classDef ready fill:#9f9\n```\n"
        try check("graph/undefined-class", files, messages: ["class `ready` (on A) has no classDef"])
    }

    func testUndefinedClassAcceptsDefinedAndDefault() throws {
        try check("graph/undefined-class",
            sketch("graph TB\n  A[a]:::ready\n  B[b]:::default\n  classDef ready fill:#9f9"),
                               messages: [])
    }

    // MARK: graph/cycle

    func testCycleTwoNodes() throws {
        try check("graph/cycle",
            sketch("graph TB\n  A[a] --> B[b]\n↓  B --> A"), messages: ["cycle: A --> B --> A"])
    }

    func testCycleSelfLoop() throws {
        try check("graph/cycle", sketch("graph TB\n  A[a]\n↓  A --> A"), messages: ["cycle: A --> A"])
    }

    func testCycleTwoSeparateCyclesEachReported() throws {
        try check("graph/cycle",
            sketch("graph TB\n  A[a] --> B[b]\n↓  B --> A\n  C[c] --> D[d]\n↓  D --> C"),
                               messages: ["cycle: A --> B --> A", "cycle: C --> D --> C"])
    }

    func testCycleDiamondIsNotACycle() throws {
        try check("graph/cycle",
            sketch("graph TB\n  A[a] --> B[b]\n  A --> C[c]\n  B --> D[d]\n  C --> D"), messages: [])
    }

    func testCycleLongPathIsShortenedInTheMiddle() {
        let path = (1...25).map { "N\($0)" } + ["N1"]
        let shown = CycleRule.shown(path)
        XCTAssertEqual(shown, (path.prefix(10) + ["… 6 more …"] + path.suffix(10)).joined(separator: " --> "))
        XCTAssertEqual(CycleRule.shown(["A", "B", "A"]), "A --> B --> A")
    }
}
