/// A `ready` node that still waits on an upstream.
struct ReadyUpstreamRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/ready-with-open-upstream", severity: .error,
        summary: "a ready node has an upstream that is not completed",
        help: """
        An edge is a hard precondition: a node is ready only when every node with an edge into it is completed
        (a backlog node counts once its item is completed). Mark the node blocked, or finish the upstream.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = context.nextStepsView else { return [] }
        return view.graph.nodes.compactMap { node -> RuleHit? in
            guard node.className == view.settings.readyClass else { return nil }
            let open = (view.upstreams[node.id] ?? []).map(\.from).filter { !view.isSatisfied($0) }
            guard !open.isEmpty else { return nil }
            return RuleHit(path: view.model.path, line: node.declarationLines.first ?? node.line,
                           message: "\(node.id) is :::\(view.settings.readyClass) but its upstream \(open.joined(separator: ", ")) is not completed",
                           subject: node.id)
        }
    }
}
