/// What a narrowed run (`lint` naming files, `lint --staged`) looks at, so that its cross-document rules check
/// only the facts that can produce a finding the narrowed output keeps (`Linter.narrow`: findings in the named
/// files, and findings elsewhere whose `related` names one).
///
/// The dependency rules, one per focused sequence (docs/performance.md has them in prose):
/// - `links`: the links in the named files, and the links elsewhere whose target is a named file (a renamed or
///   removed heading, or a deleted file, breaks them: `links/missing-anchor` and `links/missing-file` name the
///   target in `related`).
/// - `references`: the ID references in the named files. `ids/undefined-reference` reports at the reference and
///   names no other file, so a definition removed from a named file is reported where it is referenced only
///   when that file is named too.
/// - `documents` and `plans`: the named files' own (header, status and traceability checks report in the file).
/// - `analyses`: the named files' analyses (per-file rules report in their own file).
///
/// The lookup tables a focused rule consults (anchors per file, ID definitions and reservations, the specs'
/// criteria counts) are still built from every file's facts. A rule not in `bounded` runs whole over the
/// unfocused context: the graph rules (the dependency map and the next-steps graph are one structure), the
/// duplicate and reservation checks (their first site decides), cites (another owner) and profile rules.
public struct LintFocus: Sendable {
    /// The cross-document rules that read only focused sequences when the context has a focus. Per-file rules
    /// (`DocumentRule`, profile rules among them) are bounded too; every other rule runs whole.
    static let bounded: Set<String> = [
        "links/missing-file", "links/missing-anchor", "links/unverifiable", "ids/undefined-reference",
        "tasks/traceability", "plans/status", "header/missing-field", "header/field-value", "header/identity",
    ]

    /// Whether `rule` reads only focused sequences: a per-file rule, or one of `bounded`.
    static func isBounded(_ rule: any Rule) -> Bool {
        rule is any DocumentRule || bounded.contains(rule.description.id)
    }

    /// The named paths, relative to the corpus root (files staged for deletion included).
    public let paths: Set<String>
    /// The links in the named files and those elsewhere into a named file, in model order.
    let links: [LinkRef]
    /// The ID references in the named files, in model order.
    let references: [IDReference]
    /// The named files' documents, in model order.
    let documents: [DocumentInfo]
    /// The plans in the named files, in model order.
    let plans: [PlanModel]
    /// The named files' analyses, in corpus order.
    let analyses: [FileAnalysis]

    init(paths: Set<String>, corpus: Corpus, model: CorpusModel) {
        self.paths = paths
        var named = PathRun(paths)
        links = model.links.filter { link in
            named.contains(link.path) || link.target.map(paths.contains) == true
        }
        references = model.references.filter { named.contains($0.path) }
        documents = model.documents.filter { paths.contains($0.path) }
        plans = model.plans.filter { paths.contains($0.path) }
        analyses = paths.sorted().compactMap { corpus.analysis(at: $0) }
    }

    /// Whether a path is named, remembering the last answer: facts come grouped by file, so most questions
    /// repeat the previous one and cost a string comparison, not a hash.
    private struct PathRun {
        let paths: Set<String>
        var last: (path: String, named: Bool)?

        init(_ paths: Set<String>) { self.paths = paths }

        mutating func contains(_ path: String) -> Bool {
            if let last, last.path == path { return last.named }
            let named = paths.contains(path)
            last = (path, named)
            return named
        }
    }
}

extension LintContext {
    /// The links a rule checks: those of the focus in a narrowed run, otherwise every link.
    var links: [LinkRef] { focus?.links ?? model.links }
    /// The ID references a rule checks: the named files' in a narrowed run, otherwise every reference.
    var references: [IDReference] { focus?.references ?? model.references }
    /// The documents a per-document check visits: the named files in a narrowed run, otherwise all.
    var documents: [DocumentInfo] { focus?.documents ?? model.documents }
    /// The plans a per-plan check visits: the named files' in a narrowed run, otherwise all.
    var plans: [PlanModel] { focus?.plans ?? model.plans }
    /// The file analyses whose recorded hits a per-file rule hands back.
    var analyses: [FileAnalysis] { focus?.analyses ?? corpus.analyses }

    /// This context without its focus, for a rule that must see the whole corpus.
    var unfocused: LintContext {
        guard focus != nil else { return self }
        var whole = self
        whole.focus = nil
        return whole
    }
}
