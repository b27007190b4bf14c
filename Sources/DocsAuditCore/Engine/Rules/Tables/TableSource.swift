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

    /// Cells in a raw row: unescaped pipes, less the optional leading and trailing ones (bytes, not
    /// characters: a pipe and a backslash are ASCII). A pipe inside a code span separates cells too, as on
    /// GitHub.
    static func cellCount(_ line: Substring) -> Int { cells(line).count }

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
    /// least one pipe and one dash.
    static func looksLikeDelimiter(_ line: Substring) -> Bool {
        let text = stripped(line)
        return text.contains("|") && text.contains("-")
            && text.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
    }

    /// Code spans on `line` that hold an unescaped `|`, as written (backticks included).
    static func codeSpansWithPipes(_ line: Substring) -> [Substring] {
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
