/// A link reference definition that no link in its document uses (markdownlint MD053).
struct UnusedDefinitionRule: DocumentRule {
    let description = RuleDescription(
        id: "links/unused-definition", severity: .info,
        summary: "a link reference definition `[label]: …` is used by no link in its file",
        help: """
        A definition no `[text][label]`, `[label][]` or `[label]` uses is invisible on GitHub; it is usually
        left over from an edit, and its label may be the one a broken reference meant. Remove it or use it.
        A definition that labels a section of the same file (`[summary]: #summary`, `[unresolved]:
        #unresolved-questions`, as the Rust RFC template writes under its headings) is a deliberate idiom and is
        not reported.
        """)

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        let references = document.work.referenceLinks { ReferenceLinks(document) }
        let used = Set(references.uses.map(\.label))
        var seen = Set<String>()
        return references.definitions.compactMap { definition in
            guard seen.insert(definition.label).inserted, !used.contains(definition.label),
                  !definition.isSectionLabel else { return nil }
            return RuleHit(path: document.path, line: definition.line, column: definition.column,
                           message: "definition \(definition.written) is used by no link in this file",
                           subject: "def:\(definition.label)")
        }
    }
}
