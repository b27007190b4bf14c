/// The IDs one document defines, read from the sites each ID family declares (`ids.<family>.defined`).
/// Per-file facts: validated against the whole corpus later (Engine/Rules/IDs).
enum DefinitionExtractor {
    static func extract(_ context: DocumentContext, info: DocumentInfo) -> [IDDefinition] {
        var found: [IDDefinition] = []
        let kind = context.document.kind
        for family in context.profile.idFamilies {
            for site in family.defined where applies(site, kind: kind, path: context.path) {
                switch site.form {
                case .document: found += document(site, family: family, info: info, path: context.path)
                case .heading: found += headings(site, family: family, context: context)
                case .field: found += field(site, family: family, context: context)
                case .tableColumn: found += tableColumn(site, family: family, context: context)
                case .bullet: found += bullets(site, family: family, context: context)
                }
            }
        }
        return found.sorted { ($0.line, $0.member == true ? 1 : 0) < ($1.line, $1.member == true ? 1 : 0) }
    }

    private static func applies(_ site: IDDefinitionSite, kind: String, path: String) -> Bool {
        if !site.kinds.isEmpty && !site.kinds.contains(kind) { return false }
        if !site.paths.isEmpty && !site.paths.contains(where: { $0.matches(path) }) { return false }
        return true
    }

    private static func document(_ site: IDDefinitionSite, family: IDFamily, info: DocumentInfo,
                                 path: String) -> [IDDefinition] {
        guard let template = site.id, let number = info.number else { return [] }
        let written = template.replacingAll("{number}", with: number)
        return [IDDefinition(family: family.name, id: family.identity(of: written), path: path, line: 1)]
    }

    /// Headings whose text matches, inside the site's sections; a range heading (`NS-17..NS-21: …`) also defines
    /// its members when the family has `ranges`.
    private static func headings(_ site: IDDefinitionSite, family: IDFamily,
                                 context: DocumentContext) -> [IDDefinition] {
        guard let pattern = site.match else { return [] }
        var found: [IDDefinition] = []
        for section in context.sections where pattern.mayMatch(section.title) {
            guard let match = pattern.firstMatch(in: section.title), let (id, end) = written(match),
                  inSections(site, section: section, context: context) else { continue }
            found.append(IDDefinition(family: family.name, id: family.identity(of: id), path: context.path,
                                      line: section.headingLine))
            if family.ranges,
               let range = IDRanges.range(after: id, endingAt: end, in: Array(section.title.utf8), family: family) {
                for member in range.members.dropFirst() {
                    found.append(IDDefinition(family: family.name, id: family.identity(of: member),
                                              path: context.path, line: section.headingLine, member: true))
                }
            }
        }
        return found
    }

    private static func field(_ site: IDDefinitionSite, family: IDFamily, context: DocumentContext) -> [IDDefinition] {
        guard let name = site.field, let (cell, line) = context.headerCell(name) else { return [] }
        return ids(in: cell.plainText.trimmed, site: site, family: family, all: true).map {
            IDDefinition(family: family.name, id: $0, path: context.path, line: line)
        }
    }

    private static func tableColumn(_ site: IDDefinitionSite, family: IDFamily,
                                    context: DocumentContext) -> [IDDefinition] {
        var found: [IDDefinition] = []
        for table in context.markdown.blocks where table.isTable && inSections(site, line: table.range.start.line,
                                                                                 context: context) {
            let rows = table.tableRows
            guard let head = rows.first else { continue }
            var column = 0
            if let header = site.header {
                guard let index = head.cells.firstIndex(where: { header.test($0.plainText.trimmed) }) else { continue }
                column = index
            }
            for row in rows.dropFirst() {
                let cells = row.cells
                guard cells.indices.contains(column) else { continue }
                for id in ids(in: cells[column].plainText.trimmed, site: site, family: family, all: false) {
                    found.append(IDDefinition(family: family.name, id: id, path: context.path,
                                              line: row.range.start.line))
                }
            }
        }
        return found
    }

    /// Items of the lists directly inside the site's sections: the item's first inline (bold, code or text).
    private static func bullets(_ site: IDDefinitionSite, family: IDFamily,
                                context: DocumentContext) -> [IDDefinition] {
        var found: [IDDefinition] = []
        for list in context.markdown.blocks where list.isList && inSections(site, line: list.range.start.line,
                                                                            context: context) {
            for item in list.items {
                guard let first = item.leadParagraph?.inlines.first else { continue }
                for id in ids(in: first.text.trimmed, site: site, family: family, all: false) {
                    found.append(IDDefinition(family: family.name, id: id, path: context.path,
                                              line: item.range.start.line))
                }
            }
        }
        return found
    }

    /// The IDs in `text`: the site's `match` (group 1, else 0), or the family's pattern (every match when `all`).
    private static func ids(in text: String, site: IDDefinitionSite, family: IDFamily, all: Bool) -> [String] {
        if let pattern = site.match {
            guard let match = pattern.firstMatch(in: text), let (id, _) = written(match) else { return [] }
            return [family.identity(of: id)]
        }
        let matches = all ? family.pattern.matches(in: text) : family.pattern.firstMatch(in: text).map { [$0] } ?? []
        return matches.filter { match in !family.placeholders.contains { $0.test(match[0] ?? "") } }
            .map { family.identity(of: $0) }
    }

    /// Group 1 (or 0 when the pattern has no group) and the byte offset where it ends.
    private static func written(_ match: PatternMatch) -> (String, Int)? {
        let group = match.count > 1 ? 1 : 0
        guard let id = match[group], !id.isEmpty, let range = match.byteRange(group) else { return nil }
        return (id, range.upperBound)
    }

    /// Whether a heading section lies inside one of the site's sections (any enclosing heading).
    private static func inSections(_ site: IDDefinitionSite, section: Section, context: DocumentContext) -> Bool {
        site.sections.isEmpty || site.sections.contains { context.hasAncestor(section, matching: $0) }
    }

    /// Whether `line` lies inside one of the site's sections (any enclosing heading).
    private static func inSections(_ site: IDDefinitionSite, line: Int, context: DocumentContext) -> Bool {
        guard !site.sections.isEmpty else { return true }
        let titles = context.markdown.sectionPath(containing: line).map(\.title)
        return site.sections.contains { pattern in titles.contains { pattern.test($0) } }
    }
}
