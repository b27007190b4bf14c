/// Path, kind, number, title, header Status and anchors of one document.
enum DocumentInfoExtractor {
    /// `id` on any element (`<a id>`, `<span id>`: GitHub and mdBook both keep it) or `name` on `<a>`.
    private static let explicitAnchor = try? Pattern(
        #"<(?:a\s[^>]*?(?<![\w-])(?:id|name)|[a-z][a-z0-9-]*\s[^>]*?(?<![\w-])id)\s*=\s*["']([^"']+)["']"#,
        caseInsensitive: true)

    static func extract(_ context: DocumentContext) -> DocumentInfo {
        let rule = context.profile.kindRule(context.document.kind)
        let title = context.titleBlock.map { Inline.writtenText(of: $0.inlines).trimmed }
        var status: String?
        var statusText: String?
        var statusLine: Int?
        if let (cell, line) = context.headerCell(context.profile.header.statusField) {
            statusText = cell.plainText
            statusLine = line
            status = soleCodeSpan(cell.inlines)
        }
        let header = context.header.entries.map { HeaderField(name: $0.name, value: $0.value, line: $0.line,
                                                              column: $0.column) }
        return DocumentInfo(
            path: context.path, kind: context.document.kind, frozen: context.document.frozen,
            number: rule.flatMap { number(context, rule: $0) }, title: title, status: status,
            statusText: statusText, statusLine: statusLine, header: header, headerLine: context.header.line,
            lineCount: context.markdown.source.lineCount, anchors: anchors(context.markdown))
    }

    /// The default number patterns when the kind gives none (`title` defaults to the kind's title pattern).
    private static let fileNameNumber = try? Pattern(#"^(\d+)"#)
    private static let fieldNumber = try? Pattern(#"(\d+)"#)

    /// The document number from where the kind's `number` says: the first group of the pattern that took part
    /// (the whole match when the pattern has no group).
    static func number(_ context: DocumentContext, rule: DocumentKindRule) -> String? {
        let source = rule.number
        let text: String?
        let pattern: Pattern?
        switch source.from {
        case .title:
            text = context.titleBlock.map { $0.plainText.trimmed }
            pattern = source.pattern ?? rule.title
        case .fileName:
            text = context.path.split(separator: "/").last.map(String.init)
            pattern = source.pattern ?? fileNameNumber
        case .field:
            text = source.field.flatMap { context.header.entry($0)?.value }
            pattern = source.pattern ?? fieldNumber
        }
        guard let text, let match = pattern?.firstMatch(in: text) else { return nil }
        return firstGroup(match)
    }

    /// The first group of `match` that took part, else the whole match.
    static func firstGroup(_ match: PatternMatch) -> String? {
        (1..<max(1, match.count)).lazy.compactMap { match[$0] }.first ?? match[0]
    }

    /// The code span that is the whole content of a cell (`` `approved` ``), else nil.
    static func soleCodeSpan(_ cell: Block) -> String? { soleCodeSpan(cell.inlines) }

    /// The code span that is the whole of `inlines`, else nil.
    static func soleCodeSpan(_ inlines: [Inline]) -> String? {
        let meaningful = inlines.filter { !($0.kind == .text && $0.literal.trimmed.isEmpty) }
        guard meaningful.count == 1, let only = meaningful.first, only.kind == .code else { return nil }
        return only.literal.trimmed
    }

    /// Heading slugs plus explicit anchors: `<a id=…>` / `<a name=…>`, or any element's `id` (`<span id=…>`).
    static func anchors(_ markdown: MarkdownDocument) -> [String] {
        var anchors = markdown.sections.map(\.slug)
        guard let pattern = explicitAnchor else { return anchors }
        for block in markdown.allBlocks {
            if block.kind == .htmlBlock {
                anchors += pattern.matches(in: block.literal).compactMap { $0[1] }
            }
            for inline in block.inlines where inline.kind == .html {
                anchors += pattern.matches(in: inline.literal).compactMap { $0[1] }
            }
        }
        return anchors
    }
}
