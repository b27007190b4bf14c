/// A header field's value does not match the pattern its kind declares.
struct HeaderFieldValueRule: Rule {
    let description = RuleDescription(
        id: "header/field-value", severity: .warning,
        summary: "a header field's value does not match the pattern its kind declares",
        help: """
        kinds[].header.fields.<Name>.pattern must match the whole value, read with its markup stripped (code \
        spans, bold, emphasis and links count as their text). Fix the value, or the pattern if the convention \
        changed.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        HeaderChecks.present(context).compactMap { document, rule, field in
            guard let pattern = rule.pattern, !Self.wholeMatch(pattern, field.value) else { return nil }
            return RuleHit(path: document.path, line: field.line, column: field.column,
                           message: "\(field.name) `\(field.value)` does not match `\(pattern.source)`",
                           subject: field.name)
        }
    }

    /// Whether some match of `pattern` covers all of `text`.
    static func wholeMatch(_ pattern: Pattern, _ text: String) -> Bool {
        pattern.matches(in: text).contains { $0.byteRange(0) == 0..<text.utf8.count }
    }
}
