#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX file helpers that report *why* something failed (errno), which FileManager does not.
enum FileSystem {
    /// What a directory entry is, without following a final symbolic link.
    enum EntryType { case file, directory, symlink, other }

    /// An error with the system's words for it.
    struct Failure: Error {
        let message: String
        /// The file was refused for its size (it was not read).
        var tooLarge = false
    }

    static func errnoMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }

    static func entryType(_ path: String) -> EntryType? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Follows symbolic links; the error says broken link, loop, or permission.
    static func resolvedType(_ path: String) -> Result<EntryType, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ENOENT: return .failure(Failure(message: "broken symbolic link"))
            case ELOOP: return .failure(Failure(message: "symbolic link loop"))
            default: return .failure(Failure(message: errnoMessage(code)))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success(.file)
        case S_IFDIR: return .success(.directory)
        default: return .success(.other)
        }
    }

    /// The real path of `path` (links resolved), or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Names in a directory, sorted; the error says why it could not be listed.
    static func list(_ path: String) -> Result<[String], Failure> {
        guard let dir = opendir(path) else { return .failure(Failure(message: errnoMessage(errno))) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted())
    }

    /// Reads a whole regular file, refusing files larger than `limit` bytes and anything else (a FIFO or a
    /// device given as a path is refused at once, never waited on).
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(Failure(message: errnoMessage(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(message: errnoMessage(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(Failure(message: "not a regular file")) }
        guard let size = Int(exactly: info.st_size), size <= limit else {
            return .failure(Failure(message: "file is \(info.st_size) bytes, over the limit of \(limit)",
                                    tooLarge: true))
        }
        return readBytes(fd, size: size)
    }

    /// Reads up to `size` bytes from `fd` (fewer when the file shrank meanwhile); the error says why a read failed.
    static func readBytes(_ fd: Int32, size: Int) -> Result<[UInt8], Failure> {
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while total < size {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(fd, base + total, size - total)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(message: errnoMessage(errno)))
            }
            if got == 0 { break }
            total += got
        }
        if total < size { bytes.removeLast(size - total) }
        return .success(bytes)
    }
}
