/// YAML front matter: a `---` line at the very top of a file, the YAML, and a closing `---` (or `...`) line.
///
/// cmark knows nothing of it (it reads the opening `---` as a thematic break and the closing one as a setext
/// underline), so the front matter is read from the source lines, and the Markdown parse sees those lines
/// blank: every later block keeps its line and column.
enum FrontMatter {
    /// The line that closes the front matter at the top of `source`, or nil when the file has none.
    static func closingLine(in source: SourceText) -> Int? {
        guard let first = source.line(1), isFence(first, opening: true), source.lineCount >= 2 else { return nil }
        for number in 2...source.lineCount {
            if let line = source.line(number), isFence(line, opening: false) { return number }
        }
        return nil
    }

    /// Whether `line` is `---` (or, closing, `...`) with nothing after it but spaces and tabs; read on its bytes
    /// (reversing the line's characters cost about 130,000 instructions a file).
    static func isFence(_ line: Substring, opening: Bool) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            bytes = bytes.dropLast()
        }
        guard bytes.count == 3 else { return false }
        return bytes.elementsEqual("---".utf8) || (!opening && bytes.elementsEqual("...".utf8))
    }

    /// `text` with the front matter's lines emptied (their line endings kept), for the Markdown parse.
    static func blanked(_ text: String, source: SourceText) -> String {
        guard let closing = closingLine(in: source), let last = source.line(closing) else { return text }
        return String(repeating: "\n", count: closing - 1) + text[last.endIndex...]
    }

    /// The front matter's top-level `key: value` pairs as header fields. Lists of scalars read as their items
    /// joined with `, `; nested mappings are skipped. YAML that does not parse yields no fields.
    static func header(_ source: SourceText, path: String) -> DocumentHeader {
        guard let closing = closingLine(in: source) else { return DocumentHeader() }
        let yaml = source.lines(2...max(2, closing - 1)).joined(separator: "\n")
        guard closing > 2, let root = try? YAMLReader.read(yaml, file: path),
              case let .mapping(pairs) = root.content else {
            return DocumentHeader(entries: [], line: 1)
        }
        let entries = pairs.compactMap { pair -> DocumentHeader.Entry? in
            guard let name = pair.key.string, let value = text(of: pair.value) else { return nil }
            // The YAML starts on the file's line 2.
            return DocumentHeader.Entry(name: name, inlines: [], value: value.trimmed, line: pair.value.line + 1,
                                        column: pair.value.column)
        }
        return DocumentHeader(entries: entries, line: 1)
    }

    private static func text(of node: YAMLNode) -> String? {
        switch node.content {
        case let .scalar(text): return node.isNull ? "" : text
        case let .sequence(items):
            let texts = items.compactMap(\.string)
            return texts.count == items.count ? texts.joined(separator: ", ") : nil
        case .mapping: return nil
        }
    }
}
