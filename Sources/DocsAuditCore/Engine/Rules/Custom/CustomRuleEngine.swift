/// Runs a custom rule on one document's parse tree, in the per-file pass: its hits are kept, and cached, with
/// the file's facts, like every document rule's.
extension CustomRule: DocumentRule {
    /// The hits the per-file pass recorded for this rule (as every document rule hands them back).
    public func check(_ context: LintContext) -> [RuleHit] {
        context.analyses.flatMap { $0.documentHits[description.id] ?? [] }
    }

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        guard applies(to: document) else { return [] }
        let messagePieces = CustomRuleText.message(message)
        let replacementPieces: [CustomRuleText.Piece]? = replacement.flatMap {
            try? CustomRuleText.replacement($0).get()
        }
        var sectionVerdicts: [Int: Bool] = [:]
        var seen = Set<CustomRuleItem>()
        var hits: [RuleHit] = []
        for place in scope.places {
            let items = CustomRuleItems.items(place, in: document, profile: profile, headerFields: scope.headerFields)
            for item in items where !seen.contains(item) {
                seen.insert(item)
                guard inScopedSection(item.line, document.markdown, verdicts: &sectionVerdicts) else { continue }
                switch check {
                case let .forbid(pattern):
                    hits += forbidden(pattern, in: item, path: document.path, message: messagePieces,
                                      replacement: replacementPieces)
                case let .require(pattern):
                    guard pattern.firstMatch(in: item.text) == nil else { continue }
                    // A pattern stopped at the engine's limit finds nothing: that is `input/pattern-limit`, not an
                    // item that fails to match.
                    if PatternBudget.current?.isStopped(pattern.source) == true { continue }
                    let text = CustomRuleText.fill(messagePieces) { $0 == 0 ? item.text : nil }
                    hits.append(RuleHit(path: document.path, line: item.line, column: item.offset + 1, message: text,
                                        subject: item.text))
                }
            }
        }
        return hits
    }

    /// Whether the document's kind and path are in scope.
    func applies(to document: ParsedDocument) -> Bool {
        if !scope.kinds.isEmpty, !scope.kinds.contains(document.kind) { return false }
        if !scope.paths.isEmpty, !scope.paths.contains(where: { $0.matches(document.path) }) { return false }
        return !scope.excludePaths.contains { $0.matches(document.path) }
    }

    /// Whether `line` lies under a heading the scope's `sections` name (always, when it names none).
    private func inScopedSection(_ line: Int, _ markdown: MarkdownDocument, verdicts: inout [Int: Bool]) -> Bool {
        guard !scope.sections.isEmpty else { return true }
        return CustomRuleItems.underHeading(line, in: markdown, verdicts: &verdicts) { title in
            scope.sections.contains { $0.test(title) }
        }
    }

    /// A hit for each match of `pattern` in `item`, with its fix when the rule has a replacement that leaves
    /// nothing for the pattern to find there again.
    private func forbidden(_ pattern: Pattern, in item: CustomRuleItem, path: String, message: [CustomRuleText.Piece],
                           replacement: [CustomRuleText.Piece]?) -> [RuleHit] {
        pattern.matches(in: item.text).compactMap { match in
            guard let range = match.byteRange(), !range.isEmpty, let whole = match[0] else { return nil }
            let column = item.offset + range.lowerBound + 1
            var hit = RuleHit(path: path, line: item.line, column: column,
                              message: CustomRuleText.fill(message) { match[$0] }, subject: whole)
            if let replacement {
                let text = CustomRuleText.fill(replacement) { match[$0] }
                if Self.settles(pattern, in: item.text, replacing: range, with: text) {
                    hit.fix = TextEdit(path: path, line: item.line, column: column, length: range.count,
                                       replacement: text)
                }
            }
            return hit
        }
    }

    /// Whether replacing bytes `range` of `text` with `replacement` leaves no match of `pattern` that overlaps
    /// the replaced text (or, for a deletion, spans the place it was): a fix reported again is no fix. A long
    /// text (a line of thousands of matches) is checked in a window of `window` bytes each side of the
    /// replacement, so each match costs the same whatever the line's length.
    static func settles(_ pattern: Pattern, in text: String, replacing range: Range<Int>,
                        with replacement: String) -> Bool {
        ByteSearch.withBytes(of: Substring(text)) { bytes in
            guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
            var start = 0, end = bytes.count
            if bytes.count > window * 4 {
                // Whole characters only: a cut code point would be repaired and shift every offset after it.
                start = max(0, range.lowerBound - window)
                while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                end = min(bytes.count, range.upperBound + window)
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            }
            var result = Array(bytes[start..<range.lowerBound])
            result += replacement.utf8
            result += bytes[range.upperBound..<end]
            let low = range.lowerBound - start
            let high = low + replacement.utf8.count
            return !pattern.matches(in: String(decoding: result, as: UTF8.self)).contains { match in
                guard let found = match.byteRange(), !found.isEmpty else { return false }
                return found.lowerBound < max(high, low + 1) && found.upperBound > low
            }
        }
    }

    /// How many bytes each side of a replacement `settles` looks at in a long text.
    static let window = 1_024
}
