/// An edge endpoint that the graph never declares.
struct DanglingEdgeRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/dangling-edge", severity: .error,
        summary: "an edge names a node the graph never declares",
        help: """
        In a graph that declares its nodes (`NS01[label]`), an edge to an undeclared ID draws a bare box: usually
        a typo or a node that was deleted. Declare the node, or fix the edge. Graphs that declare no node at all
        (edge-only sketches) are not checked. Only the flowcharts the profile declares (`graphs:`) are checked.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        context.model.declaredDiagrams.flatMap { diagram -> [RuleHit] in
            let graph = diagram.graph
            guard graph.nodes.contains(where: { !$0.declarationLines.isEmpty }) else { return [] }
            let declared = Set(graph.nodes.filter { !$0.declarationLines.isEmpty }.map(\.id))
            return graph.edges.flatMap { edge -> [RuleHit] in
                [edge.from, edge.to].filter { !declared.contains($0) }.map { missing in
                    RuleHit(path: diagram.path, line: edge.line,
                            message: "edge \(edge.from) \(edge.arrow) \(edge.to): \(missing) is not declared in the graph",
                            subject: "\(edge.from)->\(edge.to)")
                }
            }
        }
    }
}
