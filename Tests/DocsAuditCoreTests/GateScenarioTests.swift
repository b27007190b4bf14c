import XCTest
@testable import DocsAuditCore

/// Scenario corpora from Tests/Fixtures/Gates: each test builds a git repository (the base corpus, the
/// Tier 1 audit commit, a baseline tag), lays the Tier 2 audit's working changes over it (`pass`, then the
/// scenario's own files), and checks every verdict, figure and piece of evidence.
final class GateScenarioTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Gates")

    /// Copies every file under `source` into `target`, replacing what is there.
    private func overlay(_ source: URL, onto target: URL, skipping: Set<String> = ["ledger", "README.md"]) throws {
        let fm = FileManager.default
        guard let files = fm.enumerator(atPath: source.path)?.compactMap({ $0 as? String }) else { return }
        for file in files where !skipping.contains(where: { file == $0 || file.hasPrefix($0 + "/") }) {
            var isDirectory: ObjCBool = false
            let from = source.appendingPathComponent(file)
            guard fm.fileExists(atPath: from.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let to = target.appendingPathComponent(file)
            try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: to.path) { try fm.removeItem(at: to) }
            try fm.copyItem(at: from, to: to)
        }
    }

    /// Builds the repository for `scenario` and evaluates Tier 2.
    private func evaluate(_ scenario: String, config: String? = nil) throws -> GateReport {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gates-\(scenario)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try overlay(Self.fixtures.appendingPathComponent("base"), onto: root)
        try Fixture.commitAll(root, message: "docs: base corpus")
        if scenario != "g6-no-previous-audit" {
            try Fixture.git(root, ["commit", "-q", "--allow-empty", "-m", "docs(repo): apply Tier 1 plan-readiness audit (#15)"])
        }
        try Fixture.git(root, ["tag", "tier-2-baseline"])
        try overlay(Self.fixtures.appendingPathComponent("pass"), onto: root)
        if scenario != "pass" { try overlay(Self.fixtures.appendingPathComponent(scenario), onto: root) }
        if let config { try Data(config.utf8).write(to: root.appendingPathComponent("docs-audit.yml")) }
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let ownLedger = Self.fixtures.appendingPathComponent(scenario).appendingPathComponent("ledger")
        let ledgerPath = FileManager.default.fileExists(atPath: ownLedger.path) ? ownLedger
            : Self.fixtures.appendingPathComponent("pass/ledger")
        let ledger = try Ledger.read(ledgerPath.path, profile: profile)
        let evaluator = GateEvaluator(root: root.path, profile: profile, baseline: "tier-2-baseline", ledger: ledger)
        return try evaluator.evaluate(tier: 2, plans: []).report
    }

    private func verdicts(_ report: GateReport) -> [String: GateReport.Verdict] {
        Dictionary(uniqueKeysWithValues: (report.gates + report.bands).map { ($0.id, $0.verdict) })
    }

    private func check(_ report: GateReport, _ id: String) throws -> GateReport.Check {
        try XCTUnwrap((report.gates + report.bands).first { $0.id == id })
    }

    func testPassingScenarioPassesEveryGateAndBand() throws {
        let report = try evaluate("pass")
        XCTAssertEqual(report.plans, ["Plan-002"])
        XCTAssertEqual(verdicts(report), [
            "G1": .pass, "G2": .pass, "G3": .pass, "G4": .pass, "G5": .pass, "G6": .pass, "G7": .notMeasured, "no-ephemeral-tags": .pass,
            "B1": .pass, "B2": .pass, "B3": .pass, "B4": .pass, "B5": .pass, "B6": .pass,
        ])
        XCTAssertEqual(try check(report, "G1").figure, "additions-only (3 added)")
        XCTAssertEqual(try check(report, "G3").figure, "ex-Tasks diff 0.14× (<1.5×); max 3 step-entries/Phase (<50)")
        XCTAssertEqual(try check(report, "G6").evidence.first?.hasSuffix("docs(repo): apply Tier 1 plan-readiness audit (#15)"), true)
        XCTAssertEqual(try check(report, "B1").figure, "avg 1.0; max-phase 1")
        XCTAssertEqual(try check(report, "B2").figure, "total 5")
        XCTAssertEqual(try check(report, "B3").figure, "2.00:1")
        XCTAssertEqual(try check(report, "B4").figure, "Plan-002 45")
        XCTAssertEqual(try check(report, "B5").figure, "2 substantive, 1 cosmetic")
        XCTAssertEqual(try check(report, "B6").figure, "0 flips")
        XCTAssertFalse(report.gateFailed)
    }

    func testG1LostAnchors() throws {
        let g1 = try check(try evaluate("g1-lost-anchor"), "G1")
        XCTAssertEqual(g1.verdict, .fail)
        XCTAssertEqual(g1.figure, "Plan-002 1 removed, 2 anchors lost")
        XCTAssertEqual(g1.evidence, [
            "Plan-002: lost invariant I-002-1", "Plan-002: lost test C1",
            "Plan-002: removed `### I-002-1 — The relay never holds plaintext` under `Invariants`",
            "Plan-002: added `### I-002-2 — Replay is ordered` under `Invariants` (line 10)",
            "Plan-002: added invariant I-002-2", "Plan-002: added test C2",
        ], "a heading with another ID in the same place is a removal and an addition, not a rename")
    }

    func testG1RenamedAndRemovedHeadingsFailWithTheLinksTheyBreak() throws {
        let g1 = try check(try evaluate("g1-renamed-heading"), "G1")
        XCTAssertEqual(g1.verdict, .fail)
        XCTAssertEqual(g1.figure, "Plan-002 1 removed, 1 renamed; 2 inbound links broken")
        XCTAssertEqual(g1.evidence, [
            "Plan-002: renamed `### Phase 1 — Relay Skeleton` → `### Phase 1 — Relay Core` (line 31); "
                + "breaks 1 link: docs/architecture/relay-notes.md:3",
            "Plan-002: removed `## Progress Log` under `Plan-002: Relay`; breaks 1 link: docs/architecture/relay-notes.md:4",
            "Plan-002: added `### I-002-2 — Replay is ordered` under `Invariants` (line 14)",
            "Plan-002: added invariant I-002-2", "Plan-002: added test C2",
        ])
    }

    /// The audit PR of Tests/Fixtures/Gates/audit-pr: the Tier 1 audit is tagged the way the runbook says
    /// (`plan-readiness-audit-tier-1-complete`) and its commit subject is not the squash form.
    private func auditPR(plans: [String] = []) throws -> GateEvaluator.Evaluation {
        let scenario = Self.fixtures.appendingPathComponent("audit-pr")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gates-audit-pr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try overlay(Self.fixtures.appendingPathComponent("base"), onto: root)
        try Fixture.commitAll(root, message: "docs: base corpus")
        try overlay(scenario.appendingPathComponent("baseline"), onto: root)
        try Fixture.commitAll(root, message: "docs: Tier 1 audit")
        try Fixture.git(root, ["tag", "plan-readiness-audit-tier-1-complete"])
        try Fixture.git(root, ["tag", "plan-readiness-audit-tier-2-baseline"])
        try overlay(scenario.appendingPathComponent("change"), onto: root)
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let ledger = try Ledger.read(scenario.appendingPathComponent("ledger").path, profile: profile)
        let evaluator = GateEvaluator(root: root.path, profile: profile, baseline: "plan-readiness-audit-tier-2-baseline", ledger: ledger)
        return try evaluator.evaluate(tier: plans.isEmpty ? 2 : nil, plans: plans)
    }

    func testAuditPullRequest() throws {
        let evaluation = try auditPR()
        let report = evaluation.report
        XCTAssertEqual(report.gates.map(\.id), ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "no-ephemeral-tags"])
        let g1 = try check(report, "G1")
        XCTAssertEqual(g1.verdict, .pass)
        XCTAssertEqual(g1.figure, "additions-only (4 added)")
        XCTAssertEqual(g1.evidence, [
            "Plan-002: added `## Cross-Plan Obligations` under `Plan-002: Relay` (line 18)",
            "Plan-002: added `### CP-002-1 — Relay cursors survive a Plan-001 store migration` under `Cross-Plan Obligations` (line 20)",
            "Plan-002: added `#### Tasks` under `Phase 2 — Ordered Replay` (line 50)",
            "Plan-002: added obligation CP-002-1",
        ])
        let g4 = try check(report, "G4")
        XCTAssertEqual(g4.figure, "0 of 4 tasks untraced")
        let g5 = try check(report, "G5")
        XCTAssertEqual(g5.verdict, .pass, "PR #7 was in the Tasks block at the baseline: moved, not new")
        XCTAssertEqual(g5.figure, "0 new PR #N refs in Tasks blocks")
        XCTAssertEqual(g5.plans.first?.figure, "0 new PR #N refs (1 already at the baseline)")
        let g6 = try check(report, "G6")
        XCTAssertEqual(g6.verdict, .pass)
        XCTAssertEqual(g6.figure, "tag plan-readiness-audit-tier-1-complete")
        let tags = try check(report, "no-ephemeral-tags")
        XCTAssertEqual(tags.verdict, .fail)
        XCTAssertEqual(tags.figure, "1 tags (pr-ref 1) in 1 files")
        XCTAssertEqual(tags.evidence, ["docs/plans/002-relay.md:43: PR #7"])
        XCTAssertEqual(try check(report, "B4").figure, "Plan-002 45–75")
        XCTAssertEqual(try check(report, "B4").verdict, .pass)
        XCTAssertEqual(try check(report, "B5").figure, "2 substantive, 1 cosmetic")
        XCTAssertFalse(report.gateFailed, "the ephemeral-tags line is reported beside the gates, it does not fail them")
        XCTAssertEqual(evaluation.findings.filter { $0.rule == "graph/set-claim" }.map(\.message), [],
                       "the fold's ready and blocked sentences, a range among them, agree with the graph")
        let tagMessages = evaluation.findings.filter { $0.rule == "tags/ephemeral" }.map(\.message)
        XCTAssertEqual(tagMessages, ["ephemeral pr-ref `PR #7` inside a Tasks block (gate G5)"])
    }

    func testPlansInsteadOfATierFindTheirTierForG6() throws {
        let report = try auditPR(plans: ["002"]).report
        XCTAssertEqual(report.plans, ["Plan-002"])
        XCTAssertEqual(try check(report, "G6").figure, "tag plan-readiness-audit-tier-1-complete")
    }

    func testPlansOrTierNamingNothingIsAnErrorListingWhatExists() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gates-unknown-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try overlay(Self.fixtures.appendingPathComponent("base"), onto: root)
        try Fixture.commitAll(root, message: "base")
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let evaluator = GateEvaluator(root: root.path, profile: profile, baseline: "HEAD")
        XCTAssertThrowsError(try evaluator.evaluate(tier: nil, plans: ["1"])) { error in
            XCTAssertEqual("\(error)", "Plan-1: not a plan in the corpus; plans: Plan-001, Plan-002 (--plans)")
        }
        XCTAssertThrowsError(try evaluator.evaluate(tier: 9, plans: [])) { error in
            XCTAssertEqual("\(error)", "tier 9 is not in the build order (docs/architecture/cross-plan-dependencies.md); tiers: 1, 2 (--tier)")
        }
    }

    func testAPlanWithoutTasksIsNotMeasuredForG4AndG5() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gates-notasks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try overlay(Self.fixtures.appendingPathComponent("base"), onto: root)
        let plan = root.appendingPathComponent("docs/plans/002-relay.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        let cut = try XCTUnwrap(text.range(of: "#### Tasks"))
        try Data((String(text[..<cut.lowerBound]) + "## Progress Log\n\nNothing shipped yet.\n").utf8).write(to: plan)
        try Fixture.commitAll(root, message: "base")
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let report = try GateEvaluator(root: root.path, profile: profile, baseline: "HEAD").evaluate(tier: 2, plans: []).report
        XCTAssertEqual(try check(report, "G4").verdict, .notMeasured)
        XCTAssertEqual(try check(report, "G4").figure, "no tasks")
        XCTAssertEqual(try check(report, "G5").verdict, .notMeasured)
        XCTAssertEqual(try check(report, "G5").plans.first?.figure, "no Tasks blocks")
    }

    func testLedgerMinutesAndAdvisorCountsAsPeopleWriteThem() throws {
        XCTAssertEqual(Ledger.minutes("45–75"), Ledger.Minutes(low: 45, high: 75, approximate: false))
        XCTAssertEqual(Ledger.minutes("45-75 min"), Ledger.Minutes(low: 45, high: 75, approximate: false))
        XCTAssertEqual(Ledger.minutes("~60"), Ledger.Minutes(low: 60, high: 60, approximate: true))
        XCTAssertEqual(Ledger.minutes("about 60 minutes (two sittings)"), Ledger.Minutes(low: 60, high: 60, approximate: true))
        XCTAssertEqual(Ledger.minutes("75"), Ledger.Minutes(low: 75, high: 75, approximate: false))
        XCTAssertNil(Ledger.minutes("about an hour"))
        XCTAssertNil(Ledger.minutes("75–45"), "a range that runs backwards is unreadable")
        XCTAssertEqual(Ledger.count(of: "substantive", in: "2 substantive advisor calls, 1 cosmetic"), 2)
        XCTAssertEqual(Ledger.count(of: "cosmetic", in: "2 substantive advisor calls, 1 cosmetic"), 1)
        XCTAssertEqual(Ledger.count(of: "substantive", in: "two substantive calls"), 2)
        XCTAssertNil(Ledger.count(of: "cosmetic", in: "two substantive calls"))
    }

    func testUnreadableLedgerLinesAreReportedWithTheirLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let review = folder.appendingPathComponent("REVIEW.md")
        try Data("# Review\n\n**Review minutes:** about an hour\n\n**Advisor signal:** several useful calls\n".utf8).write(to: review)
        let profile = try ProfileLoader.load(root: folder.path, configFile: nil)
        let ledger = try Ledger.read(folder.path, profile: profile)
        XCTAssertEqual(ledger.unreadable.map(\.line), [3, 5])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gates-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try overlay(Self.fixtures.appendingPathComponent("base"), onto: root)
        try Fixture.commitAll(root, message: "base")
        let report = try GateEvaluator(root: root.path, profile: profile, baseline: "HEAD", ledger: ledger).evaluate(tier: 2, plans: []).report
        let b4 = try check(report, "B4")
        XCTAssertEqual(b4.verdict, .notMeasured)
        XCTAssertEqual(b4.figure, "unreadable `Review minutes`")
        XCTAssertEqual(b4.evidence, ["cannot read `Review minutes: about an hour` (\(review.path):3)"])
        let b5 = try check(report, "B5")
        XCTAssertEqual(b5.figure, "unreadable `Advisor signal`")
        XCTAssertEqual(b5.evidence, ["cannot read `Advisor signal: several useful calls` (\(review.path):5)"])
    }

    func testG2OpenCritical() throws {
        let report = try evaluate("g2-open-critical")
        let g2 = try check(report, "G2")
        XCTAssertEqual(g2.verdict, .fail)
        XCTAssertEqual(g2.figure, "1 critical without a disposition")
        XCTAssertEqual(g2.evidence.count, 1)
        XCTAssertTrue(g2.evidence[0].hasPrefix("Plan-002: F-002-1-06 has no disposition"), g2.evidence[0])
        XCTAssertEqual(try check(report, "B3").figure, "1.00:1", "two tasks authored, two blocking findings now")
    }

    func testG3SizeBudget() throws {
        let g3 = try check(try evaluate("g3-size"), "G3")
        XCTAssertEqual(g3.verdict, .fail)
        // 5 lines of the passing change (an invariant entry, a test row) plus the 83-line Rationale section,
        // over the 36-line baseline (`wc -l base/docs/plans/002-relay.md`): 88 / 36 = 2.44.
        XCTAssertEqual(g3.figure, "ex-Tasks diff 2.44× (<1.5×); max 3 step-entries/Phase (<50)")
        XCTAssertEqual(g3.evidence, ["Plan-002: 88 lines changed outside Tasks blocks; baseline 36 lines"])
    }

    func testG4Untraced() throws {
        let g4 = try check(try evaluate("g4-untraced"), "G4")
        XCTAssertEqual(g4.verdict, .fail)
        XCTAssertEqual(g4.figure, "1 of 4 tasks untraced")
        XCTAssertTrue(g4.evidence.first?.contains("task T-002-1-4 traces to no spec criterion or invariant") == true, "\(g4.evidence)")
    }

    func testG5PRInTasks() throws {
        let g5 = try check(try evaluate("g5-pr-in-tasks"), "G5")
        XCTAssertEqual(g5.verdict, .fail)
        XCTAssertEqual(g5.figure, "1 new PR #N refs in Tasks blocks")
        XCTAssertEqual(g5.evidence.map { $0.replacingOccurrences(of: #"line \d+"#, with: "line N", options: .regularExpression) },
                       ["Plan-002: line N: PR #123"])
    }

    /// G6 looks only where the profile says: no tags and no commit subject is "not measured", and an empty
    /// subject never matches every commit.
    func testG6WithoutProfileTagsOrSubject() throws {
        let none = try check(try evaluate("pass", config: "gates:\n  tags: []\n  commit-subject: ''\n"), "G6")
        XCTAssertEqual(none.verdict, .notMeasured)
        XCTAssertEqual(none.figure, "the profile names no audit tag or commit subject (gates.tags, gates.commit-subject)")
        let tagsOnly = try check(try evaluate("g6-no-previous-audit", config: "gates:\n  commit-subject: ''\n"), "G6")
        XCTAssertEqual(tagsOnly.verdict, .fail)
        XCTAssertEqual(tagsOnly.figure, "tier 1 audit not found")
    }

    func testG6NoPreviousAudit() throws {
        let g6 = try check(try evaluate("g6-no-previous-audit"), "G6")
        XCTAssertEqual(g6.verdict, .fail)
        XCTAssertEqual(g6.figure, "tier 1 audit not found")
    }

    func testG7Totals() throws {
        let g7 = try check(try evaluate("g7-total"), "G7")
        XCTAssertEqual(g7.verdict, .fail)
        XCTAssertEqual(g7.figure, "1 totals off in 1 plans")
        XCTAssertEqual(g7.evidence.count, 1)
        XCTAssertTrue(g7.evidence[0].contains("Total row says 4 for `Tasks`, the rows add up to 3"), g7.evidence[0])
    }

    func testNotMeasuredWithoutALedgerIsNeverAPass() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gates-noledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try overlay(Self.fixtures.appendingPathComponent("base"), onto: root)
        try Fixture.commitAll(root, message: "base")
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let report = try GateEvaluator(root: root.path, profile: profile, baseline: "HEAD").evaluate(tier: 1, plans: []).report
        for id in ["G2", "B1", "B2", "B3", "B4", "B5"] {
            XCTAssertEqual(verdicts(report)[id], .notMeasured, id)
        }
        XCTAssertThrowsError(try GateEvaluator(root: root.path, profile: profile, baseline: "no-such-ref").evaluate(tier: 1, plans: []))
    }
}

