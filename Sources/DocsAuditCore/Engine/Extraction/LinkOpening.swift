/// Where a link's opening `[` (an image's `![`) is in the source.
///
/// cmark-gfm places an inline after a paragraph's first line without the leading white space it stripped from that
/// line (`  and [a link](x.md)` on a continuation line is reported two columns early), and a link whose text spans
/// lines at the line where it ends. The reported place is kept when the source holds the opening there; otherwise
/// the opening is looked for on that line and the eight before it, and taken only when the link's first text
/// follows it (the nearest such `[` wins). A place that cannot be confirmed stays as reported.
enum LinkOpening {
    /// How many lines above the reported one a link's opening is looked for.
    static let linesAbove = 8
    /// How far from the reported column, besides a line's leading white space, an opening is looked for; and the
    /// most leading white space counted. Both bound the work per link, so a hostile line of many links stays
    /// linear.
    static let slack = 8
    static let maxLead = 256

    static func locate(_ link: Inline, in source: SourceText) -> SourcePosition {
        let reported = link.start
        guard let line = source.line(reported.line) else { return reported }
        // An image opens with `![`, a link with `[`.
        let mark: [UInt8]
        if case .image = link.kind { mark = Array("![".utf8) } else { mark = Array("[".utf8) }
        let holdsOpening = ByteSearch.withBytes(of: line) { bytes in
            (1...max(1, bytes.count)).contains(reported.utf8Column)
                && bytes[(reported.utf8Column - 1)...].starts(with: mark)
        }
        if holdsOpening { return reported }
        guard let openings = openings(of: link) else { return reported }
        var best: (distance: Int, place: SourcePosition)?
        let lowest = max(1, reported.line - linesAbove)
        for number in stride(from: reported.line, through: lowest, by: -1) {
            guard let candidate = source.line(number) else { continue }
            ByteSearch.withBytes(of: candidate) { bytes in
                let lead = bytes.prefix(maxLead).prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
                let from = max(0, reported.utf8Column - 1 - slack)
                let through = min(bytes.count - 1, reported.utf8Column - 1 + lead + slack)
                guard from <= through else { return }
                for index in from...through where bytes[index...].starts(with: mark)
                    && opens(openings, at: index + mark.count - 1, in: bytes) {
                    let distance = (reported.line - number) * 10_000 + abs(index + 1 - reported.utf8Column)
                    if best.map({ distance < $0.distance }) ?? true {
                        best = (distance, SourcePosition(line: number, utf8Column: index + 1))
                    }
                }
            }
        }
        return best?.place ?? reported
    }

    /// What may follow the link's `[` in the source, by its first child: a text's first bytes as written (up to
    /// 16, before any `\` or `&`, which the literal no longer shows), the mark that opens a code span, emphasis,
    /// strikethrough, image or HTML; `]` for an empty link. Nil when the child says nothing checkable.
    private static func openings(of link: Inline) -> [[UInt8]]? {
        guard let first = link.children.first else { return [[UInt8(ascii: "]")]] }
        switch first.kind {
        case .text:
            let written = Array(first.literal.utf8.prefix(16).prefix {
                $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "&")
            })
            return written.isEmpty ? nil : [written]
        case .code: return [[UInt8(ascii: "`")]]
        case .emphasis, .strong: return [[UInt8(ascii: "*")], [UInt8(ascii: "_")]]
        case .strikethrough: return [[UInt8(ascii: "~")]]
        case .image: return [[UInt8(ascii: "!")]]
        case .html: return [[UInt8(ascii: "<")]]
        default: return nil
        }
    }

    /// Whether `[` at `index` is followed by one of `openings` on the same line.
    private static func opens(_ openings: [[UInt8]], at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let after = bytes[(index + 1)...]
        return openings.contains { after.starts(with: $0) }
    }
}
