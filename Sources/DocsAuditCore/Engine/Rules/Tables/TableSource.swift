/// Raw source lines of pipe tables, read the way GitHub's cmark-gfm splits them into cells.
///
/// cmark-gfm pads or drops cells to the header's width and gives no table to a header and delimiter whose
/// cell counts differ, so every table check counts on the raw lines.
enum TableSource {
    /// The line numbers of a recognised table's header and body rows. cmark-gfm gives the header row of a
    /// table that follows a paragraph line the paragraph's start line, so the header is taken as the line
    /// before the delimiter row, which is the line before the first body row.
    static func rowLines(of table: Block) -> (header: Int, body: [Int])? {
        let rows = table.tableRows
        guard let header = rows.first else { return nil }
        let body = rows.dropFirst().map(\.range.start.line)
        guard let first = body.first else { return (header.range.start.line, []) }
        return (first >= 3 ? first - 2 : header.range.start.line, body)
    }

    /// A body row of a recognised table: its line, its raw text, its cell count and its header's.
    struct RowCount {
        let line: Int
        let raw: Substring
        let count: Int
        let expected: Int
    }

    /// Every body row of `markdown`'s recognised tables, counted.
    static func rowCounts(_ markdown: MarkdownDocument) -> [RowCount] {
        var rows: [RowCount] = []
        let source = markdown.source
        for table in markdown.allBlocks where table.isTable {
            guard let lines = rowLines(of: table), let headerLine = source.line(lines.header) else { continue }
            let expected = cellCount(headerLine)
            for line in lines.body {
                guard let raw = source.line(line) else { continue }
                rows.append(RowCount(line: line, raw: raw, count: cellCount(raw), expected: expected))
            }
        }
        return rows
    }

    /// Cells in a raw row: unescaped pipes, less the optional leading and trailing ones (bytes, not
    /// characters: a pipe and a backslash are ASCII). A pipe inside a code span separates cells too, as on
    /// GitHub.
    /// Counted on the bytes; read character by character (as `cells` does) only when a byte that matters joins
    /// a neighbouring scalar into one character, such as a `|` followed by a combining accent.
    static func cellCount(_ line: Substring) -> Int {
        let counted = line.utf8.withContiguousStorageIfAvailable { byteCellCount($0) }
            ?? Array(line.utf8).withUnsafeBufferPointer { byteCellCount($0) }
        return counted ?? cells(line).count
    }

    /// `cellCount` on the bytes of a line, or nil when a space, tab, `>`, `\\` or `|` is not a character of its
    /// own there (then a byte count could differ from the character count).
    static func byteCellCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), quote = UInt8(ascii: ">")
        let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
        for (index, byte) in bytes.enumerated()
        where byte == pipe || byte == backslash || byte == space || byte == tab || byte == quote {
            if GraphemeJoin.joins(bytes, at: index) { return nil }
        }
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while start < end, bytes[start] == quote {
            start += 1
            while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        guard start < end else { return 1 }
        var pieces = 1
        var index = start
        while index < end {
            if bytes[index] == backslash {
                index += 2
                continue
            }
            if bytes[index] == pipe { pieces += 1 }
            index += 1
        }
        if bytes[start] == pipe, pieces > 1 { pieces -= 1 }
        if bytes[end - 1] == pipe, pieces > 1 { pieces -= 1 }
        return pieces
    }

    /// The raw text of each cell of `line`, trimmed.
    static func cells(_ line: Substring) -> [String] {
        let text = stripped(line)
        guard !text.isEmpty else { return [""] }
        var pieces: [Substring] = []
        var cellStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if char == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if char == "|" {
                pieces.append(text[cellStart..<index])
                cellStart = text.index(after: index)
            }
            index = text.index(after: index)
        }
        pieces.append(text[cellStart..<text.endIndex])
        if text.first == "|", pieces.count > 1 { pieces.removeFirst() }
        if text.last == "|", pieces.count > 1 { pieces.removeLast() }
        return pieces.map { $0.trimmed }
    }

    /// `line` without white space around it and without block-quote markers before it.
    static func stripped(_ line: Substring) -> Substring {
        var text = line.drop { $0 == " " || $0 == "\t" }
        while text.first == ">" { text = text.dropFirst().drop { $0 == " " || $0 == "\t" } }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }

    /// Whether `cell` is a valid delimiter cell: dashes with optional colons at either end.
    static func isDelimiterCell(_ cell: String) -> Bool {
        var body = Substring(cell)
        if body.first == ":" { body = body.dropFirst() }
        if body.last == ":" { body = body.dropLast() }
        return !body.isEmpty && body.allSatisfy { $0 == "-" }
    }

    /// Whether `line` looks meant as a delimiter row: only pipes, dashes, colons and white space, with at
    /// least one pipe and one dash, after the white space and block-quote markers that lead it. Read on the
    /// bytes: any other byte, ASCII or not, makes a character that is none of these.
    static func looksLikeDelimiter(_ line: Substring) -> Bool {
        var leading = true
        var pipe = false
        var dash = false
        for byte in line.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            case UInt8(ascii: ">"): if !leading { return false }
            case UInt8(ascii: "|"): pipe = true
                leading = false
            case UInt8(ascii: "-"): dash = true
                leading = false
            case UInt8(ascii: ":"): leading = false
            default: return false
            }
        }
        return pipe && dash
    }

    /// Code spans on `line` that hold an unescaped `|`, as written (backticks included).
    static func codeSpansWithPipes(_ line: Substring) -> [Substring] {
        guard line.utf8.contains(UInt8(ascii: "`")) else { return [] }
        let text = String(line)
        let bytes = Array(text.utf8)
        return CodeSpans.ranges(in: text).compactMap { span in
            var index = span.lowerBound
            var found = false
            while index < span.upperBound {
                if bytes[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if bytes[index] == UInt8(ascii: "|") { found = true }
                index += 1
            }
            guard found else { return nil }
            let utf8 = line.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: span.lowerBound)
            let end = utf8.index(utf8.startIndex, offsetBy: span.upperBound)
            return line[start..<end]
        }
    }
}
