import FoundationEssentials

/// Writes a cache entry's JSON straight into bytes while the value encodes itself, where `JSONEncoder` first
/// builds a tree of values and then serialises it: the first run with a cache writes one entry per file, and
/// that tree was most of what writing cost.
///
/// It supports what synthesized `Codable` conformances use: keyed, unkeyed and single-value containers, and
/// nested containers used in stack order. Anything else (`superEncoder`, a container used again after a later
/// one, a floating-point number, a Foundation type `JSONEncoder` treats specially) throws `Unsupported`, and
/// the caller falls back to `JSONEncoder`. `JSONDecoder` reads the output back into the same value.
enum EntryEncoder {
    /// The value uses something this encoder does not write the way `JSONEncoder` would.
    struct Unsupported: Error {}

    /// The JSON of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = Writer()
        try writer.write(value)
        guard !writer.failed, writer.open.isEmpty else { throw Unsupported() }
        return writer.bytes
    }

    /// The output and the containers open in it, innermost last.
    final class Writer {
        var bytes: [UInt8] = []
        var open: [(id: Int, close: UInt8, empty: Bool)] = []
        var nextID = 0
        var failed = false

        init() { bytes.reserveCapacity(1 << 14) }

        /// Types `JSONEncoder` writes in its own way (or as fractions, which entries never hold).
        private static let special: [any Any.Type] = [Double.self, Float.self, Date.self, Data.self, URL.self,
                                                       Decimal.self]
        /// Integer types besides `Int`, written by their description.
        private static let integers: [any Any.Type] = [Int8.self, Int16.self, Int32.self, Int64.self, UInt.self,
                                                        UInt8.self, UInt16.self, UInt32.self, UInt64.self]

        /// Writes `value`. Primitive types are told apart by comparing metatypes, far cheaper than casts.
        func write<T: Encodable>(_ value: T) throws {
            if T.self == String.self, let text = value as? String {
                string(text)
            } else if T.self == Int.self, let number = value as? Int {
                integer(number)
            } else if T.self == Bool.self, let flag = value as? Bool {
                bytes += flag ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65]
            } else if Self.special.contains(where: { $0 == T.self }) {
                throw Unsupported()
            } else if Self.integers.contains(where: { $0 == T.self }) {
                bytes += Array(String(describing: value).utf8)
            } else {
                let depth = open.count
                let start = bytes.count
                let encoder = ValueEncoder(writer: self, depth: depth)
                try value.encode(to: encoder)
                if bytes.count == start && !encoder.wroteSingle { bytes += Array("{}".utf8) }
                close(above: depth)
            }
        }

        func integer(_ number: Int) {
            guard number != 0 else { return bytes.append(0x30) }
            if number < 0 { bytes.append(0x2D) }
            var digits: [UInt8] = []
            var rest = number.magnitude
            while rest > 0 {
                digits.append(0x30 + UInt8(rest % 10))
                rest /= 10
            }
            bytes += digits.reversed()
        }

        /// Writes `text` as a JSON string. The escaping is built in a local array: each access to `bytes`, a
        /// class property, costs an exclusivity check.
        func string(_ text: String) {
            let utf8 = text.utf8
            guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
                bytes.append(0x22)
                bytes += utf8
                bytes.append(0x22)
                return
            }
            var escaped: [UInt8] = [0x22]
            escaped.reserveCapacity(utf8.count + 16)
            let digits = Array("0123456789abcdef".utf8)
            for byte in utf8 {
                switch byte {
                case 0x22: escaped += [0x5C, 0x22]
                case 0x5C: escaped += [0x5C, 0x5C]
                case 0x0A: escaped += [0x5C, 0x6E]
                case 0x0D: escaped += [0x5C, 0x72]
                case 0x09: escaped += [0x5C, 0x74]
                case 0..<0x20: escaped += [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
                default: escaped.append(byte)
                }
            }
            escaped.append(0x22)
            bytes += escaped
        }

        /// Closes every container opened at `depth` or deeper.
        func close(above depth: Int) {
            while open.count > depth, let last = open.popLast() { bytes.append(last.close) }
        }

        /// Opens a container (`{` or `[`) and returns its id.
        func begin(_ opening: UInt8, _ closing: UInt8) -> Int {
            bytes.append(opening)
            nextID += 1
            open.append((nextID, closing, true))
            return nextID
        }

        /// Makes container `id` the innermost (closing the nested ones it outlived) and writes the comma
        /// before its next element; throws when it was already closed.
        func element(of id: Int) throws {
            guard let index = open.lastIndex(where: { $0.id == id }) else {
                failed = true
                throw Unsupported()
            }
            close(above: index + 1)
            if !open[index].empty { bytes.append(0x2C) }
            open[index].empty = false
        }

        func key(_ key: any CodingKey, of id: Int) throws {
            try element(of: id)
            string(key.stringValue)
            bytes.append(0x3A)
        }

        func nested(_ opening: UInt8, _ closing: UInt8, after prefix: () throws -> Void) -> Int {
            do {
                try prefix()
            } catch {
                failed = true
                return 0
            }
            return begin(opening, closing)
        }
    }

    /// The encoder handed to one value's `encode(to:)`: one container, opened at `depth`.
    final class ValueEncoder: Encoder {
        let writer: Writer
        let depth: Int
        var container: (id: Int, keyed: Bool)?
        var wroteSingle = false
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(writer: Writer, depth: Int) {
            self.writer = writer
            self.depth = depth
        }

        private func opened(keyed: Bool) -> Int {
            if let container, container.keyed == keyed, writer.open.contains(where: { $0.id == container.id }) {
                return container.id
            }
            guard container == nil, !wroteSingle, writer.open.count == depth else {
                writer.failed = true
                return 0
            }
            let id = keyed ? writer.begin(0x7B, 0x7D) : writer.begin(0x5B, 0x5D)
            container = (id, keyed)
            return id
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(writer: writer, id: opened(keyed: true)))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            Unkeyed(writer: writer, id: opened(keyed: false))
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(encoder: self)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: Writer
        let id: Int
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {
            try writer.key(key, of: id)
            writer.bytes += Array("null".utf8)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try writer.key(key, of: id)
            try writer.write(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let id = writer.nested(0x7B, 0x7D) { try writer.key(key, of: self.id) }
            return KeyedEncodingContainer(Keyed<NestedKey>(writer: writer, id: id))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(writer: writer, id: writer.nested(0x5B, 0x5D) { try writer.key(key, of: self.id) })
        }

        mutating func superEncoder() -> any Encoder {
            writer.failed = true
            return ValueEncoder(writer: writer, depth: -1)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: Writer
        let id: Int
        var count = 0
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws {
            try writer.element(of: id)
            writer.bytes += Array("null".utf8)
            count += 1
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try writer.element(of: id)
            try writer.write(value)
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            count += 1
            let id = writer.nested(0x7B, 0x7D) { try writer.element(of: self.id) }
            return KeyedEncodingContainer(Keyed<NestedKey>(writer: writer, id: id))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return Unkeyed(writer: writer, id: writer.nested(0x5B, 0x5D) { try writer.element(of: self.id) })
        }

        mutating func superEncoder() -> any Encoder {
            writer.failed = true
            return ValueEncoder(writer: writer, depth: -1)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { [] }

        private func claim() throws {
            guard encoder.container == nil, !encoder.wroteSingle, encoder.writer.open.count == encoder.depth else {
                encoder.writer.failed = true
                throw Unsupported()
            }
            encoder.wroteSingle = true
        }

        mutating func encodeNil() throws {
            try claim()
            encoder.writer.bytes += Array("null".utf8)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try claim()
            try encoder.writer.write(value)
        }
    }
}
