/// Runs every rule over a loaded corpus, in this order:
/// 1. merge the per-file facts of the files' analyses into the model (document rules already ran there);
/// 2. run the rules in parallel against the merged model (no rule sees another's output; a document rule
///    hands back the hits its file analyses recorded);
/// 3. apply the profile's severities (a rule that is off reports nothing) and rule scopes (a hit outside
///    its rule's kinds, paths or sections is dropped);
/// 4. drop the `cites/line-range` findings of cites `cites/drift` found moved (`MovedCites`), drop findings in
///    frozen trees (but links, anchors and cites, at `corpus.frozen-links`), then apply
///    suppression comments, then report unused suppressions
///    (last, because only now is it known what each suppressed).
public enum Linter {
    /// The outcome of a run.
    public struct Result: Sendable {
        public var findings: [Finding]
        public var model: CorpusModel
        /// What rules said about the run itself (a check skipped, and why), for standard error; not findings.
        public var notices: [String] = []
    }

    public static func lint(_ corpus: Corpus) -> [Finding] { run(corpus).findings }

    /// Runs every rule over `corpus`. With `focus` (paths relative to the root), the run is narrowed: its findings
    /// are `narrow(run(corpus).findings, to: focus)`, and its cross-document rules look only where such a
    /// finding can come from (`LintFocus`).
    /// With `probes`, what the rules ask the file system outside the corpus is recorded there (`RunMemo`).
    public static func run(_ corpus: Corpus, model existing: CorpusModel? = nil, focus: Set<String>? = nil,
                           probes: ProbeRecorder? = nil) -> Result {
        let model = existing ?? PhaseTimer.measure("extract") { Extractor.extract(corpus) }
        let context = PhaseTimer.measure("lint context") {
            LintContext(corpus: corpus, model: model, focus: focus, probes: probes)
        }
        let profile = corpus.profile
        let scopes = ScopeCheck(corpus: corpus)
        // A module's rules run only when the profile declares the module's section.
        let rules = RuleCatalog.rules(for: profile).filter { $0.runs(under: profile) }
        let perRule: [(findings: [Finding], notices: [String])] = rules.parallelMap { rule in
            // A rule that cannot be bounded to the focus sees the whole corpus (`LintFocus.isBounded`).
            let seen = LintFocus.isBounded(rule) ? context : context.unfocused
            let (hits, notices) = PhaseTimer.measure("rule \(rule.description.id)") {
                rule.checkWithNotices(seen)
            }
            return (hits.compactMap { hit in
                let configured = profile.severity(of: rule.description, at: hit.path)
                // A rule may pick a profile-given severity for a hit (tags inside Tasks blocks), unless the
                // rule is switched off for the path.
                guard configured != nil, let severity = hit.severityOverride ?? configured,
                      scopes.admits(rule: rule.description.id, path: hit.path, line: hit.line) else { return nil }
                var finding = Finding(rule: rule.description.id, severity: severity, file: hit.path, line: hit.line,
                                      column: hit.column, message: hit.message, subject: hit.subject, related: hit.related)
                finding.fix = hit.fix
                return finding
            }, notices)
        }
        var findings = perRule.flatMap(\.findings)
        findings += corpus.problems.compactMap { problem in
            guard let description = RuleCatalog.description(of: problem.code),
                  let severity = profile.severity(of: description, at: problem.path),
                  scopes.admits(rule: problem.code, path: problem.path, line: problem.line) else { return nil }
            return Finding(rule: problem.code, severity: severity, file: problem.path, line: problem.line,
                           column: problem.column, message: problem.message, subject: problem.code)
        }
        findings = MovedCites.deferringToDrift(findings, model: model)
        findings = keepingFrozenLinks(findings, corpus: corpus)
        findings = PhaseTimer.measure("suppressions") {
            applySuppressions(findings, corpus: corpus, profile: profile, scopes: scopes)
        }
        // Last: a suppression outside the focus may be unused only because its finding was not looked for.
        if let focus { findings = narrow(findings, to: focus) }
        return Result(findings: Finding.sorted(findings), model: model, notices: perRule.flatMap(\.notices))
    }

    /// The findings a pre-commit run on `paths` reports: those in the named files, and those elsewhere that
    /// the named files cause (a link into a renamed heading).
    public static func narrow(_ findings: [Finding], to paths: Set<String>) -> [Finding] {
        findings.filter { paths.contains($0.file) || $0.related.contains(where: paths.contains) }
    }

    /// The rules still reported inside frozen trees: GitHub shows archived files, so their links break too.
    static let frozenLinkRules: Set<String> = ["links/missing-file", "links/missing-anchor", "cites/line-range"]

    /// `findings` without those in frozen files, except link, anchor and cite findings, which take the
    /// profile's `corpus.frozen-links` severity.
    private static func keepingFrozenLinks(_ findings: [Finding], corpus: Corpus) -> [Finding] {
        let frozen = Set(corpus.documents.filter(\.frozen).map(\.path))
        guard !frozen.isEmpty else { return findings }
        let severity = corpus.profile.corpus.frozenLinks
        return findings.compactMap { finding in
            guard frozen.contains(finding.file) else { return finding }
            guard let severity, frozenLinkRules.contains(finding.rule) else { return nil }
            var kept = finding
            kept.severity = severity
            return kept
        }
    }

    /// Whether findings should fail a run: errors and warnings do, info does not.
    public static func fails(_ findings: [Finding]) -> Bool {
        findings.contains { $0.severity != .info }
    }

    private static func applySuppressions(_ findings: [Finding], corpus: Corpus, profile: Profile,
                                          scopes: ScopeCheck) -> [Finding] {
        var byPath: [String: Suppressions] = [:]
        for (document, analysis) in zip(corpus.documents, corpus.analyses) where !analysis.suppressions.isEmpty {
            byPath[document.path] = Suppressions(path: document.path, directives: analysis.suppressions)
        }
        guard !byPath.isEmpty else { return findings }
        var kept: [Finding] = []
        for finding in findings {
            if byPath[finding.file]?.suppresses(rule: finding.rule, line: finding.line) == true { continue }
            kept.append(finding)
        }
        let description = Suppressions.unusedDescription
        for suppressions in byPath.values {
            for hit in suppressions.unused() {
                guard let severity = profile.severity(of: description, at: hit.path),
                      scopes.admits(rule: description.id, path: hit.path, line: hit.line) else { continue }
                kept.append(Finding(rule: description.id, severity: severity, file: hit.path, line: hit.line,
                                    column: hit.column, message: hit.message, subject: hit.subject))
            }
        }
        return kept
    }
}

/// The rule scopes of a run: whether a hit of a rule at a path and line is inside its rule's scope.
private struct ScopeCheck: Sendable {
    let profile: Profile
    /// Whether any rule is scoped at all (most runs: no).
    let scoped: Bool
    /// Kind and headings by path; empty when no rule is scoped.
    let documents: [String: (kind: String, headings: [HeadingFact])]

    init(corpus: Corpus) {
        profile = corpus.profile
        scoped = profile.hasRuleScopes
        guard scoped else {
            documents = [:]
            return
        }
        var documents: [String: (kind: String, headings: [HeadingFact])] = [:]
        for (document, analysis) in zip(corpus.documents, corpus.analyses) {
            documents[document.path] = (document.kind, analysis.facts.headings)
        }
        self.documents = documents
    }

    func admits(rule: String, path: String, line: Int) -> Bool {
        guard scoped, let scope = profile.scope(of: rule, at: path) else { return true }
        let document = documents[path]
        guard scope.admits(path: path, kind: document?.kind ?? profile.kind(of: path)) else { return false }
        guard !scope.sections.isEmpty else { return true }
        return scope.admits(enclosing: HeadingFact.enclosing(line, in: document?.headings ?? []))
    }
}
