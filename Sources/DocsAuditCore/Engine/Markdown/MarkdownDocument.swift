/// One parsed Markdown file: its blocks, its raw lines, and the sections its headings make.
public struct MarkdownDocument: Sendable {
    /// The path relative to the corpus root, with `/` separators.
    public let path: String
    public let source: SourceText
    public let blocks: [Block]
    public let sections: [Section]
    /// Every block, containers before their children, in document order.
    public let allBlocks: [Block]
    /// The lines that hold prose — lines of paragraphs, headings and table rows, never of code or HTML
    /// blocks — in order. ID, cite and tag scanners read these raw lines (escapes such as `I-024-\*` intact).
    public let proseLines: [Int]
    /// The innermost section of each line (index 0 unused; -1 before the first heading).
    private let sectionByLine: [Int32]
    /// Problems met while parsing (nesting flattened); the lint command turns them into findings.
    public let parseProblems: [ParseProblem]

    /// Parses `text` once with cmark-gfm and builds the section outline. With `frontMatter`, YAML front matter
    /// at the top is parsed as blank lines (`FrontMatter`); `source` keeps it.
    public init(path: String, text: String, frontMatter: Bool = false) {
        self.path = path
        self.source = SourceText(text)
        let output = CmarkBridge.parse(frontMatter ? FrontMatter.blanked(text, source: source) : text)
        self.blocks = output.blocks
        self.sections = Section.outline(of: output.blocks, lineCount: source.lineCount)
        // The walk lists every block as it goes (the order `flatten` gives, which tests hold it to).
        self.allBlocks = output.allBlocks
        // A flag per line rather than a set of line numbers: no hashing, and the lines come out in order.
        let lastLine = allBlocks.reduce(source.lineCount) { max($0, $1.range.lines.upperBound) }
        var isProse = [Bool](repeating: false, count: lastLine + 1)
        var proseCount = 0
        for block in allBlocks {
            switch block.kind {
            case .paragraph, .heading, .tableRow:
                for line in block.range.lines where line >= 0 && line < isProse.count && !isProse[line] {
                    isProse[line] = true
                    proseCount += 1
                }
            default: continue
            }
        }
        var prose: [Int] = []
        prose.reserveCapacity(proseCount)
        for line in isProse.indices where isProse[line] { prose.append(line) }
        self.proseLines = prose
        var byLine = [Int32](repeating: -1, count: source.lineCount + 1)
        // Sections come in source order and an inner section starts after its parent, so the last
        // writer of a line is its innermost section.
        for section in sections {
            for line in section.range.lines where line < byLine.count { byLine[line] = Int32(section.index) }
        }
        self.sectionByLine = byLine
        if let line = output.flattenedAtLine {
            self.parseProblems = [ParseProblem(
                line: line, message: "nesting deeper than \(CmarkBridge.maxDepth) levels is flattened")]
        } else {
            self.parseProblems = []
        }
    }

    /// Every block, containers before their children, in document order: one walk with one stack (depth costs no
    /// call stack), as `Block.descendantsAndSelf` of each top-level block would list them.
    static func flatten(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        var stack: [Block] = blocks.reversed()
        while let block = stack.popLast() {
            out.append(block)
            if !block.children.isEmpty { stack.append(contentsOf: block.children.reversed()) }
        }
        return out
    }

    /// The innermost section containing `line`, if any.
    public func section(containing line: Int) -> Section? {
        guard line >= 0, line < sectionByLine.count else { return nil }
        let index = Int(sectionByLine[line])
        return sections.indices.contains(index) ? sections[index] : nil
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
