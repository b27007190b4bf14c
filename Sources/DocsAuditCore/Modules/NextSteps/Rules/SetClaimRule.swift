/// Prose that claims a derived set (`the ready set is now …`) disagreeing with the graph.
struct SetClaimRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/set-claim", severity: .error,
        summary: "a sentence claiming the ready/blocked/completed set disagrees with the graph",
        help: """
        A sentence claiming a set (graph.set-claim: the ready set is now …, with an optional `(N items)`) must
        list exactly the next-steps entries whose derived state is that set (from each entry's Status and its
        upstreams), and a stated count must match. A range of two entry IDs stands for every ID between its
        bounds. A list with a piece that is neither an ID nor a range is reported as unreadable, not as a
        wrong set. `docs-audit sync` rewrites the ready-set sentence.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = context.nextStepsView else { return [] }
        var hits: [RuleHit] = []
        for claim in view.model.setClaims {
            if let piece = claim.unreadable {
                // A list the parser cannot read says nothing about the set: never report it as a wrong set.
                hits.append(RuleHit(path: claim.path, line: claim.line,
                                    message: "cannot read the claimed \(claim.set) set `\(claim.text ?? "")`: "
                                        + "`\(piece)` is not a next-step ID or a range of them",
                                    subject: "\(claim.set)-set-unreadable"))
                continue
            }
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
