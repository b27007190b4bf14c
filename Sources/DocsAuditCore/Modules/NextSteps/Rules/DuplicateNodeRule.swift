/// A node declared with a shape more than once.
struct DuplicateNodeRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/duplicate-node", severity: .error,
        summary: "a flowchart node is declared more than once",
        help: """
        Mermaid silently keeps one of the labels and classes, so the graph says something other than what the
        author read. Declare each node once; change its class in that one place.
        Only the flowcharts the profile declares (`graphs:`) are checked.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        context.model.declaredDiagrams.flatMap { diagram in
            diagram.graph.nodes.compactMap { node -> RuleHit? in
                guard node.declarationLines.count > 1, let first = node.declarationLines.first else { return nil }
                let again = node.declarationLines[1]
                return RuleHit(path: diagram.path, line: again,
                               message: "node \(node.id) is declared again (first at line \(first))", subject: node.id)
            }
        }
    }
}
