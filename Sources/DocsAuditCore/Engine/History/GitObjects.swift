import FoundationEssentials

/// Reads file versions from git through one `git cat-file --batch` process (argument arrays, no shell).
public struct GitObjects: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// Why `ref` cannot be given to git as a revision, or nil when it can: empty, starting with `-` (git
    /// would read an option), or holding a control character (a newline would split a `cat-file --batch`
    /// request in two).
    public static func revisionProblem(_ ref: String) -> String? {
        if ref.isEmpty { return "the revision is empty" }
        if ref.hasPrefix("-") { return "revision `\(VisibleText.escape(ref))` starts with `-`" }
        if ref.unicodeScalars.contains(where: VisibleText.isControl) {
            return "revision `\(VisibleText.escape(ref))` contains a control character"
        }
        return nil
    }

    /// The text of each path (relative to `root`) at `ref`; nil for paths that did not exist there (or that
    /// cannot be asked for in one request line: a path with a newline).
    public func contents(at ref: String, paths: [String]) throws -> [String: String?] {
        if let problem = Self.revisionProblem(ref) { throw CorpusError(problem) }
        var result: [String: String?] = [:]
        let asked = paths.filter { path in
            let fits = !path.utf8.contains(0x0A) && !path.utf8.contains(0x0D) && !path.utf8.contains(0)
            if !fits { result[path] = .some(nil) }
            return fits
        }
        guard !asked.isEmpty else { return result }
        let names = asked.map { "\(ref):./\($0)" }
        let output = try run(["cat-file", "--batch"], input: Data(names.map { $0 + "\n" }.joined().utf8))
        let answers = Self.batchAnswers([UInt8](output), names: names)
        guard answers.count == asked.count else {
            let answered = result.count + answers.count
            throw CorpusError("git cat-file answered \(answered) of \(paths.count) requests in \(root)")
        }
        for (path, answer) in zip(asked, answers) {
            result[path] = .some(answer.map { String(decoding: $0, as: UTF8.self) })
        }
        return result
    }

    /// The answers of `git cat-file --batch` to the requests `names` (`REV:PATH`), in order: a blob's bytes, or
    /// nil for a name that is missing or not a blob. Fewer answers than names when the output ends early or an
    /// answer cannot be read (its size past the end); sizes are checked before any slice.
    static func batchAnswers(_ bytes: [UInt8], names: [String]) -> [[UInt8]?] {
        var answers: [[UInt8]?] = []
        var offset = 0
        for name in names {
            // `<oid> <type> <size>`, the content and a newline; or `<name> missing` (or ambiguous) alone.
            guard offset < bytes.count, let newline = bytes[offset...].firstIndex(of: 0x0A) else { break }
            let header = bytes[offset..<newline]
            offset = newline + 1
            let parts = header.split(separator: UInt8(ascii: " "))
            guard parts.count == 3, parts[0].allSatisfy(Self.isHexDigit),
                  let size = Int(String(decoding: parts[2], as: UTF8.self)), size >= 0, size <= bytes.count - offset
            else {
                // A request git could not resolve is echoed with a reason; anything else ends the answers.
                guard header.starts(with: Array(name.utf8) + [UInt8(ascii: " ")]) else { break }
                answers.append(nil)
                continue
            }
            answers.append(parts[1].elementsEqual("blob".utf8) ? Array(bytes[offset..<(offset + size)]) : nil)
            offset += size + 1
        }
        return answers
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }

    /// Markdown files in the tree of `ref`, relative to `root`.
    public func markdownFiles(at ref: String) throws -> [String] {
        let output = try run(["ls-tree", "-r", "--name-only", "--full-tree", ref, "--", "."], input: nil)
        let prefix = try run(["rev-parse", "--show-prefix"], input: nil)
        let base = String(decoding: prefix, as: UTF8.self).trimmed
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { $0.hasSuffix(".md") && $0.hasPrefix(base) }.map { String($0.dropFirst(base.count)) }
    }

    /// Markdown files renamed between `ref` and `head` (nil: the working tree; `cached`: the index), as
    /// old path → new path relative to `root`.
    public func renames(from ref: String, to head: String?, cached: Bool = false) throws -> [String: String] {
        try changes(from: ref, to: head, cached: cached).renames.filter { $0.key.hasSuffix(".md") }
    }

    /// What changed between `ref` and `head` (nil: the working tree, the files git tracks; `cached`: the index)
    /// under `root`: files renamed (git's rename detection), as old path → new path, and files deleted, paths
    /// relative to `root`. Read with `-z`, so a path git would quote (a space, a non-ASCII letter) comes whole.
    public func changes(from ref: String, to head: String?,
                        cached: Bool = false) throws -> (renames: [String: String], deleted: Set<String>) {
        if let problem = Self.revisionProblem(ref) { throw CorpusError(problem) }
        var arguments = ["diff", "--name-status", "-z", "-M", "--relative", "--no-color"]
        if cached { arguments.append("--cached") }
        arguments.append(ref)
        if let head { arguments.append(head) }
        arguments += ["--", "."]
        return Self.changes(try run(arguments, input: nil))
    }

    /// The renames and deletions in `git diff --name-status -z` output: `STATUS NUL PATH NUL`, with a second
    /// path after a rename's or a copy's.
    static func changes(_ output: Data) -> (renames: [String: String], deleted: Set<String>) {
        let fields = output.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var renames: [String: String] = [:]
        var deleted = Set<String>()
        var index = 0
        while index + 1 < fields.count {
            let status = fields[index]
            let paired = status.hasPrefix("R") || status.hasPrefix("C")
            guard !paired || index + 2 < fields.count else { break }
            if status.hasPrefix("R") { renames[fields[index + 1]] = fields[index + 2] }
            if status.hasPrefix("D") { deleted.insert(fields[index + 1]) }
            index += paired ? 3 : 2
        }
        return (renames, deleted)
    }

    /// Commit subjects reachable from `ref`, newest first, with their IDs.
    public func subjects(from ref: String) throws -> [(commit: String, subject: String)] {
        let output = try run(["log", "--format=%H%x09%s", ref], input: nil)
        return String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// Whether `tag` exists and its commit is an ancestor of `ref`.
    public func tagIsAncestor(_ tag: String, of ref: String) -> Bool {
        (try? run(["merge-base", "--is-ancestor", "refs/tags/\(tag)", ref], input: nil)) != nil
    }

    /// Whether `ref` names a commit.
    public func resolves(_ ref: String) -> Bool {
        (try? run(["rev-parse", "--verify", "--quiet", "\(ref)^{commit}"], input: nil)) != nil
    }

    /// Runs `git -C root ARGUMENTS`, feeding `input`; the error carries git's own message.
    func run(_ arguments: [String], input: Data?) throws -> Data {
        switch Subprocess.run(["git", "-C", root] + arguments, input: input.map { [UInt8]($0) }) {
        case let .failure(failure):
            throw CorpusError("cannot run git: \(failure)")
        case let .success(result):
            guard result.status == 0 else {
                let text = String(decoding: result.error, as: UTF8.self).trimmed
                throw CorpusError("git \(arguments.first ?? "") failed in \(root): \(text)")
            }
            return Data(result.output)
        }
    }
}
