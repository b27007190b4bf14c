/// A path glob as used in the profile: `*` and `?` stay within one path segment, `**` spans segments,
/// `[abc]` / `[0-9]` / `[!a]` are character classes (a `[` with no `]` after it in its segment is a literal).
/// Paths are relative to the corpus root with `/` separators.
///
/// Compiled once into tokens and matched with the greedy star algorithm (on segments for `**`, on scalars for
/// `*`): a failed attempt resumes from the last star only, so matching takes time proportional to the name's
/// length times the glob's, never exponential whatever the number of stars.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    private let segments: [Segment]

    /// One token of a segment. A struct, not an enum with payloads: Swift keeps an enum's case in the spare
    /// bits of a payload's pointer, which LeakSanitizer (`make fuzz`) then cannot see as a pointer, and it
    /// reported every class's ranges as leaked.
    private struct Token: Sendable {
        enum Kind: Sendable { case star, any, scalar, set }
        var kind: Kind
        var scalar: Unicode.Scalar = "\0"
        var negated = false
        var ranges: [ClosedRange<UInt32>] = []

        static let star = Token(kind: .star)
        static let any = Token(kind: .any)
        static func scalar(_ scalar: Unicode.Scalar) -> Token { Token(kind: .scalar, scalar: scalar) }
        static func set(negated: Bool, ranges: [ClosedRange<UInt32>]) -> Token {
            Token(kind: .set, negated: negated, ranges: ranges)
        }

        func matches(_ scalar: Unicode.Scalar) -> Bool {
            switch kind {
            case .star: return false
            case .any: return true
            case .scalar: return scalar == self.scalar
            case .set: return ranges.contains { $0.contains(scalar.value) } != negated
            }
        }

        var isStar: Bool { kind == .star }
    }

    /// One `/`-separated part of the glob: `**`, or tokens matched against one path segment.
    private enum Segment: Sendable {
        case anySegments
        case tokens([Token])

        var isStar: Bool { if case .anySegments = self { return true } else { return false } }
    }

    public init(_ source: String) {
        self.source = source
        self.segments = source.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part == "**" ? .anySegments : .tokens(Self.tokens(Array(part.unicodeScalars)))
        }
    }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    public var description: String { source }

    /// Whether `path` matches the whole glob.
    /// An ASCII path (the usual case; a path is matched against every glob of the profile for every file) is
    /// split on its bytes into ranges of one array of scalars; any other is split on `/` characters, as a `/`
    /// followed by a combining mark is not a separator.
    public func matches(_ path: String) -> Bool {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return matchesSplittingCharacters(path) }
        let scalars = Array(path.unicodeScalars)
        var parts: [Range<Int>] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "/" {
            if index > start { parts.append(start..<index) }
            start = index + 1
        }
        if start < scalars.count { parts.append(start..<scalars.count) }
        return Self.greedy(segments, parts[...], isStar: \.isStar) { segment, part in
            guard case let .tokens(tokens) = segment else { return false }
            return Self.greedy(tokens, scalars[part], isStar: \.isStar) { $0.matches($1) }
        }
    }

    /// The match on the path split at `/` characters into arrays of scalars: any path's, and the oracle of the
    /// ASCII one in the tests.
    func matchesSplittingCharacters(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
        return Self.greedy(segments, parts[...], isStar: \.isStar) { segment, part in
            guard case let .tokens(tokens) = segment else { return false }
            return Self.greedy(tokens, part[...], isStar: \.isStar) { $0.matches($1) }
        }
    }

    /// The classic wildcard match: items are consumed one for one until a star, which first takes nothing;
    /// on a mismatch the last star takes one more item and matching resumes after it. Earlier stars never
    /// need to take more, since the last one can absorb whatever they would have.
    private static func greedy<Pattern, Item>(_ pattern: [Pattern], _ items: ArraySlice<Item>,
                                              isStar: (Pattern) -> Bool, matches: (Pattern, Item) -> Bool) -> Bool {
        var next = 0, item = items.startIndex
        var star: (pattern: Int, item: Int)?
        while item < items.endIndex {
            if next < pattern.count, isStar(pattern[next]) {
                star = (next, item)
                next += 1
            } else if next < pattern.count, matches(pattern[next], items[item]) {
                next += 1
                item += 1
            } else if let last = star {
                star = (last.pattern, last.item + 1)
                next = last.pattern + 1
                item = last.item + 1
            } else {
                return false
            }
        }
        while next < pattern.count, isStar(pattern[next]) { next += 1 }
        return next == pattern.count
    }

    /// The tokens of one segment.
    private static func tokens(_ glob: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < glob.count {
            let scalar = glob[index]
            switch scalar {
            case "*":
                tokens.append(.star)
            case "?":
                tokens.append(.any)
            case "[":
                // The class ends at the first `]` after the `[`; without one the `[` is a literal.
                guard let close = glob[(index + 1)...].firstIndex(of: "]") else {
                    tokens.append(.scalar(scalar))
                    break
                }
                tokens.append(set(glob[(index + 1)..<close]))
                index = close
            default:
                tokens.append(.scalar(scalar))
            }
            index += 1
        }
        return tokens
    }

    /// A class body: an optional leading `!` or `^`, then single characters and `a-z` ranges.
    private static func set(_ body: ArraySlice<Unicode.Scalar>) -> Token {
        var items = body
        var negated = false
        if items.first == "!" || items.first == "^" {
            negated = true
            items = items.dropFirst()
        }
        var ranges: [ClosedRange<UInt32>] = []
        var index = items.startIndex
        while index < items.endIndex {
            let low = items[index].value
            if index + 2 < items.endIndex, items[index + 1] == "-" {
                let high = items[index + 2].value
                // A reversed range (`[z-a]`) contains nothing.
                if low <= high { ranges.append(low...high) }
                index += 3
            } else {
                ranges.append(low...low)
                index += 1
            }
        }
        return .set(negated: negated, ranges: ranges)
    }
}
