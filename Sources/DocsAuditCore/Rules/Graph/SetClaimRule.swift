/// Prose that claims a derived set (`the ready set is now …`) disagreeing with the graph.
struct SetClaimRule: Rule {
    let description = RuleDescription(
        id: "graph/set-claim", severity: .error,
        summary: "a sentence claiming the ready/blocked/completed set disagrees with the graph",
        help: """
        Sentences such as `the ready set is now NS-03, NS-11 (2 items)`, `ready set (NS-03)` or
        `blocked set: {NS-06}` must list exactly the nodes whose derived state is that set (from each entry's
        Status and its upstreams), and a stated count must match. `docs-audit sync` rewrites the ready-set
        sentence.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = context.nextStepsView else { return [] }
        var hits: [RuleHit] = []
        for claim in view.model.setClaims {
            let className: String
            switch claim.set {
            case "ready": className = view.settings.readyClass
            case "blocked": className = view.settings.blockedClass
            default: className = view.settings.completedClass
            }
            let derived = Set(view.graph.nodes.filter { view.isNextStep($0.id) }.compactMap { node -> String? in
                let state = view.derivedClass(of: node.id) ?? node.className
                return state == className ? view.documentID(ofNode: node.id) : nil
            })
            let claimed = Set(claim.ids)
            let missing = derived.subtracting(claimed).sorted()
            let extra = claimed.subtracting(derived).sorted()
            if !missing.isEmpty || !extra.isEmpty {
                var parts: [String] = []
                if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
                if !extra.isEmpty { parts.append("not \(claim.set): \(extra.joined(separator: ", "))") }
                hits.append(RuleHit(path: claim.path, line: claim.line,
                                    message: "claimed \(claim.set) set \(claim.ids.joined(separator: ", ")) differs from the graph: \(parts.joined(separator: "; "))",
                                    subject: "\(claim.set)-set"))
            }
            if let count = claim.count, count != claim.ids.count {
                hits.append(RuleHit(path: claim.path, line: claim.line,
                                    message: "claimed \(claim.set) set says (\(count) items) but lists \(claim.ids.count)",
                                    subject: "\(claim.set)-set-count"))
            }
        }
        return hits
    }
}
