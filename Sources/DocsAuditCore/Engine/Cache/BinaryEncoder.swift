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
enum BinaryEncoder {
    /// The value used something this form cannot hold (a super encoder).
    struct Unsupported: Error {}

    /// The blob of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let state = State()
        let body = try state.value(value)
        guard !state.failed else { throw Unsupported() }
        var blob: [UInt8] = []
        blob.reserveCapacity(body.count + state.table.count * 12 + 8)
        Varint.append(state.table.count, to: &blob)
        for text in state.table {
            Varint.append(text.utf8.count, to: &blob)
            blob += text.utf8
        }
        blob += body
        return blob
    }

    /// The string table being built and whether anything unsupported was met.
    final class State {
        var strings: [String: Int] = [:]
        var table: [String] = []
        var failed = false

        func stringID(_ text: String) -> Int {
            if let known = strings[text] { return known }
            let id = table.count
            strings[text] = id
            table.append(text)
            return id
        }

        /// The bytes of `value` (without a length). Primitive types are told apart by comparing metatypes.
        func value<T: Encodable>(_ value: T) throws -> [UInt8] {
            var bytes: [UInt8] = []
            if try primitive(value, into: &bytes) { return bytes }
            let encoder = ValueEncoder(state: self)
            try value.encode(to: encoder)
            return encoder.finish()
        }

        /// Appends `value` when it is a primitive type; false otherwise.
        func primitive<T: Encodable>(_ value: T, into bytes: inout [UInt8]) throws -> Bool {
            if T.self == String.self, let text = value as? String {
                Varint.append(stringID(text), to: &bytes)
            } else if T.self == Int.self, let number = value as? Int {
                Varint.appendSigned(Int64(number), to: &bytes)
            } else if T.self == Bool.self, let flag = value as? Bool {
                bytes.append(flag ? 1 : 0)
            } else if T.self is any BinaryInteger.Type, let number = value as? any BinaryInteger {
                if T.self == Int8.self || T.self == Int16.self || T.self == Int32.self || T.self == Int64.self {
                    guard let wide = Int64(exactly: number) else { throw Unsupported() }
                    Varint.appendSigned(wide, to: &bytes)
                } else {
                    guard let wide = UInt64(exactly: number) else { throw Unsupported() }
                    Varint.append(wide, to: &bytes)
                }
            } else if T.self == Double.self, let number = value as? Double {
                Varint.appendFixed(number.bitPattern, size: 8, to: &bytes)
            } else if T.self == Float.self, let number = value as? Float {
                Varint.appendFixed(UInt64(number.bitPattern), size: 4, to: &bytes)
            } else {
                return false
            }
            return true
        }
    }

    /// What one value's `encode(to:)` builds: a keyed or unkeyed container, or a single value.
    final class Container {
        let keyed: Bool
        var bytes: [UInt8] = []
        var count = 0
        /// Nested containers, written at `offset` of `bytes` (after their key) when the value is finished.
        var nested: [(offset: Int, container: Container)] = []

        init(keyed: Bool) { self.keyed = keyed }

        /// The container's bytes, nested containers spliced in with their lengths.
        func finish() -> [UInt8] {
            var out: [UInt8] = []
            Varint.append(count, to: &out)
            var copied = 0
            for (offset, container) in nested {
                out += bytes[copied..<offset]
                let inner = container.finish()
                Varint.append(inner.count, to: &out)
                out += inner
                copied = offset
            }
            out += bytes[copied...]
            return out
        }

        /// Appends a value with its length.
        func append(_ value: [UInt8]) {
            Varint.append(value.count, to: &bytes)
            bytes += value
        }
    }

    final class ValueEncoder: Encoder {
        let state: State
        var container: Container?
        var single: [UInt8]?
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(state: State) { self.state = state }

        func finish() -> [UInt8] {
            if let container { return container.finish() }
            return single ?? []
        }

        private func opened(keyed: Bool) -> Container {
            if let container, container.keyed == keyed { return container }
            if container != nil || single != nil { state.failed = true }
            let made = Container(keyed: keyed)
            container = made
            return made
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(state: state, container: opened(keyed: true)))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            Unkeyed(state: state, container: opened(keyed: false))
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let state: State
        let container: Container
        var codingPath: [any CodingKey] { [] }

        private func key(_ key: Key) {
            container.count += 1
            Varint.append(state.stringID(key.stringValue), to: &container.bytes)
        }

        mutating func encodeNil(forKey key: Key) throws {
            self.key(key)
            container.bytes.append(0)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            self.key(key)
            container.append(try state.value(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            let inner = Container(keyed: true)
            container.nested.append((container.bytes.count, inner))
            return KeyedEncodingContainer(Keyed<NestedKey>(state: state, container: inner))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            let inner = Container(keyed: false)
            container.nested.append((container.bytes.count, inner))
            return Unkeyed(state: state, container: inner)
        }

        mutating func superEncoder() -> any Encoder {
            state.failed = true
            return ValueEncoder(state: state)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let state: State
        let container: Container
        var codingPath: [any CodingKey] { [] }
        var count: Int { container.count }

        mutating func encodeNil() throws {
            container.count += 1
            container.bytes.append(0)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            container.count += 1
            container.append(try state.value(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            container.count += 1
            let inner = Container(keyed: true)
            container.nested.append((container.bytes.count, inner))
            return KeyedEncodingContainer(Keyed<NestedKey>(state: state, container: inner))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            container.count += 1
            let inner = Container(keyed: false)
            container.nested.append((container.bytes.count, inner))
            return Unkeyed(state: state, container: inner)
        }

        mutating func superEncoder() -> any Encoder {
            state.failed = true
            return ValueEncoder(state: state)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws {
            if encoder.single != nil || encoder.container != nil { encoder.state.failed = true }
            encoder.single = []
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            if encoder.single != nil || encoder.container != nil { encoder.state.failed = true }
            encoder.single = try encoder.state.value(value)
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
