/// Tags a family matches that are not ephemeral (`tags.exempt-*`), each a profile switch.
public struct TagExemptionSettings: Sendable {
    /// `owner/repo PR #N`, `owner/repo#N`, and any tag in a table row that links to another GitHub repository
    /// (one that is not under `links.site-roots`): a reference to someone else's history, which stays.
    public var qualified = false
    /// A tag inside `"…"` or `“…”` on its line, or in a blockquote (not a `> [!NOTE]` alert): a quotation.
    public var quoted = false
    /// Spans that are dated amendment notes (`(2026-06-02, PR #137)`); a tag inside one is provenance.
    public var datedNotes: Pattern?

    public init() {}
}
