/// A value the analysis cache writes in its binary form, field by field in a fixed order: no keys, no
/// containers, numbers as varints, strings as their length and UTF-8 bytes. Each type lists its fields once in
/// `encode(to:)` and once, in the same order, in `init(from:)`; `BinaryCodableTests` round-trips random values
/// of every type, so a field added to a type and forgotten here fails a test.
///
/// Decoding reads untrusted bytes: every count and length is checked against what is left before anything is
/// allocated, every number against its range (`BinaryReader`), and whatever does not fit throws `Corrupt`,
/// which the cache treats as a miss.
protocol BinaryCodable {
    /// Appends the value's fields to `writer`.
    func encode(to writer: inout BinaryWriter)
    /// Reads the fields `encode(to:)` wrote, in the same order.
    init(from reader: inout BinaryReader) throws
}

extension String: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.string(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.string() }
}

/// A number that names no line or column: within ±2^53 (`BinaryReader.int`).
extension Int: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.int(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.int() }
}

extension Bool: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.byte(self ? 1 : 0) }
    init(from reader: inout BinaryReader) throws { self = try reader.flag() }
}

/// A tag byte (0: none, 1: some) and then the value.
extension Optional: BinaryCodable where Wrapped: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        switch self {
        case .none: writer.byte(0)
        case let .some(value):
            writer.byte(1)
            value.encode(to: &writer)
        }
    }

    init(from reader: inout BinaryReader) throws {
        self = try reader.flag() ? try Wrapped(from: &reader) : nil
    }
}

/// The count and then the elements (each takes at least one byte, which bounds the count by what is left).
extension Array: BinaryCodable where Element: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.count(count)
        for element in self { element.encode(to: &writer) }
    }

    init(from reader: inout BinaryReader) throws {
        let count = try reader.count(minimumSize: 1)
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

/// The count and then the entries, keys in order so that equal dictionaries give equal bytes.
extension Dictionary: BinaryCodable where Key == String, Value: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.count(count)
        for key in keys.sorted() {
            writer.string(key)
            self[key]?.encode(to: &writer)
        }
    }

    init(from reader: inout BinaryReader) throws {
        let count = try reader.count(minimumSize: 2)
        self = [:]
        reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.string()
            guard self.updateValue(try Value(from: &reader), forKey: key) == nil else { throw BinaryReader.Corrupt() }
        }
    }
}

/// Enumerations stored by their raw name, so a reordered or inserted case cannot change what old bytes mean.
extension BinaryCodable where Self: RawRepresentable, RawValue == String {
    func encode(to writer: inout BinaryWriter) { writer.string(rawValue) }

    init(from reader: inout BinaryReader) throws {
        guard let value = Self(rawValue: try reader.string()) else { throw BinaryReader.Corrupt() }
        self = value
    }
}
