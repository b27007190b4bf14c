import FoundationEssentials

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
        /// The findings against the baseline tree's, when asked for (`compareFindings`).
        public var delta: FindingDelta?
    }

    /// Lints the baseline revision's tree (read from git, as the plans are) and classifies `findings`
    /// against it: new, unchanged, fixed.
    public func delta(of findings: [Finding], current: Corpus, option: String = "--baseline") throws -> FindingDelta {
        let git = GitObjects(root: root)
        guard git.resolves(baseline) else { throw CorpusError("\(baseline): not a git revision in \(root) (\(option))") }
        let old = try load(revision: baseline, git, besides: current.documents.map(\.path))
        let before = Linter.run(old, model: Extractor.extract(old)).findings
        let renames: [String: String]
        switch head {
        case .workingTree: renames = try git.renames(from: baseline, to: nil)
        case .staged: renames = try git.renames(from: baseline, to: nil, cached: true)
        case let .revision(ref): renames = try git.renames(from: baseline, to: ref)
        }
        return FindingDelta.classify(current: findings, baseline: before, renames: renames)
    }

    /// The corpus as it is at `ref`: files there read from git (those `corpus.exclude` leaves out of the
    /// working tree's walk left out here too), working-tree files absent there left out.
    private func load(revision ref: String, _ git: GitObjects, besides working: [String]) throws -> Corpus {
        let files = try git.markdownFiles(at: ref).filter { !excluded($0) }
        var overlay = try git.contents(at: ref, paths: files)
        for path in working where overlay[path] == nil { overlay[path] = .some(nil) }
        return try CorpusLoader.load(root: root, profile: profile, overlay: overlay)
    }

    /// The error for a profile that declares no readiness gates (no `gates` section), or nil.
    public static func undeclaredGates(_ profile: Profile) -> CorpusError? {
        profile.declares(.gates) ? nil : CorpusError("the profile declares no readiness gates (no `gates` section)")
    }

    /// The plans of tier `tier` in the current build order, or `plans` as given (a number, `003`, or a label in
    /// the profile's spelling, `Plan-003`).
    public func evaluate(tier: Int?, plans requested: [String], compareFindings: Bool = false) throws -> Evaluation {
        if let error = Self.undeclaredGates(profile) { throw error }
        let git = GitObjects(root: root)
        guard git.resolves(baseline) else { throw CorpusError("\(baseline): not a git revision in \(root) (--baseline)") }
        let corpus = try loadCurrent(git)
        let model = Extractor.extract(corpus)
        let context = LintContext(corpus: corpus, model: model)
        let label = { (plan: PlanModel) in profile.label(kind: profile.kind(of: plan.path), number: plan.number) }
        var planIDs = requested.map { given in
            given.allSatisfy { $0.isASCII && $0.isNumber } ? profile.label(kind: "plan", number: given) : given
        }
        let tiers = model.dependencies.tiers
        if let tier {
            guard let row = tiers.first(where: { $0.tier == tier }) else {
                let known = tiers.map { String($0.tier) }.joined(separator: ", ")
                throw CorpusError("tier \(tier) is not in the build order (\(profile.dependencies.file)); tiers: "
                                  + (known.isEmpty ? "none" : known) + " (--tier)")
            }
            var seen = Set<String>()
            planIDs = row.plans.map(\.plan).filter { seen.insert($0).inserted }
        } else {
            let known = Set(model.plans.map(label))
            let unknown = planIDs.filter { !known.contains($0) }
            if !unknown.isEmpty || planIDs.isEmpty {
                let list = known.sorted().joined(separator: ", ")
                let what = unknown.isEmpty ? "no plan given" : unknown.joined(separator: ", ") + ": not a plan in the corpus"
                throw CorpusError("\(what); plans: \(list.isEmpty ? "none" : list) (--plans)")
            }
        }
        var report = GateReport(baseline: baseline, head: head.label, tier: tier, plans: planIDs)
        let current = planIDs.compactMap { id in model.plans.first { label($0) == id } }
        let paths = current.map(\.path)
        let old = try git.contents(at: baseline, paths: paths)
        var pairs: [PlanPair] = []
        for plan in current {
            let text = old[plan.path] ?? nil
            let baselineVersion = text.map {
                DocumentAnalyzer.analyze(path: plan.path, text: $0, kind: "plan", frozen: false, profile: profile)
            }
            let baselineFacts = baselineVersion?.1.facts
            let baselineTags = baselineVersion?.1.documentHits["tags/ephemeral"] ?? []
            pairs.append(PlanPair(id: label(plan), current: plan, baseline: baselineFacts?.plan,
                                  currentDocument: corpus.document(at: plan.path), baselineDocument: baselineVersion?.0,
                                  baselineStatus: baselineFacts?.info.status,
                                  totalCheckMarkers: corpus.analysis(at: plan.path)?.totalCheckMarkers ?? 0,
                                  baselineGateTags: baselineVersion == nil ? nil
                                      : baselineTags.filter(GateChecks.isGateTag).map(\.subject)))
        }
        let lint = Linter.run(corpus, model: model).findings
        let checks = GateChecks(profile: profile, pairs: pairs, lint: lint, context: context, ledger: ledger)
        report.gates = [checks.g1(), checks.g2(), checks.g3(), checks.g4(), checks.g5(),
                        g6(tier: tier ?? Self.tier(of: planIDs, in: tiers), git: git), checks.g7()]
        report.gates.append(checks.ephemeralTags())
        for index in report.gates.indices { report.gates[index].target = target(of: report.gates[index].id) }
        report.bands = checks.bands()
        let delta = compareFindings ? try self.delta(of: lint, current: corpus) : nil
        report.lint = delta.map(GateReport.LintSummary.init)
        return Evaluation(report: report, context: context, findings: lint, delta: delta)
    }

    private func loadCurrent(_ git: GitObjects) throws -> Corpus {
        switch head {
        case .workingTree:
            return try CorpusLoader.load(root: root, profile: profile)
        case .staged:
            return try CorpusLoader.load(root: root, profile: profile, staged: GitIndex.staged(root: root))
        case let .revision(ref):
            guard git.resolves(ref) else { throw CorpusError("\(ref): not a git revision in \(root) (--head)") }
            let working = try CorpusLoader.load(root: root, profile: profile).documents.map(\.path)
            return try load(revision: ref, git, besides: working)
        }
    }

    /// What each gate asks for, as the report's target column says it.
    private func target(of gate: String) -> String? {
        let gates = profile.gates
        switch gate {
        case "G1": return "additions-only"
        case "G2": return "0 critical without a disposition"
        case "G3": return "ex-Tasks diff < \(gates.sizeRatio)×; < \(gates.maxStepsPerPhase) step-entries/Phase"
        case "G4": return "0 untraced"
        case "G5": return "0 new PR #N"
        case "G6": return "tier K−1 audit on the branch"
        case "G7": return "0 totals off"
        case "no-ephemeral-tags": return "0 tags"
        default: return nil
        }
    }

    /// Whether the walk of the working tree would skip `path`: it, or a folder above it, is excluded.
    private func excluded(_ path: String) -> Bool {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            if profile.corpus.exclude.contains(where: { $0.matches(prefix) || $0.matches(prefix + "/") }) { return true }
        }
        return false
    }

    /// The one tier every plan of `plans` sits in (whole or in part), for G6 under `--plans`; nil otherwise.
    static func tier(of plans: [String], in tiers: [Tier]) -> Int? {
        let found = Set(plans.compactMap { plan in tiers.first { $0.plans.contains { $0.plan == plan } }?.tier })
        return found.count == 1 && plans.allSatisfy { plan in tiers.contains { $0.plans.contains { $0.plan == plan } } }
            ? found.first : nil
    }

    /// G6: the previous tier's audit is on the branch, as an ancestor tag or a commit subject.
    private func g6(tier: Int?, git: GitObjects) -> GateReport.Check {
        let title = "previous tier's audit committed"
        guard let tier else {
            return GateReport.Check(id: "G6", title: title, verdict: .notMeasured,
                                    figure: "the plans are not all in one tier", target: nil, evidence: [], plans: [])
        }
        guard tier > 1 else {
            return GateReport.Check(id: "G6", title: title, verdict: .pass, figure: "tier 1 has no previous tier", target: nil, evidence: [], plans: [])
        }
        let previous = String(tier - 1)
        let subject = profile.gates.commitSubject
        guard !profile.gates.tags.isEmpty || !subject.isEmpty else {
            return GateReport.Check(id: "G6", title: title, verdict: .notMeasured,
                                    figure: "the profile names no audit tag or commit subject (gates.tags, "
                                        + "gates.commit-subject)", target: nil, evidence: [], plans: [])
        }
        let tags = profile.gates.tags.map { $0.replacingEvery("{K}", with: previous) }
        if let tag = tags.first(where: { git.tagIsAncestor($0, of: head.ref) }) {
            return GateReport.Check(id: "G6", title: title, verdict: .pass, figure: "tag \(tag)", target: nil,
                                    evidence: ["tag \(tag) is an ancestor of \(head.ref)"], plans: [])
        }
        // An empty subject pattern would match every commit: without one, only the tags count.
        if !subject.isEmpty, let pattern = try? Pattern(subject.replacingEvery("{K}", with: previous)),
           let found = (try? git.subjects(from: head.ref))?.first(where: { pattern.test($0.subject) }) {
            return GateReport.Check(id: "G6", title: title, verdict: .pass, figure: "commit \(found.commit.prefix(7))", target: nil,
                                    evidence: ["\(found.commit.prefix(7)) \(found.subject)"], plans: [])
        }
        return GateReport.Check(id: "G6", title: title, verdict: .fail, figure: "tier \(previous) audit not found", target: nil,
                                evidence: ["no tag \(tags.joined(separator: " or ")) on the branch and no commit subject matching \(profile.gates.commitSubject.replacingEvery("{K}", with: previous))"],
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
    /// The gate family's tags (`PR #N`) inside the baseline version's Tasks blocks; nil without a baseline.
    var baselineGateTags: [String]?
}
