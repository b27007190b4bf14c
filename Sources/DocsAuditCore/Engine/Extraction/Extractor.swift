/// Builds the corpus model in two passes.
///
/// 1. Per file, in parallel, inside each file's analysis (`DocumentAnalyzer`): everything one document says
///    on its own (`DocumentFacts`). These are cached with the analysis.
/// 2. Over the merged facts: what needs the whole corpus (label cites resolved to files, diagram
///    indices rebased). Always recomputed.
public enum Extractor {
    /// What one document contributes.
    struct DocumentFacts: Sendable, Codable {
        var info: DocumentInfo
        var plan: PlanModel?
        var spec: SpecModel?
        var registries = RegistryExtractor.Facts()
        var diagrams: [Diagram] = []
        var nextSteps: NextStepsModel?
        var backlog: [BacklogItem] = []
        var dependencies: DependencyModel?
        var links: [LinkRef] = []
        var cites: [LineCite] = []
        var references: [IDReference] = []
        /// The document's headings, for rule scopes that name sections.
        var headings: [HeadingFact] = []
        var definitions: [IDDefinition] = []
        /// Which lines are blank, for cites into this document (`cites/line-range`).
        var blankLines = BlankLines()
    }

    /// The corpus model from the facts each file's analysis extracted.
    public static func extract(_ corpus: Corpus) -> CorpusModel {
        merge(corpus.analyses.map(\.facts), corpus: corpus)
    }

    static func facts(for document: ParsedDocument, profile: Profile) -> DocumentFacts {
        let context = DocumentContext(document, profile: profile)
        let info = DocumentInfoExtractor.extract(context)
        var facts = DocumentFacts(info: info)
        // Modules extract only what the profile declares a section for.
        switch document.kind {
        case "plan" where profile.declares(.plans): facts.plan = PlanExtractor.extract(context, info: info)
        case "spec" where profile.declares(.specs): facts.spec = SpecExtractor.extract(context, info: info)
        default: break
        }
        if profile.declares(.registries) { facts.registries = RegistryExtractor.extract(context) }
        facts.diagrams = DiagramExtractor.extract(context)
        if profile.declares(.graph) { facts.nextSteps = NextStepsExtractor.extract(context, diagrams: facts.diagrams) }
        if profile.declares(.backlog) { facts.backlog = BacklogExtractor.extract(context) }
        if profile.declares(.dependencies) { facts.dependencies = DependencyExtractor.extract(context) }
        facts.links = LinkExtractor.extract(context)
        let scanned = ReferenceScanner(context: context).scan(lines: context.markdown.proseLines)
        facts.references = scanned.references
        facts.cites = scanned.cites
        facts.headings = context.markdown.sections.map {
            HeadingFact(line: $0.headingLine, level: $0.level, title: $0.title)
        }
        facts.definitions = DefinitionExtractor.extract(context, info: info)
        facts.blankLines = BlankLines(context.markdown.source)
        return facts
    }

    static func merge(_ all: [DocumentFacts], corpus: Corpus) -> CorpusModel {
        var model = CorpusModel()
        // Reserved at their final size: growing by doubling would move millions of facts several times at 100x.
        model.documents.reserveCapacity(all.count)
        model.links.reserveCapacity(all.reduce(0) { $0 + $1.links.count })
        model.cites.reserveCapacity(all.reduce(0) { $0 + $1.cites.count })
        model.references.reserveCapacity(all.reduce(0) { $0 + $1.references.count })
        model.definitions.reserveCapacity(all.reduce(0) { $0 + $1.definitions.count })
        for facts in all {
            model.documents.append(facts.info)
            if let plan = facts.plan { model.plans.append(plan) }
            if let spec = facts.spec { model.specs.append(spec) }
            model.methodRegistries.formats += facts.registries.formats
            model.methodRegistries.tables += facts.registries.tables
            model.errorCodes += facts.registries.errorCodes
            if var nextSteps = facts.nextSteps, model.nextSteps == nil {
                // Diagram indices are per document in pass 1; rebase them onto the corpus list.
                nextSteps.diagram = nextSteps.diagram.map { $0 + model.diagrams.count }
                model.nextSteps = nextSteps
            }
            model.diagrams += facts.diagrams
            model.backlog += facts.backlog
            if let dependencies = facts.dependencies, model.dependencies.path == nil { model.dependencies = dependencies }
            model.links += facts.links
            model.cites += facts.cites
            model.references += facts.references
            model.definitions += facts.definitions
        }
        model.cites = resolveLabelCites(model.cites, documents: model.documents, profile: corpus.profile)
        model.problems = corpus.problems
        return model
    }

    /// `Plan-024:285` → `docs/plans/024-….md`, through the profile's kind folders.
    private static func resolveLabelCites(_ cites: [LineCite], documents: [DocumentInfo], profile: Profile) -> [LineCite] {
        let byLabel = labelTargets(documents: documents, profile: profile)
        return cites.map { resolved($0, byLabel: byLabel) }
    }

    /// The file each document label (`Plan-024`) names, through the profile's kind folders.
    static func labelTargets(documents: [DocumentInfo], profile: Profile) -> [String: String] {
        var byLabel: [String: String] = [:]
        for (kind, folder) in profile.cites.kindFolders {
            for document in documents where document.path.hasPrefix(folder + "/") {
                let name = document.path.dropFirst(folder.count + 1)
                guard !name.contains("/") else { continue }
                let digits = name.prefix(while: \.isNumber)
                if !digits.isEmpty, byLabel["\(kind)-\(digits)"] == nil { byLabel["\(kind)-\(digits)"] = document.path }
            }
        }
        return byLabel
    }

    /// A label cite with its target from `byLabel`; other cites as they are.
    static func resolved(_ cite: LineCite, byLabel: [String: String]) -> LineCite {
        guard cite.form == "label-colon", let label = cite.label else { return cite }
        var resolved = cite
        resolved.target = byLabel[label]
        return resolved
    }
}
