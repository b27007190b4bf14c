#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way docs-audit writes a file: reports, baselines, `sync` (and later `fix`).
///
/// - A symbolic link is written through: the link stays, its final target gets the bytes, and the temporary
///   file goes beside that target (never beside the link).
/// - A regular file is replaced atomically: a temporary file named `.<name>.docs-audit-tmp.XXXXXX` in the
///   target's folder, fsynced, given the old file's mode (and owner when running as root), then renamed over
///   it. A file without any write permission bit is refused, never overwritten.
/// - A character device or a FIFO is written to directly (never renamed over); a FIFO without a reader is
///   refused rather than waited on. Anything else (directory, socket, block device) is refused.
/// - The temporary file is removed on every failure and on SIGINT, SIGTERM and SIGHUP during the write.
public enum SafeWrite {
    /// The marker in every temporary file's name, so that a leftover is recognisable.
    public static let temporaryMarker = ".docs-audit-tmp."

    /// Writes `bytes` to `path`. `what` names the file in errors ("the report"). When `expecting` is given,
    /// the target is re-read just before the rename and the write is refused if it no longer holds those
    /// bytes (a concurrent edit). `beforeCommit` runs after the temporary file is complete and before that
    /// check (a test seam). Errors are `CorpusError`s naming the path.
    public static func write(_ bytes: [UInt8], to path: String, what: String = "the file",
                             expecting: [UInt8]? = nil, beforeCommit: (() -> Void)? = nil) throws {
        func failure(_ reason: String) -> CorpusError {
            CorpusError("\(path.isEmpty ? "(empty file name)" : path): cannot write \(what): \(reason)")
        }
        guard !path.isEmpty else { throw failure("the file name is empty") }
        let target = try resolve(path).get(or: failure)
        var info = stat()
        if stat(target, &info) != 0 {
            let code = errno
            guard code == ENOENT else { throw failure(FileSystem.errnoMessage(code)) }
            guard expecting == nil else { throw failure("the file was removed while docs-audit was running") }
            try replace(target, with: bytes, existing: nil, expecting: nil, beforeCommit: beforeCommit, failure)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) != 0 else {
                throw failure("the file is read-only (mode \(octal(info.st_mode & 0o7777))); make it writable first")
            }
            guard access(target, W_OK) == 0 else { throw failure(FileSystem.errnoMessage(errno)) }
            try replace(target, with: bytes, existing: info, expecting: expecting, beforeCommit: beforeCommit, failure)
        case S_IFCHR, S_IFIFO:
            guard expecting == nil else { throw failure("not a regular file") }
            try writeDirectly(target, bytes, isFIFO: info.st_mode & S_IFMT == S_IFIFO, failure)
        case S_IFDIR:
            throw failure("it is a directory")
        default:
            throw failure("not a regular file, a character device or a FIFO")
        }
    }

    /// The path the bytes go to: `path` itself, or the final target of a symbolic link.
    private static func resolve(_ path: String) -> Result<String, Reason> {
        guard FileSystem.entryType(path) == .symlink else { return .success(path) }
        if let real = FileSystem.realPath(path) { return .success(real) }
        let code = errno
        switch code {
        case ENOENT: return .failure(Reason("it is a broken symbolic link (its target does not exist)"))
        case ELOOP: return .failure(Reason("symbolic link loop"))
        default: return .failure(Reason(FileSystem.errnoMessage(code)))
        }
    }

    private static func writeDirectly(_ target: String, _ bytes: [UInt8], isFIFO: Bool,
                                      _ failure: (String) -> CorpusError) throws {
        let fd = open(target, O_WRONLY | O_CLOEXEC | (isFIFO ? O_NONBLOCK : 0))
        guard fd >= 0 else {
            let code = errno
            throw failure(code == ENXIO ? "the FIFO has no reader" : FileSystem.errnoMessage(code))
        }
        defer { close(fd) }
        if isFIFO {
            let flags = fcntl(fd, F_GETFL)
            if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        }
        if let reason = writeAll(fd, bytes) { throw failure(reason) }
    }

    private static func replace(_ target: String, with bytes: [UInt8], existing: stat?, expecting: [UInt8]?,
                                beforeCommit: (() -> Void)?, _ failure: (String) -> CorpusError) throws {
        let (folder, name) = split(target)
        let prefix = String(decoding: Array(name.utf8.prefix(120)), as: UTF8.self)
        var template = Array("\(folder)/.\(prefix)\(temporaryMarker)XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else { throw failure("cannot create a temporary file in \(folder): \(FileSystem.errnoMessage(errno))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        PendingTemporary.set(template)
        var committed = false
        defer {
            if !committed { unlink(temporary) }
            PendingTemporary.clear()
        }
        var closed = false
        defer { if !closed { close(fd) } }
        if let reason = writeAll(fd, bytes) { throw failure(reason) }
        if let existing {
            // Owner first: chown clears the set-ID bits that the chmod then restores.
            if geteuid() == 0 { _ = fchown(fd, existing.st_uid, existing.st_gid) }
            guard fchmod(fd, existing.st_mode & 0o7777) == 0 else { throw failure(FileSystem.errnoMessage(errno)) }
        } else {
            let mask = umask(0)
            umask(mask)
            guard fchmod(fd, 0o666 & ~mask) == 0 else { throw failure(FileSystem.errnoMessage(errno)) }
        }
        guard fsync(fd) == 0 else { throw failure("fsync failed: \(FileSystem.errnoMessage(errno))") }
        closed = true
        guard close(fd) == 0 else { throw failure(FileSystem.errnoMessage(errno)) }
        beforeCommit?()
        if let expecting {
            guard FileSystem.entryType(target) == .file,
                  case let .success(now) = FileSystem.read(target, limit: max(expecting.count, 1) * 2 + 4096),
                  now == expecting else {
                throw failure("the file changed on disk while docs-audit was running; nothing was written, run again")
            }
        } else if existing != nil, FileSystem.entryType(target) != .file {
            throw failure("the file was replaced by something that is not a regular file while docs-audit was running")
        }
        guard rename(temporary, target) == 0 else { throw failure(FileSystem.errnoMessage(errno)) }
        committed = true
        let dir = open(folder, O_RDONLY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
    }

    /// Writes every byte, retrying on EINTR and short writes; the reason on failure.
    /// Writes all of `bytes` to `fd`: nil, or why it failed.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return FileSystem.errnoMessage(errno)
            }
            if written == 0 { return "nothing could be written" }
            offset += written
        }
        return nil
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    private static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    struct Reason: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }
}

private extension Result where Failure == SafeWrite.Reason {
    func get(or make: (String) -> CorpusError) throws -> Success {
        switch self {
        case let .success(value): return value
        case let .failure(reason): throw make(reason.text)
        }
    }
}

/// The temporary file being written, for the signal handler to remove: a C string that the handler reads
/// without allocating (unlink is async-signal-safe).
private enum PendingTemporary {
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var previous: [Int32: sigaction] = [:]
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func set(_ template: [CChar]) {
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: template.count)
        copy.initialize(from: template, count: template.count)
        path = copy
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if let path = PendingTemporary.path { unlink(path) }
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
            var old = sigaction()
            if sigaction(signal, &action, &old) == 0 { previous[signal] = old }
        }
    }

    static func clear() {
        for (signal, old) in previous {
            var restore = old
            sigaction(signal, &restore, nil)
        }
        previous = [:]
        let old = path
        path = nil
        old?.deallocate()
    }
}
