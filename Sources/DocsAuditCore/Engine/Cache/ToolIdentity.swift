import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies the running tool for the cache: its version and a hash of its executable's content, so a
/// rebuilt binary never reads analyses an older build wrote, even at the same size and time.
///
/// That hash is the executable's GNU build ID when it has one (`BuildID`: the linker's hash of the file, read
/// from its headers). Otherwise it is the SHA-256 of the whole file, which would cost more than the cache saves
/// on a small commit if computed on every run, so it is remembered in the cache folder under the executable's
/// device, inode, size, modification and change times: any rewrite of the file changes its change time (which
/// no user can set), so a remembered hash is never used for other content.
public enum ToolIdentity {
    /// The executable of this process (`/proc/self/exe` resolved on Linux).
    static var executable: String {
        FileSystem.realPath("/proc/self/exe") ?? CommandLine.arguments.first.flatMap(FileSystem.realPath) ?? ""
    }

    /// The identity of the executable at `path`, its content hash remembered in `memoFolder` (when given and
    /// trusted). `buildID` reads a file's build ID and `hash` computes its content hash (injectable, so a test
    /// can count calls).
    static func identity(executable path: String, memoFolder: String?, buildID: (String) -> String? = BuildID.of,
                         hash: (String) -> String? = contentHash) -> String {
        if let id = buildID(path) { return [DocsAuditVersion.current, "build-id", id].joined(separator: "|") }
        var info = stat()
        guard stat(path, &info) == 0 else { return [DocsAuditVersion.current, path, "unknown"].joined(separator: "|") }
        let fingerprint = "\(info.st_dev).\(info.st_ino).\(info.st_size).\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)."
            + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
        let name = "tool-" + AnalysisCache.sha256Hex(Array((path + "\u{0}" + fingerprint).utf8)).prefix(32)
        let memo = memoFolder.map { $0 + "/" + name }
        if let memo, let stored = CacheFolder.read(memo, limit: 64),
           let text = String(validating: stored, as: UTF8.self),
           text.utf8.count == 64, text.utf8.allSatisfy(AnalysisCache.isLowerHex) {
            return [DocsAuditVersion.current, text].joined(separator: "|")
        }
        guard let digest = hash(path) else {
            return [DocsAuditVersion.current, path, fingerprint].joined(separator: "|")
        }
        // Written like every cache entry: a private temporary file renamed into place, never through a link.
        if let memoFolder { _ = CacheFolder.write(Array(digest.utf8), in: memoFolder, name: name) }
        return [DocsAuditVersion.current, digest].joined(separator: "|")
    }

    /// SHA-256 of a file's content, read in chunks; nil when it cannot be read.
    static func contentHash(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hasher = SHA256Hasher()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            hasher.update(Array(chunk[0..<count]))
        }
        return AnalysisCache.hex(hasher.finalize())
    }
}
