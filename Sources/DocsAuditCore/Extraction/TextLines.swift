/// The source lines that hold prose: lines of paragraphs, headings and table rows, never of code or
/// HTML blocks. ID and cite scanners read these raw lines (escapes such as `I-024-\*` intact).
enum TextLines {
    static func of(_ markdown: MarkdownDocument) -> [Int] {
        var lines = Set<Int>()
        for block in markdown.allBlocks {
            switch block.kind {
            case .paragraph, .heading, .tableRow:
                for line in block.range.lines { lines.insert(line) }
            default:
                continue
            }
        }
        return lines.sorted()
    }
}
