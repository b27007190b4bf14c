/// A cross-plan obligation that its counterparty plan never mentions.
struct ObligationReciprocityRule: Rule {
    let description = RuleDescription(
        id: "obligations/reciprocity", severity: .warning,
        summary: "a CP-NNN-M obligation is not mentioned by the counterparty plan it names",
        help: """
        If Plan-A owes Plan-B something, both plans surface the CP ID, so the obligation is seen from either side.
        Mention the CP in the counterparty plan (its Cross-Plan Obligations or the task that discharges it).
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        var mentions: [String: Set<String>] = [:]
        for reference in context.model.references where reference.family == "obligation" {
            mentions[reference.path, default: []].insert(reference.id)
        }
        var hits: [RuleHit] = []
        for plan in context.model.plans {
            for obligation in plan.obligations {
                for party in obligation.counterparties {
                    let number = String(party.dropFirst("Plan-".count))
                    guard let other = context.document(kind: "plan", number: number) else { continue }
                    if mentions[other.path]?.contains(obligation.id) != true {
                        hits.append(RuleHit(path: plan.path, line: obligation.line,
                                            message: "\(obligation.id) names \(party), but \(other.path) never mentions \(obligation.id)",
                                            subject: "\(obligation.id)->\(party)", related: [other.path]))
                    }
                }
            }
        }
        return hits
    }
}
