#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The GNU build ID of an ELF executable: the linker's hash of the linked file (`--build-id`, on by default in
/// the Swift toolchain on Linux), so it changes whenever the code does. Reading it costs a few small reads of
/// the file's headers, where hashing the whole executable costs tens of milliseconds on every first run.
///
/// Every offset and size comes from the file, so each is checked against the bytes actually read; a file that
/// is not a 64-bit little-endian ELF, or has no such note, has no build ID (nil).
enum BuildID {
    /// The most header or note bytes read: real executables have a few hundred.
    static let readLimit = 1 << 16
    /// Shorter IDs (a fixed `--build-id=0x…` of a byte or two) are not trusted to tell builds apart.
    static let minimumBytes = 16

    /// The build ID of the file at `path`, as lowercase hex, or nil.
    static func of(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let header = read(fd, at: 0, count: 64), header.count == 64,
              header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1,
              let tableOffset = Int(exactly: number(header, at: 32, size: 8)) else { return nil }
        let entrySize = Int(number(header, at: 54, size: 2))
        let entries = Int(number(header, at: 56, size: 2))
        guard entrySize >= 56, entries > 0, entrySize * entries <= readLimit,
              let table = read(fd, at: tableOffset, count: entrySize * entries) else { return nil }
        for index in 0..<entries {
            let entry = Array(table[(index * entrySize)..<((index + 1) * entrySize)])
            guard number(entry, at: 0, size: 4) == 4 else { continue }  // PT_NOTE
            guard let offset = Int(exactly: number(entry, at: 8, size: 8)),
                  let size = Int(exactly: number(entry, at: 32, size: 8)), size <= readLimit,
                  let notes = read(fd, at: offset, count: size) else { continue }
            let alignment = number(entry, at: 48, size: 8) == 8 ? 8 : 4
            if let id = buildID(inNotes: notes, alignment: alignment) { return AnalysisCache.hex(id) }
        }
        return nil
    }

    /// The descriptor of the first `NT_GNU_BUILD_ID` note named "GNU" in a note segment's bytes, if long enough.
    static func buildID(inNotes notes: [UInt8], alignment: Int) -> [UInt8]? {
        func padded(_ size: Int) -> Int { (size + alignment - 1) / alignment * alignment }
        var offset = 0
        while offset + 12 <= notes.count {
            let nameSize = Int(number(notes, at: offset, size: 4))
            let descriptorSize = Int(number(notes, at: offset + 4, size: 4))
            let type = number(notes, at: offset + 8, size: 4)
            let name = offset + 12
            let descriptor = name + padded(nameSize)
            let next = descriptor + padded(descriptorSize)
            guard next <= notes.count, descriptor + descriptorSize <= notes.count else { return nil }
            if type == 3, nameSize == 4, notes[name..<(name + 4)] == [0x47, 0x4E, 0x55, 0], // NT_GNU_BUILD_ID, "GNU"
               descriptorSize >= minimumBytes {
                return Array(notes[descriptor..<(descriptor + descriptorSize)])
            }
            offset = next
        }
        return nil
    }

    /// The little-endian unsigned number of `size` bytes at `offset` (the caller checked they are there).
    private static func number(_ bytes: [UInt8], at offset: Int, size: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        return value
    }

    /// Exactly `count` bytes at `offset` of `fd`, or nil.
    private static func read(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard count >= 0, count <= readLimit, offset >= 0, offset <= Int.max - count,
              let start = off_t(exactly: offset) else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        var total = 0
        while total < count {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(fd, base + total, count - total, start + off_t(total))
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return nil }
            total += got
        }
        return bytes
    }
}
