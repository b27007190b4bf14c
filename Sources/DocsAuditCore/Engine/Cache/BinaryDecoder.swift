/// Reads back what `BinaryEncoder` wrote. The bytes come from a file on disk, so they are untrusted: every
/// length, count, string index and number is checked against what is left and against its type's range, and
/// anything that does not fit throws (`Corrupt`), which the cache treats as a miss. Nesting is bounded.
///
/// Numbers are also checked against the file the value describes, as line and column numbers are later used
/// in arithmetic: a number under a key naming a line of the file (`line`, `…Line`, `lines`, `lineCount`) must
/// be at most its line count plus one, one under `column` or `…Column` at most its byte count plus two, and any
/// other within ±2^53 (a cite's `start` and `end` name lines of another file: only that general bound).
enum BinaryDecoder {
    /// The bytes do not hold a value of the type asked for.
    struct Corrupt: Error {}

    /// Deeper values than this are refused (the types decoded are far shallower).
    static let depthLimit = 128

    /// Any number not under a line or column key stays within ±2^53, far from overflow.
    static let numberBound = 1 << 53

    /// The value of type `T` in the blob `bytes[range]`, describing a file of `fileSize` bytes.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], in range: Range<Int>,
                                     fileSize: Int) throws -> T {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { throw Corrupt() }
        var reader = Reader(position: range.lowerBound, end: range.upperBound)
        let count = try reader.count(bytes, minimumSize: 1)
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count {
            let length = try reader.count(bytes, minimumSize: 1)
            let start = reader.position
            reader.position += length
            guard let text = String(validating: bytes[start..<reader.position], as: UTF8.self) else { throw Corrupt() }
            strings.append(text)
        }
        let bound = fileSize < numberBound ? max(0, fileSize) + 2 : numberBound
        let state = State(bytes: bytes, strings: strings, lineBound: bound, columnBound: bound)
        return try state.value(T.self, in: reader.position..<range.upperBound, depth: 0, numbers: state.general)
    }

    /// A position in the bytes and the end it must not pass.
    struct Reader {
        var position: Int
        let end: Int

        var isAtEnd: Bool { position >= end }

        mutating func varint(_ bytes: [UInt8]) throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
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

        /// A count or length no larger than what is left, each counted item taking at least `minimumSize` bytes.
        mutating func count(_ bytes: [UInt8], minimumSize: Int) throws -> Int {
            let value = try varint(bytes)
            guard value <= UInt64(end - position), Int(value) <= (end - position) / max(1, minimumSize) else {
                throw Corrupt()
            }
            return Int(value)
        }

        /// The range of a length-prefixed value.
        mutating func slice(_ bytes: [UInt8]) throws -> Range<Int> {
            let length = try count(bytes, minimumSize: 1)
            let start = position
            position += length
            return start..<position
        }

        mutating func fixed(_ bytes: [UInt8], size: Int) throws -> UInt64 {
            guard end - position >= size else { throw Corrupt() }
            var value: UInt64 = 0
            for index in 0..<size { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
            position += size
            return value
        }
    }

    final class State {
        let bytes: [UInt8]
        let strings: [String]
        let general = -numberBound...numberBound
        let lines: ClosedRange<Int>
        let columns: ClosedRange<Int>

        init(bytes: [UInt8], strings: [String], lineBound: Int, columnBound: Int) {
            self.bytes = bytes
            self.strings = strings
            lines = 0...lineBound
            columns = 0...columnBound
        }

        /// The values a number under `key` may take.
        func numbers(forKey key: String) -> ClosedRange<Int> {
            if key == "line" || key.hasSuffix("Line") || key == "lines" || key == "lineCount" { return lines }
            if key == "column" || key.hasSuffix("Column") { return columns }
            return general
        }

        func value<T: Decodable>(_ type: T.Type, in range: Range<Int>, depth: Int,
                                 numbers: ClosedRange<Int>) throws -> T {
            guard depth < BinaryDecoder.depthLimit else { throw Corrupt() }
            if let primitive = try primitive(type, in: range, numbers: numbers) { return primitive }
            return try T(from: ValueDecoder(state: self, range: range, depth: depth + 1, numbers: numbers))
        }

        /// The value when `T` is a primitive type (the whole range is its bytes), else nil.
        func primitive<T>(_ type: T.Type, in range: Range<Int>, numbers: ClosedRange<Int>) throws -> T? {
            var reader = Reader(position: range.lowerBound, end: range.upperBound)
            // The hot types skip the boxing through `Any`: `T` is exactly the type, so the cast is an identity.
            if T.self == String.self {
                let text = try string(&reader)
                guard reader.isAtEnd else { throw Corrupt() }
                return unsafeBitCast(text, to: T.self)
            } else if T.self == Int.self {
                let number = try signed(&reader, as: Int.self)
                guard reader.isAtEnd, numbers.contains(number) else { throw Corrupt() }
                return unsafeBitCast(number, to: T.self)
            }
            let value: Any
            if T.self == Bool.self {
                let byte = try reader.fixed(bytes, size: 1)
                guard byte <= 1 else { throw Corrupt() }
                value = byte == 1
            } else if T.self == Double.self {
                value = Double(bitPattern: try reader.fixed(bytes, size: 8))
            } else if T.self == Float.self {
                value = Float(bitPattern: UInt32(truncatingIfNeeded: try reader.fixed(bytes, size: 4)))
            } else if T.self == Int8.self { value = try signed(&reader, as: Int8.self)
            } else if T.self == Int16.self { value = try signed(&reader, as: Int16.self)
            } else if T.self == Int32.self { value = try signed(&reader, as: Int32.self)
            } else if T.self == Int64.self { value = try signed(&reader, as: Int64.self)
            } else if T.self == UInt.self { value = try unsigned(&reader, as: UInt.self)
            } else if T.self == UInt8.self { value = try unsigned(&reader, as: UInt8.self)
            } else if T.self == UInt16.self { value = try unsigned(&reader, as: UInt16.self)
            } else if T.self == UInt32.self { value = try unsigned(&reader, as: UInt32.self)
            } else if T.self == UInt64.self { value = try unsigned(&reader, as: UInt64.self)
            } else {
                return nil
            }
            guard reader.isAtEnd, let typed = value as? T else { throw Corrupt() }
            if let number = value as? any BinaryInteger {
                guard let wide = Int(exactly: number), numbers.contains(wide) else { throw Corrupt() }
            }
            return typed
        }

        func string(_ reader: inout Reader) throws -> String {
            let id = try reader.varint(bytes)
            guard id < UInt64(strings.count) else { throw Corrupt() }
            return strings[Int(id)]
        }

        func signed<N: FixedWidthInteger & SignedInteger>(_ reader: inout Reader, as type: N.Type) throws -> N {
            let raw = try reader.varint(bytes)
            let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
            guard let number = N(exactly: value) else { throw Corrupt() }
            return number
        }

        func unsigned<N: FixedWidthInteger & UnsignedInteger>(_ reader: inout Reader, as type: N.Type) throws -> N {
            guard let number = N(exactly: try reader.varint(bytes)) else { throw Corrupt() }
            return number
        }
    }

    final class ValueDecoder: Decoder {
        let state: State
        let range: Range<Int>
        let depth: Int
        /// The bound of the numbers of a single value or list here (a keyed container finds its own by key).
        let numbers: ClosedRange<Int>
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(state: State, range: Range<Int>, depth: Int, numbers: ClosedRange<Int>) {
            self.state = state
            self.range = range
            self.depth = depth
            self.numbers = numbers
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(try Keyed<Key>(state: state, range: range, depth: depth))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try Unkeyed(state: state, range: range, depth: depth, numbers: numbers)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            Single(state: state, range: range, depth: depth, numbers: numbers)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let state: State
        let depth: Int
        /// Each entry's key (an index into the string table) and value range, in the order written.
        let entries: [(key: Int, range: Range<Int>)]
        var codingPath: [any CodingKey] { [] }

        init(state: State, range: Range<Int>, depth: Int) throws {
            guard depth < BinaryDecoder.depthLimit else { throw Corrupt() }
            self.state = state
            self.depth = depth
            var reader = Reader(position: range.lowerBound, end: range.upperBound)
            guard !range.isEmpty else {
                entries = []
                return
            }
            let count = try reader.count(state.bytes, minimumSize: 2)
            var entries: [(key: Int, range: Range<Int>)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let key = try reader.varint(state.bytes)
                guard key < UInt64(state.strings.count) else { throw Corrupt() }
                entries.append((Int(key), try reader.slice(state.bytes)))
            }
            guard reader.isAtEnd else { throw Corrupt() }
            self.entries = entries
        }

        var allKeys: [Key] { entries.compactMap { Key(stringValue: state.strings[$0.key]) } }

        private func find(_ key: Key) -> Range<Int>? {
            let name = key.stringValue
            return entries.first { state.strings[$0.key] == name }?.range
        }

        private func required(_ key: Key) throws -> Range<Int> {
            guard let range = find(key) else { throw Corrupt() }
            return range
        }

        func contains(_ key: Key) -> Bool { find(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool { find(key)?.isEmpty ?? true }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try state.value(type, in: required(key), depth: depth, numbers: state.numbers(forKey: key.stringValue))
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let range = find(key), !range.isEmpty else { return nil }
            return try state.value(type, in: range, depth: depth, numbers: state.numbers(forKey: key.stringValue))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                                   forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(try Keyed<NestedKey>(state: state, range: required(key), depth: depth + 1))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try Unkeyed(state: state, range: required(key), depth: depth + 1,
                        numbers: state.numbers(forKey: key.stringValue))
        }

        func superDecoder() throws -> any Decoder { throw Corrupt() }

        func superDecoder(forKey key: Key) throws -> any Decoder { throw Corrupt() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let state: State
        let depth: Int
        let numbers: ClosedRange<Int>
        var reader: Reader
        let total: Int
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { total }
        var isAtEnd: Bool { currentIndex >= total }

        init(state: State, range: Range<Int>, depth: Int, numbers: ClosedRange<Int>) throws {
            guard depth < BinaryDecoder.depthLimit else { throw Corrupt() }
            self.state = state
            self.depth = depth
            self.numbers = numbers
            reader = Reader(position: range.lowerBound, end: range.upperBound)
            total = range.isEmpty ? 0 : try reader.count(state.bytes, minimumSize: 1)
        }

        private mutating func next() throws -> Range<Int> {
            guard !isAtEnd else { throw Corrupt() }
            currentIndex += 1
            let range = try reader.slice(state.bytes)
            if isAtEnd, !reader.isAtEnd { throw Corrupt() }
            return range
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw Corrupt() }
            var peek = reader
            guard try peek.slice(state.bytes).isEmpty else { return false }
            _ = try next()
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try state.value(type, in: next(), depth: depth, numbers: numbers)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type)
            throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(try Keyed<NestedKey>(state: state, range: next(), depth: depth + 1))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try Unkeyed(state: state, range: next(), depth: depth + 1, numbers: numbers)
        }

        mutating func superDecoder() throws -> any Decoder { throw Corrupt() }
    }

    struct Single: SingleValueDecodingContainer {
        let state: State
        let range: Range<Int>
        let depth: Int
        let numbers: ClosedRange<Int>
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { range.isEmpty }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try state.value(type, in: range, depth: depth, numbers: numbers)
        }
    }
}
