/// A table row with more or fewer cells than its header.
struct TableArityRule: DocumentRule {
    let description = RuleDescription(
        id: "tables/arity", severity: .warning,
        summary: "a table row has more or fewer cells than the header",
        help: """
        GitHub pads short rows and silently drops extra cells, so a stray `|` loses text. Counted on the raw row
        of a table cmark-gfm recognised; `\\|` is not a separator.
        """)

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        var hits: [RuleHit] = []
        let source = document.markdown.source
        for table in document.markdown.allBlocks where table.isTable {
            let rows = table.tableRows
            guard let header = rows.first, let headerLine = source.line(header.range.start.line) else { continue }
            let expected = Self.cellCount(headerLine)
            for row in rows.dropFirst() {
                guard let raw = source.line(row.range.start.line) else { continue }
                let count = Self.cellCount(raw)
                guard count != expected else { continue }
                hits.append(RuleHit(path: document.path, line: row.range.start.line,
                                    message: "row has \(count) cells, the header \(expected)",
                                    subject: "row:\(String(raw.prefix(40)).trimmed)"))
            }
        }
        return hits
    }

    /// Cells in a raw row: unescaped pipes, less the optional leading and trailing ones (bytes, not
    /// characters: a pipe and a backslash are ASCII).
    static func cellCount(_ line: Substring) -> Int {
        let bytes = Array(line.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return 1 }
        var pipes: [Int] = []
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "|") { pipes.append(index) }
            index += 1
        }
        var count = pipes.count + 1
        let leading = pipes.first == start
        if leading { count -= 1 }
        if let last = pipes.last, last == end - 1, !(leading && pipes.count == 1) { count -= 1 }
        return max(count, 1)
    }
}

import Foundation
