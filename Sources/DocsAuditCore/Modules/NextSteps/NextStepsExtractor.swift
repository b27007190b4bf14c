/// The next-steps section of the dependency map: its flowchart, detail entries and set claims.
enum NextStepsExtractor {
    /// `diagrams` are this document's flowcharts, in order; the model's diagram index is local to them
    /// here and rebased when facts merge.
    static func extract(_ context: DocumentContext, diagrams: [Diagram]) -> NextStepsModel? {
        let settings = context.profile.graph
        guard context.path == settings.file,
              let section = context.sections(matching: settings.section).first else { return nil }
        var model = NextStepsModel(path: context.path, sectionLine: section.headingLine)
        model.diagram = diagrams.firstIndex { section.range.contains(line: $0.line) }
        for entrySection in context.descendants(of: section) {
            guard let match = settings.entryHeading?.firstMatch(in: entrySection.title), let id = match[1] else { continue }
            model.entries.append(entry(id: id, rangeEnd: match[2], title: (match[3] ?? "").trimmed,
                                       section: entrySection, context: context))
        }
        if let claim = settings.setClaim, let nextStep = context.profile.id("next-step") {
            for block in context.blocks(of: section).flatMap(\.descendantsAndSelf) where block.kind == .paragraph {
                for match in claim.matches(in: block.plainText) {
                    guard let set = match[1], let list = match[2] else { continue }
                    let parsed = SetClaimList.parse(list, id: nextStep)
                    model.setClaims.append(SetClaim(set: set.lowercased(), ids: parsed.ids,
                                                    count: match[3].flatMap { Int($0) },
                                                    path: context.path, line: block.range.start.line,
                                                    text: list.trimmed, unreadable: parsed.unreadable))
                }
            }
        }
        return model
    }

    private static func entry(id: String, rangeEnd: String?, title: String, section: Section, context: DocumentContext) -> NextStepEntry {
        var entry = NextStepEntry(id: id, rangeEnd: rangeEnd, nodeID: id.replacingEvery("-", with: ""),
                                  title: title, line: section.headingLine)
        for list in context.blocks(of: section) where list.isList {
            for item in list.items {
                guard let lead = item.leadParagraph, let (key, value) = keyValue(lead) else { continue }
                let text = Inline.plainText(of: value).trimmed
                let line = item.range.start.line
                entry.fields.append(EntryField(key: key, value: text, line: line))
                switch key {
                case "Status":
                    entry.status = Inline.codeSpans(in: value).first?.literal
                    entry.statusNote = noteAfterCode(value)
                case "Type": entry.type = text
                case "Priority": entry.priority = Inline.codeSpans(in: value).first?.literal ?? text
                case "Upstream": entry.upstream = upstream(text, line: line, profile: context.profile)
                case "References": entry.references = text
                case "Summary": entry.summary = text
                case "Exit Criteria": entry.exitCriteria = text
                case "PRs": entry.prs = prRows(item, profile: context.profile)
                default: break
                }
            }
        }
        return entry
    }

    /// `Key: value` at the start of a list item's paragraph.
    static func keyValue(_ paragraph: Block) -> (String, [Inline])? {
        guard let first = paragraph.inlines.first, first.kind == .text,
              let colon = first.literal.firstIndex(of: ":") else { return nil }
        let key = String(first.literal[..<colon]).trimmed
        guard !key.isEmpty, key.count <= 40, key.first?.isUppercase == true,
              key.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return nil }
        var rest = first
        rest.literal = String(first.literal[first.literal.index(after: colon)...])
        return (key, [rest] + paragraph.inlines.dropFirst())
    }

    /// The text after the first code span, without its surrounding parentheses.
    private static func noteAfterCode(_ inlines: [Inline]) -> String? {
        guard let index = inlines.firstIndex(where: { $0.kind == .code }) else { return nil }
        var note = Inline.plainText(of: Array(inlines[(index + 1)...])).trimmed
        if note.hasPrefix("("), note.hasSuffix(")") { note = String(note.dropFirst().dropLast()) }
        return note.isEmpty ? nil : note
    }

    /// Tokenises an Upstream field: `none (…)` blocks nothing; otherwise the NS/BL IDs outside
    /// parentheses, joined by `,`, `+` or `→`.
    static func upstream(_ text: String, line: Int, profile: Profile) -> Upstream {
        if text.lowercased().hasPrefix("none") {
            return Upstream(text: text, line: line, none: true, tokens: [], chain: false, ellipsis: false)
        }
        var outside = ""
        var depth = 0
        for char in text {
            if char == "(" { depth += 1 } else if char == ")" { depth = max(0, depth - 1) } else if depth == 0 { outside.append(char) }
        }
        var tokens: [String] = []
        let families = [profile.id("next-step"), profile.id("backlog")].compactMap { $0 }
        var hits: [(String.Index, String)] = []
        for family in families {
            for match in family.matches(in: outside) {
                if let range = match.range(), let id = match[0] { hits.append((range.lowerBound, id)) }
            }
        }
        tokens = hits.sorted { $0.0 < $1.0 }.map(\.1)
        return Upstream(text: text, line: line, none: tokens.isEmpty, tokens: tokens,
                        chain: outside.contains("→"), ellipsis: outside.contains("...") || outside.contains("…"))
    }

    private static func prRows(_ item: Block, profile: Profile) -> [PRRow] {
        var rows: [PRRow] = []
        for nested in item.children where nested.isList {
            for row in nested.items {
                guard let lead = row.leadParagraph else { continue }
                let text = lead.plainText.trimmed
                let match = profile.graph.prRow?.firstMatch(in: text)
                rows.append(PRRow(checked: row.taskMark?.checked ?? false, id: match?[1] ?? text.split(separator: " ").first.map(String.init) ?? "",
                                  text: match?[2] ?? text, pr: match?[3].flatMap { Int($0) }, merged: match?[4],
                                  line: row.range.start.line))
            }
        }
        return rows
    }
}

import FoundationEssentials
