/// Finds the corpus's Markdown files, reads each once, and parses them on all cores.
public enum CorpusLoader {
    /// Loads every file the profile includes under `root`. `overlay` replaces the text of some files (a git
    /// revision's, for `gates --head`); a nil entry removes a file, a new path adds one. `staged` does the same
    /// with the git index's blobs, which go through exactly the checks a working-tree file does (selection,
    /// size limits before reading, encoding, binary). With a cache folder, files whose analysis is cached are
    /// not parsed again, and the cache is updated afterwards. Without `keepingText`, each document's text is
    /// dropped once the file is analysed (its `source` is empty): for a caller that needs only the analyses.
    public static func load(root: String, profile: Profile, overlay: [String: String?] = [:],
                            staged: GitIndex.Staged? = nil, cacheDirectory: String? = nil,
                            keepingText: Bool = true, walked: Walk? = nil) throws -> Corpus {
        guard let realRoot = FileSystem.realPath(root) else {
            throw CorpusError("\(root): no such directory (give the corpus root with --root)")
        }
        guard FileSystem.isDirectory(realRoot) else {
            throw CorpusError("\(root): not a directory (give the corpus root, the folder that holds the Markdown, with --root)")
        }
        var problems: [InputProblem] = []
        var origins: [String: Origin] = [:]
        // A walk already made for this root (the run memo's observation) is not made again.
        let found = walked.flatMap { $0.realRoot == realRoot ? $0 : nil }.map { walk in
            problems += walk.problems
            return walk.paths
        } ?? discover(realRoot: realRoot, profile: profile, problems: &problems)
        for path in found { origins[path] = .workingTree }
        for (path, text) in overlay {
            if let text { if isSelected(path, profile) { origins[path] = .text(text) } } else { origins[path] = nil }
        }
        if let staged {
            for (path, change) in staged.changes {
                switch change {
                case .removed: origins[path] = nil
                case let .blob(id, size): if isSelected(path, profile) { origins[path] = .blob(id: id, size: size) }
                }
            }
            for name in staged.unreadableNames where isSelected(name, profile) {
                problems.append(.unreadableName(name))
            }
        }
        let candidates = origins.keys.sorted()
        if candidates.isEmpty && problems.isEmpty {
            throw CorpusError("\(root): no Markdown files found (corpus.include: \(profile.corpus.include.map(\.source).joined(separator: ", ")))")
        }
        let (admitted, sizes, stamps) = admit(candidates, origins: origins, realRoot: realRoot,
                                              settings: profile.corpus, problems: &problems)
        let blobIDs = admitted.compactMap { path -> String? in
            if case let .blob(id, _)? = origins[path] { return id }
            return nil
        }
        let blobs = try GitIndex.blobs(blobIDs, root: root)
        let startedAt = AnalysisIndex.now()
        let cache = cacheDirectory.map { AnalysisCache.open(directory: $0, realRoot: realRoot, profile: profile) }
            .flatMap { $0.refusal == nil ? $0 : nil }
            .map { CacheUse(cache: $0, index: $0.readIndex(limit: indexLimit(profile.corpus))) }
        let limit = profile.corpus.maxFileBytes
        let chosen = origins
        // Largest first: a worker that picks up a large file last finishes well after the others.
        let results: [LoadResult] = Array(admitted.indices).parallelMap(costliestFirst: sizes) { index in
            let result = read(admitted[index], stamp: stamps[index])
            return keepingText ? result : result.withoutText
        }
        @Sendable func read(_ path: String, stamp: FileStamp?) -> LoadResult {
            switch chosen[path] {
            case let .text(text)?:
                return analyzed(relative: path, bytes: Array(text.utf8), text: text, profile: profile, cache: cache)
            case let .blob(id, _)?:
                guard let bytes = blobs[id] else {
                    return .problem(InputProblem(code: "input/unreadable", path: path,
                                                 message: "cannot read the staged blob \(id)"))
                }
                return decoded(relative: path, bytes: bytes, profile: profile, cache: cache)
            case .workingTree?, nil:
                return load(relative: path, absolute: realRoot + "/" + path, stamp: stamp, limit: limit,
                            profile: profile, cache: cache)
            }
        }
        var documents: [SourceDocument] = []
        var analyses: [FileAnalysis] = []
        var records: [AnalysisIndex.Record] = []
        documents.reserveCapacity(results.count)
        analyses.reserveCapacity(results.count)
        if cache != nil { records.reserveCapacity(results.count) }
        var reused = 0
        var trusted = 0
        for result in results {
            switch result {
            case let .document(document, analysis, record, outcome):
                documents.append(document)
                analyses.append(analysis)
                if let record { records.append(record) }
                if outcome != .analysed { reused += 1 }
                if outcome == .trusted { trusted += 1 }
                for problem in analysis.parseProblems {
                    problems.append(InputProblem(code: "input/parse", path: document.path, line: problem.line,
                                                 message: problem.message))
                }
                for pattern in analysis.stoppedPatterns {
                    problems.append(InputProblem(code: PatternBudget.ruleID, path: document.path,
                                                 message: PatternBudget.message(pattern)))
                }
            case let .problem(problem):
                problems.append(problem)
            }
        }
        // The index is rewritten when anything in it would change: a file analysed or re-hashed, one gone.
        // Written while the rules run when the caller allows it (`BackgroundWork`): nothing in this run reads it.
        if let cache, trusted != records.count || records.count != cache.index.entries.count {
            let written = records
            BackgroundWork.run {
                PhaseTimer.measure("write the cache index") {
                    cache.cache.write(written, startedAt: startedAt, previous: cache.index)
                }
            }
        }
        problems = Array(Set(problems))
        problems.sort { ($0.path, $0.line, $0.code, $0.message) < ($1.path, $1.line, $1.code, $1.message) }
        if PhaseTimer.enabled {
            PhaseTimer.note("\(reused) of \(documents.count) analyses from the cache, \(trusted) by their stamp (not read)")
        }
        // The root as notices name it: one spelling for `docs`, `./docs/` and its absolute path, as the run memo
        // keys it (`RootSpelling`).
        var corpus = Corpus(root: RootSpelling.normalized(root), profile: profile, documents: documents,
                            analyses: analyses, problems: problems, reusedAnalyses: reused, unreadAnalyses: trusted)
        // Git history can only be asked about text that is the work tree's or the index's.
        if !overlay.isEmpty {
            corpus.textSource = .revision
        } else if let staged {
            corpus.textSource = .staged(staged.paths)
        }
        corpus.cacheFolder = cache?.cache.folder
        return corpus
    }

    /// What `discover` found under a root: the included paths and the problems met on the way.
    public struct Walk: Sendable {
        let realRoot: String
        let paths: [String]
        let problems: [InputProblem]
    }

    /// Where a candidate's bytes come from.
    enum Origin: Sendable {
        case workingTree
        case text(String)
        case blob(id: String, size: Int)
    }

    /// The candidates that may be read, in path order: a file over `max-file-bytes`, or one that would take the
    /// run past `max-total-bytes`, is reported as `input/too-large` and never read. Sizes come from the file
    /// system or the index, so nothing is read to learn them. Each admitted path comes with its size, and a
    /// working-tree file with its stamp (`FileStamp`: taken here, before the file is read, so the cache compares
    /// it without a second `stat`; nil for a file that is not regular, which reading then reports).
    static func admit(_ candidates: [String], origins: [String: Origin], realRoot: String,
                              settings: CorpusSettings, problems: inout [InputProblem])
        -> (paths: [String], sizes: [Int], stamps: [FileStamp?]) {
        var admitted: [String] = []
        var sizes: [Int] = []
        var stamps: [FileStamp?] = []
        var total = 0
        for path in candidates {
            let size: Int
            var stamp: FileStamp?
            switch origins[path] {
            case let .text(text)?: size = text.utf8.count
            case let .blob(_, blobSize)?: size = blobSize
            case .workingTree?, nil:
                let absolute = realRoot + "/" + path
                stamp = FileStamp.of(absolute)
                size = stamp.flatMap { Int(exactly: $0.size) } ?? FileSystem.size(absolute) ?? 0
            }
            if size > settings.maxFileBytes {
                problems.append(InputProblem(code: "input/too-large", path: path, message:
                    "cannot read: file is \(size) bytes, over the limit of \(settings.maxFileBytes) (corpus.max-file-bytes)"))
            } else if size > settings.maxTotalBytes - total {
                problems.append(InputProblem(code: "input/too-large", path: path, message:
                    "not read: the files before it in path order already hold \(total) bytes, and this one's "
                    + "\(size) would pass corpus.max-total-bytes (\(settings.maxTotalBytes))"))
            } else {
                total += size
                admitted.append(path)
                sizes.append(size)
                stamps.append(stamp)
            }
        }
        return (admitted, sizes, stamps)
    }

    /// Whether the profile selects `path`: included, and neither it nor a folder above it excluded.
    static func isSelected(_ path: String, _ profile: Profile) -> Bool {
        isIncluded(path, profile) && !isExcluded(path, profile)
    }

    /// Whether `path` or a folder above it is excluded, as discovery decides while walking down.
    static func isExcluded(_ path: String, _ profile: Profile) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
            if profile.corpus.exclude.contains(where: { $0.matches(prefix) || $0.matches(prefix + "/") }) {
                return true
            }
        }
        return false
    }

    private enum LoadResult: Sendable {
        /// The document, its analysis, its index record when there is a cache, and where the analysis came from.
        case document(SourceDocument, FileAnalysis, AnalysisIndex.Record?, Outcome)
        case problem(InputProblem)

        /// The same result with the document's text dropped.
        var withoutText: LoadResult {
            guard case let .document(document, analysis, key, cached) = self else { return self }
            let textless = SourceDocument(path: document.path, kind: document.kind, frozen: document.frozen,
                                          source: SourceText(""))
            return .document(textless, analysis, key, cached)
        }
    }

    private enum Outcome: Sendable {
        /// From the cache, the file not read: its stamp is the one recorded.
        case trusted
        /// From the cache, the file read and its bytes' hash the one recorded.
        case hashed
        /// Analysed afresh.
        case analysed
    }

    /// The cache of this run and the index it read.
    private struct CacheUse: Sendable {
        let cache: AnalysisCache
        let index: AnalysisIndex
    }

    /// The most index bytes read: four times what the corpus may hold, plus room for a small corpus.
    private static func indexLimit(_ settings: CorpusSettings) -> Int {
        let (scaled, overflow) = settings.maxTotalBytes.multipliedReportingOverflow(by: 4)
        return overflow ? Int.max : max(scaled, 64 << 20)
    }

    /// Relative paths of included files, sorted; symlinks to directories are not followed (no loops),
    /// and a symlinked file must resolve inside the root.
    static func discover(realRoot: String, profile: Profile, problems: inout [InputProblem]) -> [String] {
        var found: [String] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? realRoot : realRoot + "/" + relative
            let names: [FileSystem.Name]
            switch FileSystem.names(absolute) {
            case let .success(list): names = list
            case let .failure(failure):
                problems.append(InputProblem(code: "input/unreadable", path: relative, message: "cannot list directory: \(failure.message)"))
                continue
            }
            for entry in names {
                guard let name = entry.text else {
                    // A name that is not UTF-8 cannot be a path in the model; report it (escaped) when the profile
                    // would have read it, so it is never skipped in silence.
                    let escaped = relative.isEmpty ? entry.escaped : relative + "/" + entry.escaped
                    if entry.isFolder ? !isExcluded(escaped, profile) : isSelected(escaped, profile) {
                        problems.append(.unreadableName(escaped, folder: entry.isFolder))
                    }
                    continue
                }
                let path = relative.isEmpty ? name : relative + "/" + name
                if profile.corpus.exclude.contains(where: { $0.matches(path) || $0.matches(path + "/") }) { continue }
                // The listing's type saves an `lstat` per entry; asked only where the file system does not say.
                switch entry.type ?? FileSystem.entryType(realRoot + "/" + path) {
                case .directory?:
                    pending.append(path)
                case .file?, .other?:
                    if isIncluded(path, profile) { found.append(path) }
                case .symlink?:
                    guard isIncluded(path, profile) else { continue }
                    if let problem = checkLink(path, realRoot: realRoot) { problems.append(problem) } else { found.append(path) }
                case nil:
                    continue
                }
            }
        }
        return found.sorted()
    }

    private static func isIncluded(_ path: String, _ profile: Profile) -> Bool {
        profile.corpus.include.contains { $0.matches(path) }
    }

    private static func checkLink(_ path: String, realRoot: String) -> InputProblem? {
        let absolute = realRoot + "/" + path
        switch FileSystem.resolvedType(absolute) {
        case let .failure(failure):
            return InputProblem(code: "input/broken-link", path: path, message: failure.message)
        case .success(.directory):
            return InputProblem(code: "input/unreadable", path: path, message: "a directory named like a Markdown file")
        case .success:
            guard let target = FileSystem.realPath(absolute), target.hasPrefix(realRoot + "/") else {
                return InputProblem(code: "input/broken-link", path: path,
                                    message: "symbolic link leaves the corpus root; not read")
            }
            return nil
        }
    }

    /// A working-tree file, whose `stamp` was taken before its bytes are read (at admission): a change while
    /// they are read shows in the next run's.
    private static func load(relative: String, absolute: String, stamp: FileStamp?, limit: Int, profile: Profile,
                             cache: CacheUse?) -> LoadResult {
        if let cache, let stamp, let entry = cache.index.entries[relative], cache.index.trusts(entry, stamp: stamp),
           let analysis = cache.cache.analysis(entry, in: cache.index, fileSize: Int(clamping: stamp.size)) {
            let hash = Array(cache.index.hash(of: entry))
            let document = SourceDocument(path: relative, kind: profile.kind(of: relative),
                                          frozen: profile.corpus.frozen.contains { $0.matches(relative) },
                                          text: DocumentText(reading: absolute,
                                                             fingerprint: .sha256Digest(hash), limit: limit))
            return .document(document, analysis, AnalysisIndex.Record(path: relative, stamp: stamp, hash: hash,
                                                                      blob: .previous(entry.blob)), .trusted)
        }
        if case let .success(type) = FileSystem.resolvedType(absolute), type != .file {
            return .problem(InputProblem(code: "input/unreadable", path: relative, message: "not a regular file"))
        }
        let bytes: [UInt8]
        switch FileSystem.read(absolute, limit: limit) {
        case let .success(data): bytes = data
        case let .failure(failure):
            let code = failure.tooLarge ? "input/too-large" : "input/unreadable"
            let hint = failure.tooLarge ? " (corpus.max-file-bytes)" : ""
            return .problem(InputProblem(code: code, path: relative, message: "cannot read: \(failure.message)\(hint)"))
        }
        return decoded(relative: relative, bytes: bytes, profile: profile, cache: cache,
                       workingTree: (absolute, stamp, limit))
    }

    /// Where a working-tree file was read: its absolute path, its stamp before reading, the read limit.
    private typealias WorkingTree = (absolute: String, stamp: FileStamp?, limit: Int)

    /// The one place a file's bytes, from the working tree or the index, become a document or a problem.
    private static func decoded(relative: String, bytes: [UInt8], profile: Profile, cache: CacheUse?,
                                workingTree: WorkingTree? = nil) -> LoadResult {
        if let refusal = ParseCost.refusal(bytes) {
            return .problem(InputProblem(code: "input/too-large", path: relative, message: refusal))
        }
        switch TextDecoding.decode(bytes) {
        case let .failure(problem):
            return .problem(InputProblem(code: problem.code, path: relative, line: problem.line, column: problem.column,
                                         message: problem.message))
        case let .success(text):
            return analyzed(relative: relative, bytes: bytes, text: text, profile: profile, cache: cache,
                            workingTree: workingTree)
        }
    }

    /// The analysis of a file read now: the cached one when its bytes hash as recorded, else a fresh one. A
    /// working-tree file's document does not keep its text (`DocumentText` reads it again if asked).
    private static func analyzed(relative: String, bytes: [UInt8], text: String, profile: Profile, cache: CacheUse?,
                                 workingTree: WorkingTree? = nil) -> LoadResult {
        // The SHA-256 is the cache's key; a working-tree file's text is checked when read again against a keyed
        // hash, which costs a tenth of it.
        let hash = cache != nil ? sha256(bytes) : []
        let fingerprint: DocumentText.Fingerprint? = workingTree == nil ? nil
            : cache != nil ? .digestAndKeyed(hash, bytes) : .keyed(bytes)
        func document(_ made: SourceDocument?) -> SourceDocument {
            let kind = made?.kind ?? profile.kind(of: relative)
            let frozen = made?.frozen ?? profile.corpus.frozen.contains { $0.matches(relative) }
            if let workingTree, let fingerprint {
                return SourceDocument(path: relative, kind: kind, frozen: frozen,
                                      text: DocumentText(reading: workingTree.absolute, fingerprint: fingerprint,
                                                         limit: workingTree.limit))
            }
            return made ?? SourceDocument(path: relative, kind: kind, frozen: frozen, source: SourceText(text))
        }
        if let cache, let entry = cache.index.entries[relative], cache.index.hash(of: entry).elementsEqual(hash),
           let analysis = cache.cache.analysis(entry, in: cache.index, fileSize: bytes.count) {
            let record = AnalysisIndex.Record(path: relative, stamp: workingTree?.stamp, hash: hash,
                                              blob: .previous(entry.blob))
            return .document(document(nil), analysis, record, .hashed)
        }
        let (made, analysis) = DocumentAnalyzer.analyze(path: relative, text: text, profile: profile)
        let record = cache == nil ? nil : AnalysisIndex.Record(path: relative, stamp: workingTree?.stamp, hash: hash,
                                                               blob: .analysis(analysis))
        return .document(document(made), analysis, record, .analysed)
    }
}
