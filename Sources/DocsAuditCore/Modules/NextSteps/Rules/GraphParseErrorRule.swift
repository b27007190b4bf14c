/// A Mermaid statement that does not parse.
struct GraphParseErrorRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/parse-error", severity: .error,
        summary: "a Mermaid flowchart statement does not parse",
        help: """
        The statement is kept out of the graph, so every check over that graph may be wrong. Fix the syntax:
        close labels (`NS01[label]`), use a known arrow (`-->`, `---`, `-.->`, `==>`), close subgraphs with `end`.
        Only the flowcharts the profile declares (`graphs:`) are checked.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        context.model.declaredDiagrams.flatMap { diagram in
            diagram.graph.problems.map { problem in
                RuleHit(path: diagram.path, line: problem.line,
                        message: "\(problem.message): `\(problem.statement)`", subject: problem.statement)
            }
        }
    }
}
