/// A `PRs:` checklist disagreeing with the entry's Status.
struct PRChecklistRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/pr-checklist", severity: .warning,
        summary: "an entry's PRs checklist disagrees with its Status, or a checked row lacks its merge note",
        help: """
        All rows checked means `completed`; some checked means `in_progress` or `blocked`; none checked means
        `todo` or `blocked`. A checked row carries `(PR #N, merged YYYY-MM-DD)`.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let model = context.model.nextSteps else { return [] }
        var hits: [RuleHit] = []
        for entry in model.entries {
            guard let rows = entry.prs, !rows.isEmpty, let status = entry.status else { continue }
            let checked = rows.filter(\.checked).count
            let allowed: [String]
            if checked == rows.count {
                allowed = ["completed"]
            } else if checked > 0 {
                allowed = ["in_progress", "blocked"]
            } else {
                allowed = ["todo", "blocked"]
            }
            if !allowed.contains(status) {
                hits.append(RuleHit(path: model.path, line: entry.line,
                                    message: "\(entry.id) has \(checked) of \(rows.count) PR rows checked but Status `\(status)` (expected \(allowed.map { "`\($0)`" }.joined(separator: " or ")))",
                                    subject: "\(entry.id)-status"))
            }
            for row in rows where row.checked && (row.pr == nil || row.merged == nil) {
                hits.append(RuleHit(path: model.path, line: row.line,
                                    message: "checked row \(row.id) in \(entry.id) lacks `(PR #N, merged YYYY-MM-DD)`",
                                    subject: "\(entry.id)-\(row.id)"))
            }
        }
        return hits
    }
}
