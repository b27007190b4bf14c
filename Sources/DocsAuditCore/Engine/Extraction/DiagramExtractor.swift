/// Every fenced `mermaid` block whose first statement is a flowchart header.
enum DiagramExtractor {
    static func extract(_ context: DocumentContext) -> [Diagram] {
        context.markdown.allBlocks.compactMap { block in
            guard block.codeLanguage == "mermaid" else { return nil }
            let firstStatement = block.literal.split(separator: "\n").map { $0.trimmed }
                .first { !$0.isEmpty && !$0.hasPrefix("%%") } ?? ""
            guard firstStatement.hasPrefix("graph") || firstStatement.hasPrefix("flowchart") else { return nil }
            let graph = MermaidParser.parse(block.literal, firstLine: block.contentStartLine)
            return Diagram(path: context.path, line: block.range.start.line,
                           section: context.sectionTitle(at: block.range.start.line), graph: graph)
        }
    }
}
