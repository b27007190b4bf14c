import XCTest
@testable import DocsAuditCore

/// One test per reason a next-steps rule fires and per exemption it honours (the DAG in the dependency map,
/// its entries, and the backlog).
final class GraphStateBranchTests: XCTestCase {
    private let classDefs = """
      classDef ready fill:#9f9
      classDef blocked fill:#fcc
      classDef completed fill:#ccc
      classDef governance fill:#ffc
    """

    /// The map with `graph` (node lines start at line 7), `entries` and `prose`, plus a backlog when given.
    private func map(_ graph: String, _ entries: String, prose: String = "", backlog: String? = nil) -> [String: String] {
        var files = [MapFixture.path: MapFixture.map(graph: "graph TB\n\(graph)\n\(classDefs)", entries: entries, prose: prose)]
        if let backlog { files["docs/backlog.md"] = "# Backlog\n\n" + backlog }
        return files
    }

    private func entry(_ id: String, _ status: String, _ upstream: String = "none") -> String {
        MapFixture.entry(id, status: status, upstream: upstream)
    }

    private func item(_ id: String, _ status: String) -> String { "### \(id): item\n\n- Status: `\(status)`\n\n" }

    // MARK: graph/status-class

    func testStatusClassEachStatusAndItsAllowedClasses() throws {
        try RuleHarness.assert("graph/status-class", map("""
        ↓  NS01[NS-01: a]:::ready
        ↓  NS02[NS-02: b]:::ready
        ↓  NS03[NS-03: c]:::blocked
        ↓  NS04[NS-04: d]:::completed
          NS05[NS-05: e]:::ready
          NS06[NS-06: f]:::blocked
        """, entry("NS-01", "completed") + entry("NS-02", "blocked") + entry("NS-03", "in_progress")
            + entry("NS-04", "todo") + entry("NS-05", "todo") + entry("NS-06", "todo")), messages: [
            "NS01 is :::ready but NS-01 has Status `completed` (expected :::completed)",
            "NS02 is :::ready but NS-02 has Status `blocked` (expected :::blocked)",
            "NS03 is :::blocked but NS-03 has Status `in_progress` (expected :::ready)",
            "NS04 is :::completed but NS-04 has Status `todo` (expected :::ready or :::blocked)",
        ])
    }

    func testStatusClassNodeWithoutClass() throws {
        try RuleHarness.assert("graph/status-class", map("↓  NS01[NS-01: a]", entry("NS-01", "completed")),
                               messages: ["NS01 is :::(none) but NS-01 has Status `completed` (expected :::completed)"])
    }

    func testStatusClassSkipsUndeclaredNodesNodesWithoutEntryAndUnknownStatuses() throws {
        try RuleHarness.assert("graph/status-class", map("""
          NS01[NS-01: a]:::completed
          NS01 --> NS02
          NS03[NS-03: c]:::ready
          NS04[NS-04: d]:::ready
        """, entry("NS-01", "completed") + entry("NS-02", "completed") + entry("NS-04", "parked")), messages: [])
    }

    func testStatusClassFollowsTheProfile() throws {
        try RuleHarness.assert("graph/status-class", map("↓  NS01[NS-01: a]:::ready", entry("NS-01", "todo")),
                               messages: ["NS01 is :::ready but NS-01 has Status `todo` (expected :::blocked)"],
                               config: "graph:\n  status-classes:\n    todo: [blocked]\n")
    }

    // MARK: graph/ready-with-open-upstream

    func testReadyWithOpenNextStepUpstream() throws {
        try RuleHarness.assert("graph/ready-with-open-upstream", map("""
          NS01[NS-01: a]:::blocked
        ↓  NS02[NS-02: b]:::ready
          NS01 --> NS02
        """, entry("NS-01", "blocked") + entry("NS-02", "todo", "NS-01")),
            messages: ["NS02 is :::ready but its upstream NS01 is not completed"])
    }

    func testReadyWithOpenBacklogUpstream() throws {
        try RuleHarness.assert("graph/ready-with-open-upstream", map("""
          BL108[BL-108: signing]:::governance
        ↓  NS02[NS-02: b]:::ready
          BL108 --> NS02
        """, entry("NS-02", "todo", "BL-108"), backlog: item("BL-108", "todo")),
            messages: ["NS02 is :::ready but its upstream BL108 is not completed"])
    }

    func testReadyWithBacklogUpstreamThatNoItemDefines() throws {
        try RuleHarness.assert("graph/ready-with-open-upstream", map("""
          BL109[BL-109: unknown]:::governance
        ↓  NS02[NS-02: b]:::ready
          BL109 --> NS02
        """, entry("NS-02", "todo", "BL-109"), backlog: item("BL-108", "completed")),
            messages: ["NS02 is :::ready but its upstream BL109 is not completed"])
    }

    func testReadyListsEveryOpenUpstreamAndSkipsCompletedOnes() throws {
        try RuleHarness.assert("graph/ready-with-open-upstream", map("""
          NS01[NS-01: a]:::blocked
          NS02[NS-02: b]:::completed
          BL108[BL-108: signing]:::governance
        ↓  NS04[NS-04: d]:::ready
          NS01 --> NS04
          NS02 --> NS04
          BL108 --> NS04
        """, entry("NS-01", "todo") + entry("NS-02", "completed") + entry("NS-04", "todo", "NS-01 + NS-02 + BL-108"),
            backlog: item("BL-108", "in_progress")),
            messages: ["NS04 is :::ready but its upstream NS01, BL108 is not completed"])
    }

    func testReadyWithCompletedUpstreamsPasses() throws {
        try RuleHarness.assert("graph/ready-with-open-upstream", map("""
          NS01[NS-01: a]:::completed
          NS02[NS-02: b]:::completed
          BL108[BL-108: signing]:::governance
          NS04[NS-04: d]:::ready
          NS05[NS-05: e]:::blocked
          NS01 --> NS04
          NS02 --> NS04
          BL108 --> NS04
          NS04 --> NS05
        """, entry("NS-01", "completed") + entry("NS-04", "todo", "NS-01 + NS-02 + BL-108") + entry("NS-05", "todo", "NS-04"),
            backlog: item("BL-108", "completed")), messages: [])
    }

    func testReadyUpstreamCompletedByEntryEvenIfDrawnOtherwise() throws {
        // An upstream with an entry is completed by its Status, whatever its class; without an entry, by its class.
        try RuleHarness.assert("graph/ready-with-open-upstream", map("""
          NS01[NS-01: a]:::ready
          NS02[NS-02: b]:::ready
          NS03[NS-03: c]:::completed
        ↓  NS04[NS-04: d]:::ready
          NS05[NS-05: e]:::completed
          NS06[NS-06: f]:::ready
          NS01 --> NS02
          NS03 --> NS04
          NS05 --> NS06
        """, entry("NS-01", "completed") + entry("NS-02", "todo", "NS-01") + entry("NS-03", "todo")
            + entry("NS-04", "todo", "NS-03") + entry("NS-06", "todo", "NS-05")),
            messages: ["NS04 is :::ready but its upstream NS03 is not completed"])
    }

    // MARK: graph/blocked-without-open-upstream

    func testBlockedWithAllUpstreamsCompletedListsThem() throws {
        try RuleHarness.assert("graph/blocked-without-open-upstream", map("""
          NS01[NS-01: a]:::completed
          BL108[BL-108: signing]:::governance
        ↓  NS03[NS-03: c]:::blocked
          NS01 --> NS03
          BL108 --> NS03
        """, entry("NS-01", "completed") + entry("NS-03", "blocked", "NS-01 + BL-108"), backlog: item("BL-108", "completed")),
            messages: ["NS03 is :::blocked but all its upstreams (NS01, BL108) are completed"])
    }

    func testBlockedTodoWithoutUpstream() throws {
        try RuleHarness.assert("graph/blocked-without-open-upstream",
            map("↓  NS01[NS-01: a]:::blocked", entry("NS-01", "todo")),
                               messages: ["NS01 is :::blocked but it has no upstream and its entry says `todo`"])
    }

    func testBlockedExemptions() throws {
        // Status `blocked` with no edge (waits outside the graph); an open upstream; no entry and no edge.
        try RuleHarness.assert("graph/blocked-without-open-upstream", map("""
          NS01[NS-01: a]:::blocked
          NS02[NS-02: b]:::ready
          NS03[NS-03: c]:::blocked
          NS04[NS-04: d]:::blocked
          BL108[BL-108: signing]:::governance
          NS05[NS-05: e]:::blocked
          NS02 --> NS03
          BL108 --> NS05
        """, entry("NS-01", "blocked") + entry("NS-02", "todo") + entry("NS-03", "todo", "NS-02")
            + entry("NS-05", "todo", "BL-108"), backlog: item("BL-108", "todo")), messages: [])
    }

    // MARK: graph/entry-node-pairing

    func testPairingNodeWithoutEntry() throws {
        try RuleHarness.assert("graph/entry-node-pairing", map("↓  NS07[NS-07: a]:::ready\n  NS08[NS-08: b]:::ready",
                                                               entry("NS-08", "todo")),
                               messages: ["node NS07 has no detail entry (`### NS-07: …`)"])
    }

    func testPairingEntryWithoutNode() throws {
        try RuleHarness.assert("graph/entry-node-pairing",
            map("  NS08[NS-08: b]:::ready", entry("NS-08", "todo") + "↓" + entry("NS-09", "todo")),
                               messages: ["entry NS-09 has no node NS09 in the graph"])
    }

    func testPairingRangeMembersAndLetterSuffixes() throws {
        try RuleHarness.assert("graph/entry-node-pairing", map("""
          NS15[NS-15..NS-17: audits]:::blocked
        ↓  NS17[NS-17: last member]:::blocked
          NS18[NS-18: after the range]:::blocked
          NS13a[NS-13a: split]:::ready
        """, entry("NS-15..NS-17", "blocked") + entry("NS-18", "blocked") + entry("NS-13a", "todo")),
            messages: ["NS17 lies inside range entry NS-15..NS-17, which maps to its first member only"])
    }

    func testPairingIgnoresBacklogAndOtherNodes() throws {
        try RuleHarness.assert("graph/entry-node-pairing", map("  BL108[BL-108: signing]:::governance\n  START[start]",
                                                               ""), messages: [])
    }

    // MARK: graph/upstream-edges

    func testUpstreamListedButNotDrawn() throws {
        try RuleHarness.assert("graph/upstream-edges", map("""
          NS01[NS-01: a]:::blocked
          NS02[NS-02: b]:::blocked
        """, entry("NS-01", "blocked") + "### NS-02: b\n\n- Status: `todo`\n↓↓- Upstream: NS-01 + BL-108\n"), messages: [
            "NS-02 lists upstream BL-108 but the graph has no edge BL108 --> NS02",
            "NS-02 lists upstream NS-01 but the graph has no edge NS01 --> NS02",
        ])
    }

    func testUpstreamDrawnButNotListed() throws {
        try RuleHarness.assert("graph/upstream-edges", map("""
          NS01[NS-01: a]:::blocked
          BL108[BL-108: signing]:::governance
          NS02[NS-02: b]:::blocked
          NS01 --> NS02
          BL108 --> NS02
        """, entry("NS-01", "blocked") + "### NS-02: b\n\n- Status: `todo`\n↓↓- Upstream: none\n", backlog: item("BL-108", "todo")),
            messages: [
                "edge BL108 --> NS02 is not in NS-02's Upstream field (none)",
                "edge NS01 --> NS02 is not in NS-02's Upstream field (none)",
            ])
    }

    func testUpstreamToleratesCompletedHistoryAndOwnRange() throws {
        try RuleHarness.assert("graph/upstream-edges", map("""
          NS01[NS-01: a]:::completed
          BL107[BL-107: done]:::governance
          NS02[NS-02: b]:::ready
          NS03[NS-03..NS-05: c]:::blocked
          NS01 --> NS02
          BL107 --> NS02
          NS02 --> NS03
        """, entry("NS-01", "completed") + entry("NS-02", "todo", "none (NS-01 resolved 2026-05-03)")
            + entry("NS-03..NS-05", "blocked", "NS-02 → NS-04 → NS-05"), backlog: item("BL-107", "completed")), messages: [])
    }

    func testUpstreamSkipsEntriesWithoutNodeOrField() throws {
        try RuleHarness.assert("graph/upstream-edges", map("  NS01[NS-01: a]:::blocked\n  NS01 --> NS02",
                                                           "### NS-01: a\n\n- Status: `todo`\n\n" + entry("NS-03", "todo", "NS-09")), messages: [])
    }

    // MARK: graph/completed-backlog-edge

    func testCompletedBacklogEdgeOnlyForCompletedItems() throws {
        try RuleHarness.assert("graph/completed-backlog-edge", map("""
          BL106[BL-106: calendar]:::governance
          BL107[BL-107: open]:::governance
          BL109[BL-109: undefined]:::governance
          NS01[NS-01: a]:::completed
          NS10[NS-10: measure]:::blocked
        ↓  BL106 --> NS10
          BL107 --> NS10
          BL109 --> NS10
          NS01 --> NS10
        """, entry("NS-01", "completed") + entry("NS-10", "blocked", "BL-106 + BL-107 + BL-109 + NS-01"),
            backlog: item("BL-106", "completed") + item("BL-107", "todo")),
            messages: ["edge BL106 --> NS10: BL-106 is completed, so it no longer blocks NS10"])
    }

    // MARK: graph/set-claim

    private let threeSteps = """
      NS01[NS-01: a]:::completed
      NS02[NS-02: b]:::ready
      NS03[NS-03: c]:::blocked
      NS01 --> NS02
      NS02 --> NS03
    """

    private var threeEntries: String {
        entry("NS-01", "completed") + entry("NS-02", "todo", "NS-01") + entry("NS-03", "todo", "NS-02")
    }

    func testSetClaimMissingMember() throws {
        try RuleHarness.assert("graph/set-claim", map(threeSteps, threeEntries, prose: "↓The blocked set: {NS-01}."),
                               messages: ["claimed blocked set NS-01 differs from the graph: missing NS-03; not blocked: NS-01"])
    }

    func testSetClaimCompletedSetAndCount() throws {
        try RuleHarness.assert("graph/set-claim",
            map(threeSteps, threeEntries, prose: "↓The completed set is NS-01 (2 items)."),
                               messages: ["claimed completed set says (2 items) but lists 1"])
    }

    func testSetClaimDerivesFromEntriesNotClasses() throws {
        // NS-03 is drawn blocked and its upstream is open, so it is not ready whatever the sentence says.
        try RuleHarness.assert("graph/set-claim",
            map(threeSteps, threeEntries, prose: "↓The ready set is now NS-02, NS-03."),
                               messages: ["claimed ready set NS-02, NS-03 differs from the graph: not ready: NS-03"])
    }

    func testSetClaimThatMatchesPasses() throws {
        try RuleHarness.assert("graph/set-claim", map(threeSteps, threeEntries,
                                                      prose: "The ready set is now NS-02 (1 item). The blocked set: {NS-03}."),
                               messages: [])
    }

    // MARK: graph/pr-checklist

    private func prs(_ status: String, _ rows: String) -> [String: String] {
        map("  NS02[NS-02: b]:::ready", "↓### NS-02: b\n\n- Status: `\(status)`\n- Upstream: none\n- PRs:\n\(rows)")
    }

    private let merged = "  - [x] T5.1 — client (PR #30, merged 2026-05-05)\n"
    private let open = "  - [ ] T5.2 — bridge\n"

    func testPRChecklistAllCheckedNeedsCompleted() throws {
        try RuleHarness.assert("graph/pr-checklist", prs("in_progress", merged),
                               messages: ["NS-02 has 1 of 1 PR rows checked but Status `in_progress` (expected `completed`)"])
    }

    func testPRChecklistSomeCheckedNeedsInProgressOrBlocked() throws {
        try RuleHarness.assert("graph/pr-checklist", prs("todo", merged + open),
                               messages: ["NS-02 has 1 of 2 PR rows checked but Status `todo` (expected `in_progress` or `blocked`)"])
    }

    func testPRChecklistNoneCheckedNeedsTodoOrBlocked() throws {
        try RuleHarness.assert("graph/pr-checklist", prs("completed", open),
                               messages: ["NS-02 has 0 of 1 PR rows checked but Status `completed` (expected `todo` or `blocked`)"])
    }

    func testPRChecklistCheckedRowWithoutMergeNote() throws {
        let files = prs("completed", merged + "↓  - [x] T5.2 — bridge (PR #31)\n")
            .mapValues { $0.replacingOccurrences(of: "↓### NS-02", with: "### NS-02") }
        try RuleHarness.assert("graph/pr-checklist",
            files, messages: ["checked row T5.2 in NS-02 lacks `(PR #N, merged YYYY-MM-DD)`"])
    }

    func testPRChecklistAgreeingStatusesPass() throws {
        for (status, rows) in [("completed", merged), ("blocked", merged + open), ("in_progress", merged + open),
                               ("blocked", open), ("todo", open)] {
            let files = prs(status, rows).mapValues { $0.replacingOccurrences(of: "↓", with: "") }
            try RuleHarness.assert("graph/pr-checklist", files, messages: [])
        }
    }
}
