/// One parsed Markdown file: its blocks, its raw lines, and the sections its headings make.
public struct MarkdownDocument: Sendable {
    /// The path relative to the corpus root, with `/` separators.
    public let path: String
    public let source: SourceText
    public let blocks: [Block]
    public let sections: [Section]
    /// Problems met while parsing (nesting flattened); the lint command turns them into findings.
    public let parseProblems: [ParseProblem]

    /// Parses `text` once with cmark-gfm and builds the section outline.
    public init(path: String, text: String) {
        self.path = path
        self.source = SourceText(text)
        let output = CmarkBridge.parse(text)
        self.blocks = output.blocks
        self.sections = Section.outline(of: output.blocks, lineCount: source.lineCount)
        if let line = output.flattenedAtLine {
            self.parseProblems = [ParseProblem(
                line: line, message: "nesting deeper than \(CmarkBridge.maxDepth) levels is flattened")]
        } else {
            self.parseProblems = []
        }
    }

    /// The innermost section containing `line`, if any.
    public func section(containing line: Int) -> Section? {
        var best: Section?
        for section in sections where section.range.contains(line: line) {
            if best == nil || section.level > (best?.level ?? 0) { best = section }
        }
        return best
    }

    /// The chain of sections containing `line`, outermost first.
    public func sectionPath(containing line: Int) -> [Section] {
        sections.filter { $0.range.contains(line: line) }.sorted { $0.level < $1.level }
    }

    /// Top-level blocks whose start line lies within `range`.
    public func blocks(in range: SourceRange) -> [Block] {
        blocks.filter { range.contains(line: $0.range.start.line) }
    }
}

/// Something the parser could not represent faithfully, kept with its line.
public struct ParseProblem: Sendable, Codable, Hashable {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}
