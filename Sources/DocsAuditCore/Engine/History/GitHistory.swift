/// What the cite drift check asks git (argument arrays through `Subprocess`, no shell): whether the corpus is in a
/// work tree with whole history, which commit last changed each citing line, and files as they were at commits.
struct GitHistory: Sendable {
    /// The corpus root; git runs there, so paths are relative to it.
    let root: String

    /// Where the corpus stands.
    enum Status: Sendable, Equatable {
        case ready
        /// Not inside a git work tree (or git cannot be run).
        case notRepository
        /// A shallow clone: blame would pin lines on the boundary commit.
        case shallow
    }

    /// Where the corpus stands, given the folder holding `.git` found above it (nil: none). A plain `.git`
    /// folder answers without a process (a `shallow` file in it marks a shallow clone); a `.git` file (a linked
    /// work tree, a submodule) is asked of git.
    func status(repositoryRoot: String?) -> Status {
        guard let repositoryRoot else { return .notRepository }
        let folder = repositoryRoot + "/.git"
        guard FileSystem.entryType(folder) == .directory else { return status() }
        return FileSystem.entryType(folder + "/shallow") == nil ? .ready : .shallow
    }

    /// One process answers both questions.
    func status() -> Status {
        let asked = run(["rev-parse", "--is-inside-work-tree", "--is-shallow-repository"], input: nil)
        guard case let .success(output) = asked else { return .notRepository }
        let answers = String(decoding: output, as: UTF8.self).split(separator: "\n")
        guard answers.first == "true" else { return .notRepository }
        return answers.count > 1 && answers[1] == "true" ? .shallow : .ready
    }

    /// The commit that last changed each of `lines` (1-based) of `path` whose content is `contents` (as the run
    /// reads it: the working tree's or the index's); nil for a line not committed yet. Fails when git has no
    /// history for the path (untracked, or only staged so far) or cannot run.
    func lastChanges(path: String, contents: [UInt8], lines: [Int]) -> Result<[Int: String?], GitFailure> {
        var arguments = ["blame", "--porcelain", "--contents", "-"]
        for range in Self.runs(of: lines) { arguments += ["-L", "\(range.lowerBound),\(range.upperBound)"] }
        arguments += ["--", path]
        switch run(arguments, input: contents) {
        case let .failure(failure): return .failure(failure)
        case let .success(output): return .success(Self.parsePorcelain(output))
        }
    }

    /// The text of each `(commit, path)` through one `git cat-file --batch`; nil for a path the commit does not
    /// have (renamed or not created yet), or that is not a file there; absent when git's answer could not be read.
    func contents(of requests: [Blob]) -> Result<[Blob: [UInt8]?], GitFailure> {
        let asked = requests.filter { blob in
            blob.commit.utf8.allSatisfy(Self.isHexDigit)
                && !blob.path.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 })
        }
        guard !asked.isEmpty else { return .success([:]) }
        let input = asked.map { "\($0.commit):./\($0.path)\n" }.joined()
        let bytes: [UInt8]
        switch run(["cat-file", "--batch"], input: Array(input.utf8)) {
        case let .failure(failure): return .failure(failure)
        case let .success(output): bytes = output
        }
        var result: [Blob: [UInt8]?] = [:]
        let answers = GitObjects.batchAnswers(bytes, names: asked.map { "\($0.commit):./\($0.path)" })
        for (blob, answer) in zip(asked, answers) { result[blob] = .some(answer) }
        return .success(result)
    }

    /// A file at a commit.
    struct Blob: Sendable, Hashable {
        var commit: String
        var path: String
    }

    /// Sorted, merged runs of line numbers: `[3, 4, 5, 9]` → `3...5, 9...9` (one `-L` each).
    static func runs(of lines: [Int]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for line in Set(lines.filter { $0 >= 1 }).sorted() {
            if let last = result.last, last.upperBound + 1 == line {
                result[result.count - 1] = last.lowerBound...line
            } else {
                result.append(line...line)
            }
        }
        return result
    }

    /// Final line number → commit from `git blame --porcelain` output (every line's group header is
    /// `<hash> <original line> <final line>[ <count>]`; the all-zero hash is "Not Committed Yet").
    static func parsePorcelain(_ output: [UInt8]) -> [Int: String?] {
        var result: [Int: String?] = [:]
        for line in output.split(separator: 0x0A) {
            guard let first = line.first, first != 0x09 else { continue }
            let fields = line.split(separator: UInt8(ascii: " "))
            guard fields.count == 3 || fields.count == 4, fields[0].count == 40 || fields[0].count == 64,
                  fields[0].allSatisfy(isHexDigit), let final = Int(String(decoding: fields[2], as: UTF8.self)),
                  Int(String(decoding: fields[1], as: UTF8.self)) != nil else { continue }
            let hash = String(decoding: fields[0], as: UTF8.self)
            result[final] = hash.utf8.allSatisfy { $0 == UInt8(ascii: "0") } ? .some(nil) : .some(hash)
        }
        return result
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }

    /// `git -C root ARGUMENTS`, fed `input`; git's own message on failure.
    private func run(_ arguments: [String], input: [UInt8]?) -> Result<[UInt8], GitFailure> {
        switch Subprocess.run(["git", "-C", root] + arguments, input: input) {
        case let .failure(failure):
            return .failure(GitFailure(text: "cannot run git: \(failure)"))
        case let .success(result):
            guard result.status == 0 else {
                return .failure(GitFailure(text: String(decoding: result.error, as: UTF8.self).trimmed))
            }
            return .success(result.output)
        }
    }
}

/// Why a git question had no answer (git's own message).
struct GitFailure: Error, Sendable {
    let text: String
}
