import FoundationEssentials

/// Reads what is staged in the git index, for `lint --staged` and `gates --staged`: one `git` process per
/// query, argument arrays only (no shell), NUL-separated output, so any byte in a file name is safe.
public enum GitIndex {
    /// One staged change to a file.
    public enum Change: Sendable, Equatable {
        /// The path is deleted in the index.
        case removed
        /// The staged content is the blob `id` of `size` bytes (not read yet: the loader decides whether to).
        case blob(id: String, size: Int)
    }

    /// What the index changes relative to the working tree's last commit.
    public struct Staged: Sendable {
        /// Changes by path (relative to the root), for names that are valid UTF-8.
        public var changes: [String: Change] = [:]
        /// Staged names that are not valid UTF-8, escaped with `\xNN`: reported, never read.
        public var unreadableNames: [String] = []

        public init(changes: [String: Change] = [:], unreadableNames: [String] = []) {
            self.changes = changes
            self.unreadableNames = unreadableNames
        }

        /// Every staged path, as the run reports it.
        public var paths: Set<String> { Set(changes.keys).union(unreadableNames) }

        /// Whether a file `profile` selects is among the staged paths (added, modified, deleted or renamed: a
        /// rename is a deletion and an addition here). When none is, no finding a staged run keeps can come from
        /// this change, so `lint --staged` need not load the corpus.
        public func touchesCorpus(_ profile: Profile) -> Bool {
            changes.keys.contains { CorpusLoader.isSelected($0, profile) }
                || unreadableNames.contains { CorpusLoader.isSelected($0, profile) }
        }
    }

    /// The files staged under `root`, with their blob IDs and sizes; which of them the corpus includes is the
    /// loader's decision, as for the working tree. A staged symbolic link or submodule is left to the working tree.
    public static func staged(root: String) throws -> Staged {
        // Outside a git work tree this is one line naming the folder (git itself would print its usage).
        let inside = try? GitObjects(root: root).run(["rev-parse", "--is-inside-work-tree"], input: nil)
        guard let inside, String(decoding: inside, as: UTF8.self).hasPrefix("true") else {
            throw CorpusError("--staged needs a git repository, and \(root) is not inside the work tree of one")
        }
        let git = GitObjects(root: root)
        let output = try git.run(["diff", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev", "--relative"],
                                 input: nil)
        var staged = Staged()
        var sizes: [String: Int] = [:]
        var pending: [(path: String, id: String)] = []
        let fields = [UInt8](output).split(separator: 0, omittingEmptySubsequences: false)
        var index = 0
        while index + 1 < fields.count {
            let header = fields[index]
            let name = fields[index + 1]
            index += 2
            guard header.first == UInt8(ascii: ":"), !name.isEmpty else { continue }
            let parts = String(decoding: header.dropFirst(), as: UTF8.self).split(separator: " ")
            guard parts.count == 5 else { continue }
            guard let path = FileName.text(name) else {
                staged.unreadableNames.append(FileName.escaped(name))
                continue
            }
            let mode = parts[1]
            let id = String(parts[3])
            if parts[4].hasPrefix("D") || mode == "000000" {
                staged.changes[path] = .removed
            } else if mode == "100644" || mode == "100755", id.utf8.allSatisfy(isHexDigit) {
                pending.append((path, id))
            }
        }
        if !pending.isEmpty {
            sizes = try blobSizes(Set(pending.map(\.id)), git: git)
        }
        for (path, id) in pending {
            if let size = sizes[id] { staged.changes[path] = .blob(id: id, size: size) }
        }
        return staged
    }

    /// The bytes of each blob in `ids` (hex object IDs, so nothing from a file name enters the protocol).
    static func blobs(_ ids: [String], root: String) throws -> [String: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let output = [UInt8](try GitObjects(root: root).run(["cat-file", "--batch"],
                                                              input: Data(ids.map { $0 + "\n" }.joined().utf8)))
        var result: [String: [UInt8]] = [:]
        var offset = 0
        while offset < output.count, let newline = output[offset...].firstIndex(of: 0x0A) {
            let parts = String(decoding: output[offset..<newline], as: UTF8.self).split(separator: " ")
            offset = newline + 1
            guard parts.count == 3, let size = Int(parts[2]), size >= 0, size <= output.count - offset else { continue }
            result[String(parts[0])] = Array(output[offset..<(offset + size)])
            offset += size + 1
        }
        return result
    }

    private static func blobSizes(_ ids: Set<String>, git: GitObjects) throws -> [String: Int] {
        let requests = Data(ids.sorted().map { $0 + "\n" }.joined().utf8)
        let output = try git.run(["cat-file", "--batch-check"], input: requests)
        var result: [String: Int] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[1] == "blob", let size = Int(parts[2]), size >= 0 else { continue }
            result[String(parts[0])] = size
        }
        return result
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}
