/// A document's header as its kind declares it (`kinds[].header.form`): a table, a list of `Field: value`
/// items, or YAML front matter. Every form yields the same fields, so rules and modules read one shape.
struct DocumentHeader {
    /// One field as written.
    struct Entry {
        /// The field name, markup stripped (`**Status**` → `Status`).
        var name: String
        /// The value's inlines as parsed (a table cell's, or what follows an item's colon); empty for
        /// front matter, which cmark never parses.
        var inlines: [Inline]
        /// The value, markup stripped (code, bold, emphasis, links → their text) and trimmed.
        var value: String
        var line: Int
        /// UTF-8 column where the value starts.
        var column: Int

        /// The value's text, as a header cell's `plainText` reads.
        var plainText: String { value }
    }

    var entries: [Entry] = []
    /// The line the header starts on, when the document has one.
    var line: Int?

    /// The first field called `name`.
    func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    /// Reads the header of `markdown` in `form`.
    static func read(_ markdown: MarkdownDocument, form: KindHeader.Form) -> DocumentHeader {
        switch form {
        case .table: return table(markdown)
        case .bullets: return bullets(markdown)
        case .frontMatter: return FrontMatter.header(markdown.source, path: markdown.path)
        case .none: return DocumentHeader()
        }
    }

    /// The first table before the first `##` heading: in each body row, column 1 names the field and column 2
    /// holds its value. The header row holds the columns' titles (`| Field | Value |`), not a field.
    static func table(_ markdown: MarkdownDocument) -> DocumentHeader {
        guard let table = leadingBlocks(markdown, titleAnyLevel: false).first(where: \.isTable) else {
            return DocumentHeader()
        }
        let entries = table.tableRows.compactMap { row -> Entry? in
            if case .tableRow(isHeader: true) = row.kind { return nil }
            let cells = row.cells
            guard cells.count >= 2 else { return nil }
            let cell = cells[1]
            let column = valueColumn(cell.inlines, fallback: cell.range.start, source: markdown.source)
            return Entry(name: cells[0].plainText.trimmed, inlines: cell.inlines, value: cell.plainText.trimmed,
                         line: row.range.start.line, column: column)
        }
        return DocumentHeader(entries: entries, line: table.range.start.line)
    }

    /// The first list before the first `##` heading (or a second H1, as in files that use H1 for sections):
    /// each item reading `Field: value` is a field; other items are skipped. A heading of any level that is
    /// the file's first block is its title (`## RFC: …` over the list), not the end of the header.
    static func bullets(_ markdown: MarkdownDocument) -> DocumentHeader {
        let leading = leadingBlocks(markdown, titleAnyLevel: true)
        guard let start = leading.firstIndex(where: \.isList) else { return DocumentHeader() }
        let list = leading[start]
        let entries = continued(list, in: leading[start...]).flatMap(\.items).compactMap { item -> Entry? in
            guard let lead = item.leadParagraph, let (name, value) = split(lead.inlines) else { return nil }
            let column = valueColumn(value, fallback: lead.range.start, source: markdown.source)
            return Entry(name: name, inlines: value, value: Inline.plainText(of: value).trimmed,
                         line: item.range.start.line, column: column)
        }
        return DocumentHeader(entries: entries, line: list.range.start.line)
    }

    /// `list` and the lists right after it: a footnote defined between two items (a Rust RFC annotates its
    /// `Feature Name` so) ends the list in the parse, and cmark-gfm moves the definition to the end of the
    /// document, so the rest of the header is the next block, another list.
    private static func continued(_ list: Block, in blocks: ArraySlice<Block>) -> [Block] {
        [list] + blocks.dropFirst().prefix(while: \.isList)
    }

    /// The top-level blocks before the first heading of level 2 or more (today's table header). With
    /// `titleAnyLevel`, the first block is passed over when it is a heading of any level, and any later
    /// heading, H1 included, ends the header.
    private static func leadingBlocks(_ markdown: MarkdownDocument, titleAnyLevel: Bool) -> ArraySlice<Block> {
        let end = markdown.blocks.indices.first { index in
            guard let level = markdown.blocks[index].headingLevel else { return false }
            guard titleAnyLevel else { return level >= 2 }
            return index > markdown.blocks.startIndex
        } ?? markdown.blocks.endIndex
        return markdown.blocks[..<end]
    }

    /// Splits `Field: value` (also `**Field:** value` and `**Field**: value`) into the name and the value's
    /// inlines; nil when no colon follows plain or emphasised text.
    static func split(_ inlines: [Inline]) -> (name: String, value: [Inline])? {
        var name = ""
        for (index, inline) in inlines.enumerated() {
            let rest = Array(inlines[(index + 1)...])
            switch inline.kind {
            case .text:
                guard let colon = inline.literal.firstIndex(of: ":") else {
                    name += inline.literal
                    continue
                }
                name += inline.literal[..<colon]
                let after = inline.literal[inline.literal.index(after: colon)...]
                let remainder = after.drop { $0 == " " || $0 == "\t" }
                let skipped = inline.literal.utf8.count - remainder.utf8.count
                guard !remainder.isEmpty else { return named(name, rest) }
                var head = inline
                head.literal = String(remainder)
                head.start.utf8Column += skipped
                return named(name, [head] + rest)
            case .strong, .emphasis:
                let text = Inline.plainText(of: [inline])
                let trimmed = text.trimmed
                if trimmed.hasSuffix(":") { return named(name + trimmed.dropLast(), rest) }
                name += text
            default:
                return nil
            }
        }
        return nil
    }

    private static func named(_ name: String, _ value: [Inline]) -> (name: String, value: [Inline])? {
        let name = name.trimmed
        return name.isEmpty ? nil : (name, value)
    }

    /// Where the value's first visible inline starts. cmark places a code span at its content: the column
    /// steps back over the backticks before it in `source`.
    private static func valueColumn(_ inlines: [Inline], fallback: SourcePosition, source: SourceText) -> Int {
        guard let first = inlines.first(where: { !($0.kind == .text && $0.literal.trimmed.isEmpty) }) else {
            return fallback.utf8Column
        }
        var column = first.start.utf8Column
        if first.kind == .text { column += first.literal.prefix { $0 == " " || $0 == "\t" }.utf8.count }
        guard first.kind == .code, let line = source.line(first.start.line) else { return column }
        let bytes = Array(line.utf8)
        while column > 1, column - 2 < bytes.count, bytes[column - 2] == UInt8(ascii: "`") { column -= 1 }
        return column
    }
}
