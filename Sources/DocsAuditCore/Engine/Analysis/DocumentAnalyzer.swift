/// The per-file pass: parse once, extract the facts, run the document rules and read the suppression
/// comments, all from the one tree, which is freed when this returns.
public enum DocumentAnalyzer {
    /// The rules that read only one document's tree.
    static let documentRules: [any DocumentRule] = RuleCatalog.documentRules

    /// Analyses the text of the corpus file at `path` (relative to the root).
    public static func analyze(path: String, text: String, profile: Profile) -> (SourceDocument, FileAnalysis) {
        // The kind is found once (glob matching over every kind) and handed on.
        let kind = profile.kind(of: path)
        let frozen = profile.corpus.frozen.contains { $0.matches(path) }
        return analyze(path: path, text: text, kind: kind, frozen: frozen, profile: profile)
    }

    /// Analyses a document whose kind the caller decides (a plan read at a baseline revision).
    static func analyze(path: String, text: String, kind: String, frozen: Bool, profile: Profile) -> (SourceDocument, FileAnalysis) {
        let markdown = MarkdownDocument(path: path, text: text, frontMatter: hasFrontMatter(kind, profile))
        return analyze(SourceDocument(path: path, kind: kind, frozen: frozen, source: markdown.source), markdown, profile: profile)
    }

    /// Whether YAML front matter at the top of documents of `kind` is hidden from the Markdown parse: for a
    /// front-matter header, and for a bullet header, which may stand under front matter (a Rust RFC does).
    static func hasFrontMatter(_ kind: String, _ profile: Profile) -> Bool {
        let form = profile.kindRule(kind)?.header.form
        return form == .frontMatter || form == .bullets
    }

    /// Runs the pass with its own pattern budget: a pattern that overruns its limit is stopped for the rest of
    /// this file and recorded in the analysis.
    private static func analyze(_ document: SourceDocument, _ markdown: MarkdownDocument, profile: Profile) -> (SourceDocument, FileAnalysis) {
        let budget = PatternBudget()
        var (document, analysis) = PatternBudget.$current.withValue(budget) {
            analyzeWithinBudget(document, markdown, profile: profile)
        }
        analysis.stoppedPatterns = budget.stopped
        return (document, analysis)
    }

    private static func analyzeWithinBudget(_ document: SourceDocument, _ markdown: MarkdownDocument,
                                            profile: Profile) -> (SourceDocument, FileAnalysis) {
        let frozen = document.frozen
        let parsed = ParsedDocument(document: document, markdown: markdown)
        var hits: [String: [RuleHit]] = [:]
        // Frozen trees are never reported on: their rules need not run.
        if !frozen {
            for rule in documentRules + profile.customRules.map({ $0 as any DocumentRule }) {
                let found = rule.check(parsed, profile: profile)
                if !found.isEmpty { hits[rule.description.id] = found }
            }
        }
        let analysis = FileAnalysis(
            facts: Extractor.facts(for: parsed, profile: profile), documentHits: hits,
            suppressions: frozen ? [] : Suppressions.directives(in: markdown),
            parseProblems: markdown.parseProblems, totalCheckMarkers: TableTotalRule.markers(in: markdown))
        return (document, analysis)
    }
}

/// A document with its parse tree: what the per-file pass hands to extractors and document rules.
public struct ParsedDocument: Sendable {
    public let document: SourceDocument
    public let markdown: MarkdownDocument
    /// What several rules read from this document, computed once.
    let work = DocumentWork()

    public var path: String { document.path }
    public var kind: String { document.kind }
    public var frozen: Bool { document.frozen }
}
