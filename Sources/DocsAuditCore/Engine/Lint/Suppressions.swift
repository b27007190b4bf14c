import FoundationEssentials

/// `<!-- docs-audit-disable-next-line RULE -- reason -->` and friends, read from a document's HTML.
///
/// Forms: `disable-next-line` (the next non-blank line), `disable-line` (the comment's own line),
/// `disable` … `enable` (a range), `disable-file`. Rule IDs are separated by spaces or commas; none means
/// every rule. Text after ` -- ` is the reason. A directive that suppresses nothing is reported.
struct Suppressions {
    static let unusedDescription = RuleDescription(
        id: "suppressions/unused", severity: .warning,
        summary: "a docs-audit-disable comment suppresses nothing",
        help: "The finding it was written for is gone (or the rule ID is misspelt). Remove the comment.")

    struct Directive: Sendable, Codable {
        enum Kind: String, Sendable, Codable, CaseIterable { case nextLine = "disable-next-line", line = "disable-line", disable, enable, file = "disable-file" }
        var kind: Kind
        /// Empty means every rule.
        var rules: [String]
        /// The comment's first line.
        var line: Int
        /// Lines it covers (for ranges, filled in once `enable` is seen).
        var lines: ClosedRange<Int>
    }

    private static let comment = try? Pattern(
        #"<!--\s*docs-audit-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->"#)

    private(set) var directives: [Directive] = []
    private var used: [Bool] = []
    /// The rule IDs each directive names, as written and as their aliases resolve (worked out once, not per
    /// finding); nil for a directive of every rule.
    private var names: [Set<String>?] = []
    /// The directives that cover one line, by that line; the others (ranges, the file) by the rule they name, and
    /// those of every rule. A finding asks only those that can suppress it.
    private var byLine: [Int: [Int]] = [:]
    private var spanningByRule: [String: [Int]] = [:]
    private var spanningEvery: [Int] = []
    let path: String

    init(path: String, directives: [Directive]) {
        self.path = path
        self.directives = directives
        used = Array(repeating: false, count: directives.count)
        names = directives.map { $0.rules.isEmpty ? nil : Set($0.rules + $0.rules.compactMap(RuleCatalog.resolve)) }
        for (index, directive) in directives.enumerated() {
            if directive.lines.count == 1 {
                byLine[directive.lines.lowerBound, default: []].append(index)
            } else if let named = names[index] {
                for name in named { spanningByRule[name, default: []].append(index) }
            } else {
                spanningEvery.append(index)
            }
        }
    }

    /// The directives of one parsed document, read from its HTML blocks and inline HTML.
    static func directives(in markdown: MarkdownDocument) -> [Directive] {
        guard let pattern = Self.comment else { return [] }
        var directives: [Directive] = []
        var found: [(Directive.Kind, [String], Int, Int)] = []
        for block in markdown.allBlocks {
            if block.kind == .htmlBlock {
                // cmark-gfm's end line for HTML blocks is unreliable; count the literal's own lines (without the
                // blank lines at either end). Each match's line is counted on from the one before, so a block of
                // thousands of comments is read once.
                let utf8 = block.literal.utf8
                let isEnd: (UInt8) -> Bool = { (0x0A...0x0D).contains($0) }
                let body = utf8.drop(while: isEnd)
                let trimmed = body.prefix(body.count - body.reversed().prefix(while: isEnd).count)
                let last = block.range.start.line + trimmed.lazy.filter { $0 == 0x0A }.count
                var offset = 0
                var counted = block.literal.startIndex
                for match in pattern.matches(in: block.literal) {
                    let start = match.range()?.lowerBound ?? counted
                    if start > counted {
                        offset += block.literal.utf8[counted..<start].lazy.filter { $0 == 0x0A }.count
                        counted = start
                    }
                    if let parsed = Self.parse(match) { found.append((parsed.0, parsed.1, block.range.start.line + offset, last)) }
                }
            }
            for inline in block.inlines where inline.kind == .html {
                for match in pattern.matches(in: inline.literal) {
                    if let parsed = Self.parse(match) { found.append((parsed.0, parsed.1, inline.start.line, inline.start.line)) }
                }
            }
        }
        // The `disable`s not yet closed: all of them in order, and by their rules (an `enable` closes the last
        // one with its rules, or the last one of all when it names none); closed ones are skipped when met.
        var open: [Int] = []
        var openByRules: [[String]: [Int]] = [:]
        var closed = Set<Int>()
        for (kind, rules, line, endLine) in found.sorted(by: { $0.2 < $1.2 }) {
            switch kind {
            case .nextLine:
                var target = endLine + 1
                while target <= markdown.source.lineCount && markdown.source.isBlank(target) { target += 1 }
                directives.append(Directive(kind: kind, rules: rules, line: line, lines: target...target))
            case .line:
                directives.append(Directive(kind: kind, rules: rules, line: line, lines: line...line))
            case .file:
                directives.append(Directive(kind: kind, rules: rules, line: line, lines: 1...max(1, markdown.source.lineCount)))
            case .disable:
                directives.append(Directive(kind: kind, rules: rules, line: line, lines: line...max(line, markdown.source.lineCount)))
                open.append(directives.count - 1)
                openByRules[rules, default: []].append(directives.count - 1)
            case .enable:
                func lastOpen(_ stack: inout [Int]) -> Int? {
                    while let index = stack.last, closed.contains(index) { stack.removeLast() }
                    return stack.popLast()
                }
                let index = rules.isEmpty ? lastOpen(&open) : lastOpen(&openByRules[rules, default: []])
                if let index {
                    closed.insert(index)
                    let start = directives[index].line
                    directives[index].lines = start...max(start, line)
                }
            }
        }
        return directives
    }

    private static func parse(_ match: PatternMatch) -> (Directive.Kind, [String])? {
        guard let word = match[1], let kind = Directive.Kind(rawValue: word) else { return nil }
        var body = match[2] ?? ""
        if let reason = body.firstRange(of: " --") { body = String(body[..<reason.lowerBound]) }
        let rules = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" }).map(String.init)
        return (kind, rules)
    }

    /// Whether a finding of `rule` at `line` is suppressed; marks the directive used.
    mutating func suppresses(rule: String, line: Int) -> Bool {
        var hit = false
        for index in (byLine[line] ?? []) + (spanningByRule[rule] ?? []) + spanningEvery
        where directives[index].lines.contains(line) && (names[index]?.contains(rule) ?? true) {
            used[index] = true
            hit = true
        }
        return hit
    }

    /// Directives that suppressed nothing, as hits of `suppressions/unused`.
    func unused() -> [RuleHit] {
        directives.indices.filter { !used[$0] }.map { index in
            let directive = directives[index]
            let names = directive.rules.isEmpty ? "every rule" : directive.rules.joined(separator: ", ")
            return RuleHit(path: path, line: directive.line,
                           message: "docs-audit-\(directive.kind.rawValue) for \(names) suppresses nothing",
                           subject: "\(directive.kind.rawValue):\(directive.rules.joined(separator: ","))")
        }
    }
}
