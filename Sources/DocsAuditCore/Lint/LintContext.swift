/// Everything a rule may read: the corpus (parsed documents), its extracted model, the profile, and
/// indexes built once so rules stay simple.
public struct LintContext: Sendable {
    public let corpus: Corpus
    public let model: CorpusModel
    public var profile: Profile { corpus.profile }
    /// Documents by path.
    public let documentsByPath: [String: DocumentInfo]
    /// Anchors (slugs and explicit) by document path.
    public let anchorsByPath: [String: Set<String>]

    public init(corpus: Corpus, model: CorpusModel) {
        self.corpus = corpus
        self.model = model
        var documents: [String: DocumentInfo] = [:]
        var anchors: [String: Set<String>] = [:]
        for document in model.documents {
            documents[document.path] = document
            anchors[document.path] = Set(document.anchors)
        }
        self.documentsByPath = documents
        self.anchorsByPath = anchors
    }

    /// The next-steps diagram, when the corpus has one.
    public var nextStepsGraph: MermaidGraph? {
        guard let index = model.nextSteps?.diagram, model.diagrams.indices.contains(index) else { return nil }
        return model.diagrams[index].graph
    }

    /// The document of kind `kind` whose number is `number` (`plan`, `024`).
    public func document(kind: String, number: String) -> DocumentInfo? {
        model.documents.first { $0.kind == kind && $0.number == number }
    }
}
