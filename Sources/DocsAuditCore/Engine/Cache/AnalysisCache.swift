import FoundationEssentials

/// File analyses kept on disk between runs, so a pre-commit run re-parses only the files that changed.
///
/// An entry is found by a key that hashes (SHA-256) everything the analysis depends on: the file's path and
/// bytes, and the scope, which is the tool (version and executable) and every profile text applied. An edit to
/// any of those makes a new key, so a stale analysis is never returned. Each corpus root has a folder in the
/// cache folder (never in the corpus) holding one JSON file per entry, named by its key: a worker reads and
/// decodes only the entries it needs, writes a new one atomically as soon as it has it, and nothing ever holds
/// the whole cache in memory. An entry that is missing, unreadable, from another format, or whose numbers do not
/// fit the file it claims to describe is a miss.
///
/// The cache folder must be the user's own, writable by no one else and not a symbolic link; otherwise the cache
/// is not used at all (`refusal` says why). Per-root folders unused for 30 days are removed.
public struct AnalysisCache: Sendable {
    /// Bumped whenever `FileAnalysis` or anything inside it changes shape.
    static let format = 2

    /// The folder of this corpus's entries.
    public let folder: String
    /// Hash of the format, the tool and the profile texts.
    let scope: String
    /// Why this cache is not used (the folder is not safe to trust), or nil when it is.
    public let refusal: String?

    /// Creates the cache folder `directory` (mode 0700) when missing and checks it can be trusted: the reason
    /// it must not be used (a symbolic link, another user's, writable by others), or nil.
    public static func prepare(directory: String) -> String? {
        CacheFolder.prepare(directory)
    }

    /// The cache of the corpus at `realRoot` in `directory` for `profile`. `tool` defaults to the running
    /// executable's identity.
    public static func open(directory: String, realRoot: String, profile: Profile,
                            tool: String? = nil) -> AnalysisCache {
        let name = String(sha256Hex(Array(realRoot.utf8)).prefix(24))
        let folder = PathText.join(directory, "analyses-\(name)")
        var refusal = CacheFolder.prepare(directory)
        if refusal == nil { refusal = CacheFolder.prepare(folder).map { "\(folder): \($0)" } }
        let identity = tool ?? ToolIdentity.identity(executable: ToolIdentity.executable,
                                                     memoFolder: refusal == nil ? directory : nil)
        var scopeBytes = Array("\(format)\u{0}\(identity)".utf8)
        for text in profile.sources { scopeBytes += [0] + Array(text.utf8) }
        if refusal == nil {
            CacheFolder.touch(folder)
            CacheFolder.removeUnused(in: directory, keeping: folder)
        }
        return AnalysisCache(folder: folder, scope: sha256Hex(scopeBytes), refusal: refusal)
    }

    /// The key of the file at `path` with these bytes.
    func key(path: String, bytes: [UInt8]) -> String {
        Self.hex(sha256(Array(scope.utf8), [0] + Array(path.utf8) + [0], bytes))
    }

    private func file(_ key: String) -> String { folder + "/" + key + ".json" }

    /// The analysis stored under `key` for a file of these `bytes`, if any: an entry that is not a regular file,
    /// is far larger than the file could need, does not decode, or holds numbers that do not fit the file
    /// (`EntryCheck`) is a miss.
    func analysis(for key: String, bytes: [UInt8]) -> FileAnalysis? {
        guard refusal == nil,
              let stored = CacheFolder.read(file(key), limit: EntryCheck.sizeLimit(fileBytes: bytes.count))
        else { return nil }
        let data = Data(stored)
        guard EntryCheck(fileBytes: bytes).accepts(data),
              var analysis = try? JSONDecoder().decode(FileAnalysis.self, from: data) else { return nil }
        analysis.shareRepeatedStrings()
        return analysis
    }

    /// Stores `analysis` under `key`, atomically (a temporary file renamed into place, `CacheFolder.write`).
    /// Its JSON comes from `EntryEncoder`, or `JSONEncoder` for a shape that one does not support. Failing to
    /// write is not an error: the cache is an optimisation.
    func store(_ analysis: FileAnalysis, for key: String) {
        guard refusal == nil,
              let bytes = (try? EntryEncoder.encode(analysis))
                  ?? (try? JSONEncoder().encode(analysis)).map({ [UInt8]($0) }) else { return }
        CacheFolder.write(bytes, in: folder, name: key + ".json")
    }

    /// Removes the entries this run did not use, so the folder never outgrows the corpus. Only files named
    /// like entries are touched.
    func prune(keeping used: Set<String>) {
        guard refusal == nil, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        CacheFolder.removeLeftovers(in: folder, names: names)
        for name in names where name.hasSuffix(".json") {
            let key = String(name.dropLast(5))
            guard key.utf8.count == 64, key.utf8.allSatisfy(Self.isLowerHex),
                  !used.contains(key) else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String { hex(sha256(bytes)) }

    static func isLowerHex(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) }

    static func hex(_ digest: [UInt8]) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// The default cache folder: `$DOCS_AUDIT_CACHE_DIR`, else `$XDG_CACHE_HOME/docs-audit`, else
    /// `~/.cache/docs-audit`; nil when none can be named.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["DOCS_AUDIT_CACHE_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/docs-audit" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/docs-audit" }
        return nil
    }
}
