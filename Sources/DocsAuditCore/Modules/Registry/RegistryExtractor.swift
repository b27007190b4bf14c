/// Method-name registry tables, `METHOD_NAME_FORMAT` declarations and the error-code registry.
enum RegistryExtractor {
    struct Facts: Sendable, Codable {
        var formats: [MethodNameFormat] = []
        var tables: [RegistryTable] = []
        var errorCodes: [ErrorCodeEntry] = []
    }

    static func extract(_ context: DocumentContext) -> Facts {
        let settings = context.profile.registries
        // Kinds and paths are known per document; sections are checked per table.
        let declared = settings.methodTables.filter { declaration in
            DeclaredPlace(kinds: declaration.place.kinds, paths: declaration.place.paths)
                .contains(path: context.path, kind: context.document.kind, headings: [])
        }
        var facts = Facts()
        for block in context.markdown.allBlocks {
            if block.isCodeBlock, let declaration = settings.methodFormatDeclaration {
                facts.formats += formats(in: block, declaration: declaration, path: context.path)
            } else if block.isTable, !declared.isEmpty,
                      let table = registryTable(block, declared: declared, context: context) {
                facts.tables.append(table)
            }
        }
        facts.errorCodes = errorCodes(context)
        return facts
    }

    private static func formats(in block: Block, declaration: Pattern, path: String) -> [MethodNameFormat] {
        // A fenced block's content starts on the line after its fence.
        let firstLine = block.contentStartLine
        var found: [MethodNameFormat] = []
        guard declaration.mayMatch(block.literal) else { return [] }
        for (offset, line) in block.literal.linesSplitAtLineFeeds().enumerated() {
            guard declaration.mayMatch(line: line), let match = declaration.firstMatch(in: String(line)),
                  let source = match[1] else { continue }
            found.append(MethodNameFormat(source: source, flags: match[2] ?? "", path: path, line: firstLine + offset))
        }
        return found
    }

    /// The table as a registry when a declaration in `declared` takes it: it stands in the declared place and
    /// its first header cell matches the declared header.
    private static func registryTable(_ table: Block, declared: [MethodTableDeclaration],
                                      context: DocumentContext) -> RegistryTable? {
        let rows = table.tableRows
        guard let head = rows.first, let firstCell = head.cells.first else { return nil }
        let label = firstCell.plainText
        let line = table.range.start.line
        let candidates = declared.filter { $0.header.test(label) }
        guard !candidates.isEmpty else { return nil }
        let headings = context.markdown.sectionPath(containing: line).map(\.title)
        guard candidates.contains(where: {
            $0.place.contains(path: context.path, kind: context.document.kind, headings: headings)
        }) else { return nil }
        let entries: [RegistryRow] = rows.dropFirst().compactMap { row in
            guard let cell = row.cells.first, let span = Inline.codeSpans(in: cell.inlines).first else { return nil }
            return RegistryRow(name: span.literal.trimmed, line: row.range.start.line, column: span.start.utf8Column)
        }
        return RegistryTable(path: context.path, line: table.range.start.line,
                             section: context.sectionTitle(at: table.range.start.line),
                             header: head.cells.map { $0.plainText.trimmed }, rows: entries)
    }

    private static func errorCodes(_ context: DocumentContext) -> [ErrorCodeEntry] {
        let settings = context.profile.registries
        guard let codePattern = settings.errorCode, settings.errorCodeKinds.contains(context.document.kind) else { return [] }
        var entries: [ErrorCodeEntry] = []
        for section in context.sections(matching: settings.errorCodesSection) {
            for table in context.blocks(of: section) where table.isTable {
                let namespace = context.markdown.section(containing: table.range.start.line)?.title ?? section.title
                for row in table.tableRows.dropFirst() {
                    guard let cell = row.cells.first, let code = DocumentInfoExtractor.soleCodeSpan(cell),
                          codePattern.test(code) else { continue }
                    entries.append(ErrorCodeEntry(code: code, namespace: namespace, path: context.path, line: row.range.start.line))
                }
            }
        }
        return entries
    }
}
