/// A table row with more cells than its header: GitHub drops the extra cells.
struct TableArityRule: DocumentRule {
    let description = RuleDescription(
        id: "tables/arity", severity: .warning,
        summary: "a table row has more cells than the header, and GitHub drops the extra ones",
        help: """
        GitHub silently drops the cells past the header's width, so a stray `|` loses text. Counted on the raw
        row of a table cmark-gfm recognised; `\\|` is not a separator. Rows with fewer cells are padded and lose
        nothing: `tables/short-row` reports those (info).
        """)

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        Self.mismatchedRows(document, longer: true)
    }

    /// Body rows of recognised tables whose cell count exceeds (`longer`) or falls short of the header's.
    static func mismatchedRows(_ document: ParsedDocument, longer: Bool) -> [RuleHit] {
        var hits: [RuleHit] = []
        for row in document.work.tableRows({ TableSource.rowCounts(document.markdown) }) {
            let count = row.count
            let expected = row.expected
            guard longer ? count > expected : count < expected else { continue }
            let cells = count == 1 ? "1 cell" : "\(count) cells"
            let consequence = longer ? "GitHub drops the last \(count - expected)" : "GitHub pads it"
            hits.append(RuleHit(path: document.path, line: row.line,
                                message: "row has \(cells), the header \(expected): \(consequence)",
                                subject: "row:\(String(row.raw.prefix(40)).trimmed)"))
        }
        return hits
    }
}
