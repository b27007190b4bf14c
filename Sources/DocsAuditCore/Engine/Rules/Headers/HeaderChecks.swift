/// What the header rules share: each document with its kind's declared fields and the fields it has.
enum HeaderChecks {
    /// Each document whose kind declares header fields, with those declarations.
    static func declared(_ context: LintContext) -> [(document: DocumentInfo, fields: [HeaderFieldRule])] {
        context.documents.compactMap { document in
            guard let fields = context.profile.kindRule(document.kind)?.header.fields, !fields.isEmpty else {
                return nil
            }
            return (document, fields)
        }
    }

    typealias Present = (document: DocumentInfo, rule: HeaderFieldRule, field: HeaderField)

    /// Each declared field the document has, with its first occurrence.
    static func present(_ context: LintContext) -> [Present] {
        declared(context).flatMap { document, rules in
            rules.compactMap { rule in
                rule.occurrence(in: document.header).map { (document, rule, $0) }
            }
        }
    }

    /// `number` without its leading zeros when it is all digits (`0042` → `42`), so numbers compare as
    /// integers however long they are; other text is returned as it is.
    static func integerKey(_ number: String) -> String {
        guard !number.isEmpty, number.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return number }
        let digits = number.drop { $0 == "0" }
        return digits.isEmpty ? "0" : String(digits)
    }
}
