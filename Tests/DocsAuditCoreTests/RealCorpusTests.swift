import Dispatch
import XCTest
@testable import DocsAuditCore

/// Extraction over the real corpus in ../shared/corpora/ai-sidekicks, checked against numbers obtained
/// without this code. Each expectation says where its number came from. Skipped when the corpus is absent.
final class RealCorpusTests: XCTestCase {
    private func realCorpusRoot() throws -> String {
        guard let root = Fixture.realCorpus else {
            throw XCTSkip("../shared/corpora/ai-sidekicks is absent: the real-corpus tests need it beside the project")
        }
        return root
    }

    private func model() throws -> CorpusModel {
        let root = try realCorpusRoot()
        let profile = try ProfileLoader.load(root: root, configFile: nil)
        return Extractor.extract(try CorpusLoader.load(root: root, profile: profile))
    }

    func testDocumentsKindsAndStatuses() throws {
        let model = try model()
        // `find . -name '*.md' | grep -v '^./docs/reference/' | wc -l` → 131 (158 in all, 27 under docs/reference).
        XCTAssertEqual(model.documents.count, 131)
        XCTAssertTrue(model.problems.isEmpty)
        let kinds = Dictionary(grouping: model.documents, by: \.kind).mapValues(\.count)
        // `ls docs/plans | grep -c '^[0-9]{3}-'` → 28 including the template; likewise specs 28, decisions 24.
        // `find docs -name '000-*-template.md' -o -name template.md | grep -v reference | wc -l` → 6 templates.
        XCTAssertEqual(kinds["plan"], 27)
        XCTAssertEqual(kinds["spec"], 27)
        XCTAssertEqual(kinds["adr"], 23)
        XCTAssertEqual(kinds["template"], 6)
        // `grep -h '^| \*\*Status\*\*' docs/{plans,specs,decisions}/[0-9]*.md | grep -v '·' | sort | uniq -c`:
        // approved 52 (26 plans + 26 specs), accepted 22, review 1, draft 1, reserved-skipped 1.
        let statuses = Dictionary(grouping: model.documents.filter { ["plan", "spec", "adr"].contains($0.kind) },
                                  by: { "\($0.kind):\($0.status ?? "unreadable")" }).mapValues(\.count)
        XCTAssertEqual(statuses, ["plan:approved": 26, "plan:review": 1, "spec:approved": 26, "spec:draft": 1,
                                  "adr:accepted": 22, "adr:reserved-skipped": 1])
    }

    func testPlansTasksInvariantsAndObligations() throws {
        let model = try model()
        // corpus-grammar.md §2.2, re-counted with `grep -c '^#### Tasks' docs/plans/*.md` and, per plan,
        // `grep -cE '^##### T[0-9]|^- \*\*T-'` inside Tasks blocks: 001 5/23, 007 3/14, 008 1/5, 023 1/7, 024 5/25.
        var perPlan: [String: String] = [:]
        for plan in model.plans {
            let blocks = plan.phases.reduce(0) { $0 + $1.tasksBlocks.count } + plan.looseTasksBlocks.count
            if blocks > 0 { perPlan[plan.number] = "\(blocks)/\(plan.allTasks.count)" }
        }
        XCTAssertEqual(perPlan, ["001": "5/23", "007": "3/14", "008": "1/5", "023": "1/7", "024": "5/25"])
        XCTAssertTrue(model.plans.allSatisfy { $0.looseTasksBlocks.isEmpty }, "every Tasks block sits in a Phase")
        // corpus-grammar.md §2.1: 26 Phase headings in 7 plans.
        XCTAssertEqual(model.plans.reduce(0) { $0 + $1.phases.count }, 26)
        // `grep -cE '^#{3,4} I-[0-9]{3}[a-z]?-[0-9]+ — ' docs/plans/*.md` → 30; same for CP → 15.
        XCTAssertEqual(model.plans.reduce(0) { $0 + $1.invariants.count }, 30)
        XCTAssertEqual(model.plans.reduce(0) { $0 + $1.obligations.count }, 15)
        // corpus-grammar.md §2.2 field occurrences over the 74 tasks: Spec coverage absent 21, Verifies invariant
        // absent 6. The grammar counts by the exact label; it also lists `Verifies all I-007-1..5 at Tier 1 scope`
        // (T-007p-1-4) as a spelling a parser must accept, which this extractor does: 5 absent here.
        let tasks = model.plans.flatMap(\.allTasks)
        XCTAssertEqual(tasks.filter { $0.specCoverage == nil }.count, 21)
        XCTAssertEqual(tasks.filter { $0.verifiesInvariant == nil }.count, 5)
        XCTAssertEqual(tasks.first { $0.id == "T-007p-1-4" }?.verifiesInvariant, "Verifies all I-007-1..5 at Tier 1 scope")
        // corpus-grammar.md §6: 161 acceptance-criteria bullets across 27 specs.
        XCTAssertEqual(model.specs.reduce(0) { $0 + $1.acceptanceCriteria.count }, 161)
    }

    func testNextStepsGraphAndBacklog() throws {
        let model = try model()
        let next = try XCTUnwrap(model.nextSteps)
        let graph = try XCTUnwrap(next.diagram.map { model.diagrams[$0].graph })
        // `grep -c '^### NS-' cross-plan-dependencies.md` → 18; in the mermaid block (lines 282-337)
        // `grep -c -- '-->'` → 15 edges and `grep -cE '^\s+[A-Za-z0-9]+\['` → 20 node declarations.
        XCTAssertEqual(next.entries.count, 18)
        XCTAssertEqual(graph.nodes.count, 20)
        XCTAssertEqual(graph.edges.count, 15)
        XCTAssertTrue(graph.problems.isEmpty)
        // corpus-grammar.md §9.3: classes completed 7 / ready 5 / blocked 6 / governance 2; §9.2 statuses
        // completed 7, todo 5, blocked 6; 3 entries carry PRs.
        let classes = Dictionary(grouping: graph.nodes, by: { $0.className ?? "" }).mapValues(\.count)
        XCTAssertEqual(classes, ["completed": 7, "ready": 5, "blocked": 6, "governance": 2])
        let statuses = Dictionary(grouping: next.entries, by: { $0.status ?? "" }).mapValues(\.count)
        XCTAssertEqual(statuses, ["completed": 7, "todo": 5, "blocked": 6])
        XCTAssertEqual(next.entries.filter { $0.prs != nil }.map(\.id), ["NS-02", "NS-04", "NS-15"])
        // §9.3: "the ready set is now NS-03, NS-11, NS-13a, NS-14, NS-22 (5 items)".
        XCTAssertEqual(next.setClaims.first?.ids, ["NS-03", "NS-11", "NS-13a", "NS-14", "NS-22"])
        XCTAssertEqual(next.setClaims.first?.count, 5)
        // `grep -cE '^#{3,4} BL-[0-9]{3}[a-z]?: '` → backlog.md 2, archive 71; `grep -cE '^\| BL-[0-9]{3}[a-z]? \|'` → 38.
        XCTAssertEqual(model.backlog.count, 111)
        XCTAssertEqual(model.backlog.filter { !$0.archived }.map(\.id), ["BL-108", "BL-110"])
        XCTAssertEqual(model.backlog.filter { $0.form == "table-row" }.count, 38)
    }

    func testRegistriesDependenciesAndLinks() throws {
        let model = try model()
        // corpus-grammar.md §7: 2 registry tables with 7 rows in api-payload-contracts.md; Plan-008 repeats the
        // tRPC table (3 rows, `grep -n 'tRPC procedure' docs/plans/008-*.md`).
        let tables = model.methodRegistries.tables
        XCTAssertEqual(tables.map(\.rows.count), [3, 4, 3])
        XCTAssertEqual(model.methodRegistries.formats.map(\.line), [341])
        // corpus-grammar.md §8: 43 codes under §Error Codes in 14 namespaces.
        XCTAssertEqual(model.errorCodes.count, 43)
        XCTAssertEqual(Set(model.errorCodes.map(\.namespace)).count, 14)
        // corpus-grammar.md §13.3/§13.4: 31 §3 rows for 27 plans; 9 tiers placing all 27 plans.
        XCTAssertEqual(model.dependencies.rows.count, 31)
        XCTAssertEqual(Set(model.dependencies.rows.map(\.plan)).count, 27)
        XCTAssertEqual(model.dependencies.tiers.count, 9)
        XCTAssertEqual(Set(model.dependencies.tiers.flatMap(\.plans).map(\.plan)).count, 27)
        // The cmark-gfm CLI (`-t xml`, same extensions) over the 131 files, counting `<link destination=…>`
        // without a URL scheme: 2873 relative links, 461 of them with a fragment.
        XCTAssertEqual(model.links.count, 2873)
        XCTAssertEqual(model.links.filter { $0.fragment != nil }.count, 461)
    }

    /// Debian's cmark-gfm loses autolinks and strikethroughs when `cmark_parser_finish` runs on two threads
    /// (design/cmark-notes.md). Parsing every file 20 times at once must give the same counts as the CLI.
    func testTwentyConcurrentParsesGiveIdenticalLinkAndStrikethroughCounts() throws {
        let root = try realCorpusRoot()
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".md") }.sorted()
        let texts = try paths.map { try String(contentsOfFile: root + "/" + $0, encoding: .utf8) }
        // `cmark-gfm -e table -e strikethrough -e autolink -e tasklist -t xml` over all 158 files:
        // 4334 `<link ` elements and 4 `<strikethrough` elements.
        XCTAssertEqual(paths.count, 158)
        let counts = Counts(runs: 20)
        DispatchQueue.concurrentPerform(iterations: 20) { run in
            var links = 0
            var strikes = 0
            for text in texts {
                let document = MarkdownDocument(path: "x.md", text: text)
                for block in document.blocks.flatMap(\.descendantsAndSelf) {
                    var stack = block.inlines
                    while let inline = stack.popLast() {
                        if case .link = inline.kind { links += 1 }
                        if inline.kind == .strikethrough { strikes += 1 }
                        stack += inline.children
                    }
                }
            }
            counts.record(run, links: links, strikes: strikes)
        }
        for (links, strikes) in counts.all {
            XCTAssertEqual(links, 4334)
            XCTAssertEqual(strikes, 4)
        }
    }
}

/// Per-run results written from concurrent iterations.
private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [(Int, Int)]

    init(runs: Int) { values = Array(repeating: (0, 0), count: runs) }

    func record(_ run: Int, links: Int, strikes: Int) {
        lock.lock()
        values[run] = (links, strikes)
        lock.unlock()
    }

    var all: [(Int, Int)] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}

/// The gates over the real corpus, in a git repository built from the shared files (the shared copy has no
/// history, so the baseline is the snapshot itself). docs/gates.md records what each gate says.
final class RealCorpusGateTests: XCTestCase {
    func testTier1GatesOnTheSharedSnapshot() throws {
        guard let corpus = Fixture.realCorpus else {
            throw XCTSkip("../shared/corpora/ai-sidekicks is absent: the real-corpus gate test needs it beside the project")
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("real-gates-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: corpus, toPath: root.path)
        // CI's copy of ../shared has no write bits; the repository needs them.
        let chmod = Process()
        chmod.executableURL = URL(fileURLWithPath: "/bin/chmod")
        chmod.arguments = ["-R", "u+w", root.path]
        try chmod.run()
        chmod.waitUntilExit()
        try Fixture.commitAll(root, message: "snapshot")
        try Fixture.git(root, ["tag", "plan-readiness-audit-tier-1-baseline"])
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let report = try GateEvaluator(root: root.path, profile: profile, baseline: "plan-readiness-audit-tier-1-baseline")
            .evaluate(tier: 1, plans: []).report
        XCTAssertEqual(report.plans, ["Plan-001", "Plan-024", "Plan-007", "Plan-008", "Plan-023"])
        let figures = Dictionary(uniqueKeysWithValues: (report.gates + report.bands).map { ($0.id, "\($0.figure) \($0.verdict.rawValue)") })
        XCTAssertEqual(figures["G1"], "additions-only (nothing added) pass")
        XCTAssertEqual(figures["G2"], "no ledger (--ledger) not measured")
        XCTAssertEqual(figures["G3"], "ex-Tasks diff 0.00× (<1.5×); max 8 step-entries/Phase (<50) pass")
        XCTAssertEqual(figures["G4"], "13 of 74 tasks untraced fail")
        // PR #20 (Plan-008) and PR #6 (Plan-023) sit in Tasks blocks, but the baseline had them: not new.
        XCTAssertEqual(figures["G5"], "0 new PR #N refs in Tasks blocks pass")
        let g5 = try XCTUnwrap(report.gates.first { $0.id == "G5" })
        XCTAssertEqual(g5.plans.filter { $0.figure.contains("already") }.map { "\($0.plan) \($0.figure)" },
                       ["Plan-008 0 new PR #N refs (1 already at the baseline)", "Plan-023 0 new PR #N refs (1 already at the baseline)"])
        XCTAssertEqual(figures["no-ephemeral-tags"], "137 tags (finding 127, pr-ref 10) in 10 files fail")
        XCTAssertFalse(report.gates.contains { $0.id.hasPrefix("G") && $0.verdict == .fail && $0.id != "G4" },
                       "only G4 fails; the ephemeral-tags line is reported beside the gates")
        XCTAssertEqual(figures["G6"], "tier 1 has no previous tier pass")
        XCTAssertEqual(figures["G7"], "no total-checked table not measured")
        XCTAssertEqual(figures["B6"], "0 flips pass")
    }
}
