/// Splits a run of inlines at bold labels (`**Files:**`, `**Spec coverage:**`): what comes before the
/// first label is the lead; each label owns the inlines up to the next label.
struct LabelledFields {
    struct Field {
        var label: String
        var value: [Inline]
        var line: Int

        var text: String { Inline.plainText(of: value).trimmed }
        var codeSpans: [String] { Inline.codeSpans(in: value).map(\.literal) }
    }

    var lead: [Inline] = []
    var fields: [Field] = []

    init(_ inlines: [Inline]) {
        for inline in inlines {
            if inline.isStrong, let label = Self.label(of: inline) {
                fields.append(Field(label: label, value: [], line: inline.start.line))
            } else if fields.isEmpty {
                lead.append(inline)
            } else {
                fields[fields.count - 1].value.append(inline)
            }
        }
    }

    /// The label of a bold run that ends with a colon (`Files:` → `Files`).
    static func label(of strong: Inline) -> String? {
        let text = strong.text.trimmed
        guard text.hasSuffix(":"), text.count > 1 else { return nil }
        return String(text.dropLast()).trimmed
    }
}

/// Recognises task field labels from the profile (`files`, `spec-coverage`, …) case-insensitively.
struct TaskFieldLabels {
    private let patterns: [(key: String, pattern: Pattern)]

    init(_ settings: PlanSettings) { patterns = settings.taskFields }

    /// The field key for `label`, or nil when it is some other label.
    func key(for label: String) -> String? {
        patterns.first { $0.pattern.test(label) }?.key
    }
}
