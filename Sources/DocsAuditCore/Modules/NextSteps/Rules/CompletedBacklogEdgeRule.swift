/// An edge from a backlog node whose item is completed.
struct CompletedBacklogEdgeRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/completed-backlog-edge", severity: .warning,
        summary: "a backlog node still gates a next step after its item was completed",
        help: """
        A backlog node (graph.backlog-node-id) may block only while the backlog item it stands for
        (graph.backlog-node-item-id) is open. Once the item is completed (or archived as completed), remove its
        edges (and the node), or reopen the item.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = context.nextStepsView else { return [] }
        return view.graph.edges.compactMap { edge -> RuleHit? in
            guard view.isBacklog(edge.from), view.isSatisfied(edge.from), let id = view.documentID(ofNode: edge.from) else { return nil }
            return RuleHit(path: view.model.path, line: edge.line,
                           message: "edge \(edge.from) --> \(edge.to): \(id) is completed, so it no longer blocks \(edge.to)",
                           subject: "\(edge.from)->\(edge.to)")
        }
    }
}
