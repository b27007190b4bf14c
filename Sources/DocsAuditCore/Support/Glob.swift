/// A path glob as used in the profile: `*` and `?` stay within one path segment, `**` spans segments,
/// `[abc]` / `[0-9]` are character classes. Paths are relative to the corpus root with `/` separators.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    private let segments: [Substring]

    public init(_ source: String) {
        self.source = source
        self.segments = source.split(separator: "/", omittingEmptySubsequences: true)
    }

    public var description: String { source }

    /// Whether `path` matches the whole glob.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ globs: ArraySlice<Substring>, _ parts: ArraySlice<Substring>) -> Bool {
        guard let first = globs.first else { return parts.isEmpty }
        if first == "**" {
            let rest = globs.dropFirst()
            var remaining = parts
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let part = parts.first, matchSegment(Array(first.unicodeScalars)[...], Array(part.unicodeScalars)[...])
        else { return false }
        return match(globs.dropFirst(), parts.dropFirst())
    }

    private static func matchSegment(_ glob: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let g = glob.first else { return text.isEmpty }
        switch g {
        case "*":
            var rest = text
            while true {
                if matchSegment(glob.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            guard !text.isEmpty else { return false }
            return matchSegment(glob.dropFirst(), text.dropFirst())
        case "[":
            guard let c = text.first, let close = glob.dropFirst().firstIndex(of: "]") else {
                return text.first == "[" && matchSegment(glob.dropFirst(), text.dropFirst())
            }
            let set = glob[(glob.startIndex + 1)..<close]
            guard classContains(set, c) else { return false }
            return matchSegment(glob[(close + 1)...], text.dropFirst())
        default:
            guard text.first == g else { return false }
            return matchSegment(glob.dropFirst(), text.dropFirst())
        }
    }

    private static func classContains(_ set: ArraySlice<Unicode.Scalar>, _ c: Unicode.Scalar) -> Bool {
        var negate = false
        var items = set
        if items.first == "!" || items.first == "^" {
            negate = true
            items = items.dropFirst()
        }
        var found = false
        var index = items.startIndex
        while index < items.endIndex {
            let low = items[index]
            if index + 2 < items.endIndex, items[index + 1] == "-" {
                if c.value >= low.value && c.value <= items[index + 2].value { found = true }
                index += 3
            } else {
                if c == low { found = true }
                index += 1
            }
        }
        return found != negate
    }
}
