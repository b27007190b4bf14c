import XCTest
@testable import DocsAuditCore

/// Every rule over ../shared/corpora/ai-sidekicks, pinned to the counts verified by hand in
/// docs/real-corpus.md. A change in any count means a rule changed behaviour: re-verify, then update both.
final class RealCorpusLintTests: XCTestCase {
    func testPerRuleCountsOnTheRealCorpus() throws {
        guard let root = Fixture.realCorpus else {
            throw XCTSkip("../shared/corpora/ai-sidekicks is absent: the real-corpus lint test needs it beside the project")
        }
        let profile = try ProfileLoader.load(root: root, configFile: nil)
        let findings = Linter.lint(try CorpusLoader.load(root: root, profile: profile))
        var counts: [String: Int] = [:]
        for rule in RuleCatalog.descriptions { counts[rule.id] = 0 }
        for finding in findings { counts[finding.rule, default: 0] += 1 }
        let expected: [String: Int] = [
            "tags/ephemeral": 149, "tasks/traceability": 13, "links/unverifiable": 13, "obligations/reciprocity": 10,
            // links and cites in docs/archive are reported (corpus.frozen-links, warning): 2 anchors, 3 files
            // and 4 cites there, each read against the source in docs/real-corpus.md.
            "graph/completed-backlog-edge": 1, "cites/line-range": 5, "backlog/fields": 1,
            "links/missing-anchor": 2, "links/missing-file": 3,
            // docs/specs/015 line 212: a header of 3 cells over a delimiter row of 4, shown as raw pipes.
            "tables/not-rendered": 1,
        ]
        for (rule, count) in counts.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(count, expected[rule] ?? 0, rule)
        }
        // The findings verified one by one in docs/real-corpus.md.
        let subjects = Set(findings.map { "\($0.rule) \($0.subject)" })
        for known in ["graph/completed-backlog-edge BL106->NS10", "backlog/fields BL-110-priority", "cites/line-range Plan-001:357",
                      "tables/not-rendered table:| Platform | Command | Pass Condition |",
                      "links/missing-file docs/archive/MEMORY", "cites/line-range Plan-001:54–55",
                      "tasks/traceability T-024-3-5", "obligations/reciprocity CP-024-1->Plan-005"] {
            XCTAssertTrue(subjects.contains(known), known)
        }
        let tagsInTasks = findings.filter { $0.rule == "tags/ephemeral" && $0.severity == .error }
        XCTAssertEqual(tagsInTasks.count, 52, "47 finding IDs, 2 PR numbers and 3 `this PR` inside Tasks blocks")
    }
}
