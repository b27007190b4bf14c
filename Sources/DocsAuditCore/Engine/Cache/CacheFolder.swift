import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks that make a cache folder safe to trust: the user's own, writable by nobody else, and not a
/// symbolic link (so pruning never deletes files elsewhere and no other user can plant entries).
enum CacheFolder {
    /// Per-root folders not used for this long are removed by the next run that opens the cache.
    static let unusedLifetime: TimeInterval = 30 * 24 * 3600

    /// Creates `path` (mode 0700) when missing, then checks it; the reason it must not be used, or nil.
    static func prepare(_ path: String) -> String? {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { return "cannot examine it: \(FileSystem.errnoMessage(errno))" }
            let parent = PathText.parent(path)
            if !parent.isEmpty {
                try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                return "cannot create it: \(FileSystem.errnoMessage(errno))"
            }
            guard lstat(path, &info) == 0 else { return "cannot examine it: \(FileSystem.errnoMessage(errno))" }
        }
        return refusal(info)
    }

    /// Why a folder with this `lstat` must not be trusted, or nil.
    static func refusal(_ info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return "it is a symbolic link"
        case S_IFDIR: break
        default: return "it is not a folder"
        }
        if info.st_uid != geteuid() { return "it is owned by user \(info.st_uid), not by the user running docs-audit" }
        if info.st_mode & 0o022 != 0 {
            return "other users can write to it (mode \(String(info.st_mode & 0o777, radix: 8)))"
        }
        return nil
    }

    /// Reads a regular file of at most `limit` bytes without following a final symbolic link, or nil.
    static func read(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let size = Int(exactly: info.st_size),
              size <= limit else { return nil }
        // An entry cut short while it was read is no entry.
        guard case let .success(bytes) = FileSystem.readBytes(fd, size: size), bytes.count == size else { return nil }
        return bytes
    }

    /// Temporary entries older than this are leftovers of an interrupted run, removed by the next prune.
    static let leftoverLifetime: TimeInterval = 3600

    /// Writes the entry `name` in the trusted `folder` atomically: a temporary file beside it
    /// (`.<name>.docs-audit-tmp.XXXXXX`, created exclusively with mode 0600, so never through a link),
    /// renamed into place. Unlike `SafeWrite` it is not fsynced, as the first run writes one entry per file:
    /// after a crash an entry may be empty or cut short, and such an entry fails validation on read, a miss.
    /// Whether the entry was written; the temporary file is removed on failure.
    @discardableResult
    static func write(_ bytes: [UInt8], in folder: String, name: String) -> Bool {
        write(in: folder, name: name) { emit in emit(bytes[...]) }
    }

    /// `write`, the bytes handed over in pieces by `produce` (which calls its argument with each piece and gives
    /// up, returning false, when that does): a large file is never whole in memory.
    @discardableResult
    static func write(in folder: String, name: String,
                      produce: ((ArraySlice<UInt8>) -> Bool) -> Bool) -> Bool {
        var template = Array("\(folder)/.\(name)\(SafeWrite.temporaryMarker)XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else { return false }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let written = produce { piece in writeAll(fd, piece) }
        let closed = close(fd) == 0
        guard written, closed, rename(temporary, folder + "/" + name) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Writes all of `bytes` to `fd`; false when that fails.
    private static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let written = Glibc.write(fd, base + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    /// Removes the temporary entries among `names` (in `folder`) that an interrupted run left behind: regular
    /// files named by `write` and older than `leftoverLifetime`, so a concurrent run's write is left alone.
    static func removeLeftovers(in folder: String, names: [String], now: Date = Date()) {
        for name in names where name.hasPrefix(".") && name.contains(SafeWrite.temporaryMarker) {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  now.timeIntervalSince1970 - TimeInterval(info.st_mtim.tv_sec) > leftoverLifetime else { continue }
            unlink(path)
        }
    }

    /// Marks `folder` as used now (its modification time), for the per-root lifetime.
    static func touch(_ folder: String) {
        _ = utimes(folder, nil)
    }

    /// Removes the per-root folders in `directory` not used for `unusedLifetime`, except `keeping`. Only
    /// folders named like per-root folders, that are real folders of this user, are touched.
    static func removeUnused(in directory: String, keeping: String, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix("analyses-") && directory + "/" + name != keeping {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, refusal(info) == nil else { continue }
            let modified = TimeInterval(info.st_mtim.tv_sec)
            guard now.timeIntervalSince1970 - modified > unusedLifetime else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
