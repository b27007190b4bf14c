/// An ID defined more than once.
struct DuplicateDefinitionRule: Rule {
    let description = RuleDescription(
        id: "ids/duplicate-definition", severity: .error,
        summary: "an ID (plan, spec, ADR, invariant, CP, task, NS entry, BL item, error code) is defined twice",
        help: """
        References to a duplicated ID are ambiguous. Renumber one definition (IDs are never reused) and update
        the references that meant it. Plan-local task IDs (`T5.1`) are checked per plan.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        let definitions = context.definitions
        var hits: [RuleHit] = []
        for (family, ids) in definitions.families.sorted(by: { $0.key < $1.key }) where family != "next-step-member" {
            for id in ids {
                let sites = definitions.sites[id] ?? []
                guard sites.count > 1, let first = sites.first else { continue }
                for site in sites.dropFirst() {
                    hits.append(RuleHit(path: site.path, line: site.line,
                                        message: "\(id) is defined again (first at \(first.path):\(first.line))",
                                        subject: id, related: [first.path]))
                }
            }
        }
        return hits
    }
}
