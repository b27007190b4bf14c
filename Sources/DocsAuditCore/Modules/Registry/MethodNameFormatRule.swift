/// A registry method whose name breaks the corpus's declared `METHOD_NAME_FORMAT`.
struct MethodNameFormatRule: ModuleRule {
    let module = ProfileModule.registries
    let description = RuleDescription(
        id: "registry/method-name-format", severity: .error,
        summary: "a method in a method-name registry does not match METHOD_NAME_FORMAT",
        help: """
        Registry tables (those the profile declares in registries.method-tables: in the default profile, tables
        of contracts and plans whose first header cell is `Method` or `… procedure`) list wire method names; each
        must match the `const METHOD_NAME_FORMAT = /…/` the corpus declares (a document's own declaration first,
        else the first in the corpus, else registries.method-format-fallback). snake_case event names such as
        `runtime_node.online` are valid events, never methods. A table elsewhere is not a registry.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        let formats = context.model.methodRegistries.formats
        var hits: [RuleHit] = []
        for table in context.model.methodRegistries.tables {
            let declared = formats.first { $0.path == table.path } ?? formats.first
            let pattern: Pattern
            let shown: String
            if let declared {
                guard let translated = try? JavaScriptRegex.translate(source: declared.source, flags: declared.flags) else {
                    hits.append(RuleHit(path: declared.path, line: declared.line,
                                        message: "METHOD_NAME_FORMAT /\(declared.source)/\(declared.flags) cannot be read as a regular expression",
                                        subject: "METHOD_NAME_FORMAT"))
                    continue
                }
                pattern = translated
                shown = "/\(declared.source)/\(declared.flags) (\(declared.path):\(declared.line))"
            } else {
                guard let fallback = context.profile.registries.methodFormatFallback else { continue }
                pattern = fallback
                shown = "/\(fallback.source)/ (profile fallback)"
            }
            for (index, row) in table.rows.enumerated() where pattern.firstMatch(in: row.name) == nil {
                hits.append(RuleHit(path: table.path, line: row.line, column: row.column,
                                    message: "method `\(row.name)` (row \(index + 1) of the registry at line \(table.line)) does not match METHOD_NAME_FORMAT \(shown)",
                                    subject: row.name))
            }
        }
        return hits
    }
}
