#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What git's answers to the cite drift check depend on besides the question itself, read from files without
/// running git, so that a remembered answer (`DriftMemo`) is used only while it is still the answer.
///
/// A blame of given text and lines depends on the history reachable from HEAD (its commit ID fixes it), on the
/// index (a path only staged is blamed, an untracked one is not), on git's settings (config files, attribute
/// files, `GIT_*` variables: `blame.ignoreRevsFile` changes who is blamed) and on the git program itself. The
/// key hashes all of these: the HEAD commit ID (`.git/HEAD` and the ref it names, loose or packed), the index
/// file's bytes, the repository, global and system config and attribute files, every `GIT_*` variable, `HOME`
/// and `XDG_CONFIG_HOME`, and the git executable's identity (inode, size, times). `.mailmap` is not in it: it
/// renames authors, and the check reads commit IDs only.
///
/// A `.git` file (a linked work tree, a submodule) is followed to the folder it names and its common folder.
/// There is no key (the memo is not used, git is asked as before) when a file cannot be read, and where history
/// can be rewritten without HEAD moving or settings name files the key does not cover: a merge in progress
/// (blame adds `MERGE_HEAD`), grafts, replace refs, a reftable ref store, an unborn branch, a branch of a linked
/// work tree's own, a config that includes other files or names an ignore-revs or attributes file, or a variable
/// that moves git's files (`GIT_DIR`, `GIT_INDEX_FILE`, `GIT_CONFIG_*`…).
struct GitState: Sendable {
    /// SHA-256 of everything the answers depend on.
    let key: [UInt8]
    /// The work tree's root (the folder holding `.git`).
    let repositoryRoot: String

    /// Files the key reads are at most this large (an index of a very large repository aside).
    static let settingsLimit = 1 << 20
    private static let indexLimit = 256 << 20

    /// Variables that move the files git reads, or point at files the key does not read.
    private static let movingVariables: Set<String> = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
        "GIT_NAMESPACE", "GIT_GRAFT_FILE", "GIT_REPLACE_REF_BASE", "GIT_NO_REPLACE_OBJECTS", "GIT_SHALLOW_FILE",
        "GIT_EXEC_PATH", "GIT_QUARANTINE_PATH", "GIT_DEFAULT_HASH", "GIT_REF_STORAGE",
    ]

    /// The state of the repository whose work tree is `repositoryRoot`, or nil when it cannot be known safely
    /// without git (then nothing may be remembered or reused).
    static func read(repositoryRoot: String, environment: [String: String]) -> GitState? {
        var key = KeyBuilder()
        key.add("docs-audit git state 1")
        key.add(repositoryRoot)
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("GIT_") {
            if movingVariables.contains(name) || name.hasPrefix("GIT_CONFIG") || name.hasPrefix("GIT_ATTR") {
                return nil
            }
            key.add(name + "=" + value)
        }
        guard let (gitDir, commonDir) = directories(repositoryRoot: repositoryRoot) else { return nil }
        key.add(gitDir)
        key.add(commonDir)
        for folder in Set([gitDir, commonDir]) {
            var info = stat()
            guard stat(folder, &info) == 0 else { return nil }
            key.add("owner \(info.st_uid) user \(geteuid())")
        }
        guard case .absent = file(gitDir + "/MERGE_HEAD", limit: settingsLimit) else { return nil }
        for name in ["info/grafts", "reftable", "shallow"] {
            guard case .absent = file(commonDir + "/" + name, limit: settingsLimit) else { return nil }
        }
        switch FileSystem.list(commonDir + "/refs/replace") {
        case let .success(names): if !names.isEmpty { return nil }
        case .failure: if FileSystem.entryType(commonDir + "/refs/replace") != nil { return nil }
        }
        let packed: [UInt8]
        switch file(commonDir + "/packed-refs", limit: indexLimit) {
        case .unreadable: return nil
        case .absent: packed = []
        case let .bytes(bytes): packed = bytes
        }
        guard !contains(packed, Array("refs/replace/".utf8)),
              let head = headCommit(gitDir: gitDir, commonDir: commonDir, packedRefs: packed) else { return nil }
        key.add("HEAD " + head)
        guard key.addFile(gitDir + "/index", limit: indexLimit) else { return nil }
        guard let git = executable(named: "git", path: environment["PATH"]) else { return nil }
        key.add(git.stamp)
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        let xdg = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home.map { $0 + "/.config" }
        key.add("HOME=\(home ?? "")")
        key.add("XDG=\(xdg ?? "")")
        var configs = [commonDir + "/config", gitDir + "/config.worktree", "/etc/gitconfig",
                       git.prefix + "/etc/gitconfig"]
        if let home { configs.append(home + "/.gitconfig") }
        if let xdg { configs.append(xdg + "/git/config") }
        for path in configs {
            switch file(path, limit: settingsLimit) {
            case .unreadable: return nil
            case .absent: key.add("-")
            case let .bytes(bytes):
                let lowered = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
                for word in ["include", "ignorerevsfile", "attributesfile"] where contains(lowered, Array(word.utf8)) {
                    return nil
                }
                key.add(bytes)
            }
        }
        var attributes = [commonDir + "/info/attributes", "/etc/gitattributes", git.prefix + "/etc/gitattributes"]
        if let xdg { attributes.append(xdg + "/git/attributes") }
        for path in attributes where !key.addFile(path, limit: settingsLimit) { return nil }
        return GitState(key: key.finish(), repositoryRoot: repositoryRoot)
    }

    /// The key of a blame of the text identified by `content` (a digest of it) as the file at `absolutePath`
    /// (within the repository), over `lines`: this state, the path, the attribute files on its folders, the text
    /// and the lines. Nil when an attribute file cannot be read.
    func blameKey(absolutePath: String, relativePath: String, content: [UInt8], lines: [Int]) -> [UInt8]? {
        var builder = KeyBuilder()
        builder.add("blame")
        builder.add(key)
        builder.add(relativePath)
        var folder = PathText.parent(absolutePath)
        while folder == repositoryRoot || folder.hasPrefix(repositoryRoot + "/") {
            guard builder.addFile(folder + "/.gitattributes", limit: Self.settingsLimit) else { return nil }
            if folder == repositoryRoot { break }
            folder = PathText.parent(folder)
        }
        builder.add(content)
        builder.add(GitHistory.runs(of: lines).map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ","))
        return builder.finish()
    }

    /// A file's bytes, its absence, or a failure to read it.
    enum FileRead {
        case bytes([UInt8])
        case absent
        case unreadable
    }

    /// Reads the regular file at `path` (following links, as git does; never blocking on a FIFO).
    static func file(_ path: String, limit: Int) -> FileRead {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .absent : .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let size = Int(exactly: info.st_size),
              size <= limit, case let .success(bytes) = FileSystem.readBytes(fd, size: size),
              bytes.count == size else { return .unreadable }
        return .bytes(bytes)
    }

    /// The folders of the repository whose work tree is `repositoryRoot`: its git directory (HEAD, the index)
    /// and the common one (refs, objects, config), the same for a `.git` folder; for a `.git` file (a linked work
    /// tree, a submodule) the folder it names and that folder's `commondir`. Nil when they cannot be read.
    static func directories(repositoryRoot: String) -> (gitDir: String, commonDir: String)? {
        let dotGit = repositoryRoot + "/.git"
        var info = stat()
        guard lstat(dotGit, &info) == 0 else { return nil }
        var gitDir = dotGit
        if info.st_mode & S_IFMT == S_IFREG {
            guard case let .bytes(bytes) = file(dotGit, limit: 4096) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self).trimmed
            guard text.hasPrefix("gitdir: ") else { return nil }
            let named = String(text.dropFirst("gitdir: ".count))
            gitDir = named.hasPrefix("/") ? named : repositoryRoot + "/" + named
        } else if info.st_mode & S_IFMT != S_IFDIR {
            return nil
        }
        guard let realGitDir = FileSystem.realPath(gitDir), FileSystem.isDirectory(realGitDir) else { return nil }
        switch file(realGitDir + "/commondir", limit: 4096) {
        case .unreadable: return nil
        case .absent: return (realGitDir, realGitDir)
        case let .bytes(bytes):
            let named = String(decoding: bytes, as: UTF8.self).trimmed
            let path = named.hasPrefix("/") ? named : realGitDir + "/" + named
            guard !named.isEmpty, let common = FileSystem.realPath(path), FileSystem.isDirectory(common) else {
                return nil
            }
            return (realGitDir, common)
        }
    }

    /// The commit HEAD names: detached, or through one branch, loose or in `packedRefs` (in `commonDir`, where a
    /// linked work tree's branches are). Nil for anything else (an unborn branch, a chain of symbolic refs, a
    /// ref of a linked work tree's own, a malformed file).
    static func headCommit(gitDir: String, commonDir: String? = nil, packedRefs: [UInt8]) -> String? {
        guard case let .bytes(head) = file(gitDir + "/HEAD", limit: 4096) else { return nil }
        let text = String(decoding: head, as: UTF8.self).trimmed
        if isObjectID(text) { return text }
        guard text.hasPrefix("ref: ") else { return nil }
        let name = String(text.dropFirst(5))
        guard name.hasPrefix("refs/"), !name.contains(".."), !name.hasSuffix("/"),
              name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else { return nil }
        let refsDir = commonDir ?? gitDir
        guard refsDir == gitDir || name.hasPrefix("refs/heads/") else { return nil }
        switch file(refsDir + "/" + name, limit: 4096) {
        case .unreadable: return nil
        case let .bytes(bytes):
            let loose = String(decoding: bytes, as: UTF8.self).trimmed
            return isObjectID(loose) ? loose : nil
        case .absent:
            for line in packedRefs.split(separator: 0x0A) {
                let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
                guard fields.count == 2, fields[1].elementsEqual(name.utf8) else { continue }
                let id = String(decoding: fields[0], as: UTF8.self)
                return isObjectID(id) ? id : nil
            }
            return nil
        }
    }

    /// 40 or 64 lower-case hexadecimal digits.
    static func isObjectID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The program `name` as `posix_spawnp` finds it on `path`: its identity and its installation prefix.
    static func executable(named name: String, path: String?) -> (stamp: String, prefix: String)? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false)
        for folder in folders {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
            var info = stat()
            guard stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0,
                  let real = FileSystem.realPath(candidate) else { continue }
            let stamp = "\(real) \(info.st_dev).\(info.st_ino).\(info.st_size).\(info.st_mtim.tv_sec)."
                + "\(info.st_mtim.tv_nsec).\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
            return (stamp, PathText.parent(PathText.parent(real)))
        }
        return nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { ByteSearch.contains($0, needle) }
    }
}

/// Builds a SHA-256 key from length-prefixed parts, so no two different part lists hash alike.
struct KeyBuilder {
    private var hasher = SHA256Hasher()

    mutating func add(_ bytes: [UInt8]) {
        var length = UInt64(bytes.count).littleEndian
        let prefix = withUnsafeBytes(of: &length) { Array($0) }
        hasher.update(prefix)
        hasher.update(bytes)
    }

    mutating func add(_ text: String) { add(Array(text.utf8)) }

    /// Adds the bytes of the file at `path`, or a mark of its absence; false when it cannot be read.
    mutating func addFile(_ path: String, limit: Int) -> Bool {
        switch GitState.file(path, limit: limit) {
        case .unreadable: return false
        case .absent: add([0xFF])
        case let .bytes(bytes):
            add([0x00])
            add(bytes)
        }
        return true
    }

    mutating func finish() -> [UInt8] { hasher.finalize() }
}

extension GitState {
    /// This process's environment, read from `environ`.
    static var processEnvironment: [String: String] {
        var result: [String: String] = [:]
        guard var pointer = Optional(environ) else { return result }
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
