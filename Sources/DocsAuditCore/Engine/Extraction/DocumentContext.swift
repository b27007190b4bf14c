/// One document with the profile, and the section queries every extractor needs.
struct DocumentContext {
    let document: SourceDocument
    let markdown: MarkdownDocument
    let profile: Profile
    /// The header, read in the form the document's kind declares (a table when the kind says nothing).
    let header: DocumentHeader

    init(_ parsed: ParsedDocument, profile: Profile) {
        self.document = parsed.document
        self.markdown = parsed.markdown
        self.profile = profile
        let form = profile.kindRule(parsed.document.kind)?.header.form ?? .table
        self.header = DocumentHeader.read(parsed.markdown, form: form)
    }

    var path: String { document.path }
    var sections: [Section] { markdown.sections }

    /// Sections whose title matches `pattern`.
    func sections(matching pattern: Pattern?) -> [Section] {
        guard let pattern else { return [] }
        return sections.filter { pattern.test($0.title) }
    }

    /// The top-level blocks of `section` (its heading excluded, subsections included).
    func blocks(of section: Section) -> ArraySlice<Block> {
        let range = section.blockIndices.clamped(to: markdown.blocks.indices)
        return markdown.blocks[range]
    }

    /// Sections nested anywhere inside `section`.
    func descendants(of section: Section) -> [Section] {
        sections.filter { $0.index > section.index && $0.level > section.level && section.range.contains(line: $0.headingLine) }
    }

    /// Direct subsections of `section`.
    func children(of section: Section) -> [Section] { sections.filter { $0.parent == section.index } }

    /// Whether `section` has an ancestor whose title matches `pattern`.
    func hasAncestor(_ section: Section, matching pattern: Pattern?) -> Bool {
        guard let pattern else { return false }
        var parent = section.parent
        while let index = parent, sections.indices.contains(index) {
            if pattern.test(sections[index].title) { return true }
            parent = sections[index].parent
        }
        return false
    }

    /// The nearest enclosing section title for `line`.
    func sectionTitle(at line: Int) -> String? { markdown.section(containing: line)?.title }

    /// The H1 block, if the document starts with one.
    var titleBlock: Block? { markdown.blocks.first { $0.headingLevel == 1 } }

    /// The value of header field `name` (in whatever form the kind's header takes) and its line.
    /// None when the profile names no such field (`name` empty).
    func headerCell(_ name: String) -> (cell: DocumentHeader.Entry, line: Int)? {
        guard !name.isEmpty else { return nil }
        return header.entry(name).map { ($0, $0.line) }
    }
}
