import Foundation

/// File analyses kept on disk between runs, so a pre-commit run re-parses only the files that changed.
///
/// An entry is found by a key that hashes (SHA-256) everything the analysis depends on: the file's path and
/// bytes, and the scope, which is the tool (version and executable) and every profile text applied. An edit to
/// any of those makes a new key, so a stale analysis is never returned. Each corpus root has a folder in the
/// cache folder (never in the corpus) holding one JSON file per entry, named by its key: a worker reads and
/// decodes only the entries it needs, writes a new one atomically as soon as it has it, and nothing ever holds
/// the whole cache in memory. An entry that is missing, unreadable or from another format is a miss.
public struct AnalysisCache: Sendable {
    /// Bumped whenever `FileAnalysis` or anything inside it changes shape.
    static let format = 1

    /// The folder of this corpus's entries.
    public let folder: String
    /// Hash of the format, the tool and the profile texts.
    let scope: String

    /// The cache of the corpus at `realRoot` in `directory` for `profile`.
    public static func open(directory: String, realRoot: String, profile: Profile,
                            tool: String = ToolIdentity.current) -> AnalysisCache {
        let name = String(sha256Hex(Array(realRoot.utf8)).prefix(24))
        let folder = (directory as NSString).appendingPathComponent("analyses-\(name)")
        var scopeBytes = Array("\(format)\u{0}\(tool)".utf8)
        for text in profile.sources { scopeBytes += [0] + Array(text.utf8) }
        return AnalysisCache(folder: folder, scope: sha256Hex(scopeBytes))
    }

    /// The key of the file at `path` with these bytes.
    func key(path: String, bytes: [UInt8]) -> String {
        Self.hex(sha256(Array(scope.utf8), [0] + Array(path.utf8) + [0], bytes))
    }

    private func file(_ key: String) -> String { folder + "/" + key + ".json" }

    /// The analysis stored under `key`, if any (an entry that does not decode is a miss).
    func analysis(for key: String) -> FileAnalysis? {
        guard let data = FileManager.default.contents(atPath: file(key)),
              var analysis = try? JSONDecoder().decode(FileAnalysis.self, from: data) else { return nil }
        analysis.shareRepeatedStrings()
        return analysis
    }

    /// Stores `analysis` under `key`, atomically (a temporary file renamed into place). Failing to write
    /// is not an error: the cache is an optimisation.
    func store(_ analysis: FileAnalysis, for key: String) {
        guard let data = try? JSONEncoder().encode(analysis) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: file(key)), options: .atomic)
    }

    /// Removes the entries this run did not use, so the folder never outgrows the corpus. Only files named
    /// like entries are touched.
    func prune(keeping used: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix(".json") {
            let key = String(name.dropLast(5))
            guard key.utf8.count == 64, key.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
                  !used.contains(key) else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String { hex(sha256(bytes)) }

    private static func hex(_ digest: [UInt8]) -> String {
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

/// What identifies the running tool for the cache: its version and its executable's size and modification
/// time, so a rebuilt binary never reads analyses an older build wrote.
public enum ToolIdentity {
    public static let current: String = {
        // `/proc/self/exe` is a fresh symbolic link in every process: read the file it points to. Elsewhere
        // (macOS) the executable's own path serves.
        let executable = FileSystem.realPath("/proc/self/exe") ?? Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let attributes = (try? FileManager.default.attributesOfItem(atPath: executable)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.stringValue ?? "?"
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return [DocsAuditVersion.current, executable, size, "\(modified)"].joined(separator: "|")
    }()
}
