import XCTest
@testable import DocsAuditCore

final class NextStepsTests: XCTestCase {
    static let map = """
    # Cross-Plan Dependencies

    ## 6. Active Next Steps DAG

    ### Graph

    ```mermaid
    graph TB
      NS01[NS-01: scaffold]:::completed
      NS02[NS-02: wire]:::ready
      NS03[NS-03..NS-05: audits]:::blocked
      BL107[BL-107: procurement]:::governance
      NS01 --> NS02
      NS02 --> NS03
      BL107 --> NS03
      classDef completed fill:#ccc
    ```

    ### Recommended first wave

    With NS-01 done, the ready set is now NS-02 (1 items). The blocked set: {NS-03}.

    ### NS-01: Scaffold — the crate

    - Status: `completed` (resolved 2026-05-11 via PR #42 — shipped)
    - Type: code
    - Priority: `P1`
    - Upstream: none (NS-09 resolved earlier)
    - References: [Plan-001](../plans/001-core.md):10-12
    - Summary: Scaffold it.
    - Exit Criteria: merged.
    - PRs:
      - [x] T1.1 — scaffold the crate (PR #42, merged 2026-05-11)
      - [ ] T1.2 — follow-up

    ### NS-02: Wire `session.*`

    - Status: `todo`
    - Upstream: NS-01 (scaffolding) + BL-107 (evidence)

    ### NS-03..NS-05: Tier audits

    - Status: `blocked`
    - Upstream: NS-02 → NS-03 (Tier 3) → ... → NS-05 (Tier 5)
    """

    func testEntriesFieldsAndUpstreamTokens() throws {
        let model = try Fixture.model(["docs/architecture/cross-plan-dependencies.md": Self.map])
        let next = try XCTUnwrap(model.nextSteps)
        XCTAssertEqual(next.entries.map(\.id), ["NS-01", "NS-02", "NS-03"])
        XCTAssertEqual(next.entries.map(\.nodeID), ["NS01", "NS02", "NS03"])
        XCTAssertEqual(next.entries[2].rangeEnd, "NS-05")
        let first = next.entries[0]
        XCTAssertEqual(first.title, "Scaffold — the crate")
        XCTAssertEqual(first.status, "completed")
        XCTAssertEqual(first.statusNote, "resolved 2026-05-11 via PR #42 — shipped")
        XCTAssertEqual(first.type, "code")
        XCTAssertEqual(first.priority, "P1")
        XCTAssertEqual(first.upstream?.none, true)
        XCTAssertEqual(first.upstream?.tokens, [], "IDs inside `none (…)` are history, not upstreams")
        XCTAssertEqual(first.fields.map(\.key), ["Status", "Type", "Priority", "Upstream", "References", "Summary", "Exit Criteria", "PRs"])
        XCTAssertEqual(first.prs?.map(\.checked), [true, false])
        XCTAssertEqual(first.prs?.map(\.id), ["T1.1", "T1.2"])
        XCTAssertEqual(first.prs?.first?.pr, 42)
        XCTAssertEqual(first.prs?.first?.merged, "2026-05-11")
        XCTAssertNil(first.prs?.last?.pr)
        XCTAssertEqual(next.entries[1].upstream?.tokens, ["NS-01", "BL-107"])
        XCTAssertEqual(next.entries[1].title, "Wire session.*")
        let chain = try XCTUnwrap(next.entries[2].upstream)
        XCTAssertEqual(chain.tokens, ["NS-02", "NS-03", "NS-05"])
        XCTAssertTrue(chain.chain)
        XCTAssertTrue(chain.ellipsis)
    }

    func testDiagramAndSetClaims() throws {
        let model = try Fixture.model(["docs/architecture/cross-plan-dependencies.md": Self.map])
        let next = try XCTUnwrap(model.nextSteps)
        let graph = try XCTUnwrap(next.diagram.map { model.diagrams[$0].graph })
        XCTAssertEqual(graph.nodes.map(\.id), ["NS01", "NS02", "NS03", "BL107"])
        XCTAssertEqual(graph.edges.count, 3)
        XCTAssertEqual(graph.nodes.first?.line, 9)
        XCTAssertEqual(next.setClaims.map(\.set), ["ready", "blocked"])
        XCTAssertEqual(next.setClaims.map(\.ids), [["NS-02"], ["NS-03"]])
        XCTAssertEqual(next.setClaims.first?.count, 1)
    }
}
