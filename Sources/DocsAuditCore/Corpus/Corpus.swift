/// One Markdown file of the corpus, parsed.
public struct SourceDocument: Sendable {
    /// The path relative to the corpus root.
    public let path: String
    /// The document kind from the profile (`plan`, `spec`, `adr`, …).
    public let kind: String
    /// Frozen trees are read for facts but never reported on.
    public let frozen: Bool
    public let markdown: MarkdownDocument

    public init(path: String, kind: String, frozen: Bool, markdown: MarkdownDocument) {
        self.path = path
        self.kind = kind
        self.frozen = frozen
        self.markdown = markdown
    }
}

/// Every readable Markdown file under a root, each parsed once, plus what could not be read.
public struct Corpus: Sendable {
    /// The root as given (absolute or relative to the working directory).
    public let root: String
    public let profile: Profile
    /// Documents in path order.
    public let documents: [SourceDocument]
    public let problems: [InputProblem]

    /// The document at `path` (relative to the root).
    public func document(at path: String) -> SourceDocument? {
        documentIndex[path].flatMap { documents.indices.contains($0) ? documents[$0] : nil }
    }

    private let documentIndex: [String: Int]

    /// The 1-based column in Unicode code points of a UTF-8 byte column on a line of a corpus file.
    public func codePointColumn(path: String, line: Int, utf8Column: Int) -> Int {
        guard let text = document(at: path)?.markdown.source.line(line) else { return utf8Column }
        let prefix = text.utf8.prefix(max(0, utf8Column - 1))
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    }

    public init(root: String, profile: Profile, documents: [SourceDocument], problems: [InputProblem]) {
        self.root = root
        self.profile = profile
        self.documents = documents
        self.problems = problems
        var index: [String: Int] = [:]
        for (position, document) in documents.enumerated() { index[document.path] = position }
        self.documentIndex = index
    }
}
