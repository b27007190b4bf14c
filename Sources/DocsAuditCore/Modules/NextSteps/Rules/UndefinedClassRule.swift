/// A class given to a node with no `classDef`.
struct UndefinedClassRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/undefined-class", severity: .warning,
        summary: "a node uses a class that no classDef defines",
        help: """
        The node renders unstyled, so its state is invisible. Add `classDef name …` or fix the class name.
        Only the flowcharts the profile declares (`graphs:`) are checked.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        context.model.declaredDiagrams.flatMap { diagram -> [RuleHit] in
            let defined = Set(diagram.graph.classDefs.map(\.name)).union(["default"])
            var seen = Set<String>()
            return diagram.graph.classAssignments.compactMap { assignment in
                guard !defined.contains(assignment.className), seen.insert(assignment.className).inserted else { return nil }
                return RuleHit(path: diagram.path, line: assignment.line,
                               message: "class `\(assignment.className)` (on \(assignment.node)) has no classDef",
                               subject: assignment.className)
            }
        }
    }
}
