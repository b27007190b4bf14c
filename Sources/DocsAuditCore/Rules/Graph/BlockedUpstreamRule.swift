/// A `blocked` node whose every upstream is completed.
struct BlockedUpstreamRule: Rule {
    let description = RuleDescription(
        id: "graph/blocked-without-open-upstream", severity: .warning,
        summary: "a blocked node's upstreams are all completed",
        help: """
        Nothing in the graph blocks it any more: promote it (Status `todo`, `:::ready`) or draw the edge to what
        really blocks it. Nodes with no upstream edge are not checked (they may be blocked on something outside
        the graph).
        """,
        failing: "NS03[…]:::blocked with NS02[…]:::completed and NS02 --> NS03",
        passing: "NS03[…]:::ready with NS02[…]:::completed and NS02 --> NS03")

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = NextStepsView(context) else { return [] }
        return view.graph.nodes.compactMap { node -> RuleHit? in
            guard node.className == view.settings.blockedClass,
                  let edges = view.upstreams[node.id], !edges.isEmpty,
                  edges.allSatisfy({ view.isSatisfied($0.from) }) else { return nil }
            return RuleHit(path: view.model.path, line: node.declarationLines.first ?? node.line,
                           message: "\(node.id) is :::\(view.settings.blockedClass) but all its upstreams (\(edges.map(\.from).joined(separator: ", "))) are completed",
                           subject: node.id)
        }
    }
}
