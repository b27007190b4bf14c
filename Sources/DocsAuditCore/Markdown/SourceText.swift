/// The raw text of a file with its lines, split the way cmark-gfm splits them (LF, CRLF or CR).
///
/// Extractors look at raw lines only for IDs inside text the AST has already located; structure always
/// comes from the parse.
public struct SourceText: Sendable {
    public let text: String
    /// Byte offsets (UTF-8) where each line starts; a line's content excludes its line ending.
    private let lineRanges: [Range<String.Index>]

    public init(_ text: String) {
        self.text = text
        var ranges: [Range<String.Index>] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                ranges.append(lineStart..<index)
                var next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                index = next
                lineStart = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if lineStart != utf8.endIndex || ranges.isEmpty { ranges.append(lineStart..<utf8.endIndex) }
        self.lineRanges = ranges
    }

    /// The number of lines.
    public var lineCount: Int { lineRanges.count }

    /// Line `number` (1-based) without its ending, or nil when out of range.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineRanges.count else { return nil }
        return text[lineRanges[number - 1]]
    }

    /// Lines `range` (1-based, clamped to the file) joined with "\n".
    public func lines(_ range: ClosedRange<Int>) -> [Substring] {
        let low = max(1, range.lowerBound)
        let high = min(lineRanges.count, range.upperBound)
        guard low <= high else { return [] }
        return (low...high).map { text[lineRanges[$0 - 1]] }
    }

    /// Whether line `number` exists and holds something other than white space.
    public func isBlank(_ number: Int) -> Bool {
        guard let line = line(number) else { return true }
        return line.allSatisfy { $0 == " " || $0 == "\t" }
    }
}
