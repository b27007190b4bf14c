/// A heading and everything up to the next heading of the same or a higher level.
///
/// cmark's tree is flat: sections are derived from top-level headings. A `#### Tasks` section therefore
/// keeps its `#####` task headings inside it, and ends at the next `####` (or higher) heading.
public struct Section: Sendable {
    /// Position among the document's sections, in source order.
    public let index: Int
    public let level: Int
    /// The heading's visible text.
    public let title: String
    /// The anchor GitHub renders for this heading (duplicates suffixed `-1`, `-2`, …).
    public let slug: String
    /// From the heading line to the last line before the next heading of level ≤ `level`.
    public let range: SourceRange
    /// The enclosing section's index.
    public let parent: Int?
    /// Indices of the document's top-level blocks inside this section, the heading excluded.
    public let blockIndices: Range<Int>

    public var headingLine: Int { range.start.line }

    /// Builds the outline of a document from its top-level blocks.
    static func outline(of blocks: [Block], lineCount: Int) -> [Section] {
        var slugger = Slugger()
        var headings: [(block: Int, level: Int, title: String, line: Int)] = []
        for (index, block) in blocks.enumerated() {
            if let level = block.headingLevel {
                headings.append((index, level, block.plainText, block.range.start.line))
            }
        }
        var sections: [Section] = []
        sections.reserveCapacity(headings.count)
        var openStack: [Int] = []  // indices of sections still open, outermost first
        for (position, heading) in headings.enumerated() {
            var endLine = lineCount
            var endBlock = blocks.count
            for later in headings[(position + 1)...] where later.level <= heading.level {
                endLine = max(heading.line, later.line - 1)
                endBlock = later.block
                break
            }
            while let last = openStack.last, sections[last].level >= heading.level { openStack.removeLast() }
            sections.append(Section(
                index: sections.count, level: heading.level, title: heading.title,
                slug: slugger.slug(for: heading.title),
                range: SourceRange(lines: heading.line, endLine), parent: openStack.last,
                blockIndices: (heading.block + 1)..<max(heading.block + 1, endBlock)))
            openStack.append(sections.count - 1)
        }
        return sections
    }
}
