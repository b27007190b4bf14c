import Foundation

/// A compiled regular expression from the profile (ICU syntax, via NSRegularExpression).
///
/// Compiled once when the profile loads and shared read-only across threads.
public struct Pattern: @unchecked Sendable, CustomStringConvertible {
    public let source: String
    private let regex: NSRegularExpression
    /// Literals of which every match must contain at least one (`Plan-` for `\bPlan-(\d{3})`; `Plan`,
    /// `Spec` or `ADR` for `\b(Plan|Spec|ADR)-`), checked with a byte search before the regex runs: most
    /// prose lines hold no ID, and skipping them is most of the speed.
    private let hints: [[UInt8]]?

    /// Compiles `source`; throws `PatternError` with the compiler's complaint.
    public init(_ source: String, caseInsensitive: Bool = false) throws {
        self.source = source
        do {
            regex = try NSRegularExpression(pattern: source, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            throw PatternError(source: source, reason: "not a valid regular expression")
        }
        hints = caseInsensitive ? nil : Self.literalHints(source)
    }

    /// The literal runs a pattern starts with, after `^` or `\b`: one run, or one per alternative of a
    /// leading group `(A|B)` / `(?:A|B)`. Nil unless every alternative starts with a literal.
    static func literalHints(_ source: String) -> [[UInt8]]? {
        guard let whole = splitAlternatives(Substring(source)), whole.after.isEmpty else { return nil }
        var hints: [[UInt8]] = []
        for alternative in whole.alternatives {
            guard let more = hintsOfBranch(alternative) else { return nil }
            hints += more
        }
        return hints.isEmpty ? nil : hints
    }

    /// The hints of one branch without a top-level `|`.
    private static func hintsOfBranch(_ branch: Substring) -> [[UInt8]]? {
        var rest = branch
        while true {
            if rest.hasPrefix("^") { rest = rest.dropFirst() } else if rest.hasPrefix("\\b") { rest = rest.dropFirst(2) } else { break }
        }
        guard rest.hasPrefix("(") else { return literalRun(rest).map { [$0] } }
        let body = rest.hasPrefix("(?:") ? rest.dropFirst(3) : rest.dropFirst()
        // Flags, look-arounds and named groups promise nothing.
        guard !body.hasPrefix("?"), let group = splitAlternatives(body), group.after.hasPrefix(")") else { return nil }
        // An optional group promises nothing.
        if let next = group.after.dropFirst().first, "?*{".contains(next) { return nil }
        var hints: [[UInt8]] = []
        var allLiteral = true
        for alternative in group.alternatives {
            guard let run = literalRun(alternative) else { return nil }
            hints.append(run)
            allLiteral = allLiteral && run.count == alternative.utf8.count
        }
        // `(Plan|Spec)-` → `Plan-`, `Spec-`: when every alternative is all literal, what follows the group
        // extends each of them.
        if allLiteral, let suffix = literalRun(group.after.dropFirst()) {
            hints = hints.map { $0 + suffix }
        }
        return hints
    }

    /// `text` split at its top-level `|` up to the first unbalanced `)` (or the end), and the text from
    /// that `)` on. Escapes and character classes are skipped; nil when a class or escape is cut off.
    private static func splitAlternatives(_ text: Substring) -> (alternatives: [Substring], after: Substring)? {
        var depth = 0
        var inClass = false
        var start = text.startIndex
        var alternatives: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if char == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
                index = text.index(after: index)
                continue
            }
            if inClass {
                if char == "]" { inClass = false }
            } else if char == "[" {
                inClass = true
            } else if char == "(" {
                depth += 1
            } else if char == ")" {
                if depth == 0 {
                    alternatives.append(text[start..<index])
                    return (alternatives, text[index...])
                }
                depth -= 1
            } else if char == "|" && depth == 0 {
                alternatives.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        guard !inClass else { return nil }
        alternatives.append(text[start...])
        return (alternatives, text[text.endIndex...])
    }

    /// Characters that are not literals in ICU syntax.
    private static let metacharacters: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]

    /// The literal run `text` starts with, if any.
    private static func literalRun(_ text: Substring) -> [UInt8]? {
        var literal: [Character] = []
        var chars = text
        while let char = chars.first {
            if !Self.metacharacters.contains(char) && !char.isWhitespace || char == " " {
                literal.append(char)
                chars = chars.dropFirst()
            } else if char == "\\", let escaped = chars.dropFirst().first, escaped.isPunctuation || escaped.isSymbol {
                literal.append(escaped)  // `\]` is a literal `]`, `\.` a literal `.`
                chars = chars.dropFirst(2)
            } else {
                break
            }
        }
        // A quantifier after the run makes its last character optional.
        if let next = chars.first, "?*{+".contains(next), !literal.isEmpty { literal.removeLast() }
        return literal.isEmpty ? nil : Array(String(literal).utf8)
    }

    /// Whether `text` can match at all (false only when no literal hint occurs in it).
    public func mayMatch(_ text: String) -> Bool {
        guard hints != nil else { return true }
        var text = text
        return text.withUTF8 { mayMatch(bytes: $0) }
    }

    /// Whether a raw source line can match at all, decided on its bytes without making a String.
    public func mayMatch(line: Substring) -> Bool {
        guard hints != nil else { return true }
        return ByteSearch.withBytes(of: line) { mayMatch(bytes: $0) }
    }

    /// Whether UTF-8 `bytes` can match at all (false only when no literal hint occurs in them).
    public func mayMatch(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let hints else { return true }
        return hints.contains { ByteSearch.contains(bytes, $0) }
    }

    public var description: String { source }

    /// Every non-overlapping match in `text`.
    public func matches(in text: String) -> [PatternMatch] {
        guard mayMatch(text) else { return [] }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.matches(in: text, range: range).map { PatternMatch(text: text, result: $0) }
    }

    /// Every match, found by the regex alone without the literal pre-filter: what `matches(in:)` must equal.
    func unfilteredMatches(in text: String) -> [PatternMatch] {
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
    /// UTF-16 ranges as the regex reports them, turned into string indices only when asked for: most
    /// callers read one or two of a match's groups.
    private let utf16Ranges: [NSRange]

    init(text: String, result: NSTextCheckingResult) {
        self.text = text
        self.utf16Ranges = (0..<result.numberOfRanges).map { result.range(at: $0) }
    }

    /// The number of ranges: the whole match plus each group.
    public var count: Int { utf16Ranges.count }

    /// The text of group `index` (0 = the whole match), or nil when the group did not take part.
    public subscript(_ index: Int) -> String? {
        range(index).map { String(text[$0]) }
    }

    /// The range of group `index` in the searched text.
    public func range(_ index: Int = 0) -> Range<String.Index>? {
        guard index >= 0, index < utf16Ranges.count else { return nil }
        return Range(utf16Ranges[index], in: text)
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
