/// Writes a `MermaidGraph` back as flowchart text that `MermaidParser` reads to the same graph (labels
/// are quoted, so brackets and arrows inside them survive).
public enum MermaidPrinter {
    public static func print(_ graph: MermaidGraph) -> String {
        var lines = ["\(graph.keyword)" + (graph.direction.isEmpty ? "" : " \(graph.direction)")]
        let opener: [String: (String, String)] = [
            "rectangle": ("[", "]"), "round": ("(", ")"), "rhombus": ("{", "}"), "circle": ("((", "))"),
            "double-circle": ("(((", ")))"), "stadium": ("([", "])"), "subroutine": ("[[", "]]"), "cylinder": ("[(", ")]"),
            "hexagon": ("{{", "}}"), "parallelogram": ("[/", "/]"), "parallelogram-alt": ("[\\", "\\]"), "asymmetric": (">", "]"),
        ]
        for node in graph.nodes {
            var line = "  \(node.id)"
            if let shape = node.shape, let (open, close) = opener[shape] {
                line += "\(open)\"\(node.label ?? "")\"\(close)"
            }
            lines.append(line)
        }
        for edge in graph.edges {
            let label = edge.label.map { "|\($0)|" } ?? ""
            lines.append("  \(edge.from) \(edge.arrow)\(label) \(edge.to)")
        }
        for assignment in graph.classAssignments { lines.append("  class \(assignment.node) \(assignment.className)") }
        for style in graph.styles { lines.append("  style \(style.node) \(style.style)") }
        for classDef in graph.classDefs { lines.append("  classDef \(classDef.name) \(classDef.style)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
