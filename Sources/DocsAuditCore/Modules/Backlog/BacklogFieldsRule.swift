/// A backlog item missing a required field, or with a Status or Priority outside the declared values.
struct BacklogFieldsRule: ModuleRule {
    let module = ProfileModule.backlog
    let description = RuleDescription(
        id: "backlog/fields", severity: .warning,
        summary: "a backlog item lacks a required field or has a Status/Priority outside the declared values",
        help: """
        Each backlog item (a heading matching backlog.heading) carries backlog.required-fields; its Status is
        one of backlog.statuses and its Priority one of backlog.priorities.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        let settings = context.profile.backlog
        var hits: [RuleHit] = []
        for item in context.model.backlog where item.form == "heading" && !item.archived {
            let keys = Set(item.fields.map(\.key))
            let missing = settings.requiredFields.filter { !keys.contains($0) }
            if !missing.isEmpty {
                hits.append(RuleHit(path: item.path, line: item.line,
                                    message: "\(item.id) lacks \(missing.joined(separator: ", "))", subject: "\(item.id)-fields"))
            }
            if let status = item.status, !settings.statuses.isEmpty, !settings.statuses.contains(status) {
                hits.append(RuleHit(path: item.path, line: line(of: "Status", in: item),
                                    message: "\(item.id) Status `\(status)` is not one of \(settings.statuses.joined(separator: ", "))",
                                    subject: "\(item.id)-status"))
            }
            if let priority = item.priority, !settings.priorities.isEmpty, !settings.priorities.contains(priority) {
                hits.append(RuleHit(path: item.path, line: line(of: "Priority", in: item),
                                    message: "\(item.id) Priority `\(priority)` is not one of \(settings.priorities.joined(separator: ", "))",
                                    subject: "\(item.id)-priority"))
            }
        }
        return hits
    }

    private func line(of key: String, in item: BacklogItem) -> Int {
        item.fields.first { $0.key == key }?.line ?? item.line
    }
}
