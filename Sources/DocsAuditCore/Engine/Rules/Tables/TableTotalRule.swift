/// A table marked `<!-- corpus:total-check column="X" prose-total="L" -->` whose numbers do not add up.
struct TableTotalRule: DocumentRule {
    let description = RuleDescription(
        id: "tables/total", severity: .error,
        summary: "a total-checked table's column sum, Total row and prose total disagree",
        help: """
        Opt in with `<!-- corpus:total-check column="Tasks" prose-total="tasks" -->` right before a table: the
        numbers in column `Tasks` (rows other than a `Total` row) must add up to the Total row's value, and every
        `N tasks` / `tasks: N` in the section's prose must equal that sum (gate G7).
        """)

    private static let marker = try? Pattern(#"<!--\s*corpus:total-check\b([^>]*)-->"#)
    private static let attribute = try? Pattern(#"([a-z-]+)\s*=\s*"([^"]*)""#)

    /// How many total-check markers `markdown` has.
    static func markers(in markdown: MarkdownDocument) -> Int {
        guard let marker else { return 0 }
        return markdown.allBlocks.filter { $0.kind == .htmlBlock && marker.test($0.literal) }.count
    }

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        guard let marker = Self.marker, let attribute = Self.attribute else { return [] }
        var hits: [RuleHit] = []
        let blocks = document.markdown.blocks
        for (index, block) in blocks.enumerated() where block.kind == .htmlBlock {
            guard let match = marker.firstMatch(in: block.literal) else { continue }
            var attributes: [String: String] = [:]
            for pair in attribute.matches(in: match[1] ?? "") {
                if let key = pair[1], let value = pair[2] { attributes[key] = value }
            }
            guard let column = attributes["column"] else {
                hits.append(RuleHit(path: document.path, line: block.range.start.line,
                                    message: "corpus:total-check needs column=\"…\"", subject: "total-check"))
                continue
            }
            guard let table = blocks.dropFirst(index + 1).first(where: { $0.kind != .htmlBlock }), table.isTable else {
                hits.append(RuleHit(path: document.path, line: block.range.start.line,
                                    message: "corpus:total-check is not followed by a table", subject: "total-check"))
                continue
            }
            hits += verify(table, column: column, proseLabel: attributes["prose-total"], document: document)
        }
        return hits
    }

    private func verify(_ table: Block, column: String, proseLabel: String?, document: ParsedDocument) -> [RuleHit] {
        let rows = table.tableRows
        guard let header = rows.first,
              let columnIndex = header.cells.firstIndex(where: { $0.plainText.trimmed.lowercased() == column.lowercased() }) else {
            return [RuleHit(path: document.path, line: table.range.start.line,
                            message: "corpus:total-check names column `\(column)`, which the table does not have", subject: "total:\(column)")]
        }
        var sum = 0
        var stated: (value: Int, line: Int)?
        for row in rows.dropFirst() {
            let cells = row.cells
            guard cells.indices.contains(columnIndex) else { continue }
            let value = Int(cells[columnIndex].plainText.trimmed.filter { $0.isNumber })
            let isTotal = cells.first?.plainText.trimmed.lowercased().hasPrefix("total") == true
            if isTotal {
                if let value { stated = (value, row.range.start.line) }
            } else if let value {
                // Cells are corpus text: a sum past Int.max is reported, never trapped on.
                let (next, overflow) = sum.addingReportingOverflow(value)
                guard !overflow else {
                    return [RuleHit(path: document.path, line: row.range.start.line,
                                    message: "the `\(column)` column adds up past \(Int.max); its total cannot be checked",
                                    subject: "total:\(column)")]
                }
                sum = next
            }
        }
        var hits: [RuleHit] = []
        if let stated, stated.value != sum {
            hits.append(RuleHit(path: document.path, line: stated.line,
                                message: "Total row says \(stated.value) for `\(column)`, the rows add up to \(sum)", subject: "total:\(column)"))
        }
        if let label = proseLabel, !label.isEmpty, let section = document.markdown.section(containing: table.range.start.line),
           let pattern = try? Pattern("(\\d+)\\s+\(Pattern.escaped(label))\\b|\\b\(Pattern.escaped(label)):?\\s+(\\d+)") {
            for block in document.markdown.blocks(in: section.range) where block.kind == .paragraph {
                for match in pattern.matches(in: block.plainText) {
                    guard let value = Int(match[1] ?? match[2] ?? ""), value != sum else { continue }
                    hits.append(RuleHit(path: document.path, line: block.range.start.line,
                                        message: "prose says \(value) \(label), the `\(column)` column adds up to \(sum)",
                                        subject: "total-prose:\(column)"))
                }
            }
        }
        return hits
    }
}

import FoundationEssentials
