/// Every fenced `mermaid` block whose first statement is a flowchart header, marked declared when it stands in
/// one of the places the profile's `graphs:` names.
enum DiagramExtractor {
    static func extract(_ context: DocumentContext) -> [Diagram] {
        context.markdown.allBlocks.compactMap { block in
            guard block.codeLanguage == "mermaid" else { return nil }
            let firstStatement = block.literal.split(separator: "\n").map { $0.trimmed }
                .first { !$0.isEmpty && !$0.hasPrefix("%%") } ?? ""
            guard firstStatement.hasPrefix("graph") || firstStatement.hasPrefix("flowchart") else { return nil }
            let graph = MermaidParser.parse(block.literal, firstLine: block.contentStartLine)
            let line = block.range.start.line
            return Diagram(path: context.path, line: line, section: context.sectionTitle(at: line),
                           declared: isDeclared(line: line, context: context), graph: graph)
        }
    }

    /// Whether the flowchart at `line` lies in a place `graphs:` declares.
    private static func isDeclared(line: Int, context: DocumentContext) -> Bool {
        let places = context.profile.graphs
        guard !places.isEmpty else { return false }
        let headings = context.markdown.sectionPath(containing: line).map(\.title)
        return places.contains { $0.contains(path: context.path, kind: context.document.kind, headings: headings) }
    }
}
