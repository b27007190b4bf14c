/// A header Status that cannot be read or is outside its kind's lifecycle.
struct StatusRule: ModuleRule {
    let module = ProfileModule.plans
    let description = RuleDescription(
        id: "plans/status", severity: .error,
        summary: "a plan, spec or ADR has no readable header Status, or one outside its lifecycle",
        help: """
        The header table row `| **Status** | `approved` |` holds the Status as a lone code span, one of the kind's
        statuses (kinds[].statuses: plans draft/review/approved/completed, specs draft/review/approved/superseded,
        ADRs proposed/accepted/deprecated/superseded). Annotations belong in another row.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        context.documents.compactMap { document -> RuleHit? in
            guard let rule = context.profile.kindRule(document.kind), !rule.statuses.isEmpty else { return nil }
            guard let text = document.statusText, let line = document.statusLine else {
                return RuleHit(path: document.path, line: 1, message: "no `| **\(context.profile.header.statusField)** | … |` row in the header table",
                               subject: "status")
            }
            guard let status = document.status else {
                // `superseded by [ADR-012](…)` keeps a link after the status word.
                if let word = text.split(separator: " ").first.map({ String($0.drop { $0 == "`" }.reversed().drop { $0 == "`" }.reversed()) }),
                   word == "superseded", rule.statuses.contains(word) { return nil }
                return RuleHit(path: document.path, line: line,
                               message: "Status `\(text)` is not a lone code span (expected one of \(rule.statuses.joined(separator: ", ")))",
                               subject: "status")
            }
            guard !rule.statuses.contains(status) else { return nil }
            return RuleHit(path: document.path, line: line,
                           message: "Status `\(status)` is not a \(document.kind) status (expected one of \(rule.statuses.joined(separator: ", ")))",
                           subject: "status")
        }
    }
}

import FoundationEssentials
