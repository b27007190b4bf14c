import Crypto
import Foundation

/// File analyses kept on disk between runs, so a pre-commit run re-parses only the files that changed.
///
/// An entry is found by a key that hashes (SHA-256) everything the analysis depends on: the file's path and
/// bytes, and the scope, which is the tool (version and executable) and every profile text applied. An edit to
/// any of those makes a new key, so a stale analysis is never returned. One JSON file per corpus root lives in
/// the cache folder (never in the corpus); it is replaced atomically, and one that is missing, unreadable,
/// cut short or from another format is (partly) an empty cache.
public struct AnalysisCache: Sendable {
    /// Bumped whenever `FileAnalysis` or anything inside it changes shape, or the file layout below.
    static let format = 1
    /// The file starts with this line; then, per entry, the key (64 hex digits), a space, the length of the
    /// entry's JSON in decimal, a newline, and that many bytes of JSON. Entries are decoded only when looked
    /// up, on the worker that analyses the file, so reading the cache costs one file read and an index.
    private static let header = Array("docs-audit analyses \(format)\n".utf8)

    /// The cache file.
    public let file: String
    /// Hash of the tool and the profile texts.
    let scope: String
    private let data: Data
    private let index: [String: Range<Int>]

    /// Opens the cache of the corpus at `realRoot` in `directory` for `profile`, reading what is there.
    public static func open(directory: String, realRoot: String, profile: Profile,
                            tool: String = ToolIdentity.current) -> AnalysisCache {
        let name = String(sha256Hex(Array(realRoot.utf8)).prefix(24))
        let file = (directory as NSString).appendingPathComponent("analyses-\(name).cache")
        var scopeBytes = Array("\(format)\u{0}\(tool)".utf8)
        for text in profile.sources { scopeBytes += [0] + Array(text.utf8) }
        let data = FileManager.default.contents(atPath: file) ?? Data()
        return AnalysisCache(file: file, scope: sha256Hex(scopeBytes), data: data, index: Self.index(data))
    }

    /// Where each entry's JSON lies in `data`; an empty index when the header is not this format's or the
    /// file is cut short (what was read before the cut is kept).
    private static func index(_ data: Data) -> [String: Range<Int>] {
        guard data.starts(with: header) else { return [:] }
        var index: [String: Range<Int>] = [:]
        var cursor = data.startIndex + header.count
        while cursor < data.endIndex {
            guard let newline = data[cursor...].firstIndex(of: UInt8(ascii: "\n")),
                  let line = String(data: data[cursor..<newline], encoding: .utf8) else { break }
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[0].utf8.count == 64, let length = Int(parts[1]), length >= 0,
                  newline + 1 + length <= data.endIndex else { break }
            index[String(parts[0])] = (newline + 1)..<(newline + 1 + length)
            cursor = newline + 1 + length
        }
        return index
    }

    /// The key of the file at `path` with these bytes.
    func key(path: String, bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(scope.utf8))
        hasher.update(data: [0] + Array(path.utf8) + [0])
        hasher.update(data: bytes)
        return Self.hex(hasher.finalize())
    }

    /// The analysis stored under `key`, if any (an entry that does not decode is a miss).
    func analysis(for key: String) -> FileAnalysis? {
        guard let range = index[key] else { return nil }
        return try? JSONDecoder().decode(FileAnalysis.self, from: data[range])
    }

    /// Replaces the cache file with `used` (the entries of this run, so the file never outgrows the corpus),
    /// unless they are exactly what it holds. Entries read from the file are copied, not encoded again.
    /// Failing to write is not an error: the cache is an optimisation.
    func save(_ used: [String: FileAnalysis]) {
        guard Set(used.keys) != Set(index.keys) else { return }
        var out = Data(Self.header)
        let encoder = JSONEncoder()
        for key in used.keys.sorted() {
            let json: Data
            if let range = index[key] {
                json = data[range]
            } else if let analysis = used[key], let encoded = try? encoder.encode(analysis) {
                json = encoded
            } else {
                continue
            }
            out.append(contentsOf: Array("\(key) \(json.count)\n".utf8))
            out.append(json)
        }
        let directory = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? out.write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    private static func hex(_ digest: SHA256.Digest) -> String {
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
        var parts = [DocsAuditVersion.current]
        // `/proc/self/exe` is a fresh symbolic link in every process: read the file it points to.
        if let executable = FileSystem.realPath("/proc/self/exe"),
           let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            parts.append("\(attributes[.size] ?? "")")
            parts.append("\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        } else {
            parts.append(CommandLine.arguments.first ?? "")
        }
        return parts.joined(separator: "|")
    }()
}
