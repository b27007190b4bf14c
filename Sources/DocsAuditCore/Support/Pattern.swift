import Foundation

/// A compiled regular expression from the profile (ICU syntax, via NSRegularExpression).
///
/// Compiled once when the profile loads and shared read-only across threads.
public struct Pattern: @unchecked Sendable, CustomStringConvertible {
    public let source: String
    private let regex: NSRegularExpression
    /// A literal every match must contain (`Plan-` for `\bPlan-(\d{3})`), checked with a byte search
    /// before the regex runs: most prose lines hold no ID, and skipping them is most of the speed.
    private let hint: [UInt8]?

    /// Compiles `source`; throws `PatternError` with the compiler's complaint.
    public init(_ source: String, caseInsensitive: Bool = false) throws {
        self.source = source
        do {
            regex = try NSRegularExpression(pattern: source, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            throw PatternError(source: source, reason: "not a valid regular expression")
        }
        hint = caseInsensitive ? nil : Self.literalHint(source)
    }

    /// The literal run a pattern starts with, after `^` or `\b`, when it is at least two characters long.
    static func literalHint(_ source: String) -> [UInt8]? {
        var rest = Substring(source)
        while true {
            if rest.hasPrefix("^") { rest = rest.dropFirst() } else if rest.hasPrefix("\\b") { rest = rest.dropFirst(2) } else { break }
        }
        var literal: [Character] = []
        var chars = Array(rest)[...]
        while let char = chars.first {
            if char.isLetter || char.isNumber || "-: _`#".contains(char) {
                literal.append(char)
                chars = chars.dropFirst()
            } else if char == "\\", let escaped = chars.dropFirst().first, "[]().`#:-".contains(escaped) {
                literal.append(escaped)  // `\]` is a literal `]`
                chars = chars.dropFirst(2)
            } else {
                break
            }
        }
        // A quantifier after the run makes its last character optional.
        if let next = chars.first, "?*{+".contains(next), !literal.isEmpty { literal.removeLast() }
        return literal.count >= 2 ? Array(String(literal).utf8) : nil
    }

    /// Whether `text` can match at all (false only when the literal hint is absent).
    public func mayMatch(_ text: String) -> Bool {
        guard let hint else { return true }
        var text = text
        return text.withUTF8 { Self.contains($0, hint) }
    }

    /// A plain byte search: first byte, then the rest.
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        let last = haystack.count - needle.count
        var index = 0
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    public var description: String { source }

    /// Every non-overlapping match in `text`.
    public func matches(in text: String) -> [PatternMatch] {
        guard mayMatch(text) else { return [] }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.matches(in: text, range: range).map { PatternMatch(text: text, result: $0) }
    }

    /// Every match in a substring (a raw line, say); ranges refer to the substring's base string.
    public func matches(in text: Substring) -> [PatternMatch] { matches(in: String(text)) }

    /// The first match in `text`, if any.
    public func firstMatch(in text: String) -> PatternMatch? {
        guard mayMatch(text) else { return nil }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, range: range).map { PatternMatch(text: text, result: $0) }
    }

    /// Whether `text` contains a match.
    public func test(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// The number of capture groups.
    public var groupCount: Int { regex.numberOfCaptureGroups }
}

/// One match of a `Pattern`.
public struct PatternMatch: Sendable {
    public let text: String
    private let ranges: [Range<String.Index>?]

    init(text: String, result: NSTextCheckingResult) {
        self.text = text
        self.ranges = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }
    }

    /// The number of ranges: the whole match plus each group.
    public var count: Int { ranges.count }

    /// The text of group `index` (0 = the whole match), or nil when the group did not take part.
    public subscript(_ index: Int) -> String? {
        guard index >= 0, index < ranges.count, let range = ranges[index] else { return nil }
        return String(text[range])
    }

    /// The range of group `index` in the searched text.
    public func range(_ index: Int = 0) -> Range<String.Index>? {
        guard index >= 0, index < ranges.count else { return nil }
        return ranges[index]
    }

    /// The 1-based UTF-8 column at which group `index` starts.
    public func utf8Column(_ index: Int = 0) -> Int {
        guard let range = range(index) else { return 1 }
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1
    }
}

/// A regular expression that did not compile.
public struct PatternError: Error, Sendable, Equatable {
    public let source: String
    public let reason: String
}
