/// Path, kind, number, title, header Status and anchors of one document.
enum DocumentInfoExtractor {
    /// `id` on any element (`<a id>`, `<span id>`: GitHub and mdBook both keep it) or `name` on `<a>`.
    private static let explicitAnchor = try? Pattern(
        #"<(?:a\s[^>]*?(?<![\w-])(?:id|name)|[a-z][a-z0-9-]*\s[^>]*?(?<![\w-])id)\s*=\s*["']([^"']+)["']"#,
        caseInsensitive: true)

    static func extract(_ context: DocumentContext) -> DocumentInfo {
        let rule = context.profile.kindRule(context.document.kind)
        var number: String?
        var title: String?
        if let h1 = context.titleBlock {
            title = Inline.writtenText(of: h1.inlines).trimmed
            if let pattern = rule?.title, let match = pattern.firstMatch(in: h1.plainText.trimmed) {
                number = match[1]
            }
        }
        var status: String?
        var statusText: String?
        var statusLine: Int?
        if let (cell, line) = context.headerCell(context.profile.header.statusField) {
            statusText = cell.plainText.trimmed
            statusLine = line
            status = soleCodeSpan(cell)
        }
        return DocumentInfo(
            path: context.path, kind: context.document.kind, frozen: context.document.frozen,
            number: number, title: title, status: status, statusText: statusText, statusLine: statusLine,
            lineCount: context.markdown.source.lineCount, anchors: anchors(context.markdown))
    }

    /// The code span that is the whole content of a cell (`` `approved` ``), else nil.
    static func soleCodeSpan(_ cell: Block) -> String? {
        let meaningful = cell.inlines.filter { !($0.kind == .text && $0.literal.trimmed.isEmpty) }
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
