/// The raw text of a file with its lines, split the way cmark-gfm splits them (LF, CRLF or CR).
///
/// Extractors look at raw lines only for IDs inside text the AST has already located; structure always
/// comes from the parse.
public struct SourceText: Sendable {
    public let text: String
    /// Byte offsets (UTF-8) where each line starts; a line's content excludes its line ending.
    private let lineRanges: [Range<String.Index>]

    /// The byte offsets where each line starts and where its content ends (before LF, CRLF or CR); an empty
    /// text, or one that does not end with a line ending, has a last line of its own.
    static func lineBounds<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> [(start: Int, end: Int)]
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var bounds: [(start: Int, end: Int)] = []
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                bounds.append((lineStart, index))
                index += byte == 0x0D && index + 1 < bytes.endIndex && bytes[index + 1] == 0x0A ? 2 : 1
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart != bytes.endIndex || bounds.isEmpty { bounds.append((lineStart, bytes.endIndex)) }
        return bounds
    }

    /// `lineBounds` of UTF-8 text; text without a carriage return (nearly all) is split with `memchr` at each
    /// line feed instead of a test per byte.
    static func lineBounds(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)] {
        guard !ByteSearch.contains(bytes, byte: 0x0D) else { return lineBounds(bytes) }
        var bounds: [(start: Int, end: Int)] = []
        var lineStart = 0
        while let newline = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: lineStart) {
            bounds.append((lineStart, newline))
            lineStart = newline + 1
        }
        if lineStart != bytes.count || bounds.isEmpty { bounds.append((lineStart, bytes.count)) }
        return bounds
    }

    public init(_ text: String) {
        // Scan the bytes with integer offsets, then turn each offset into an index once: stepping a
        // String.Index byte by byte costs several times more.
        var text = text
        let bounds = text.withUTF8 { Self.lineBounds(utf8: $0) }
        self.text = text
        let utf8 = text.utf8
        self.lineRanges = bounds.map { bound in
            utf8.index(utf8.startIndex, offsetBy: bound.start)..<utf8.index(utf8.startIndex, offsetBy: bound.end)
        }
    }

    /// The number of lines.
    public var lineCount: Int { lineRanges.count }

    /// Line `number` (1-based) without its ending, or nil when out of range.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineRanges.count else { return nil }
        return text[lineRanges[number - 1]]
    }

    /// The 1-based code-point columns of 1-based UTF-8 byte `columns` on line `number`, in one walk of the line
    /// however many columns there are (a hostile line holds thousands of findings). A column inside a character
    /// counts that character; one past the line's end counts the whole line. Nil when there is no such line.
    public func codePointColumns(line number: Int, utf8Columns columns: [Int]) -> [Int]? {
        guard var line = line(number).map(String.init) else { return nil }
        let order = columns.indices.sorted { columns[$0] < columns[$1] }
        var found = columns
        line.withUTF8 { bytes in
            var offset = 0
            var scalars = 0
            for position in order {
                let target = min(max(0, columns[position] - 1), bytes.count)
                while offset < target {
                    // Every byte but a continuation byte starts a code point.
                    if bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
                    offset += 1
                }
                found[position] = scalars + 1
            }
        }
        return found
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
