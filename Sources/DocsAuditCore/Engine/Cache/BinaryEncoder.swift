/// A compact binary form for any `Codable` value, used for the analyses in the cache index (`AnalysisIndex`):
/// a new field of `FileAnalysis` or of anything inside it needs no code here, only a bump of
/// `AnalysisCache.format`. `BinaryDecoder` reads it back.
///
/// The form of one value (a "blob") is a string table followed by the root value:
/// - blob: `n` (varint), `n` strings (varint byte length, UTF-8 bytes), then the root value;
/// - a keyed container: `n` (varint), then `n` times: key (varint index into the string table), value length
///   `L` (varint), `L` bytes of value; an empty value is nil;
/// - an unkeyed container: `n` (varint), then `n` times: value length (varint) and the value;
/// - a string: its index in the string table (varint), so a string that repeats in a file is stored, and
///   decoded, once; a signed integer: zigzag varint; an unsigned one: varint; a Bool: one byte (0 or 1);
///   a Double or Float: its bit pattern, little-endian (8 or 4 bytes).
///
/// Every value but nil takes at least one byte, so an empty value is unambiguous.
///
/// Values are written straight into one buffer as they encode themselves (no per-value arrays): a length or
/// count is given one byte first and widened in place in the rare case it reaches 128. Nested containers are
/// used in stack order, as synthesized conformances do; anything else (a container written to after a later
/// one, a super encoder) makes `encode` throw.
enum BinaryEncoder {
    /// The value used something this form cannot hold (a super encoder, containers out of order).
    struct Unsupported: Error {}

    /// The blob of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let state = State()
        try state.value(value)
        state.close(above: 0)
        guard !state.failed else { throw Unsupported() }
        var blob: [UInt8] = []
        blob.reserveCapacity(state.out.count + state.table.count * 12 + 8)
        Varint.append(state.table.count, to: &blob)
        for text in state.table {
            Varint.append(text.utf8.count, to: &blob)
            blob += text.utf8
        }
        blob += state.out
        return blob
    }

    /// The output, the string table, and the containers open in the output, innermost last.
    final class State {
        var out: [UInt8] = []
        var strings: [String: Int] = [:]
        var table: [String] = []
        /// Each open container: its id, where its length byte is (nil for a value's own container, whose
        /// length the caller writes), where its count byte is, and its count so far.
        var open: [(id: Int, lengthSlot: Int?, countSlot: Int, count: Int)] = []
        var nextID = 0
        var failed = false

        init() { out.reserveCapacity(1 << 12) }

        func stringID(_ text: String) -> Int {
            if let known = strings[text] { return known }
            let id = table.count
            strings[text] = id
            table.append(text)
            return id
        }

        /// Appends the bytes of `value` (without a length). Primitive types are told apart by their metatype.
        func value<T: Encodable>(_ value: T) throws {
            if try primitive(value) { return }
            let depth = open.count
            try value.encode(to: ValueEncoder(state: self, depth: depth))
            close(above: depth)
        }

        /// Appends `value` preceded by its length.
        func lengthed<T: Encodable>(_ value: T) throws {
            let slot = out.count
            out.append(0)
            try self.value(value)
            patch(slot, with: out.count - slot - 1)
        }

        /// Writes `number` at the one byte reserved at `slot`, widening it when it needs more.
        func patch(_ slot: Int, with number: Int) {
            if number < 0x80 {
                out[slot] = UInt8(number)
                return
            }
            var bytes: [UInt8] = []
            Varint.append(number, to: &bytes)
            out[slot] = bytes[0]
            out.insert(contentsOf: bytes[1...], at: slot + 1)
        }

        /// Opens a container: its length byte when it is nested in another, then its count byte.
        func begin(lengthed: Bool) -> Int {
            let lengthSlot: Int?
            if lengthed {
                lengthSlot = out.count
                out.append(0)
            } else {
                lengthSlot = nil
            }
            nextID += 1
            open.append((nextID, lengthSlot, out.count, 0))
            out.append(0)
            return nextID
        }

        /// Closes every container opened at `depth` or deeper, writing their counts and lengths.
        func close(above depth: Int) {
            while open.count > depth, let last = open.popLast() {
                patch(last.countSlot, with: last.count)
                if let slot = last.lengthSlot { patch(slot, with: out.count - slot - 1) }
            }
        }

        /// Makes container `id` the innermost (closing the nested ones it outlived) and counts one more
        /// element in it; false (and the encoding fails) when it was already closed.
        func element(of id: Int) -> Bool {
            guard let index = open.lastIndex(where: { $0.id == id }) else {
                failed = true
                return false
            }
            close(above: index + 1)
            open[index].count += 1
            return true
        }

        /// Appends `value` when it is a primitive type; false otherwise.
        func primitive<T: Encodable>(_ value: T) throws -> Bool {
            if T.self == String.self, let text = value as? String {
                Varint.append(stringID(text), to: &out)
            } else if T.self == Int.self, let number = value as? Int {
                Varint.appendSigned(Int64(number), to: &out)
            } else if T.self == Bool.self, let flag = value as? Bool {
                out.append(flag ? 1 : 0)
            } else if T.self is any BinaryInteger.Type, let number = value as? any BinaryInteger {
                if T.self == Int8.self || T.self == Int16.self || T.self == Int32.self || T.self == Int64.self {
                    guard let wide = Int64(exactly: number) else { throw Unsupported() }
                    Varint.appendSigned(wide, to: &out)
                } else {
                    guard let wide = UInt64(exactly: number) else { throw Unsupported() }
                    Varint.append(wide, to: &out)
                }
            } else if T.self == Double.self, let number = value as? Double {
                Varint.appendFixed(number.bitPattern, size: 8, to: &out)
            } else if T.self == Float.self, let number = value as? Float {
                Varint.appendFixed(UInt64(number.bitPattern), size: 4, to: &out)
            } else {
                return false
            }
            return true
        }
    }

    /// The encoder handed to one value's `encode(to:)`: one container, opened at `depth`, or a single value.
    final class ValueEncoder: Encoder {
        let state: State
        let depth: Int
        var container: (id: Int, keyed: Bool)?
        var wroteSingle = false
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(state: State, depth: Int) {
            self.state = state
            self.depth = depth
        }

        private func opened(keyed: Bool) -> Int {
            if let container, container.keyed == keyed, state.open.contains(where: { $0.id == container.id }) {
                return container.id
            }
            guard container == nil, !wroteSingle, state.open.count == depth else {
                state.failed = true
                return 0
            }
            let id = state.begin(lengthed: false)
            container = (id, keyed)
            return id
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(state: state, id: opened(keyed: true)))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            Unkeyed(state: state, id: opened(keyed: false))
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let state: State
        let id: Int
        var codingPath: [any CodingKey] { [] }

        /// Counts the entry and writes its key; false when the container is no longer open.
        private func key(_ key: Key) -> Bool {
            guard state.element(of: id) else { return false }
            Varint.append(state.stringID(key.stringValue), to: &state.out)
            return true
        }

        mutating func encodeNil(forKey key: Key) throws {
            guard self.key(key) else { throw Unsupported() }
            state.out.append(0)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            guard self.key(key) else { throw Unsupported() }
            try state.lengthed(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let id = self.key(key) ? state.begin(lengthed: true) : 0
            return KeyedEncodingContainer(Keyed<NestedKey>(state: state, id: id))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(state: state, id: self.key(key) ? state.begin(lengthed: true) : 0)
        }

        mutating func superEncoder() -> any Encoder {
            state.failed = true
            return ValueEncoder(state: state, depth: -1)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let state: State
        let id: Int
        var count = 0
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws {
            guard state.element(of: id) else { throw Unsupported() }
            count += 1
            state.out.append(0)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            guard state.element(of: id) else { throw Unsupported() }
            count += 1
            try state.lengthed(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            count += 1
            let id = state.element(of: self.id) ? state.begin(lengthed: true) : 0
            return KeyedEncodingContainer(Keyed<NestedKey>(state: state, id: id))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return Unkeyed(state: state, id: state.element(of: id) ? state.begin(lengthed: true) : 0)
        }

        mutating func superEncoder() -> any Encoder {
            state.failed = true
            return ValueEncoder(state: state, depth: -1)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { [] }

        private func claim() throws {
            guard encoder.container == nil, !encoder.wroteSingle, encoder.state.open.count == encoder.depth else {
                encoder.state.failed = true
                throw Unsupported()
            }
            encoder.wroteSingle = true
        }

        mutating func encodeNil() throws {
            try claim()
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try claim()
            try encoder.state.value(value)
        }
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
