/// A `blocked` node whose every upstream is completed.
struct BlockedUpstreamRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/blocked-without-open-upstream", severity: .warning,
        summary: "a blocked node's upstreams are all completed",
        help: """
        Nothing in the graph blocks it any more: promote it (`:::ready`) or draw the edge to what really blocks
        it. A node whose entry says `blocked` with no upstream edge is not checked (it may wait on something
        outside the graph); one whose entry says `todo` is, since `todo` with nothing open means ready.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = context.nextStepsView else { return [] }
        return view.graph.nodes.compactMap { node -> RuleHit? in
            guard node.className == view.settings.blockedClass else { return nil }
            let edges = view.upstreams[node.id] ?? []
            guard edges.allSatisfy({ view.isSatisfied($0.from) }) else { return nil }
            let status = view.entryByNode[node.id]?.status
            guard !edges.isEmpty || status == "todo" else { return nil }
            let reason = edges.isEmpty ? "it has no upstream and its entry says `todo`"
                : "all its upstreams (\(edges.map(\.from).joined(separator: ", "))) are completed"
            return RuleHit(path: view.model.path, line: node.declarationLines.first ?? node.line,
                           message: "\(node.id) is :::\(view.settings.blockedClass) but \(reason)", subject: node.id)
        }
    }
}
