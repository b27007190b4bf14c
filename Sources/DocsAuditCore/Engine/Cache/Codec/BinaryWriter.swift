/// Appends values in the cache's binary form (`BinaryCodable`).
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    /// The strings written with `shared`, by their number.
    private var sharedNumbers: [String: Int] = [:]
    /// The last few strings `shared` wrote or referred to, with their numbers: most repeats (a fact's path, its
    /// family, its section) are found here by comparing, without hashing the string.
    private var recent: [(value: String, number: Int)] = []
    private var recentSlot = 0
    private static let recentCount = 4

    init(capacity: Int = 1 << 12) { bytes.reserveCapacity(capacity) }

    /// Appends `value`.
    mutating func write<T: BinaryCodable>(_ value: T) { value.encode(to: &self) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) { Varint.append(value, to: &bytes) }

    /// A count or length.
    mutating func count(_ value: Int) { Varint.append(value, to: &bytes) }

    /// A fixed-width little-endian number of 8 bytes.
    mutating func fixed(_ value: UInt64) { Varint.appendFixed(value, size: 8, to: &bytes) }

    /// A signed number (zigzag, so that small negative numbers stay short).
    mutating func int(_ value: Int) { Varint.appendSigned(Int64(value), to: &bytes) }

    mutating func string(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            Varint.append(utf8.count, to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A string that repeats within one value (a file's path in each of its facts): written once, then by its
    /// number, and read back as one shared string.
    mutating func shared(_ value: String) {
        let length = value.utf8.count
        for entry in recent where entry.value.utf8.count == length && entry.value == value {
            Varint.append(entry.number + 1, to: &bytes)
            return
        }
        let number: Int
        if let known = sharedNumbers[value] {
            number = known
            Varint.append(number + 1, to: &bytes)
        } else {
            number = sharedNumbers.count
            sharedNumbers[value] = number
            bytes.append(0)
            string(value)
        }
        if recent.count < Self.recentCount {
            recent.append((value, number))
        } else {
            recent[recentSlot] = (value, number)
            recentSlot = (recentSlot + 1) % Self.recentCount
        }
    }

    /// An optional string that repeats within one value (`shared`).
    mutating func shared(_ value: String?) {
        guard let value else { return byte(0) }
        byte(1)
        shared(value)
    }
}

/// Variable-length integers (7 bits a byte, low bits first) and fixed-width little-endian numbers.
enum Varint {
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        append(UInt64(truncatingIfNeeded: value), to: &bytes)
    }

    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: rest))
    }

    /// Zigzag: small negative numbers stay short.
    static func appendSigned(_ value: Int64, to bytes: inout [UInt8]) {
        append(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    }

    static func appendFixed(_ value: UInt64, size: Int, to bytes: inout [UInt8]) {
        for index in 0..<size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }
}
