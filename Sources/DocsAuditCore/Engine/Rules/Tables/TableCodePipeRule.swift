/// A `|` inside a code span in a table row: GitHub splits the cell there anyway.
struct TableCodePipeRule: DocumentRule {
    let description = RuleDescription(
        id: "tables/code-pipe", severity: .warning,
        summary: "an unescaped `|` inside a code span in a table row splits the cell",
        help: """
        In a GFM table a `|` separates cells even inside backticks, so `` `a | b` `` becomes two cells and the
        row may lose its last cells. Write `\\|` inside the code span: GitHub shows a plain `|`.
        """)

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        var hits: [RuleHit] = []
        let source = document.markdown.source
        for table in document.markdown.allBlocks where table.isTable {
            guard let lines = TableSource.rowLines(of: table) else { continue }
            for line in [lines.header] + lines.body {
                guard let raw = source.line(line) else { continue }
                for span in TableSource.codeSpansWithPipes(raw) {
                    let column = raw.utf8.distance(from: raw.utf8.startIndex, to: span.startIndex) + 1
                    let fixed = span.replacingEvery("\\|", with: "\u{0}")
                        .replacingEvery("|", with: "\\|").replacingEvery("\u{0}", with: "\\|")
                    hits.append(RuleHit(path: document.path, line: line, column: column,
                                        message: "`|` inside code span \(span) splits the cell: write \(fixed)",
                                        subject: "code-pipe:\(span)"))
                }
            }
        }
        return hits
    }
}
