/// What a narrowed run (`lint` naming files, `lint --staged`) looks at, so that its cross-document rules check
/// only the facts that can produce a finding the narrowed output keeps (`Linter.narrow`: findings in the named
/// files, and findings elsewhere whose `related` names one).
///
/// The dependency rules, one per focused sequence (docs/performance.md has them in prose):
/// - `links`: the links in the named files, and the links elsewhere whose target is a named file (a renamed or
///   removed heading, or a deleted file, breaks them: `links/missing-anchor` and `links/missing-file` name the
///   target in `related`).
/// - `references`: the ID references in the named files, and those elsewhere that may name an ID the change
///   removed (`RemovedDefinitions`: defined by a named file at HEAD, by no file now; ranges and wildcards are
///   taken whole): `ids/undefined-reference` names the file that defined it in `related`. Outside git there is
///   no earlier version, so such references are reported by a whole run only.
/// - `documents`: the named files' own (header and status checks report in the file).
/// - `plans`: the named files' plans, and the plans elsewhere with a task that cites a removed ID or a spec a
///   named file holds now or held at HEAD (`tasks/traceability` names that file in `related`).
/// - `analyses`: the named files' analyses (per-file rules report in their own file).
///
/// The lookup tables a focused rule consults (anchors per file, ID definitions and reservations, the specs'
/// criteria counts) are still built from every file's facts. A rule not in `bounded` runs whole over the
/// unfocused context: the graph rules (the dependency map and the next-steps graph are one structure), the
/// duplicate and reservation checks (their first site decides), tiers, obligations and cites.
public struct LintFocus: Sendable {
    /// The cross-document rules that read only focused sequences when the context has a focus. Per-file rules
    /// (`DocumentRule`, profile rules among them) are bounded too; every other rule runs whole.
    static let bounded: Set<String> = [
        "links/missing-file", "links/missing-anchor", "links/unverifiable", "ids/undefined-reference",
        "tasks/traceability", "plans/status", "header/missing-field", "header/field-value", "header/identity",
    ]

    /// Whether `rule` reads only focused sequences: a per-file rule, or one of `bounded`.
    static func isBounded(_ rule: any Rule) -> Bool {
        rule.readsOneDocument || bounded.contains(rule.description.id)
    }

    /// The named paths, relative to the corpus root (files staged for deletion included).
    public let paths: Set<String>
    /// The links in the named files (file by file, in path order), then those elsewhere into a named file.
    let links: [LinkRef]
    /// The ID references in the named files, file by file in path order, then those elsewhere that may name a
    /// removed ID.
    let references: [IDReference]
    /// The IDs the change removed, each with the named file that defined it at HEAD (`RemovedDefinitions`).
    let removedDefinitions: [String: String]
    /// The spec labels (`Spec-007`) of the specs the named files hold now or held at HEAD, each with its file.
    let namedSpecs: [String: String]
    /// The named files' documents, in path order.
    let documents: [DocumentInfo]
    /// The plans in the named files, in model order.
    let plans: [PlanModel]
    /// The named files' analyses, in corpus order.
    let analyses: [FileAnalysis]

    /// The focus on `paths`. What the named files say comes from their own analyses (the facts the model
    /// merged, in the same order); what points into them from one pass over the links' targets.
    init(paths: Set<String>, corpus: Corpus, model: CorpusModel, definitions: Definitions, rootPath: String,
         repositoryRoot: String?) {
        self.paths = paths
        let named = paths.sorted().compactMap { path in corpus.analysis(at: path).map { (path, $0) } }
        analyses = named.map(\.1)
        documents = named.map(\.1.facts.info)
        let removed = RemovedDefinitions.find(paths: paths, corpus: corpus, definitions: definitions,
                                              rootPath: rootPath, repositoryRoot: repositoryRoot)
        removedDefinitions = removed.ids
        var specs = removed.specs
        for spec in model.specs where paths.contains(spec.path) {
            specs[corpus.profile.label(kind: "spec", number: spec.number)] = spec.path
        }
        namedSpecs = specs
        var references = named.flatMap(\.1.facts.references)
        if !removed.ids.isEmpty {
            let families = corpus.profile.ids
            references += model.references.filter { reference in
                !paths.contains(reference.path)
                    && (removed.ids[reference.identity] != nil || reference.range == true
                        || families[reference.family]?.wildcardOf != nil)
            }
        }
        self.references = references
        let cited = Array(removed.ids.keys) + Array(specs.keys)
        plans = model.plans.filter { plan in
            paths.contains(plan.path) || (!cited.isEmpty && plan.allTasks.contains { task in
                cited.contains { id in
                    task.specCoverage?.contains(id) == true || task.verifiesInvariant?.contains(id) == true
                }
            })
        }
        var links = named.flatMap(\.1.facts.links)
        // Most targets name no named file: their length alone says so, without hashing them.
        let lengths = Set(paths.map(\.utf8.count))
        for index in model.links.indices {
            guard let target = model.links[index].target, lengths.contains(target.utf8.count),
                  paths.contains(target), !paths.contains(model.links[index].path) else { continue }
            links.append(model.links[index])
        }
        self.links = links
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
