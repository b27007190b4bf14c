/// `docs-audit init`: reads a corpus the way the loader does (the same discovery, exclusions, size limits,
/// parse-cost refusal and decoding), parses each file once, and writes a starter profile from what it saw.
public enum CorpusInspector {
    /// The files of a corpus as `init` saw them.
    struct Survey: Sendable {
        /// One per file read, in path order.
        var files: [FileSurvey]
        /// Files found but not read (too large, not UTF-8, unreadable), with the reason.
        var skipped: [InputProblem]
    }

    /// The commented starter `docs-audit.yml` for the corpus at `root`. `profile` gives the corpus settings
    /// (include, exclude, limits) and the layout `extends: default` stands for: the built-in profile.
    /// Throws a `CorpusError` when the root is not a readable folder or holds no Markdown.
    public static func starterProfile(root: String, profile: Profile) throws -> String {
        let survey = try self.survey(root: root, profile: profile)
        return StarterProfile(survey: survey, defaultProfile: profile, rootName: root).text
    }

    /// Reads and surveys every Markdown file under `root`.
    static func survey(root: String, profile: Profile) throws -> Survey {
        guard let realRoot = FileSystem.realPath(root), FileSystem.isDirectory(realRoot) else {
            throw CorpusError("\(root): no such directory (give the corpus root with --root)")
        }
        var problems: [InputProblem] = []
        let found = CorpusLoader.discover(realRoot: realRoot, profile: profile, problems: &problems)
        guard !found.isEmpty else { throw CorpusError("\(root): no Markdown files found") }
        var admitted: [String] = []
        var total = 0
        for path in found {
            let size = FileSystem.size(realRoot + "/" + path) ?? 0
            if size > profile.corpus.maxFileBytes || size > profile.corpus.maxTotalBytes - total {
                problems.append(InputProblem(code: "input/too-large", path: path, message: "not read: \(size) bytes"))
            } else {
                total += size
                admitted.append(path)
            }
        }
        let limit = profile.corpus.maxFileBytes
        let results: [Outcome] = admitted.parallelMap { path in
            read(path, absolute: realRoot + "/" + path, limit: limit)
        }
        var files: [FileSurvey] = []
        for result in results {
            switch result {
            case let .file(file): files.append(file)
            case let .skipped(problem): problems.append(problem)
            }
        }
        problems.sort { ($0.path, $0.code) < ($1.path, $1.code) }
        return Survey(files: files, skipped: problems)
    }

    /// A file surveyed, or why it was not.
    private enum Outcome: Sendable {
        case file(FileSurvey)
        case skipped(InputProblem)
    }

    /// One file: read, refused when too costly to parse, decoded, parsed once and surveyed.
    private static func read(_ path: String, absolute: String, limit: Int) -> Outcome {
        if case let .success(type) = FileSystem.resolvedType(absolute), type != .file {
            return .skipped(InputProblem(code: "input/unreadable", path: path, message: "not a regular file"))
        }
        let bytes: [UInt8]
        switch FileSystem.read(absolute, limit: limit) {
        case let .success(read): bytes = read
        case let .failure(failure):
            return .skipped(InputProblem(code: "input/unreadable", path: path, message: failure.message))
        }
        if let refusal = ParseCost.refusal(bytes) {
            return .skipped(InputProblem(code: "input/too-large", path: path, message: refusal))
        }
        switch TextDecoding.decode(bytes) {
        case let .failure(problem):
            return .skipped(InputProblem(code: problem.code, path: path, message: problem.message))
        case let .success(text):
            return .file(FileSurvey(MarkdownDocument(path: path, text: text)))
        }
    }
}

extension CorpusInspector {
    /// Checks that `init` may write its profile to `path`: nothing there, or (with `force`) a regular file.
    /// A symbolic link or anything that is not a regular file is refused even with `force`: init writes a new
    /// file, never through a link. Throws a `CorpusError` naming the path.
    public static func checkTarget(_ path: String, force: Bool) throws {
        guard let type = FileSystem.entryType(path) else { return }
        switch type {
        case .file:
            guard force else {
                throw CorpusError("\(path): already exists; not overwritten (pass --force to replace it, or "
                                  + "--output FILE / --output - to write elsewhere)")
            }
        case .symlink:
            throw CorpusError("\(path): is a symbolic link; init does not write through links (remove it or "
                              + "choose another --output)")
        case .directory:
            throw CorpusError("\(path): is a directory; give a file name with --output")
        case .other:
            throw CorpusError("\(path): not a regular file; init writes only regular files")
        }
    }
}
