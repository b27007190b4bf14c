@testable import DocsAuditCore

/// Makes random values of any `Decodable` type by answering its `init(from:)` with random data: every field
/// the type has gets a value, so a value made here and passed through a codec that forgets a field comes back
/// different. Numbers under keys naming lines or columns stay small and non-negative (they must fit a file);
/// the numbers of one list never decrease (a `ClosedRange` decodes from two); enumerations that are
/// `CaseIterable` get one of their cases; strings come from a pool that holds the severity names. Any other
/// type (but `UInt64`) is made field by field; one nested past `depthLimit` is refused, not recursed into.
final class RandomValues {
    private var generator: SeededRandom
    private var depth = 0
    static let depthLimit = 40

    init(seed: UInt64) { generator = SeededRandom(seed: seed) }

    /// A random value of `type`.
    func make<T: Decodable>(_ type: T.Type) throws -> T { try value(type, key: nil, previous: nil) }

    struct Unsupported: Error {}

    fileprivate func below(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }

    fileprivate func chance(_ percent: Int) -> Bool { below(100) < percent }

    fileprivate func string() -> String {
        let pool = ["", "a", "docs/a.md", "Café ✓ — ünïcode", "error", "warning", "info", "off", "NS-12",
                    "#anchor"]
        if chance(70) { return pool[below(pool.count)] }
        let letters = Array("abcdefghij /-#é✓0123456789")
        return String((0..<below(40)).map { _ in letters[below(letters.count)] })
    }

    fileprivate func int(key: String?, previous: Int?) -> Int {
        let bounded = key.map { $0 == "line" || $0.hasSuffix("Line") || $0 == "lines" || $0 == "lineCount" ||
            $0 == "column" || $0.hasSuffix("Column") } ?? false
        let number = bounded ? below(400) : below(2001) - 1000
        guard let previous else { return number }
        return previous + abs(number) % 50
    }

    fileprivate func value<T: Decodable>(_ type: T.Type, key: String?, previous: Int?) throws -> T {
        let made: Any
        if T.self == String.self {
            made = string()
        } else if T.self == Int.self {
            made = int(key: key, previous: previous)
        } else if T.self == Bool.self {
            made = chance(50)
        } else if T.self == UInt64.self {
            made = generator.next()
        } else if let cases = T.self as? any CaseIterable.Type {
            made = randomCase(cases)
        } else {
            guard depth < Self.depthLimit else { throw Unsupported() }
            depth += 1
            defer { depth -= 1 }
            return try T(from: RandomDecoder(source: self, key: key))
        }
        guard let typed = made as? T else { throw Unsupported() }
        return typed
    }

    private func randomCase<C: CaseIterable>(_ type: C.Type) -> Any {
        let all = Array(type.allCases)
        return all[below(all.count)]
    }
}

private struct RandomDecoder: Decoder {
    let source: RandomValues
    let key: String?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RandomKeyed<Key>(source: source))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        RandomUnkeyed(source: source, key: key, total: source.below(4))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { RandomSingle(source: source, key: key) }
}

private struct RandomKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: RandomValues
    var codingPath: [any CodingKey] { [] }
    /// A dictionary's keys (a struct's coding keys never match a random string).
    var allKeys: [Key] { (0..<source.below(3)).compactMap { _ in Key(stringValue: source.string()) } }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { source.chance(30) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try source.value(type, key: key.stringValue, previous: nil)
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(RandomKeyed<NestedKey>(source: source))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        RandomUnkeyed(source: source, key: key.stringValue, total: source.below(4))
    }
    func superDecoder() throws -> any Decoder { throw RandomValues.Unsupported() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw RandomValues.Unsupported() }
}

private struct RandomUnkeyed: UnkeyedDecodingContainer {
    let source: RandomValues
    let key: String?
    let total: Int
    var currentIndex = 0
    var last: Int?
    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(source: RandomValues, key: String?, total: Int) {
        self.source = source
        self.key = key
        self.total = total
    }

    mutating func decodeNil() throws -> Bool {
        guard source.chance(30) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        let value = try source.value(type, key: key, previous: last)
        if let number = value as? Int { last = number }
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type)
        throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return KeyedDecodingContainer(RandomKeyed<NestedKey>(source: source))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return RandomUnkeyed(source: source, key: key, total: source.below(4))
    }

    mutating func superDecoder() throws -> any Decoder { throw RandomValues.Unsupported() }
}

private struct RandomSingle: SingleValueDecodingContainer {
    let source: RandomValues
    let key: String?
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { source.chance(30) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.value(type, key: key, previous: nil) }
}
