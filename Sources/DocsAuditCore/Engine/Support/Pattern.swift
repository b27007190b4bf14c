/// A compiled regular expression from the profile, in PCRE2's dialect with UTF and UCP (`\d`, `\w`, `\b` and
/// `(?i)` are Unicode-aware, as they were under ICU), matched on a string's UTF-8 bytes.
///
/// Matching is bounded: a call that runs past the engine's limits finds nothing more in that text, and
/// inside a file's pass (`PatternBudget`) the pattern is stopped for the rest of the file and reported as
/// `input/pattern-limit`. Compiled once when the profile loads and shared read-only across threads.
public struct Pattern: Sendable, CustomStringConvertible {
    public let source: String
    /// Where the pattern came from (a config key path such as `tags.families.transient-path`), for messages.
    public var origin: String?
    /// Whether the pattern ignores case (`task-fields` labels).
    let caseInsensitive: Bool
    private let regex: PCRE2Regex
    /// Literals of which every match must contain at least one (`Plan-` for `\bPlan-(\d{3})`; `Plan`,
    /// `Spec` or `ADR` for `\b(Plan|Spec|ADR)-`), checked with a byte search before the regex runs: most
    /// prose lines hold no ID, and skipping them is most of the speed. `LiteralPrefilter` searches the hints of
    /// many patterns in one pass.
    let hints: [[UInt8]]?

    /// Compiles `source`; throws `PatternError` with the engine's complaint. With `javaScript` the classes
    /// and `$` keep a JavaScript regex's meaning (`JavaScriptRegex`).
    public init(_ source: String, caseInsensitive: Bool = false, javaScript: Bool = false) throws(PatternError) {
        self.source = source
        self.caseInsensitive = caseInsensitive
        regex = try PCRE2Regex(source, caseInsensitive: caseInsensitive, javaScript: javaScript)
        hints = caseInsensitive || javaScript ? nil : Self.literalHints(source)
    }

    /// `text` as a pattern that matches exactly it: every ASCII character that is not a letter, a digit or `_`
    /// is escaped (PCRE2 takes `\` before any such character as that character).
    public static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") {
                result.append("\\")
            }
            result.unicodeScalars.append(scalar)
        }
        return result
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

    /// Characters that are not literals in the pattern syntax.
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
        return run(text, first: false)
    }

    /// Every match, found by the regex alone without the literal pre-filter: what `matches(in:)` must equal, and
    /// what a caller that already ran the pre-filter on the line (`LiteralPrefilter`) asks for.
    func unfilteredMatches(in text: String) -> [PatternMatch] { run(text, first: false) }

    /// Every match in a substring (a raw line, say); ranges refer to the substring's base string.
    public func matches(in text: Substring) -> [PatternMatch] { matches(in: String(text)) }

    /// The first match in `text`, if any.
    public func firstMatch(in text: String) -> PatternMatch? {
        guard mayMatch(text) else { return nil }
        return run(text, first: true).first
    }

    /// Whether `text` contains a match.
    public func test(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// The number of capture groups.
    public var groupCount: Int { regex.captureCount }

    /// Runs the engine unless this file's pass stopped the pattern; an overrun stops it for the file.
    private func run(_ text: String, first: Bool) -> [PatternMatch] {
        let budget = PatternBudget.current
        if let budget, budget.isStopped(source) { return [] }
        var text = text
        let (found, limit) = text.withUTF8 { regex.matches(in: $0, first: first) }
        if limit { budget?.stop(self) }
        return found.map { PatternMatch(text: text, byteRanges: $0) }
    }
}

/// One match of a `Pattern`.
public struct PatternMatch: Sendable {
    public let text: String
    /// UTF-8 byte ranges as the engine reports them, turned into string indices only when asked for: most
    /// callers read one or two of a match's groups.
    private let byteRanges: [Range<Int>?]

    init(text: String, byteRanges: [Range<Int>?]) {
        self.text = text
        self.byteRanges = byteRanges
    }

    /// The number of ranges: the whole match plus each group.
    public var count: Int { byteRanges.count }

    /// The text of group `index` (0 = the whole match), or nil when the group did not take part.
    public subscript(_ index: Int) -> String? {
        range(index).map { String(text[$0]) }
    }

    /// The range of group `index` in the searched text.
    public func range(_ index: Int = 0) -> Range<String.Index>? {
        guard index >= 0, index < byteRanges.count, let bytes = byteRanges[index] else { return nil }
        let utf8 = text.utf8
        guard let lower = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound, limitedBy: utf8.endIndex),
              let upper = utf8.index(lower, offsetBy: bytes.count, limitedBy: utf8.endIndex) else { return nil }
        return lower..<upper
    }

    /// The UTF-8 byte range of group `index` in the searched text.
    public func byteRange(_ index: Int = 0) -> Range<Int>? {
        guard index >= 0, index < byteRanges.count else { return nil }
        return byteRanges[index]
    }

    /// The 1-based UTF-8 column at which group `index` starts.
    public func utf8Column(_ index: Int = 0) -> Int {
        guard index >= 0, index < byteRanges.count, let bytes = byteRanges[index] else { return 1 }
        return bytes.lowerBound + 1
    }
}

/// A regular expression that did not compile.
public struct PatternError: Error, Sendable, Equatable {
    public let source: String
    public let reason: String
}
