/// A cross-plan obligation that its counterparty plan never mentions.
struct ObligationReciprocityRule: ModuleRule {
    let module = ProfileModule.plans
    let description = RuleDescription(
        id: "obligations/reciprocity", severity: .warning,
        summary: "an obligation ID is not mentioned by the counterparty plan it names",
        help: """
        If one plan owes another something, both plans surface the obligation ID, so the obligation is seen from
        either side. Mention the obligation ID in the counterparty plan (its obligations section or the task that
        discharges it).
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
                    guard let number = context.profile.number(kind: "plan", inLabel: party),
                          let other = context.document(kind: "plan", number: number) else { continue }
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
