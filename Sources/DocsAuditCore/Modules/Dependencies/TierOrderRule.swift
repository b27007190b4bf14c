/// A plan whose upstream sits in a later tier, or a plan placed in no tier.
struct TierOrderRule: ModuleRule {
    let module = ProfileModule.dependencies
    let description = RuleDescription(
        id: "deps/tier-order", severity: .error,
        summary: "a plan depends on a plan in a later tier, or is placed in no tier",
        help: """
        Every upstream in the inter-plan dependency table (§3) must sit in the same or an earlier tier of the
        build order (§5) than the plan that needs it, unless a carve-out subsection covers the pair (a plan split
        into a partial and a remainder counts from its earliest slice). Every plan is placed in a tier.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        let dependencies = context.model.dependencies
        guard let path = dependencies.path, !dependencies.tiers.isEmpty else { return [] }
        var earliest: [String: Int] = [:]
        var latest: [String: Int] = [:]
        for tier in dependencies.tiers {
            for placement in tier.plans {
                earliest[placement.plan] = min(earliest[placement.plan] ?? .max, tier.tier)
                latest[placement.plan] = max(latest[placement.plan] ?? .min, tier.tier)
            }
        }
        // A carve-out covers a pair when it names both plans (a co-dependency), or names the upstream alone
        // (its slice carved out to an earlier tier).
        let pairs = Set(dependencies.carveOuts.filter { $0.plans.count > 1 }.map { Set($0.plans) })
        let carvedUpstreams = Set(dependencies.carveOuts.filter { $0.plans.count == 1 }.flatMap(\.plans))
        var hits: [RuleHit] = []
        for row in dependencies.rows {
            guard let own = latest[row.plan] else { continue }
            for upstream in row.upstream {
                guard let needed = earliest[upstream], needed > own else { continue }
                if pairs.contains([row.plan, upstream]) || carvedUpstreams.contains(upstream) { continue }
                hits.append(RuleHit(path: path, line: row.line,
                                    message: "\(row.plan) (tier \(own)) depends on \(upstream), which is not built before tier \(needed)",
                                    subject: "\(row.plan)->\(upstream)"))
            }
        }
        let tierLine = dependencies.tiers.first?.line ?? 1
        for document in context.model.documents where document.kind == "plan" {
            guard let number = document.number else { continue }
            let label = context.profile.label(kind: document.kind, number: number)
            guard earliest[label] == nil else { continue }
            hits.append(RuleHit(path: path, line: tierLine,
                                message: "\(label) is placed in no tier of the build order", subject: label,
                                related: [document.path]))
        }
        return hits
    }
}
