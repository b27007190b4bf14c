import Foundation

/// Computes gates G1–G7 and bands B1–B6 for a tier (or a list of plans) against a baseline revision.
///
/// Order matters: the current corpus is loaded and linted first (G4, G5 and G7 reuse the lint rules), then
/// each plan's baseline version is read through one `git cat-file --batch` and extracted the same way, and
/// only then are the figures compared.
public struct GateEvaluator {
    /// Where the current version of the files comes from.
    public enum Head: Sendable {
        case workingTree
        case staged
        case revision(String)

        var ref: String {
            if case let .revision(ref) = self { return ref }
            return "HEAD"
        }

        var label: String {
            switch self {
            case .workingTree: return "working tree"
            case .staged: return "index"
            case let .revision(ref): return ref
            }
        }
    }

    public let root: String
    public let profile: Profile
    public let baseline: String
    public let head: Head
    public let ledger: Ledger?

    public init(root: String, profile: Profile, baseline: String, head: Head = .workingTree, ledger: Ledger? = nil) {
        self.root = root
        self.profile = profile
        self.baseline = baseline
        self.head = head
        self.ledger = ledger
    }

    /// What an evaluation produced: the verdicts, and the linted corpus they came from (reports reuse both).
    public struct Evaluation: Sendable {
        public var report: GateReport
        public var context: LintContext
        public var findings: [Finding]
    }

    /// The plans of tier `tier` in the current build order, or `plans` as given (`003` or `Plan-003`).
    public func evaluate(tier: Int?, plans requested: [String]) throws -> Evaluation {
        let git = GitObjects(root: root)
        guard git.resolves(baseline) else { throw CorpusError("\(baseline): not a git revision in \(root) (--baseline)") }
        let corpus = try loadCurrent(git)
        let model = Extractor.extract(corpus)
        let context = LintContext(corpus: corpus, model: model)
        var planIDs = requested.map { $0.hasPrefix("Plan-") ? $0 : "Plan-\($0)" }
        if let tier {
            guard let row = model.dependencies.tiers.first(where: { $0.tier == tier }) else {
                throw CorpusError("tier \(tier) is not in the build order (\(profile.dependencies.file))")
            }
            var seen = Set<String>()
            planIDs = row.plans.map(\.plan).filter { seen.insert($0).inserted }
        }
        var report = GateReport(baseline: baseline, head: head.label, tier: tier, plans: planIDs)
        let current = planIDs.compactMap { id in model.plans.first { "Plan-\($0.number)" == id } }
        let paths = current.map(\.path)
        let old = try git.contents(at: baseline, paths: paths)
        var pairs: [PlanPair] = []
        for plan in current {
            let text = old[plan.path] ?? nil
            let baselineVersion = text.map {
                DocumentAnalyzer.analyze(path: plan.path, text: $0, kind: "plan", frozen: false, profile: profile)
            }
            let baselineFacts = baselineVersion?.1.facts
            pairs.append(PlanPair(id: "Plan-\(plan.number)", current: plan, baseline: baselineFacts?.plan,
                                  currentDocument: corpus.document(at: plan.path), baselineDocument: baselineVersion?.0,
                                  baselineStatus: baselineFacts?.info.status,
                                  totalCheckMarkers: corpus.analysis(at: plan.path)?.totalCheckMarkers ?? 0))
        }
        let lint = Linter.run(corpus, model: model).findings
        let checks = GateChecks(profile: profile, pairs: pairs, lint: lint, context: context, ledger: ledger)
        report.gates = [checks.g1(), checks.g2(), checks.g3(), checks.g4(), checks.g5(),
                        g6(tier: tier, git: git), checks.g7()]
        report.bands = checks.bands()
        return Evaluation(report: report, context: context, findings: lint)
    }

    private func loadCurrent(_ git: GitObjects) throws -> Corpus {
        switch head {
        case .workingTree:
            return try CorpusLoader.load(root: root, profile: profile)
        case .staged:
            return try CorpusLoader.load(root: root, profile: profile, staged: GitIndex.staged(root: root))
        case let .revision(ref):
            guard git.resolves(ref) else { throw CorpusError("\(ref): not a git revision in \(root) (--head)") }
            let files = try git.markdownFiles(at: ref)
            var overlay = try git.contents(at: ref, paths: files)
            let working = try CorpusLoader.load(root: root, profile: profile).documents.map(\.path)
            for path in working where overlay[path] == nil { overlay[path] = .some(nil) }
            return try CorpusLoader.load(root: root, profile: profile, overlay: overlay)
        }
    }

    /// G6: the previous tier's audit is on the branch, as an ancestor tag or a commit subject.
    private func g6(tier: Int?, git: GitObjects) -> GateReport.Check {
        let title = "previous tier's audit committed"
        guard let tier else {
            return GateReport.Check(id: "G6", title: title, verdict: .notMeasured, figure: "no tier given", target: nil, evidence: [], plans: [])
        }
        guard tier > 1 else {
            return GateReport.Check(id: "G6", title: title, verdict: .pass, figure: "tier 1 has no previous tier", target: nil, evidence: [], plans: [])
        }
        let previous = String(tier - 1)
        let tag = profile.gates.tag.replacingOccurrences(of: "{K}", with: previous)
        if git.tagIsAncestor(tag, of: head.ref) {
            return GateReport.Check(id: "G6", title: title, verdict: .pass, figure: "tag \(tag)", target: nil,
                                    evidence: ["tag \(tag) is an ancestor of \(head.ref)"], plans: [])
        }
        if let pattern = try? Pattern(profile.gates.commitSubject.replacingOccurrences(of: "{K}", with: previous)),
           let found = (try? git.subjects(from: head.ref))?.first(where: { pattern.test($0.subject) }) {
            return GateReport.Check(id: "G6", title: title, verdict: .pass, figure: "commit \(found.commit.prefix(7))", target: nil,
                                    evidence: ["\(found.commit.prefix(7)) \(found.subject)"], plans: [])
        }
        return GateReport.Check(id: "G6", title: title, verdict: .fail, figure: "tier \(previous) audit not found", target: nil,
                                evidence: ["no tag \(tag) on the branch and no commit subject matching \(profile.gates.commitSubject.replacingOccurrences(of: "{K}", with: previous))"],
                                plans: [])
    }
}

/// One plan, now and at the baseline.
struct PlanPair {
    var id: String
    var current: PlanModel
    var baseline: PlanModel?
    var currentDocument: SourceDocument?
    var baselineDocument: SourceDocument?
    var baselineStatus: String?
    /// How many `corpus:total-check` markers the current version has.
    var totalCheckMarkers: Int
}
