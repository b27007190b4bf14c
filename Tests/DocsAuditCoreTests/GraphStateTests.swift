import XCTest
@testable import DocsAuditCore

final class GraphStateTests: XCTestCase {
    static let map = MapFixture.map(graph: """
    graph TB
      NS01[NS-01: a]:::ready
      NS02[NS-02: b]:::blocked
      NS03[NS-03: c]:::ready
      NS04[NS-04: d]
      NS01 --> NS02
      NS02 --> NS03
      NS01 --> NS04
      classDef ready fill:#9f9
      classDef blocked fill:#fcc
      classDef completed fill:#ccc
    """, entries: MapFixture.entry("NS-01", status: "completed") + MapFixture.entry("NS-02", status: "todo", upstream: "NS-01")
        + MapFixture.entry("NS-03", status: "todo", upstream: "NS-02") + MapFixture.entry("NS-04", status: "todo", upstream: "NS-01"),
        prose: "The ready set is now NS-01 (1 items).")

    private func context(_ text: String = map) throws -> LintContext {
        let corpus = try Fixture.corpus([MapFixture.path: text])
        return LintContext(corpus: corpus, model: Extractor.extract(corpus))
    }

    func testDerivedSetsOrderAndCriticalPath() throws {
        let graph = DerivedGraph.derive(try context())
        XCTAssertEqual(graph.ready, ["NS02", "NS04"])
        XCTAssertEqual(graph.blocked, ["NS03"])
        XCTAssertEqual(graph.completed, ["NS01"])
        XCTAssertEqual(graph.nodes.first { $0.id == "NS03" }?.blockers, ["NS02"])
        XCTAssertEqual(graph.topologicalOrder, ["NS01", "NS02", "NS03", "NS04"])
        XCTAssertEqual(graph.criticalPath, ["NS02", "NS03"])
    }

    func testTopologicalOrderPutsCycleMembersLast() {
        let edges = [DerivedGraph.Edge(from: "A", to: "B"), DerivedGraph.Edge(from: "B", to: "A"), DerivedGraph.Edge(from: "C", to: "A")]
        XCTAssertEqual(DerivedGraph.topologicalOrder(nodes: ["A", "B", "C"], edges: edges), ["C", "A", "B"])
    }

    func testSyncRewritesOnlyClassesAndTheReadySentence() throws {
        let result = try XCTUnwrap(GraphSync.plan(try context()))
        XCTAssertEqual(result.changes.count, 5)
        let before = Self.map.split(separator: "\n", omittingEmptySubsequences: false)
        let after = result.updated.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(before.count, after.count)
        let changed = zip(before, after).filter { $0 != $1 }.map { String($1) }
        XCTAssertEqual(changed, [
            "  NS01[NS-01: a]:::completed", "  NS02[NS-02: b]:::ready", "  NS03[NS-03: c]:::blocked",
            "  NS04[NS-04: d]:::ready", "The ready set is now NS-02, NS-04 (2 items).",
        ])
        let synced = try context(result.updated)
        let findings = Linter.run(synced.corpus).findings.filter { ["graph/status-class", "graph/set-claim"].contains($0.rule) }
        XCTAssertEqual(findings, [], "after sync the graph agrees with its entries")
        XCTAssertFalse(try XCTUnwrap(GraphSync.plan(synced)).changed, "sync is idempotent")
    }

    func testSyncLocatesNodesByParsedPositionNeverBySubstring() {
        XCTAssertEqual(GraphSync.setClass(in: "  NS05[five] --> NS06[six]:::ready", node: "NS05", to: "completed"),
                       "  NS05[five]:::completed --> NS06[six]:::ready")
        XCTAssertEqual(GraphSync.setClass(in: "  NS12[x]:::ready --> NS1[y]", node: "NS1", to: "ready"),
                       "  NS12[x]:::ready --> NS1[y]:::ready")
        XCTAssertEqual(GraphSync.setClass(in: "  A[\"NS1:::x\"] --> NS1 %% NS1:::y", node: "NS1", to: "done"),
                       "  A[\"NS1:::x\"] --> NS1:::done %% NS1:::y", "labels and comments are not nodes")
        XCTAssertEqual(GraphSync.setClass(in: "  NS1[a]:::b; NS1:::c", node: "NS1", to: "d"), "  NS1[a]:::b; NS1:::d",
                       "the class in force (the last) is the one rewritten")
        XCTAssertNil(GraphSync.setClass(in: "  NS10[a] --> NS11", node: "NS1", to: "x"))
    }

    func testReplacingLinesKeepsEveryLineEnding() {
        XCTAssertEqual(GraphSync.replacingLines("a\r\nb\rc\nd", with: [2: "B", 4: "D"]), "a\r\nB\rc\nD")
        XCTAssertEqual(GraphSync.replacingLines("a\n\r\n", with: [2: "x"]), "a\nx\r\n")
    }

    func testUnifiedDiff() {
        let diff = UnifiedDiff.make("a\nb\nc\nd\n", "a\nB\nc\nd\n", path: "x.md", context: 1)
        XCTAssertEqual(diff, "--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
        XCTAssertEqual(UnifiedDiff.make("same\n", "same\n", path: "x.md"), "")
    }

    func testUnifiedDiffOfCRLFTextHasOneHunkLinePerLine() {
        // `sync --dry-run` on a CRLF graph file printed the whole file as one changed line.
        let diff = UnifiedDiff.make("a\r\nb\r\nc\r\nd\r\n", "a\r\nB\r\nc\r\nd\r\n", path: "x.md", context: 1)
        XCTAssertEqual(diff, "--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n")
    }

    /// A change in the last lines: the final line break ends the last line, it adds no empty context line (a
    /// new user's `fix --dry-run` diff did not apply with `git apply` for that).
    func testUnifiedDiffNearTheEndHasNoPhantomLine() {
        let diff = UnifiedDiff.make("a\nb\nc\n", "a\nb\nC\n", path: "x.md", context: 3)
        XCTAssertEqual(diff, "--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n a\n b\n-c\n+C\n")
    }

    /// A last line without a line break is marked as diff(1) marks it.
    func testUnifiedDiffMarksALastLineWithoutLineBreak() {
        let diff = UnifiedDiff.make("a\nb", "a\nB", path: "x.md", context: 1)
        XCTAssertEqual(diff, "--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
            + "+B\n\\ No newline at end of file\n")
    }

    /// Two large, entirely different texts do not build a table of every pair of lines: the middle is shown
    /// deleted and inserted whole, around the common head and tail.
    func testUnifiedDiffOfLargeTextsIsBounded() {
        let old = (0..<5_000).map { "old \($0)\n" }.joined()
        let new = (0..<5_000).map { "new \($0)\n" }.joined()
        let diff = UnifiedDiff.make("head\n" + old + "tail\n", "head\n" + new + "tail\n", path: "x.md", context: 1)
        XCTAssertTrue(diff.hasPrefix("--- a/x.md\n+++ b/x.md\n@@ -1,5002 +1,5002 @@\n head\n-old 0\n"), String(diff.prefix(80)))
        XCTAssertTrue(diff.hasSuffix("+new 4999\n tail\n"))
    }
}
