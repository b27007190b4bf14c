/// The pieces of text a custom rule's scope selects in one document, each with where it starts on its raw line,
/// so a match's column (and a replacement's edit) is exact in the file's bytes.
struct CustomRuleItem: Hashable {
    let line: Int
    /// 0-based UTF-8 byte offset of the text on its line.
    let offset: Int
    let text: String
}

enum CustomRuleItems {
    /// The items of `place` in `document`, in document order.
    static func items(_ place: CustomRule.Place, in document: ParsedDocument, profile: Profile,
                      headerFields: [String]) -> [CustomRuleItem] {
        let markdown = document.markdown
        switch place {
        case .prose:
            return paragraphLines(markdown)
        case .tasks:
            guard let heading = profile.plans.tasksHeading else { return [] }
            var verdicts: [Int: Bool] = [:]
            return paragraphLines(markdown).filter { item in
                underHeading(item.line, in: markdown, verdicts: &verdicts) { heading.test($0) }
            }
        case .headings:
            return markdown.allBlocks.compactMap { block in
                guard block.headingLevel != nil else { return nil }
                return headingText(markdown, line: block.range.start.line)
            }
        case .tableCells:
            return markdown.allBlocks.filter(\.isTable).flatMap { table in
                (TableSource.rowLines(of: table)?.body ?? []).flatMap { cells(markdown, line: $0) }
            }
        case .headerFields:
            let form = profile.kindRule(document.kind)?.header.form ?? .table
            guard form != .table else { return headerValues(markdown, only: headerFields) }
            // Bullets and front matter: the value as written, from its column to the end of its line.
            return DocumentHeader.read(markdown, form: form).entries.compactMap { entry in
                guard headerFields.isEmpty || headerFields.contains(entry.name),
                      let raw = markdown.source.line(entry.line) else { return nil }
                let bytes = Array(raw.utf8)
                return item(bytes, line: entry.line, from: entry.column - 1, to: bytes.count)
            }
        }
    }

    /// Whether `line` lies in a section whose title, or an enclosing section's, passes `test`. Verdicts are kept
    /// per section (in `verdicts`, by section index), so each heading is tested once however many lines it holds.
    static func underHeading(_ line: Int, in markdown: MarkdownDocument, verdicts: inout [Int: Bool],
                             _ test: (String) -> Bool) -> Bool {
        guard let innermost = markdown.section(containing: line) else { return false }
        var chain: [Int] = []
        var current: Int? = innermost.index
        var verdict = false
        while let index = current, markdown.sections.indices.contains(index) {
            if let known = verdicts[index] {
                verdict = known
                break
            }
            chain.append(index)
            if test(markdown.sections[index].title) {
                verdict = true
                break
            }
            current = markdown.sections[index].parent
        }
        // Every section walked through shares the verdict of the first one that decided it.
        for index in chain { verdicts[index] = verdict }
        return verdict
    }

    /// Each line of each paragraph, from where its text starts (after list and quote markers) to its last
    /// non-blank character.
    private static func paragraphLines(_ markdown: MarkdownDocument) -> [CustomRuleItem] {
        var seen = Set<Int>()
        var out: [CustomRuleItem] = []
        for block in markdown.allBlocks where block.kind == .paragraph {
            for line in block.range.lines where !seen.contains(line) {
                guard let raw = markdown.source.line(line) else { continue }
                seen.insert(line)
                let bytes = Array(raw.utf8)
                var start = line == block.range.start.line ? max(0, block.range.start.utf8Column - 1) : 0
                start = min(start, bytes.count)
                if start == 0 { start = afterQuoteMarkers(bytes) }
                if let item = item(bytes, line: line, from: start, to: bytes.count) { out.append(item) }
            }
        }
        return out.sorted { ($0.line, $0.offset) < ($1.line, $1.offset) }
    }

    /// A heading's text as written: an ATX heading without its opening and closing `#` runs, a setext heading's
    /// text line.
    private static func headingText(_ markdown: MarkdownDocument, line: Int) -> CustomRuleItem? {
        guard let raw = markdown.source.line(line) else { return nil }
        let bytes = Array(raw.utf8)
        var start = afterQuoteMarkers(bytes)
        var end = bytes.count
        guard start < end, bytes[start] == UInt8(ascii: "#") else {
            return item(bytes, line: line, from: start, to: end)  // a setext heading's text line
        }
        while start < end, bytes[start] == UInt8(ascii: "#") { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        var closing = end
        while closing > start, bytes[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
        if closing == start || isBlank(bytes[closing - 1]) { end = closing }
        return item(bytes, line: line, from: start, to: end)
    }

    /// The cells of a raw table row, each trimmed (pipes inside code spans separate cells, as on GitHub).
    private static func cells(_ markdown: MarkdownDocument, line: Int) -> [CustomRuleItem] {
        guard let raw = markdown.source.line(line) else { return [] }
        let bytes = Array(raw.utf8)
        var start = afterQuoteMarkers(bytes)
        var end = bytes.count
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        guard start < end else { return [] }
        if bytes[start] == UInt8(ascii: "|") { start += 1 }
        var bounds: [(Int, Int)] = []
        var cellStart = start
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "|") {
                bounds.append((cellStart, index))
                cellStart = index + 1
            }
            index += 1
        }
        if cellStart < end { bounds.append((cellStart, end)) }
        return bounds.compactMap { item(bytes, line: line, from: $0.0, to: $0.1) }
    }

    /// The value cell (the second) of each header-table body row, for the fields named (all when none are); the
    /// header row holds the columns' titles.
    private static func headerValues(_ markdown: MarkdownDocument, only fields: [String]) -> [CustomRuleItem] {
        var table: Block?
        for block in markdown.blocks {
            if let level = block.headingLevel, level >= 2 { break }
            if block.isTable {
                table = block
                break
            }
        }
        guard let table, let lines = TableSource.rowLines(of: table) else { return [] }
        let bodyRows = table.tableRows.filter { row in
            if case .tableRow(isHeader: true) = row.kind { return false }
            return true
        }
        return zip(bodyRows, lines.body).compactMap { row, line in
            let parsed = row.cells
            guard parsed.count >= 2 else { return nil }
            let field = parsed[0].plainText.trimmed
            guard fields.isEmpty || fields.contains(field) else { return nil }
            let raw = cells(markdown, line: line)
            return raw.count >= 2 ? raw[1] : nil
        }
    }

    /// The item for bytes `start..<end` of a line, trimmed of blanks; nil when nothing is left.
    private static func item(_ bytes: [UInt8], line: Int, from start: Int, to end: Int) -> CustomRuleItem? {
        var low = max(0, start)
        var high = min(bytes.count, end)
        while low < high, isBlank(bytes[low]) { low += 1 }
        while high > low, isBlank(bytes[high - 1]) { high -= 1 }
        guard low < high else { return nil }
        return CustomRuleItem(line: line, offset: low, text: String(decoding: bytes[low..<high], as: UTF8.self))
    }

    /// The offset after leading blanks and block-quote markers.
    private static func afterQuoteMarkers(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count, isBlank(bytes[index]) || bytes[index] == UInt8(ascii: ">") { index += 1 }
        return index
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}
