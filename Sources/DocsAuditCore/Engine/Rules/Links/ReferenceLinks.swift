/// Reference-style links and their definitions, read from a document's raw lines (cmark-gfm resolves
/// references during the parse and keeps no trace of one that failed: `[text][rev-3]` with no
/// `[rev-3]: …` is plain text in the tree).
struct ReferenceLinks {
    /// A `[text][label]` or `[label][]` use, or a `[label]` shortcut (which only counts as a use).
    struct Use: Equatable {
        var label: String
        var line: Int
        var column: Int
        var written: String
        var shortcut: Bool
    }

    /// A `[label]: destination` definition.
    struct Definition: Equatable {
        var label: String
        var line: Int
        var column: Int
        var written: String
        /// The destination as written (`#summary`, `reviews/003.md`).
        var destination: String = ""

        /// `[summary]: #summary`, `[unresolved]: #unresolved-questions`: a label for a section of the same file,
        /// the idiom some templates put under every heading so that it can be cited by label; not a left-over.
        var isSectionLabel: Bool { destination.hasPrefix("#") }
    }

    var uses: [Use] = []
    var definitions: [Definition] = []

    /// Reads every line outside code and HTML blocks for definitions, and the lines of paragraphs, headings
    /// and table rows for uses; a line's bytes are read in place.
    init(_ document: ParsedDocument) {
        let source = document.markdown.source
        let lineCount = max(1, source.lineCount)
        // Per line: 1 when it holds text, 2 when it holds code (a code line is never read), 4 when a block of
        // text starts there.
        var marks = [UInt8](repeating: 0, count: lineCount + 1)
        for block in document.markdown.allBlocks {
            let mark: UInt8
            switch block.kind {
            case .paragraph, .heading, .tableRow: mark = 1
            case .codeBlock, .htmlBlock: mark = 2
            default: continue
            }
            let low = max(1, block.range.start.line)
            let high = min(lineCount, max(block.range.start.line, block.range.end.line))
            guard low <= high else { continue }
            for number in low...high { marks[number] |= mark }
            if mark == 1 { marks[low] |= 4 }
        }
        // A definition cannot interrupt a paragraph (CommonMark): `[x]: y` after a line of the paragraph's text
        // is text. Definitions only open one, before its first line of text.
        var afterText = false
        for number in 1...lineCount where marks[number] & 2 == 0 {
            guard let line = source.line(number) else { continue }
            let isText = marks[number] & 1 != 0
            if !isText || marks[number] & 4 != 0 { afterText = false }
            let interrupts = afterText
            let found: (Definition?, [Use]) = line.withLineBytes { bytes in
                if !interrupts, let definition = Self.definition(bytes, number: number) { return (definition, []) }
                return (nil, isText ? Self.uses(bytes, number: number) : [])
            }
            if let definition = found.0 { definitions.append(definition) } else if isText { afterText = true }
            uses += found.1
        }
    }

    /// Labels compare case-insensitively with runs of white space as one space (CommonMark).
    static func normalize<S: StringProtocol>(_ label: S) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// `[label]: destination` at the start of `line` (after up to three spaces or block-quote markers).
    static func definition(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) -> Definition? {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: ">") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count,
              bytes[index + 1] != UInt8(ascii: "^") else { return nil }
        let open = index
        guard let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "]")), close > open + 1,
              close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: ":"),
              !bytes[(open + 1)..<close].contains(UInt8(ascii: "[")) else { return nil }
        let rest = bytes[(close + 2)...].drop { $0 == 0x20 || $0 == 0x09 }
        guard !rest.isEmpty else { return nil }
        let label = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        let destination = rest.prefix { $0 != 0x20 && $0 != 0x09 }
        return Definition(label: normalize(label), line: number, column: open + 1,
                          written: String(decoding: bytes[open...close], as: UTF8.self),
                          destination: String(decoding: destination, as: UTF8.self))
    }

    /// The bracketed references on a text line, outside code spans.
    static func uses(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) -> [Use] {
        guard bytes.contains(UInt8(ascii: "[")) else { return [] }
        let spans = bytes.contains(UInt8(ascii: "`")) ? CodeSpans.ranges(in: bytes) : []
        var found: [Use] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            guard byte == UInt8(ascii: "["), !CodeSpans.contains(spans, column: index + 1),
                  let close = closing(bytes, from: index) else {
                index += 1
                continue
            }
            let inner = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            let next = close + 1 < bytes.count ? bytes[close + 1] : 0
            if next == UInt8(ascii: "["), let end = closing(bytes, from: close + 1) {
                let label = end == close + 2 ? inner : String(decoding: bytes[(close + 2)..<end], as: UTF8.self)
                if !label.hasPrefix("^"), !normalize(label).isEmpty {
                    found.append(Use(label: normalize(label), line: number, column: index + 1,
                                     written: String(decoding: bytes[index...end], as: UTF8.self), shortcut: false))
                }
                index = end + 1
                continue
            }
            if next != UInt8(ascii: "("), next != UInt8(ascii: ":"), !inner.hasPrefix("^") {
                found.append(Use(label: normalize(inner), line: number, column: index + 1,
                                 written: String(decoding: bytes[index...close], as: UTF8.self), shortcut: true))
            }
            index += 1
        }
        return found
    }

    /// The `]` that closes the `[` at `open` with no `[` between them, or nil.
    private static func closing(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int) -> Int? {
        var index = open + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
                continue
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "]"): return index
            default: index += 1
            }
        }
        return nil
    }
}
