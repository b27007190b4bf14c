/// Backlog items: `### BL-NNN: title` entries with `- Key: value` fields, and archive table rows.
enum BacklogExtractor {
    static func extract(_ context: DocumentContext) -> [BacklogItem] {
        let kind = context.document.kind
        guard kind == "backlog" || kind == "backlog-archive" else { return [] }
        let settings = context.profile.backlog
        let archived = kind == "backlog-archive"
        var items: [BacklogItem] = []
        for section in context.sections(matching: settings.heading) {
            guard let match = settings.heading?.firstMatch(in: section.title), let id = match[1] else { continue }
            var item = BacklogItem(id: id, title: (match[2] ?? "").trimmed, status: nil, priority: nil,
                                   path: context.path, line: section.headingLine, archived: archived, form: "heading")
            for list in context.blocks(of: section) where list.isList {
                if list.range.start.line > section.range.end.line { break }
                for entry in list.items {
                    guard let lead = entry.leadParagraph, let (key, value) = NextStepsExtractor.keyValue(lead) else { continue }
                    item.fields.append(EntryField(key: key, value: Inline.plainText(of: value).trimmed, line: entry.range.start.line))
                    if key == "Status" { item.status = Inline.codeSpans(in: value).first?.literal ?? Inline.plainText(of: value).trimmed }
                    if key == "Priority" { item.priority = Inline.codeSpans(in: value).first?.literal ?? Inline.plainText(of: value).trimmed }
                }
            }
            items.append(item)
        }
        guard let idCell = settings.idCell else { return items }
        for table in context.markdown.blocks where table.isTable {
            let completed = context.markdown.sectionPath(containing: table.range.start.line)
                .contains { settings.completedGroup?.test($0.title) == true }
            for row in table.tableRows.dropFirst() {
                let cells = row.cells
                guard let first = cells.first, let id = idCell.firstMatch(in: first.plainText.trimmed)?[1] else { continue }
                let title = cells.count > 1 ? cells[1].plainText.trimmed : ""
                items.append(BacklogItem(id: id, title: title, status: completed ? "completed" : nil, priority: nil,
                                         path: context.path, line: row.range.start.line, archived: archived, form: "table-row"))
            }
        }
        return items.sorted { $0.line < $1.line }
    }
}
