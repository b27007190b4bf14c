/// Lines meant as a pipe table that GitHub shows as a paragraph of raw pipes.
struct TableNotRenderedRule: DocumentRule {
    let description = RuleDescription(
        id: "tables/not-rendered", severity: .warning,
        summary: "a header and delimiter row that GitHub does not render as a table",
        help: """
        GFM makes a table only when the delimiter row has as many cells as the header and every delimiter cell
        is dashes with optional colons (`---`, `:--`, `--:`). Otherwise GitHub shows the lines as a paragraph
        of raw pipes. A `|` inside a code span counts as a separator: escape it as `\\|`.
        """)

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        var hits: [RuleHit] = []
        let source = document.markdown.source
        for paragraph in document.markdown.allBlocks where paragraph.kind == .paragraph {
            let first = paragraph.range.start.line
            let last = paragraph.range.end.line
            guard first >= 1, last > first else { continue }
            var line = first + 1
            while line <= last {
                defer { line += 1 }
                guard let delimiter = source.line(line), TableSource.looksLikeDelimiter(delimiter),
                      let header = source.line(line - 1), TableSource.stripped(header).contains("|"),
                      let problem = Self.problem(header: header, delimiter: delimiter) else { continue }
                let content = TableSource.stripped(header)
                let column = header.utf8.distance(from: header.utf8.startIndex, to: content.startIndex) + 1
                hits.append(RuleHit(path: document.path, line: line - 1, column: column,
                                    message: "not rendered as a table: \(problem)",
                                    subject: "table:\(String(content.prefix(40)))"))
            }
        }
        return hits
    }

    /// Why `header` and `delimiter` make no table, or nil when they would.
    static func problem(header: Substring, delimiter: Substring) -> String? {
        let headerCells = TableSource.cells(header)
        let delimiterCells = TableSource.cells(delimiter)
        if headerCells.count != delimiterCells.count {
            var message = "the header has \(cells(headerCells.count)), the delimiter row \(delimiterCells.count)"
            if let span = TableSource.codeSpansWithPipes(header).first {
                message += " (the `|` in code span \(span) splits a cell: write `\\|`)"
            }
            return message
        }
        if let bad = delimiterCells.firstIndex(where: { !TableSource.isDelimiterCell($0) }) {
            let text = delimiterCells[bad]
            let cell = text.isEmpty ? "is empty" : "`\(text)` is not dashes with optional colons"
            return "delimiter cell \(bad + 1) \(cell)"
        }
        return nil
    }

    private static func cells(_ count: Int) -> String { count == 1 ? "1 cell" : "\(count) cells" }
}
