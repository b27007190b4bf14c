/// The corpus model in parts, for a writer that streams it instead of building the whole `CorpusModel`:
/// a skeleton holding what is merged over the corpus, and each document's share of the per-document lists.
/// Written out in order, the parts hold exactly what `Extractor.extract` returns for the same corpus.
public struct ModelParts: Sendable {
    /// The model with every per-document list empty: schema version, method registries, next steps (its
    /// diagram index rebased onto the corpus list), dependencies and problems, as `Extractor.extract` sets them.
    public let skeleton: CorpusModel
    /// How many documents contribute parts, in corpus order.
    public var count: Int { facts.count }

    private let facts: [Extractor.DocumentFacts]
    private let labelTargets: [String: String]

    /// The parts of `corpus`'s model. They keep only the documents' facts, not the corpus's texts.
    public init(_ corpus: Corpus) {
        facts = corpus.analyses.map(\.facts)
        labelTargets = Extractor.labelTargets(documents: facts.map(\.info), profile: corpus.profile)
        // The same choices as `Extractor.merge`: the first next-steps graph and the first dependency map win.
        var skeleton = CorpusModel()
        var diagramsBefore = 0
        for facts in facts {
            skeleton.methodRegistries.formats += facts.registries.formats
            skeleton.methodRegistries.tables += facts.registries.tables
            if var nextSteps = facts.nextSteps, skeleton.nextSteps == nil {
                nextSteps.diagram = nextSteps.diagram.map { $0 + diagramsBefore }
                skeleton.nextSteps = nextSteps
            }
            diagramsBefore += facts.diagrams.count
            if let dependencies = facts.dependencies, skeleton.dependencies.path == nil {
                skeleton.dependencies = dependencies
            }
        }
        skeleton.problems = corpus.problems
        self.skeleton = skeleton
    }

    /// Document `index`'s share of the per-document lists (documents, plans, specs, error codes, diagrams,
    /// backlog, links, cites with their label targets resolved, references, definitions); nothing else is set.
    public func part(_ index: Int) -> CorpusModel {
        var part = CorpusModel()
        guard facts.indices.contains(index) else { return part }
        let facts = facts[index]
        part.documents = [facts.info]
        if let plan = facts.plan { part.plans = [plan] }
        if let spec = facts.spec { part.specs = [spec] }
        part.errorCodes = facts.registries.errorCodes
        part.diagrams = facts.diagrams
        part.backlog = facts.backlog
        part.links = facts.links
        part.cites = facts.cites.map { Extractor.resolved($0, byLabel: labelTargets) }
        part.references = facts.references
        part.definitions = facts.definitions
        return part
    }
}
