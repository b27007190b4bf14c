import FoundationEssentials

/// File analyses kept on disk between runs, so a pre-commit run re-parses only the files that changed.
///
/// Each corpus root has a folder in the cache folder (never in the corpus) holding one binary index file
/// (`AnalysisIndex`): per file its path, its `stat` stamp, the SHA-256 of its bytes and its analysis in a
/// compact binary form (`BinaryCodable`). A run reads the index in one go; a file whose stamp is unchanged is
/// not read at all, and one whose stamp changed is read and hashed, its analysis reused when the hash is the
/// same. The index is written once at the end of loading, atomically (a temporary file renamed into place), and
/// only when something changed; files no longer in the corpus simply drop out of it. In the CLI it is encoded
/// and written on a background thread while the rules run (`BackgroundWork`), and waited for before exit.
///
/// The index belongs to a scope, a hash of the format, the tool (version and executable) and every profile
/// text applied: an index of another scope is empty to this one, so a stale analysis is never returned. An
/// index that is unreadable, cut short, damaged (a checksum covers it) or from another format is empty too.
///
/// The cache folder must be the user's own, writable by no one else and not a symbolic link; otherwise the cache
/// is not used at all (`refusal` says why). Per-root folders unused for 30 days are removed.
public struct AnalysisCache: Sendable {
    /// Bumped whenever `FileAnalysis` or anything inside it changes shape, or the index layout does.
    static let format = 4

    /// The folder of this corpus's index.
    public let folder: String
    /// Hash of the format, the tool and the profile texts.
    let scope: String
    /// Hash of the format and the tool alone, and of the profile texts alone: what the run memo names when its
    /// scope differs (the binary changed, or the profile did).
    let toolScope: String
    let profileScope: String
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
        let toolBytes = Array("\(format)\u{0}\(identity)".utf8)
        var profileBytes: [UInt8] = []
        for text in profile.sources { profileBytes += [0] + Array(text.utf8) }
        if refusal == nil {
            CacheFolder.touch(folder)
            CacheFolder.removeUnused(in: directory, keeping: folder)
        }
        return AnalysisCache(folder: folder, scope: sha256Hex(toolBytes + profileBytes),
                             toolScope: sha256Hex(toolBytes), profileScope: sha256Hex(profileBytes), refusal: refusal)
    }

    /// The path of the index file.
    var indexPath: String { folder + "/" + AnalysisIndex.fileName }

    /// The stored index, or an empty one when there is none or it cannot be used. `limit` bounds the bytes read
    /// (an index far larger than the corpus could need is not read).
    func readIndex(limit: Int) -> AnalysisIndex {
        guard refusal == nil, let bytes = CacheFolder.read(indexPath, limit: limit) else { return .empty }
        return AnalysisIndex.parse(bytes, scope: scope)
    }

    /// The analysis `entry` of `index` holds for a file of `fileSize` bytes, or nil when its blob does not
    /// decode or holds numbers that do not fit such a file (`BinaryReader`).
    func analysis(_ entry: AnalysisIndex.Entry, in index: AnalysisIndex, fileSize: Int) -> FileAnalysis? {
        Self.decode(index.bytes, in: entry.blob, fileSize: fileSize)
    }

    /// The analysis in `bytes[range]` for a file of `fileSize` bytes, or nil when it is not a whole one.
    static func decode(_ bytes: [UInt8], in range: Range<Int>, fileSize: Int) -> FileAnalysis? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        var reader = BinaryReader(bytes, range: range, fileSize: fileSize)
        guard let analysis = try? FileAnalysis(from: &reader), reader.isAtEnd else { return nil }
        return analysis
    }

    /// `analysis` written in the index's binary form and read back, as a cached run would read it for a file
    /// of `fileSize` bytes; nil when it does not survive (the fuzz target treats that as a crash).
    public static func roundTrip(_ analysis: FileAnalysis, fileSize: Int) -> FileAnalysis? {
        let blob = blob(analysis)
        return decode(blob, in: 0..<blob.count, fileSize: fileSize)
    }

    /// The blob of `analysis`.
    static func blob(_ analysis: FileAnalysis) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(analysis)
        return writer.bytes
    }

    /// Writes the index of `records` (a run that started at `startedAt`), atomically (`CacheFolder.write`:
    /// a private temporary file renamed into place, never through a link) and in pieces (`serialize`), then
    /// removes what older formats left in the folder. Failing to write is not an error: the cache is an
    /// optimisation.
    func write(_ records: [AnalysisIndex.Record], startedAt: Int64, previous: AnalysisIndex) {
        guard refusal == nil else { return }
        CacheFolder.write(in: folder, name: AnalysisIndex.fileName) { emit in
            AnalysisIndex.serialize(records, scope: scope, startedAt: startedAt, previous: previous.bytes, emit: emit)
        }
        prune()
    }

    /// Removes the per-file JSON entries of the previous format and interrupted writes' leftovers. Only files
    /// named like those are touched.
    func prune() {
        guard refusal == nil, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        CacheFolder.removeLeftovers(in: folder, names: names)
        for name in names where name.hasSuffix(".json") {
            let key = name.utf8.dropLast(5)
            guard key.count == 64, key.allSatisfy(Self.isLowerHex) else { continue }
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
