import XCTest
@testable import DocsAuditCore

/// G1's heading-tree comparison on small inline plans.
final class SkeletonDiffTests: XCTestCase {
    private func changes(_ old: String, _ new: String) -> [String] {
        SkeletonDiff.compare(old: MarkdownDocument(path: "p.md", text: old).sections,
                             new: MarkdownDocument(path: "p.md", text: new).sections).map { change in
            "\(change.kind.rawValue) \(change.old ?? "-") → \(change.new ?? "-") under \(change.parent ?? "-")"
        }
    }

    func testRenamedPhaseKeepsItsChildrenAndAMovedHeadingIsNotARemoval() {
        let old = """
            # Plan
            ## Phases
            ### Phase 1 — Skeleton
            #### Tasks
            ### Phase 2 — Replay
            ## Notes
            ### Gotchas
            """
        let new = """
            # Plan
            ## Phases
            ### Phase 1 — Core
            #### Tasks
            ### Phase 2 — Replay
            #### Gotchas
            #### Tasks
            ## Notes
            """
        XCTAssertEqual(changes(old, new), [
            "renamed ### Phase 1 — Skeleton → ### Phase 1 — Core under Phases",
            "moved ### Gotchas → #### Gotchas under Phase 2 — Replay",
            "added - → #### Tasks under Phase 2 — Replay",
        ])
    }

    func testAHeadingWithAnotherLeadIsARemovalAndAnAddition() {
        XCTAssertEqual(changes("# P\n## Invariants\n### I-1 — A\n", "# P\n## Invariants\n### I-2 — B\n"), [
            "removed ### I-1 — A → - under Invariants",
            "added - → ### I-2 — B under Invariants",
        ])
    }

    /// A plan whose every heading changed, far past the rename limit: only exact matching runs, and every
    /// heading is reported once.
    func testAWhollyReplacedHugeOutlineIsComparedWithoutRenameScans() {
        let count = SkeletonDiff.maxHeadingsForRenames + 500
        let old = (0..<count).map { "## Old \($0)" }.joined(separator: "\n")
        let new = (0..<count).map { "## New \($0)" }.joined(separator: "\n")
        let result = SkeletonDiff.compare(old: MarkdownDocument(path: "p.md", text: old).sections,
                                          new: MarkdownDocument(path: "p.md", text: new).sections)
        XCTAssertEqual(result.filter { $0.kind == .removed }.count, count)
        XCTAssertEqual(result.filter { $0.kind == .added }.count, count)
    }
}
