/// A table row with fewer cells than its header: GitHub pads it, so nothing is lost.
struct TableShortRowRule: DocumentRule {
    let description = RuleDescription(
        id: "tables/short-row", severity: .info,
        summary: "a table row has fewer cells than the header (GitHub pads it; nothing is lost)",
        help: """
        GitHub renders the missing cells empty. Usually harmless (a trailing empty column), so reported as
        info; set it to `warning` in `rules:` where every row must be complete.
        """)

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        TableArityRule.mismatchedRows(document, longer: false)
    }
}
