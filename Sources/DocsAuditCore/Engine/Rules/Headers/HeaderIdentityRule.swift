/// A header field that names the document (`NNN`, `RFC PR`) names another number than the document's own.
struct HeaderIdentityRule: Rule {
    let description = RuleDescription(
        id: "header/identity", severity: .error,
        summary: "a header field names another number than the document's own",
        help: """
        kinds[].header.fields.<Name>.identity captures a number (its first group that takes part) that must \
        equal the document's number (kinds[].number: the title, the file name or a field). Numbers compare as \
        integers, so `0042` and `42` agree. A copied header that still names its source document is the usual \
        cause.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        HeaderChecks.present(context).compactMap { document, rule, field in
            guard let identity = rule.identity, let own = document.number else { return nil }
            guard let match = identity.firstMatch(in: field.value),
                  let number = DocumentInfoExtractor.firstGroup(match) else {
                return RuleHit(path: document.path, line: field.line, column: field.column,
                               message: "\(field.name) `\(field.value)` does not match its identity pattern "
                                   + "`\(identity.source)`, so it cannot name this document's number \(own)",
                               subject: field.name)
            }
            guard HeaderChecks.integerKey(number) != HeaderChecks.integerKey(own) else { return nil }
            return RuleHit(path: document.path, line: field.line, column: field.column,
                           message: "\(field.name) names \(number) but this document is number \(own)",
                           subject: field.name)
        }
    }
}
