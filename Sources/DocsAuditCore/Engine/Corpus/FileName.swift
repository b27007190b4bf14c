#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names as the file system and git give them: bytes, which need not be UTF-8.
enum FileName {
    /// The name as text when its bytes are valid UTF-8, else nil.
    static func text(_ bytes: some Collection<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// The name with every byte that is not part of valid UTF-8 written as `\xNN`: printable, and never
    /// mistaken for a real file's name (a backslash cannot come back from `\xNN`, as the result is never opened).
    static func escaped(_ bytes: some Collection<UInt8>) -> String {
        var result = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var pending = Array(bytes)[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                result.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                pending = pending.dropFirst(encoded.count)
            case let .error(length):
                for byte in pending.prefix(length) { result += "\\x" + hexByte(byte) }
                pending = pending.dropFirst(length)
            case .emptyInput:
                return result
            }
        }
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

extension FileSystem {
    /// One directory entry's name: its text when valid UTF-8, and always an escaped form to report.
    struct Name {
        let text: String?
        let escaped: String
        /// For a name that is not UTF-8 (which no later step can open by a `String` path): whether it is a folder.
        let isFolder: Bool
        /// The entry's type as the directory listing gives it (a final symbolic link not followed), or nil when
        /// the file system does not say (`lstat` must be asked).
        let type: EntryType?
    }

    /// Names in a directory with their raw bytes kept, sorted by their escaped form.
    static func names(_ path: String) -> Result<[Name], Failure> {
        guard let dir = opendir(path) else { return .failure(Failure(message: errnoMessage(errno))) }
        defer { closedir(dir) }
        var names: [Name] = []
        while let entry = readdir(dir) {
            let bytes: [UInt8] = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { base in
                    Array(UnsafeBufferPointer(start: base, count: Int(NAME_MAX) + 1).prefix { $0 != 0 })
                }
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            let text = FileName.text(bytes)
            names.append(Name(text: text, escaped: FileName.escaped(bytes),
                              isFolder: text == nil && isFolder(Array(path.utf8) + [0x2F] + bytes),
                              type: listedType(entry.pointee.d_type)))
        }
        return .success(names.sorted { $0.escaped < $1.escaped })
    }

    /// The type a directory entry's `d_type` gives, or nil when it is unknown (some file systems never say).
    private static func listedType(_ type: UInt8) -> EntryType? {
        switch Int(type) {
        case Int(DT_REG): return .file
        case Int(DT_DIR): return .directory
        case Int(DT_LNK): return .symlink
        case Int(DT_UNKNOWN): return nil
        default: return .other
        }
    }

    /// Whether the raw path names a folder (a final symbolic link not followed).
    private static func isFolder(_ path: [UInt8]) -> Bool {
        var info = stat()
        let found = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return false }
                return lstat(base, &info) == 0
            }
        }
        return found && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The size of the file at `path` (links followed), or nil when it cannot be examined.
    static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size >= 0 else { return nil }
        return Int(exactly: info.st_size)
    }
}
