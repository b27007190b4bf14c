import XCTest
@testable import DocsAuditCore

final class GraphRuleTests: XCTestCase {
    private let classDefs = """
      classDef ready fill:#9f9
      classDef blocked fill:#fcc
      classDef completed fill:#ccc
      classDef governance fill:#ffc
    """

    private func map(_ graph: String, _ entries: String, prose: String = "") -> [String: String] {
        [MapFixture.path: MapFixture.map(graph: "graph TB\n\(graph)\n\(classDefs)", entries: entries, prose: prose)]
    }

    func testCleanGraphHasNoGraphFindings() throws {
        let files = map("""
          NS01[NS-01: a]:::completed
          NS02[NS-02: b]:::ready
          NS03[NS-03: c]:::blocked
          NS01 --> NS02
          NS02 --> NS03
        """, MapFixture.entry("NS-01", status: "completed") + MapFixture.entry("NS-02", status: "todo", upstream: "NS-01")
            + MapFixture.entry("NS-03", status: "todo", upstream: "NS-02"),
            prose: "The ready set is now NS-02 (1 items).")
        let corpus = try Fixture.corpus(files)
        XCTAssertEqual(Linter.lint(corpus).filter { $0.rule.hasPrefix("graph/") }.map(\.message), [])
    }

    func testParseError() throws {
        try RuleHarness.assert("graph/parse-error", map("↓  NS01[unclosed", MapFixture.entry("NS-01", status: "todo")),
                               messages: ["the label of NS01 is not closed with `]`: `NS01[unclosed`"])
    }

    func testDuplicateNode() throws {
        try RuleHarness.assert("graph/duplicate-node", map("""
          NS16[NS-16: a]:::blocked
        ↓  NS16[NS-16: again]:::blocked
        """, MapFixture.entry("NS-16", status: "blocked")),
            messages: ["node NS16 is declared again (first at line 7)"])
    }

    func testDanglingEdgeOnlyInGraphsThatDeclareNodes() throws {
        try RuleHarness.assert("graph/dangling-edge", map("""
          NS12[NS-12: a]:::completed
        ↓  NS12 --> NS99
        """, MapFixture.entry("NS-12", status: "completed")),
            messages: ["edge NS12 --> NS99: NS99 is not declared in the graph"])
        let sketch = ["docs/sketch.md": "# Sketch\n\n```mermaid\ngraph LR\n  A --> B\n```\n"]
        try RuleHarness.assert("graph/dangling-edge", sketch, messages: [])
    }

    func testUndefinedClass() throws {
        try RuleHarness.assert("graph/undefined-class", map("↓  NS01[NS-01: a]:::redy", MapFixture.entry("NS-01", status: "todo")),
                               messages: ["class `redy` (on NS01) has no classDef"])
    }

    func testCycleReportsThePath() throws {
        try RuleHarness.assert("graph/cycle", ["docs/c.md": """
        # C

        ```mermaid
        graph TB
          A[a] --> B[b]
          B --> C[c]
        ↓  C --> A
        ```
        """], messages: ["cycle: A --> B --> C --> A"], config: "graphs:\n  - paths: [docs/c.md]\n")
    }

    func testStatusClass() throws {
        try RuleHarness.assert("graph/status-class", map("""
        ↓  NS05[NS-05: a]:::ready
          NS06[NS-06: b]:::blocked
        """, MapFixture.entry("NS-05", status: "completed") + MapFixture.entry("NS-06", status: "todo")),
            messages: ["NS05 is :::ready but NS-05 has Status `completed` (expected :::completed)"])
    }

    func testReadyWithOpenUpstreamAndBlockedWithout() throws {
        let files = map("""
          NS01[NS-01: a]:::blocked
        ↓  NS02[NS-02: b]:::ready
          NS03[NS-03: c]:::completed
        ↓  NS04[NS-04: d]:::blocked
          NS01 --> NS02
          NS03 --> NS04
        """, MapFixture.entry("NS-01", status: "blocked") + MapFixture.entry("NS-02", status: "todo", upstream: "NS-01")
            + MapFixture.entry("NS-03", status: "completed") + MapFixture.entry("NS-04", status: "todo", upstream: "NS-03"))
        let (marked, ready) = try RuleHarness.findings("graph/ready-with-open-upstream", files)
        XCTAssertEqual(ready.map(\.message), ["NS02 is :::ready but its upstream NS01 is not completed"])
        XCTAssertEqual(ready.first?.line, marked.markers[0].line)
        let (_, blocked) = try RuleHarness.findings("graph/blocked-without-open-upstream", files)
        XCTAssertEqual(blocked.map(\.message), ["NS04 is :::blocked but all its upstreams (NS03) are completed"])
        XCTAssertEqual(blocked.first?.line, marked.markers[1].line)
    }

    func testTodoNodeDrawnBlockedWithNothingOpen() throws {
        try RuleHarness.assert("graph/blocked-without-open-upstream", map("""
        ↓  NS01[NS-01: a]:::blocked
          NS02[NS-02: b]:::blocked
        """, MapFixture.entry("NS-01", status: "todo") + MapFixture.entry("NS-02", status: "blocked")),
            messages: ["NS01 is :::blocked but it has no upstream and its entry says `todo`"])
    }

    func testEntryNodePairingWithRanges() throws {
        try RuleHarness.assert("graph/entry-node-pairing", map("""
          NS15[NS-15..NS-17: audits]:::blocked
        ↓  NS16[NS-16: split out]:::blocked
        ↓  NS20[NS-20: orphan]:::blocked
        """, MapFixture.entry("NS-15..NS-17", status: "blocked") + "↓" + MapFixture.entry("NS-21", status: "todo")),
            messages: [
                "NS16 lies inside range entry NS-15..NS-17, which maps to its first member only",
                "node NS20 has no detail entry (`### NS-20: …`)",
                "entry NS-21 has no node NS21 in the graph",
            ])
    }

    /// A range's end is whatever its heading says: `NS-30..NS-999999999` is asked about, never listed (listing
    /// it took 6 GB and more), and the widest range before a node is the one that covers it.
    func testEntryNodePairingWithAHugeAndOverlappingRanges() throws {
        let started = Date()
        try RuleHarness.assert("graph/entry-node-pairing", map("""
          NS15[NS-15..NS-17: audits]:::blocked
          NS16[NS-16..NS-40: wider]:::blocked
        ↓  NS18[NS-18: inside the wider]:::blocked
          NS30[NS-30..NS-999999999: everything]:::blocked
        ↓  NS500000[NS-500000: far]:::blocked
        """, MapFixture.entry("NS-15..NS-17", status: "blocked") + MapFixture.entry("NS-16..NS-40", status: "blocked")
            + MapFixture.entry("NS-30..NS-999999999", status: "blocked")),
            messages: [
                "NS18 lies inside range entry NS-16..NS-40, which maps to its first member only",
                "NS500000 lies inside range entry NS-30..NS-999999999, which maps to its first member only",
            ])
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testUpstreamEdgesToleratesHistoryAndRanges() throws {
        let entries = MapFixture.entry("NS-01", status: "completed")
            + MapFixture.entry("NS-02", status: "todo", upstream: "none (NS-01 resolved 2026-05-03)")
            + MapFixture.entry("NS-03", status: "blocked", upstream: "NS-02 → NS-04 (Tier 4) → ... → NS-05")
            + "### NS-04: four\n\n- Status: `blocked`\n↓↓- Upstream: NS-01 + NS-03\n"
        try RuleHarness.assert("graph/upstream-edges", map("""
          NS01[NS-01: a]:::completed
          NS02[NS-02: b]:::ready
          NS03[NS-03..NS-05: c]:::blocked
          NS04[NS-04: d]:::blocked
          NS01 --> NS02
          NS02 --> NS03
          NS01 --> NS04
          NS02 --> NS04
        """, entries.replacingOccurrences(of: "### NS-03: step", with: "### NS-03..NS-05: step")),
            messages: [
                "NS-04 lists upstream NS-03 but the graph has no edge NS03 --> NS04",
                "edge NS02 --> NS04 is not in NS-04's Upstream field (NS-01, NS-03)",
            ])
    }

    func testCompletedBacklogEdge() throws {
        var files = map("""
          BL106[BL-106: calendar]:::governance
          BL108[BL-108: signing]:::governance
          NS10[NS-10: measure]:::blocked
        ↓  BL106 --> NS10
          BL108 --> NS10
        """, MapFixture.entry("NS-10", status: "blocked", upstream: "BL-106 + BL-108"))
        files["docs/backlog.md"] = "# Backlog\n\n### BL-106: Calendar\n\n- Status: `completed`\n\n### BL-108: Signing\n\n- Status: `todo`\n"
        try RuleHarness.assert("graph/completed-backlog-edge", files,
                               messages: ["edge BL106 --> NS10: BL-106 is completed, so it no longer blocks NS10"])
    }

    func testSetClaimsAgainstTheDerivedSetAndTheirCounts() throws {
        let entries = MapFixture.entry("NS-01", status: "completed") + MapFixture.entry("NS-02", status: "todo", upstream: "NS-01")
            + MapFixture.entry("NS-03", status: "todo")
        try RuleHarness.assert("graph/set-claim", map("""
          NS01[NS-01: a]:::completed
          NS02[NS-02: b]:::ready
          NS03[NS-03: c]:::ready
          NS01 --> NS02
        """, entries, prose: "↓↓The ready set is now NS-02, NS-04 (3 items)."),
            messages: [
                "claimed ready set NS-02, NS-04 differs from the graph: missing NS-03; not ready: NS-04",
                "claimed ready set says (3 items) but lists 2",
            ])
    }

    /// The reviewer's own wordings: ranges inside braces, `Ready set after this PR: {…}`, and a list the
    /// parser cannot read, which is reported as unreadable and never as a wrong set.
    func testSetClaimRangesWordingsAndUnreadableLists() throws {
        let entries = MapFixture.entry("NS-01", status: "todo") + MapFixture.entry("NS-02", status: "todo", upstream: "NS-01")
            + MapFixture.entry("NS-03", status: "todo", upstream: "NS-01") + MapFixture.entry("NS-04", status: "todo", upstream: "NS-01")
            + MapFixture.entry("NS-09", status: "todo", upstream: "NS-01")
        try RuleHarness.assert("graph/set-claim", map("""
          NS01[NS-01: a]:::ready
          NS02[NS-02: b]:::blocked
          NS03[NS-03: c]:::blocked
          NS04[NS-04: d]:::blocked
          NS09[NS-09: e]:::blocked
          NS01 --> NS02
          NS01 --> NS03
          NS01 --> NS04
          NS01 --> NS09
        """, entries, prose: """
            The blocked set: {NS-02..NS-04, NS-09} (4 items).

            ↓Ready set after this PR: {NS-01, NS-03}.

            ↓The blocked set is now NS-02 and friends.
            """),
            messages: [
                "claimed ready set NS-01, NS-03 differs from the graph: not ready: NS-03",
                "cannot read the claimed blocked set `NS-02 and friends`: `friends` is not a next-step ID or a range of them",
            ])
    }

    func testPRChecklist() throws {
        let entry = "↓### NS-02: b\n\n- Status: `todo`\n- Upstream: none\n- PRs:\n  - [x] T5.1 — client (PR #30, merged 2026-05-05)\n↓  - [x] T5.2 — bridge\n"
        try RuleHarness.assert("graph/pr-checklist", map("  NS02[NS-02: b]:::ready", entry), messages: [
            "NS-02 has 2 of 2 PR rows checked but Status `todo` (expected `completed`)",
            "checked row T5.2 in NS-02 lacks `(PR #N, merged YYYY-MM-DD)`",
        ])
    }
}
