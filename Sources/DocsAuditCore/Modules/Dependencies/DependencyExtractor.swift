/// §3 (plan → upstream plans) and §5 (tiers) of the dependency map, plus its carve-out subsections.
enum DependencyExtractor {
    static func extract(_ context: DocumentContext) -> DependencyModel? {
        let settings = context.profile.dependencies
        guard context.path == settings.file, let planID = context.profile.id("plan") else { return nil }
        var model = DependencyModel(path: context.path)
        if let section = context.sections(matching: settings.dependencySection).first {
            for table in context.blocks(of: section) where table.isTable {
                for row in table.tableRows.dropFirst() {
                    let cells = row.cells
                    guard cells.count >= 2, let plan = planID.firstMatch(in: cells[0].plainText)?[0] else { continue }
                    let (upstream, mentioned) = upstreams(cells[1].plainText, own: plan, planID: planID, settings: settings)
                    model.rows.append(DependencyRow(plan: plan, upstream: upstream, mentioned: mentioned,
                                                    type: cells.count > 2 ? cells[2].plainText.trimmed : "",
                                                    line: row.range.start.line))
                }
            }
        }
        if let section = context.sections(matching: settings.tierSection).first {
            for table in context.blocks(of: section) where table.isTable {
                for row in table.tableRows.dropFirst() {
                    let cells = row.cells
                    guard cells.count >= 2, let tier = Int(cells[0].plainText.trimmed) else { continue }
                    model.tiers.append(Tier(tier: tier, line: row.range.start.line,
                                            plans: placements(cells[1].plainText, planID: planID, settings: settings),
                                            prerequisites: cells.count > 2 ? cells[2].plainText.trimmed : ""))
                }
            }
            for sub in context.descendants(of: section) {
                guard let carve = settings.carveOutHeading?.firstMatch(in: sub.title) else { continue }
                let plans = [carve[1], carve[2]].compactMap { $0 }
                model.carveOuts.append(CarveOut(plans: plans, title: sub.title, line: sub.headingLine, slug: sub.slug))
            }
        }
        return model
    }

    /// Upstream plans of a §3 cell: text before `Forward:`, clause by clause; plans inside parentheses,
    /// in clauses marked non-dependencies, or in a cell that opens with `None` are only mentions.
    static func upstreams(_ text: String, own: String, planID: Pattern, settings: DependencySettings) -> ([String], [String]) {
        var before = Substring(text)
        var after = Substring("")
        if let marker = settings.forwardMarker?.firstMatch(in: text)?.range() {
            before = text[..<marker.lowerBound]
            after = text[marker.lowerBound...]
        }
        var upstream: [String] = []
        var mentioned = planID.matches(in: String(after)).compactMap { $0[0] }
        let noneCell = before.trimmed.lowercased().hasPrefix("none")
        for clause in TaskExtractor.splitTopLevel(before, separator: ",") {
            let (head, inner) = splitParentheses(clause)
            let heads = planID.matches(in: head).compactMap { $0[0] }
            let inside = planID.matches(in: inner).compactMap { $0[0] }
            mentioned += inside
            let excluded = noneCell || settings.nonUpstream?.test(String(clause)) == true
                || settings.deferral?.test(String(clause)) == true
            if excluded { mentioned += heads } else { upstream += heads }
        }
        var seen = Set([own])
        upstream = upstream.filter { seen.insert($0).inserted }
        var seenMention = Set([own] + upstream)
        mentioned = mentioned.filter { seenMention.insert($0).inserted }
        return (upstream, mentioned)
    }

    /// Text outside and inside parentheses.
    static func splitParentheses(_ text: Substring) -> (outside: String, inside: String) {
        var outside = ""
        var inside = ""
        var depth = 0
        for char in text {
            if char == "(" {
                depth += 1
                if depth == 1 { continue }
            }
            if char == ")" {
                depth = max(0, depth - 1)
                if depth == 0 { continue }
            }
            if depth == 0 { outside.append(char) } else { inside.append(char) }
        }
        return (outside, inside)
    }

    /// `Plan-007 (partial-deliverable only — …)` → plan, slice, note; slices are classified from the head
    /// of the parenthetical only.
    private static func placements(_ text: String, planID: Pattern, settings: DependencySettings) -> [TierPlacement] {
        TaskExtractor.splitTopLevel(Substring(text), separator: ",").compactMap { item in
            let (head, inner) = splitParentheses(item)
            guard let plan = planID.firstMatch(in: head)?[0] else { return nil }
            let note = inner.trimmed
            var slice = "whole"
            if settings.partialSlice?.test(note) == true { slice = "partial" } else if settings.remainderSlice?.test(note) == true { slice = "remainder" }
            return TierPlacement(plan: plan, slice: slice, note: note.isEmpty ? nil : note)
        }
    }
}
