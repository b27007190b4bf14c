import FoundationEssentials

/// Everything a rule may read: the corpus (documents, their text and analyses), its extracted model, the profile, and
/// indexes built once so rules stay simple.
public struct LintContext: Sendable {
    public let corpus: Corpus
    public let model: CorpusModel
    public var profile: Profile { corpus.profile }
    /// Documents by path.
    public let documentsByPath: [String: DocumentInfo]
    /// Anchors (slugs and explicit) by document path.
    public let anchorsByPath: [String: Set<String>]
    /// The corpus root, resolved.
    public let rootPath: String
    /// The next-steps graph joined with its entries, shared by every graph rule, sync and the derived graph.
    let nextStepsView: NextStepsView?
    /// Where every ID is defined, shared by the ID and traceability rules.
    let definitions: Definitions
    /// The git work tree that holds the corpus, when there is one: links leaving the corpus are checked there.
    public let repositoryRoot: String?
    /// In a narrowed run, what its cross-document rules look at (`LintFocus`); nil when every file is reported.
    public internal(set) var focus: LintFocus?
    /// Records what the run asks the file system outside the corpus documents (the run memo's key), when given.
    let probes: ProbeRecorder?

    /// The context of a run over `corpus`; with `focus` (paths relative to the root), of a run whose findings
    /// are narrowed to those paths (`Linter.narrow`).
    public init(corpus: Corpus, model: CorpusModel, focus: Set<String>? = nil, probes: ProbeRecorder? = nil) {
        self.corpus = corpus
        self.probes = probes
        self.model = model
        var documents: [String: DocumentInfo] = [:]
        var anchors: [String: Set<String>] = [:]
        for document in model.documents {
            documents[document.path] = document
            anchors[document.path] = Set(document.anchors)
        }
        self.documentsByPath = documents
        self.anchorsByPath = anchors
        self.nextStepsView = NextStepsView(model: model, profile: corpus.profile)
        self.definitions = Definitions(model, profile: corpus.profile)
        let root = FileSystem.realPath(corpus.root) ?? corpus.root
        self.rootPath = root
        let found = Self.repositoryRoot(above: root, probes: probes)
        self.repositoryRoot = found
        self.focus = focus.map {
            LintFocus(paths: $0, corpus: corpus, model: model, definitions: definitions, rootPath: root,
                      repositoryRoot: found)
        }
    }

    /// Whether `target` (relative to the corpus root, possibly climbing out with `../`) exists: a corpus
    /// document, or a file or folder on disk. Never reads outside the repository (or corpus) root.
    public func targetExists(_ target: String) -> Bool {
        if documentsByPath[target] != nil { return true }
        guard let absolute = absolutePath(target) else { return false }
        return Self.entryType(absolute, probes: probes) != nil
    }

    /// The bytes of the file at `absolute` (outside the corpus documents), at most `limit`; recorded.
    func readFile(_ absolute: String, limit: Int) -> Result<[UInt8], FileSystem.Failure> {
        probes?.read(absolute, limit: limit) ?? FileSystem.read(absolute, limit: limit)
    }

    /// Records the `.gitattributes` files from the folder of `absolutePath` up to `repositoryRoot` (what a blame of
    /// it reads, as `GitState.blameKey` does), when the run records its probes.
    func recordAttributeFiles(of absolutePath: String, repositoryRoot: String) {
        guard let probes else { return }
        var folder = PathText.parent(absolutePath)
        while folder == repositoryRoot || folder.hasPrefix(repositoryRoot + "/") {
            _ = probes.gitFile(folder + "/.gitattributes", limit: GitState.settingsLimit)
            if folder == repositoryRoot { break }
            folder = PathText.parent(folder)
        }
    }

    /// The folder holding `.git` at or above `root` (the git work tree that holds the corpus), or nil.
    static func repositoryRoot(above root: String, probes: ProbeRecorder?) -> String? {
        var probe = root
        while true {
            if entryType(probe + "/.git", probes: probes) != nil { return probe }
            let parent = PathText.parent(probe)
            if parent == probe || parent.isEmpty { return nil }
            probe = parent
        }
    }

    /// `lstat`'s kind of entry at `path`, through `probes` when given.
    private static func entryType(_ path: String, probes: ProbeRecorder?) -> FileSystem.EntryType? {
        guard let probes else { return FileSystem.entryType(path) }
        return probes.entryType(path)
    }

    /// The absolute path of `target`, or nil when it leaves the repository root (or, outside git, the
    /// corpus root).
    public func absolutePath(_ target: String) -> String? {
        let joined = LinkExtractor.normalize((rootPath + "/" + target).split(separator: "/").map(String.init))
        let absolute = "/" + joined
        let boundary = repositoryRoot ?? rootPath
        guard absolute == boundary || absolute.hasPrefix(boundary + "/") else { return nil }
        return absolute
    }

    /// Whether `target` leaves the corpus root.
    public func leavesRoot(_ target: String) -> Bool { target == ".." || target.hasPrefix("../") }

    /// The document of kind `kind` whose number is `number` (`plan`, `024`).
    public func document(kind: String, number: String) -> DocumentInfo? {
        model.documents.first { $0.kind == kind && $0.number == number }
    }
}
