/// A reference-style link whose label has no definition in its document (markdownlint MD052).
struct UndefinedReferenceLinkRule: DocumentRule {
    let description = RuleDescription(
        id: "links/undefined-reference", severity: .warning,
        summary: "a reference-style link `[text][label]` has no `[label]: …` definition in its file",
        help: """
        GitHub shows `[text][rev-3]` as literal brackets when no `[rev-3]: url` line defines the label in the
        same file (labels ignore case and runs of spaces). Add the definition, or fix the label. Shortcut
        `[label]` links are not checked: a bracketed word is often just text.
        """)

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        let references = document.work.referenceLinks { ReferenceLinks(document) }
        let defined = Set(references.definitions.map(\.label))
        return references.uses.compactMap { use in
            guard !use.shortcut, !defined.contains(use.label) else { return nil }
            return RuleHit(path: document.path, line: use.line, column: use.column,
                           message: "reference link \(use.written): no `[\(use.label)]: …` definition in this file",
                           subject: "ref:\(use.label)")
        }
    }
}
