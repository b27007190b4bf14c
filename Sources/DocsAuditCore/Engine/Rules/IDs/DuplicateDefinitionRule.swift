/// An ID defined more than once.
struct DuplicateDefinitionRule: Rule {
    let description = RuleDescription(
        id: "ids/duplicate-definition", severity: .error,
        summary: "an ID of a family with `defined` (plan, spec, ADR, invariant, CP, task, NS entry, BL item, …) is "
            + "defined twice",
        help: """
        References to a duplicated ID are ambiguous. Renumber one definition (IDs are never reused) and update
        the references that meant it. IDs of a `local` family (plan-local task IDs such as `T5.1`) are checked per
        file; the members of a range definition (`X-17..X-21`) are not checked. Where IDs are defined is the
        profile's `ids.<family>.defined`.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        let definitions = context.definitions
        var hits: [RuleHit] = []
        for (_, keys) in definitions.families.sorted(by: { $0.key < $1.key }) {
            for key in keys {
                let sites = definitions.sites[key] ?? []
                guard sites.count > 1, let first = sites.first else { continue }
                let id = key.split(separator: "\u{0}", omittingEmptySubsequences: false).last.map(String.init) ?? key
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
