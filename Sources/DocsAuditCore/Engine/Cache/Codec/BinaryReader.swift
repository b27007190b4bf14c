#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads what `BinaryWriter` wrote, from bytes on disk and so untrusted: nothing is read past `end`, a count or
/// length is checked against what is left before anything is allocated, and numbers are checked against their
/// range. Whatever does not fit throws `Corrupt`.
///
/// Numbers are also checked against the file the value describes, as line and column numbers are later used in
/// arithmetic: a line (`line`, `lineOrNil`, `lines`) is at least 0 and at most the file's byte count plus two, and
/// so is a column; any other number (`int`) is within ±2^53, far from overflow.
struct BinaryReader {
    /// The bytes do not hold what was asked for.
    struct Corrupt: Error {}

    /// Any number that names no line or column stays within ±2^53.
    static let numberBound = 1 << 53

    private let bytes: [UInt8]
    private(set) var position: Int
    let end: Int
    /// The values a line or a column of the described file may take.
    let lines: ClosedRange<Int>
    /// The strings read so far that `BinaryWriter.shared` wrote, by their number.
    private var shared: [String] = []

    /// A reader of `bytes[range]` (clamped to the bytes) describing a file of `fileSize` bytes.
    init(_ bytes: [UInt8], range: Range<Int>, fileSize: Int = BinaryReader.numberBound) {
        self.bytes = bytes
        position = min(max(0, range.lowerBound), bytes.count)
        end = min(max(position, range.upperBound), bytes.count)
        lines = 0...(fileSize < Self.numberBound ? max(0, fileSize) + 2 : Self.numberBound)
    }

    var isAtEnd: Bool { position >= end }

    /// A value of type `T`.
    mutating func read<T: BinaryCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    mutating func byte() throws -> UInt8 {
        guard position < end else { throw Corrupt() }
        defer { position += 1 }
        return bytes[position]
    }

    /// A byte that must be 0 or 1.
    mutating func flag() throws -> Bool {
        let value = try byte()
        guard value <= 1 else { throw Corrupt() }
        return value == 1
    }

    mutating func varint() throws -> UInt64 {
        guard position < end else { throw Corrupt() }
        let first = bytes[position]
        position += 1
        if first < 0x80 { return UInt64(first) }
        var value = UInt64(first & 0x7F)
        var shift: UInt64 = 7
        while true {
            guard position < end, shift < 64 else { throw Corrupt() }
            let byte = bytes[position]
            position += 1
            let bits = UInt64(byte & 0x7F)
            guard shift < 63 || bits <= 1 else { throw Corrupt() }
            value |= bits << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A zigzag number, whole 64 bits.
    mutating func signed() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A number that names no line or column, within ±2^53.
    mutating func int() throws -> Int {
        let value = try signed()
        guard value >= -Int64(Self.numberBound), value <= Int64(Self.numberBound) else { throw Corrupt() }
        return Int(value)
    }

    /// A line or a column of the described file.
    mutating func line() throws -> Int {
        let value = try signed()
        guard value >= 0, value <= Int64(lines.upperBound) else { throw Corrupt() }
        return Int(value)
    }

    /// A column of the described file (bounded as a line is).
    mutating func column() throws -> Int { try line() }

    /// An optional line (`Optional`'s tag, then the line).
    mutating func lineOrNil() throws -> Int? { try flag() ? try line() : nil }

    /// A range of lines of the described file, lower bound first, never reversed.
    mutating func lineRange() throws -> ClosedRange<Int> {
        let lower = try line()
        let upper = try line()
        guard lower <= upper else { throw Corrupt() }
        return lower...upper
    }

    /// A count or length no larger than what is left, each counted item taking at least `minimumSize` bytes.
    mutating func count(minimumSize: Int) throws -> Int {
        let value = try varint()
        guard value <= UInt64(end - position), Int(value) <= (end - position) / max(1, minimumSize) else {
            throw Corrupt()
        }
        return Int(value)
    }

    /// The range of a length-prefixed run of bytes, skipped.
    mutating func slice() throws -> Range<Int> {
        let length = try count(minimumSize: 1)
        let start = position
        position += length
        return start..<position
    }

    /// A fixed-width little-endian number of `size` bytes (at most 8).
    mutating func fixed(size: Int) throws -> UInt64 {
        guard size <= 8, end - position >= size else { throw Corrupt() }
        var value: UInt64 = 0
        for index in 0..<size { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += size
        return value
    }

    /// A string: its length and valid UTF-8.
    mutating func string() throws -> String {
        let range = try slice()
        // `String(validating:as:)` is generic and, unspecialised, costs several times the copy (metadata lookups
        // per string). `String(decoding:as:)` is the fast path; it repairs bad UTF-8 instead of failing, so the
        // bytes it took are compared with the ones given: a repair always changes them.
        let text = bytes.withUnsafeBufferPointer { buffer -> String? in
            let utf8 = UnsafeBufferPointer(rebasing: buffer[range])
            var text = String(decoding: utf8, as: UTF8.self)
            let same = text.withUTF8 { taken -> Bool in
                guard taken.count == utf8.count else { return false }
                guard let mine = taken.baseAddress, let given = utf8.baseAddress else { return true }
                return memcmp(mine, given, utf8.count) == 0
            }
            return same ? text : nil
        }
        guard let text else { throw Corrupt() }
        return text
    }

    /// A string written by `BinaryWriter.shared`: new, or the number of one read before.
    mutating func sharedString() throws -> String {
        let number = try varint()
        guard number > 0 else {
            let text = try string()
            shared.append(text)
            return text
        }
        guard number <= UInt64(shared.count) else { throw Corrupt() }
        return shared[Int(number - 1)]
    }

    /// An optional string written by `BinaryWriter.shared`.
    mutating func sharedStringOrNil() throws -> String? { try flag() ? try sharedString() : nil }
}
