/// Finds the corpus's Markdown files, reads each once, and parses them on all cores.
public enum CorpusLoader {
    /// Loads every file the profile includes under `root`. `overlay` replaces the text of some files (the
    /// staged versions, for `lint --staged`); a nil entry removes a file, a new path adds one. With a cache
    /// folder, files whose analysis is cached are not parsed again, and the cache is updated afterwards.
    public static func load(root: String, profile: Profile, overlay: [String: String?] = [:], cacheDirectory: String? = nil) throws -> Corpus {
        guard let realRoot = FileSystem.realPath(root), FileSystem.isDirectory(realRoot) else {
            throw CorpusError("\(root): no such directory (give the corpus root with --root)")
        }
        var problems: [InputProblem] = []
        var candidates = discover(realRoot: realRoot, profile: profile, problems: &problems)
        if !overlay.isEmpty {
            var set = Set(candidates)
            for (path, text) in overlay {
                if text == nil { set.remove(path) } else if profile.corpus.include.contains(where: { $0.matches(path) }) { set.insert(path) }
            }
            candidates = set.sorted()
        }
        if candidates.isEmpty && problems.isEmpty {
            throw CorpusError("\(root): no Markdown files found (corpus.include: \(profile.corpus.include.map(\.source).joined(separator: ", ")))")
        }
        let cache = cacheDirectory.map { AnalysisCache.open(directory: $0, realRoot: realRoot, profile: profile) }
        let limit = profile.corpus.maxFileBytes
        let results: [LoadResult] = candidates.parallelMap { path in
            if let staged = overlay[path], let text = staged {
                return analyzed(relative: path, bytes: Array(text.utf8), text: text, profile: profile, cache: cache)
            }
            return load(relative: path, absolute: realRoot + "/" + path, limit: limit, profile: profile, cache: cache)
        }
        var documents: [SourceDocument] = []
        var analyses: [FileAnalysis] = []
        var used = Set<String>()
        var reused = 0
        for result in results {
            switch result {
            case let .document(document, analysis, key, cached):
                documents.append(document)
                analyses.append(analysis)
                if let key { used.insert(key) }
                if cached { reused += 1 }
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
        cache?.prune(keeping: used)
        problems.sort { ($0.path, $0.line, $0.code) < ($1.path, $1.line, $1.code) }
        if PhaseTimer.enabled { PhaseTimer.note("\(reused) of \(documents.count) analyses from the cache") }
        return Corpus(root: root, profile: profile, documents: documents, analyses: analyses, problems: problems,
                      reusedAnalyses: reused)
    }

    private enum LoadResult: Sendable {
        /// The document, its analysis, its cache key when there is a cache, and whether the analysis came from it.
        case document(SourceDocument, FileAnalysis, String?, Bool)
        case problem(InputProblem)
    }

    /// Relative paths of included files, sorted; symlinks to directories are not followed (no loops),
    /// and a symlinked file must resolve inside the root.
    static func discover(realRoot: String, profile: Profile, problems: inout [InputProblem]) -> [String] {
        var found: [String] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? realRoot : realRoot + "/" + relative
            let names: [String]
            switch FileSystem.list(absolute) {
            case let .success(list): names = list
            case let .failure(failure):
                problems.append(InputProblem(code: "input/unreadable", path: relative, message: "cannot list directory: \(failure.message)"))
                continue
            }
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                if profile.corpus.exclude.contains(where: { $0.matches(path) || $0.matches(path + "/") }) { continue }
                switch FileSystem.entryType(realRoot + "/" + path) {
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

    private static func load(relative: String, absolute: String, limit: Int, profile: Profile, cache: AnalysisCache?) -> LoadResult {
        if case let .success(type) = FileSystem.resolvedType(absolute), type != .file {
            return .problem(InputProblem(code: "input/unreadable", path: relative, message: "not a regular file"))
        }
        let bytes: [UInt8]
        switch FileSystem.read(absolute, limit: limit) {
        case let .success(data): bytes = data
        case let .failure(failure):
            let code = failure.message.contains("corpus.max-file-bytes") ? "input/too-large" : "input/unreadable"
            return .problem(InputProblem(code: code, path: relative, message: "cannot read: \(failure.message)"))
        }
        switch TextDecoding.decode(bytes) {
        case let .failure(problem):
            return .problem(InputProblem(code: problem.code, path: relative, line: problem.line, column: problem.column,
                                         message: problem.message))
        case let .success(text):
            return analyzed(relative: relative, bytes: bytes, text: text, profile: profile, cache: cache)
        }
    }

    private static func analyzed(relative: String, bytes: [UInt8], text: String, profile: Profile, cache: AnalysisCache?) -> LoadResult {
        let key = cache?.key(path: relative, bytes: bytes)
        if let key, let analysis = cache?.analysis(for: key) {
            return .document(SourceDocument(path: relative, source: SourceText(text), profile: profile), analysis, key, true)
        }
        let (document, analysis) = DocumentAnalyzer.analyze(path: relative, text: text, profile: profile)
        if let key { cache?.store(analysis, for: key) }
        return .document(document, analysis, key, false)
    }
}
