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
        let requests = asked.map { "\(ref):./\($0)\n" }.joined()
        let output = try run(["cat-file", "--batch"], input: Data(requests.utf8))
        let bytes = [UInt8](output)
        var offset = 0
        for path in asked {
            // Each answer is `<oid> <type> <size>` then the content and a newline, or `<name> missing`.
            guard offset < bytes.count, let newline = bytes[offset...].firstIndex(of: 0x0A) else {
                throw CorpusError("git cat-file answered \(result.count) of \(paths.count) requests in \(root)")
            }
            let header = String(decoding: bytes[offset..<newline], as: UTF8.self)
            offset = newline + 1
            let parts = header.split(separator: " ")
            guard parts.count == 3, let size = Int(parts[2]), size >= 0, size <= bytes.count - offset else {
                result[path] = .some(nil)
                continue
            }
            result[path] = parts[1] == "blob" ? .some(String(decoding: bytes[offset..<(offset + size)], as: UTF8.self))
                : .some(nil)
            offset += size + 1
        }
        return result
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
        var arguments = ["diff", "--name-status", "-M", "--relative", "--no-color"]
        if cached { arguments.append("--cached") }
        arguments.append(ref)
        if let head { arguments.append(head) }
        arguments += ["--", "."]
        let output = try run(arguments, input: nil)
        var result: [String: String] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 3, parts[0].hasPrefix("R"), parts[1].hasSuffix(".md") else { continue }
            result[parts[1]] = parts[2]
        }
        return result
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
