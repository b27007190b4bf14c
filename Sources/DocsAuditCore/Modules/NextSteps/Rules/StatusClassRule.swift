/// A node's class disagreeing with its detail entry's Status.
struct StatusClassRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/status-class", severity: .error,
        summary: "a next-step node's class disagrees with its entry's Status",
        help: """
        The DAG and the detail entries are two views of one state. Status `completed` needs `:::completed`,
        `blocked` needs `:::blocked`, `in_progress` needs `:::ready`, `todo` takes `:::ready` or `:::blocked`
        (profile key graph.status-classes). `docs-audit sync` rewrites classes from the entries.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = context.nextStepsView else { return [] }
        return view.graph.nodes.compactMap { node -> RuleHit? in
            // An undeclared node (seen only in edges) is graph/dangling-edge's to report, not a class problem.
            guard !node.declarationLines.isEmpty, let entry = view.entryByNode[node.id], let status = entry.status,
                  let allowed = view.settings.statusClasses[status] else { return nil }
            let actual = node.className ?? "(none)"
            guard !allowed.contains(actual) else { return nil }
            return RuleHit(path: view.model.path, line: node.declarationLines.first ?? node.line,
                           message: "\(node.id) is :::\(actual) but \(entry.id) has Status `\(status)` (expected :::\(allowed.joined(separator: " or :::")))",
                           subject: node.id)
        }
    }
}
