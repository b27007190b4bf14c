/// One Markdown file of the corpus: its identity and its text. The parse tree lives only during the file's
/// analysis (`DocumentAnalyzer`); what later stages need of it is in the file's `FileAnalysis`.
///
/// The text of a working-tree file is not kept after its analysis (nor read at all when its analysis came
/// from the cache): the few consumers that need it later (a finding's column in code points, a cite's target
/// lines, `fix`, the graph sync, gates) read it on first use (`DocumentText`).
public struct SourceDocument: Sendable {
    /// The path relative to the corpus root.
    public let path: String
    /// The document kind from the profile (`plan`, `spec`, `adr`, …).
    public let kind: String
    /// Frozen trees are read for facts but never reported on.
    public let frozen: Bool
    /// The raw text, by line (read on first use for a working-tree file).
    public var source: SourceText { text.value }
    let text: DocumentText
    /// The SHA-256 of the file's bytes when the text is read from the working tree (`DocumentText.fileHash`).
    var fileHash: [UInt8]? { text.fileHash }

    public init(path: String, kind: String, frozen: Bool, source: SourceText) {
        self.init(path: path, kind: kind, frozen: frozen, text: DocumentText(source))
    }

    init(path: String, kind: String, frozen: Bool, text: DocumentText) {
        self.path = path
        self.kind = kind
        self.frozen = frozen
        self.text = text
    }

    /// The document at `path` with its kind and frozenness from the profile.
    public init(path: String, source: SourceText, profile: Profile) {
        self.init(path: path, kind: profile.kind(of: path), frozen: profile.corpus.frozen.contains { $0.matches(path) }, source: source)
    }
}

/// Every readable Markdown file under a root, each analysed once, plus what could not be read.
public struct Corpus: Sendable {
    /// The root as given (absolute or relative to the working directory); loaded by `CorpusLoader`, in its one
    /// spelling (`RootSpelling`: `./docs/` is `docs`, an absolute path under the working directory relative).
    public let root: String
    public let profile: Profile
    /// Documents in path order.
    public let documents: [SourceDocument]
    /// What each document contributes, in the same order as `documents`.
    public let analyses: [FileAnalysis]
    public let problems: [InputProblem]
    /// How many analyses came from the cache rather than a parse.
    public let reusedAnalyses: Int
    /// How many of those were taken by the file's unchanged stamp, without reading the file.
    public let unreadAnalyses: Int
    /// Where the documents' text came from (the drift check compares it with git history).
    public var textSource = TextSource.workingTree
    /// The corpus's folder in the cache when the run uses a trusted one (not with `--no-cache`): the drift check
    /// keeps what it asked git there (`DriftMemo`).
    public var cacheFolder: String?

    /// The working tree; the index for the staged paths and the working tree for the rest; or text given by
    /// the caller (a git revision's, for `--since` and gates).
    public enum TextSource: Sendable, Equatable {
        case workingTree
        case staged(Set<String>)
        case revision
    }

    /// The document at `path` (relative to the root).
    public func document(at path: String) -> SourceDocument? {
        documentIndex[path].flatMap { documents.indices.contains($0) ? documents[$0] : nil }
    }

    /// The analysis of the document at `path`.
    public func analysis(at path: String) -> FileAnalysis? {
        documentIndex[path].flatMap { analyses.indices.contains($0) ? analyses[$0] : nil }
    }

    private let documentIndex: [String: Int]

    /// `codePointColumn` of each finding, in order: the files with findings taken on all cores, each read once
    /// (a file read again is the end of a run's serial part), each line walked once however many findings it has.
    public func codePointColumns(_ findings: [Finding]) -> [Int] {
        var byFile: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated() { byFile[finding.file, default: []].append(index) }
        let groups = byFile.values.sorted { $0[0] < $1[0] }
        let computed = groups.parallelMap { indices -> [(Int, Int)] in
            guard let source = document(at: findings[indices[0]].file)?.source else { return [] }
            let byLine = Dictionary(grouping: indices) { findings[$0].line }
            return byLine.flatMap { line, onLine -> [(Int, Int)] in
                guard let found = source.codePointColumns(line: line, utf8Columns: onLine.map { findings[$0].column })
                else { return [] }
                return Array(zip(onLine, found))
            }
        }
        var columns = findings.map(\.column)
        for (index, column) in computed.joined() { columns[index] = column }
        return columns
    }

    /// `codePointColumns` of `findings` as a lookup by place (a finding not among them keeps its byte column).
    public func codePointColumnLookup(_ findings: [Finding]) -> @Sendable (Finding) -> Int {
        var columns: [FindingPlace: Int] = [:]
        for (finding, column) in zip(findings, codePointColumns(findings)) { columns[FindingPlace(finding)] = column }
        let known = columns
        return { finding in known[FindingPlace(finding)] ?? finding.column }
    }

    /// The 1-based column in Unicode code points of a UTF-8 byte column on a line of a corpus file.
    public func codePointColumn(path: String, line: Int, utf8Column: Int) -> Int {
        document(at: path)?.source.codePointColumns(line: line, utf8Columns: [utf8Column])?.first ?? utf8Column
    }

    public init(root: String, profile: Profile, documents: [SourceDocument], analyses: [FileAnalysis], problems: [InputProblem],
                reusedAnalyses: Int = 0, unreadAnalyses: Int = 0) {
        precondition(documents.count == analyses.count, "one analysis per document")
        self.reusedAnalyses = reusedAnalyses
        self.unreadAnalyses = unreadAnalyses
        self.root = root
        self.profile = profile
        self.documents = documents
        self.analyses = analyses
        self.problems = problems
        var index: [String: Int] = [:]
        for (position, document) in documents.enumerated() { index[document.path] = position }
        self.documentIndex = index
    }
}

