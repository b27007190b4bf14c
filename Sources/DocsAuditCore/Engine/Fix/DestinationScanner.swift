/// Reads link destinations from a document's raw lines for `LinkDestinations`: which lines can hold a link
/// (prose lines, never code, HTML or front matter) and which hold a link reference definition (outside any
/// paragraph, or among the definitions a paragraph starts with: cmark-gfm takes those out of it).
struct DestinationScanner {
    /// Per line: 1 prose, 2 code, HTML or front matter, 4 a definition a paragraph starts with.
    private var marks: [UInt8]

    /// The marks of `markdown`'s lines; `frontMatter`: the parse saw front matter at the top as blank lines.
    init(_ markdown: MarkdownDocument, frontMatter: Bool) {
        let source = markdown.source
        var marks = [UInt8](repeating: 0, count: source.lineCount + 2)
        func mark(_ range: ClosedRange<Int>, _ value: UInt8) {
            let low = max(1, range.lowerBound)
            let high = min(marks.count - 1, range.upperBound)
            guard low <= high else { return }
            for number in low...high { marks[number] |= value }
        }
        if frontMatter, let closing = FrontMatter.closingLine(in: source) { mark(1...closing, 2) }
        for block in markdown.allBlocks {
            let range = block.range.start.line...max(block.range.start.line, block.range.end.line)
            switch block.kind {
            case .paragraph:
                mark(range, 1)
                for number in range {
                    guard let line = source.line(number), Self.definition(line, number: number) != nil else { break }
                    mark(number...number, 4)
                }
            case .heading, .tableRow: mark(range, 1)
            case .codeBlock, .htmlBlock: mark(range, 2)
            default: continue
            }
        }
        self.marks = marks
    }

    /// Whether line `number` holds a link reference definition if it reads as one.
    func isDefinition(_ number: Int) -> Bool {
        guard marks.indices.contains(number) else { return false }
        return marks[number] & 2 == 0 && (marks[number] & 1 == 0 || marks[number] & 4 != 0)
    }

    /// Whether line `number` can hold an inline link.
    func isInline(_ number: Int) -> Bool {
        marks.indices.contains(number) && marks[number] & 2 == 0 && marks[number] & 1 != 0
    }

    /// The normalized label and the destination's place of a `[label]: destination` line.
    static func definition(_ line: Substring, number: Int) -> (String, LinkDestinations.Place)? {
        line.withLineBytes { bytes -> (String, LinkDestinations.Place)? in
            guard let found = ReferenceLinks.definition(bytes, number: number) else { return nil }
            // After `[label]:` and the white space ReferenceLinks skipped too.
            var index = found.column - 1 + found.written.utf8.count + 1
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            guard let place = destination(bytes, at: index, number: number) else { return nil }
            return (found.label, place)
        }
    }

    /// Every `](destination` on a line, outside code spans and escapes.
    static func inlinePlaces(_ line: Substring, number: Int) -> [LinkDestinations.Place] {
        line.withLineBytes { bytes in
            guard bytes.count > 1 else { return [] }
            let spans = bytes.contains(UInt8(ascii: "`")) ? CodeSpans.ranges(in: bytes) : []
            var places: [LinkDestinations.Place] = []
            var index = 0
            while index + 1 < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: "("),
                      !CodeSpans.contains(spans, column: index + 1) else {
                    index += 1
                    continue
                }
                var start = index + 2
                while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
                if let place = destination(bytes, at: start, number: number) { places.append(place) }
                index += 2
            }
            return places
        }
    }

    /// The destination written at byte `index`: `<…>` (no line ending, `\>` escaped) or a run of bytes other
    /// than white space and controls, its parentheses balanced (CommonMark); nil when none is written there.
    private static func destination(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int,
                                    number: Int) -> LinkDestinations.Place? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "<") {
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "<") {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ">"), end > index + 1 else { return nil }
            return LinkDestinations.Place(line: number, column: index + 2,
                                          raw: String(decoding: bytes[(index + 1)..<end], as: UTF8.self), angled: true)
        }
        var end = index
        var depth = 0
        while end < bytes.count, bytes[end] > 0x20, bytes[end] != 0x7F {
            if bytes[end] == UInt8(ascii: "\\"), end + 1 < bytes.count, bytes[end + 1] > 0x20 {
                end += 2
                continue
            }
            if bytes[end] == UInt8(ascii: "(") { depth += 1 }
            if bytes[end] == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
            }
            end += 1
        }
        guard end > index else { return nil }
        return LinkDestinations.Place(line: number, column: index + 1,
                                      raw: String(decoding: bytes[index..<min(end, bytes.count)], as: UTF8.self),
                                      angled: false)
    }

    /// The destination `place` reads as (backslash escapes of ASCII punctuation taken out, as cmark-gfm does);
    /// nil when it holds a character reference (`&amp;`), which this does not decode.
    static func cooked(_ place: LinkDestinations.Place) -> String? {
        let bytes = Array(place.raw.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), bytes[(index + 1)...].contains(UInt8(ascii: ";")) { return nil }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, isASCIIPunctuation(bytes[index + 1]) {
                out.append(bytes[index + 1])
                index += 2
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
