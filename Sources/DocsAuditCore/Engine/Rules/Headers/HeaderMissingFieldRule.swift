/// A header field the document's kind requires is absent.
struct HeaderMissingFieldRule: Rule {
    let description = RuleDescription(
        id: "header/missing-field", severity: .error,
        summary: "a document's header lacks a field its kind requires",
        help: """
        The kind declares the field with `required: true` under kinds[].header.fields. Add it to the header in \
        the kind's form (a table row, a `- Field: value` item or a front-matter key, per kinds[].header.form); \
        the field name must match exactly, markup aside.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        HeaderChecks.declared(context).flatMap { document, fields -> [RuleHit] in
            let missing = fields.filter { field in
                field.required && field.occurrence(in: document.header) == nil
            }
            guard !missing.isEmpty else { return [] }
            guard let line = document.headerLine else {
                // No header at all: one finding, not one per field.
                let form = context.profile.kindRule(document.kind)?.header.form ?? .table
                let names = missing.map { "`\($0.name)`" }.joined(separator: ", ")
                return [RuleHit(path: document.path, line: 1,
                                message: "no \(form.rawValue) header: every \(document.kind) needs \(names)",
                                subject: "header")]
            }
            return missing.map { field in
                RuleHit(path: document.path, line: line,
                        message: "header has no `\(field.name)` field (every \(document.kind) needs it)",
                        subject: field.name)
            }
        }
    }
}
