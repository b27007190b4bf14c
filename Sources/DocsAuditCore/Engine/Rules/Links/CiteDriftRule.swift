/// A line cite whose target changed under it since the citing line was written (git history).
///
/// The order matters: (1) the cites worth asking about (a resolved target, a citing file that is not frozen, the
/// rule on there; with `--staged`, only cites in or into staged files, the only ones such a run reports);
/// (2) work tree? shallow? (read from `.git`, one `git rev-parse` for a `.git` file); (3) one `git blame
/// --porcelain --contents -` per citing file, concurrently, over the citing lines only, fed the text the run reads
/// (so a staged file is blamed as staged); (4) one `git cat-file --batch` for every target at every commit found;
/// (5) one alignment per target and commit whose text differs from now, concurrently; (6) each cited range mapped
/// through it. With a cache folder, the answers of (3) and the maps of (5) are remembered (`DriftMemo`, keyed by
/// `GitState`): only what the memo does not hold is asked, and the memo is written after (5), once.
///
/// A citing line not committed yet was written against the target as it is now (working tree, or the index
/// with `--staged`): there is nothing to follow, and `cites/line-range` checks it as it stands.
struct CiteDriftRule: Rule {
    let description = RuleDescription(
        id: "cites/drift", severity: .warning,
        summary: "a line cite whose lines moved or were rewritten in the target since the cite was written (git)",
        help: """
        When the corpus is in a git work tree, each line cite is followed through the target's history: the
        commit that last changed the citing line (git blame) is taken as the moment the cite was written, and
        the cited lines are mapped from the target at that commit to the target now (the same line alignment
        `fix --dry-run` diffs with). Lines that moved are reported with where they are now, and `docs-audit fix`
        rewrites the numbers; a range whose first or last line, or most of its lines, was rewritten or deleted
        is stale and needs a person. A citing line not committed yet is taken as written against the target
        as it is; a target absent at that commit (renamed or not created yet) is skipped. Outside git, in a
        shallow clone, and for citing files git has no history for, the check is skipped with one line on
        standard error. `cites.drift: false` turns it off.
        """)

    /// How the message of a stale cite ends (one that moved names where its lines are now instead).
    static let staleNote = "(stale: choose the lines it should cite now)"

    func check(_ context: LintContext) -> [RuleHit] { checkWithNotices(context).hits }

    func checkWithNotices(_ context: LintContext) -> (hits: [RuleHit], notices: [String]) {
        let corpus = context.corpus
        guard corpus.profile.cites.drift, corpus.textSource != .revision else { return ([], []) }
        let frozen = Set(corpus.documents.filter(\.frozen).map(\.path))
        var staged: Set<String>?
        if case let .staged(paths) = corpus.textSource { staged = paths }
        let cites = context.model.cites.filter { cite in
            guard let target = cite.target, !frozen.contains(cite.path), !cite.ranges.isEmpty,
                  corpus.profile.severity(of: description, at: cite.path) != nil else { return false }
            return staged.map { $0.contains(cite.path) || $0.contains(target) } ?? true
        }
        guard !cites.isEmpty else { return ([], []) }
        let git = GitHistory(root: context.rootPath)
        switch git.status(repositoryRoot: context.repositoryRoot) {
        case .notRepository: return ([], ["cites/drift skipped: \(corpus.root) is not in a git repository"])
        case .shallow:
            return ([], ["cites/drift skipped: \(corpus.root) has shallow history (fetch it whole: git fetch "
                         + "--unshallow, or fetch-depth: 0 in CI)"])
        case .ready: break
        }
        // (3) Who last changed each citing line: remembered (`DriftMemo`), else one blame per citing file.
        let byPath = Dictionary(grouping: cites, by: \.path)
        let paths = byPath.keys.sorted()
        // Blame reads the attribute files on each citing file's folders: the run memo asks them again.
        if let root = context.repositoryRoot {
            for path in paths { context.recordAttributeFiles(of: context.rootPath + "/" + path, repositoryRoot: root) }
        }
        var memory = PhaseTimer.measure("drift memo read") { Memory.open(context) }
        var commitOf: [String: [Int: String?]] = [:]
        var blameKeys: [String: [UInt8]] = [:]
        var contentKeys: [String: [UInt8]] = [:]
        PhaseTimer.measure("drift memo keys") {
            guard let state = memory?.state else { return }
            for path in paths {
                guard let document = corpus.document(at: path) else { continue }
                let content = Self.contentKey(document)
                guard let key = state.blameKey(absolutePath: context.rootPath + "/" + path, relativePath: path,
                                               content: content, lines: (byPath[path] ?? []).map(\.line)) else {
                    continue
                }
                blameKeys[path] = key
                contentKeys[path] = content
                if let known = memory?.memo.blame(key) { commitOf[path] = known }
            }
        }
        let asked = paths.filter { commitOf[$0] == nil }
        let blamed: [[Int: String?]?] = PhaseTimer.measure("drift blame") {
            asked.parallelMap { path in
                guard let document = corpus.document(at: path) else { return nil }
                let lines = (byPath[path] ?? []).map(\.line)
                let text = Array(document.source.text.utf8)
                guard case let .success(commits) = git.lastChanges(path: path, contents: text, lines: lines) else {
                    return nil
                }
                return commits
            }
        }
        var untracked = 0
        for (path, commits) in zip(asked, blamed) {
            guard let commits else {
                untracked += 1
                continue
            }
            commitOf[path] = commits
            // Remembered only for the text the key names (a file that changed since its analysis was blamed empty).
            if let key = blameKeys[path], let document = corpus.document(at: path),
               Self.contentKey(document) == contentKeys[path] {
                memory?.memo.remember(blame: commits, for: key)
            }
        }
        var notices: [String] = []
        if untracked > 0 {
            let files = untracked == 1 ? "citing file" : "citing files"
            notices.append("cites/drift skipped \(untracked) \(files) that git has no history for "
                           + "(untracked or never committed)")
        }
        // (4) The targets as they were: remembered maps, else one cat-file for all.
        var blobs = Set<GitHistory.Blob>()
        for cite in cites {
            guard let target = cite.target, case let commit?? = commitOf[cite.path]?[cite.line] else { continue }
            blobs.insert(GitHistory.Blob(commit: commit, path: target))
        }
        guard !blobs.isEmpty else {
            memory?.write()
            return ([], notices)
        }
        // A corpus document is identified without reading it; another file is read now (a target that cannot be
        // read has nothing to be mapped onto: git is not asked about it).
        var current: [String: SourceText] = [:]
        var targetKeys: [String: [UInt8]] = [:]
        var readable = Set<String>()
        for target in Set(blobs.map(\.path)) {
            if let document = corpus.document(at: target) {
                readable.insert(target)
                if memory != nil { targetKeys[target] = Self.contentKey(document) }
            } else if let text = Self.text(of: target, context: context) {
                readable.insert(target)
                current[target] = text
                if memory != nil { targetKeys[target] = Self.textKey(text) }
            }
        }
        var mapOf: [GitHistory.Blob: LineMap] = [:]
        var mapKeys: [GitHistory.Blob: [UInt8]] = [:]
        var requests: [GitHistory.Blob] = []
        let ordered = blobs.sorted { ($0.path, $0.commit) < ($1.path, $1.commit) }
        for blob in ordered where readable.contains(blob.path) {
            if let repository = memory?.state.repositoryRoot, let content = targetKeys[blob.path] {
                let key = DriftMemo.mapKey(repositoryRoot: repository, commit: blob.commit, target: blob.path,
                                           textHash: content)
                mapKeys[blob] = key
                if let known = memory?.memo.map(key) {
                    if let known { mapOf[blob] = known }
                    continue
                }
            }
            requests.append(blob)
        }
        let found: [GitHistory.Blob: [UInt8]?]
        if requests.isEmpty {
            found = [:]
        } else {
            switch PhaseTimer.measure("drift cat-file", { git.contents(of: requests) }) {
            case let .success(answers): found = answers
            case let .failure(failure):
                return ([], notices + ["cites/drift skipped: git cat-file failed: \(failure.text)"])
            }
        }
        for target in Set(requests.map(\.path)) where current[target] == nil {
            current[target] = Self.text(of: target, context: context)
        }
        // (5) One alignment per target and commit whose text differs from now.
        let fresh = current
        let aligned: [LineMap?] = PhaseTimer.measure("drift align") {
            requests.parallelMap { blob in
                guard let now = fresh[blob.path], case let bytes?? = found[blob], !now.text.utf8.elementsEqual(bytes),
                      let then = String(validating: bytes, as: UTF8.self) else { return nil }
                return LineMap(old: Self.lines(SourceText(then)), new: Self.lines(now))
            }
        }
        for (blob, map) in zip(requests, aligned) {
            if let map { mapOf[blob] = map }
            // Only what git answered, for the text the key names, is remembered.
            guard found[blob] != nil, let key = mapKeys[blob] else { continue }
            if let document = corpus.document(at: blob.path), Self.contentKey(document) != targetKeys[blob.path] {
                continue
            }
            memory?.memo.remember(map: map, for: key)
        }
        memory?.write()
        // (6) Each cited range through its map.
        var hits: [RuleHit] = []
        for cite in cites {
            guard let target = cite.target, case let commit?? = commitOf[cite.path]?[cite.line],
                  let map = mapOf[GitHistory.Blob(commit: commit, path: target)] else { continue }
            let places = CiteSpans.places(of: cite, line: corpus.document(at: cite.path)?.source.line(cite.line))
            let name = cite.label ?? target
            let since = "since commit \(commit.prefix(7))"
            for (index, span) in cite.ranges.enumerated() {
                let cited = CiteSpans.text(span)
                switch map.outcome(of: span.start...span.end) {
                case .unchanged, .unknown: continue
                case let .moved(start, end):
                    let now = CiteSpans.text(LineSpan(start: start, end: end))
                    var hit = RuleHit(path: cite.path, line: cite.line, column: cite.column,
                                      message: "content of \(name):\(cited) is now at \(now) (moved \(since))",
                                      subject: cite.text, related: [target])
                    if let places, index < places.count {
                        let place = places[index]
                        let replacement = CiteSpans.rewrite(place.text, to: LineSpan(start: start, end: end))
                        hit.fix = TextEdit(path: cite.path, line: cite.line, column: place.column, length: place.length,
                                           replacement: replacement)
                    }
                    hits.append(hit)
                case .stale:
                    hits.append(RuleHit(path: cite.path, line: cite.line, column: cite.column,
                                        message: "content of \(name):\(cited) was rewritten or deleted \(since) "
                                            + Self.staleNote,
                                        subject: cite.text, related: [target]))
                }
            }
        }
        return (hits, notices)
    }

    /// The memo of this run, with where it is kept and the repository state its blames belong to.
    private struct Memory {
        let folder: String
        let scope: [UInt8]
        let state: GitState
        var memo: DriftMemo

        /// The memo when the run has a trusted cache folder and the repository's state can be read without git.
        static func open(_ context: LintContext) -> Memory? {
            guard let folder = context.corpus.cacheFolder, let root = context.repositoryRoot,
                  let state = GitState.read(repositoryRoot: root, environment: GitState.processEnvironment) else {
                return nil
            }
            let tool = ToolIdentity.identity(executable: ToolIdentity.executable, memoFolder: PathText.parent(folder))
            let scope = DriftMemo.scope(tool: tool)
            return Memory(folder: folder, scope: scope, state: state,
                          memo: DriftMemo.read(folder: folder, scope: scope))
        }

        /// Writes the memo when this run added to it, and the repository is still in the state its answers were
        /// keyed by (a commit or `git add` while git was asked would file them under the state before).
        func write() {
            guard memo.changed else { return }
            PhaseTimer.measure("drift memo write") {
                guard GitState.read(repositoryRoot: state.repositoryRoot, environment: GitState.processEnvironment)?
                    .key == state.key else { return }
                _ = memo.write(folder: folder, scope: scope)
            }
        }
    }

    /// What identifies a document's text for the memo without reading it when possible: the SHA-256 of its
    /// file's bytes (checked when the text is read), else of the text it holds.
    private static func contentKey(_ document: SourceDocument) -> [UInt8] {
        if let hash = document.fileHash { return Array("file:".utf8) + hash }
        return textKey(document.source)
    }

    /// What identifies `text` for the memo: the SHA-256 of its UTF-8.
    private static func textKey(_ text: SourceText) -> [UInt8] {
        Array("text:".utf8) + sha256(Array(text.text.utf8))
    }

    /// The lines of `text`, numbered as cites number them.
    private static func lines(_ text: SourceText) -> [Substring] {
        text.lineCount == 0 ? [] : (1...text.lineCount).compactMap { text.line($0) }
    }

    /// The target as the run reads it: a corpus document (staged text with `--staged`), or a file in the work
    /// tree (within the repository, at most `corpus.max-file-bytes`).
    private static func text(of target: String, context: LintContext) -> SourceText? {
        if let document = context.corpus.document(at: target) { return document.source }
        guard let absolute = context.absolutePath(target),
              case let .success(bytes) = context.readFile(absolute, limit: context.profile.corpus.maxFileBytes),
              let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return SourceText(text)
    }
}

/// Where each span of a cite is written on its line, so a fix rewrites only its numbers.
enum CiteSpans {
    /// One span as written: its 1-based byte column on the line, its length in bytes and its text (`267-281`).
    struct Place: Equatable {
        var column: Int
        var length: Int
        var text: String
    }

    /// The places of `cite`'s spans on `line`, in order; nil when they cannot be found there as the scanner
    /// read them (then no fix is offered).
    static func places(of cite: LineCite, line: Substring?) -> [Place]? {
        guard let line else { return nil }
        let start = cite.column - 1
        let textBytes = Array(cite.text.utf8)
        // The cite's own bytes only (a line of thousands of cites is not copied for each).
        let holdsCite = ByteSearch.withBytes(of: line) { bytes in
            start >= 0 && textBytes.count <= bytes.count - start
                && bytes[start..<(start + textBytes.count)].elementsEqual(textBytes)
        }
        guard holdsCite, let colon = textBytes.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        var places: [Place] = []
        var partStart = colon + 1
        var index = colon + 1
        while index <= textBytes.count {
            if index == textBytes.count || textBytes[index] == UInt8(ascii: ",") {
                var low = partStart
                var high = index
                while low < high, textBytes[low] == UInt8(ascii: " ") { low += 1 }
                while high > low, textBytes[high - 1] == UInt8(ascii: " ") { high -= 1 }
                let part = String(decoding: textBytes[low..<high], as: UTF8.self)
                places.append(Place(column: start + low + 1, length: high - low, text: part))
                partStart = index + 1
            }
            index += 1
        }
        let parsed = places.map { ReferenceScanner.spans($0.text) }
        guard parsed.count == cite.ranges.count,
              zip(parsed, cite.ranges).allSatisfy({ $0.count == 1 && $0.first == $1 }) else { return nil }
        return places
    }

    /// `267-281`, or `40` for a one-line span.
    static func text(_ span: LineSpan) -> String {
        span.start == span.end ? "\(span.start)" : "\(span.start)-\(span.end)"
    }

    /// `written` (`267-281`, `267–281`, `40`) with its numbers replaced by `span`'s, its dash kept.
    static func rewrite(_ written: String, to span: LineSpan) -> String {
        guard let dash = written.firstIndex(where: { $0 == "-" || $0 == "–" }) else {
            return span.start == span.end ? "\(span.start)" : text(span)
        }
        return "\(span.start)\(written[dash])\(span.end)"
    }
}
