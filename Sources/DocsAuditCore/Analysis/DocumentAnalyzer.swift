/// The per-file pass: parse once, extract the facts, run the document rules and read the suppression
/// comments, all from the one tree, which is freed when this returns.
public enum DocumentAnalyzer {
    /// The rules that read only one document's tree.
    static let documentRules: [any DocumentRule] = RuleCatalog.rules.compactMap { $0 as? any DocumentRule }

    /// Analyses the text of the corpus file at `path` (relative to the root).
    public static func analyze(path: String, text: String, profile: Profile) -> (SourceDocument, FileAnalysis) {
        let frozen = profile.corpus.frozen.contains { $0.matches(path) }
        return analyze(path: path, text: text, kind: profile.kind(of: path), frozen: frozen, profile: profile)
    }

    static func analyze(path: String, text: String, kind: String, frozen: Bool, profile: Profile) -> (SourceDocument, FileAnalysis) {
        let markdown = MarkdownDocument(path: path, text: text)
        let document = SourceDocument(path: path, kind: kind, frozen: frozen, source: markdown.source)
        let parsed = ParsedDocument(document: document, markdown: markdown)
        var hits: [String: [RuleHit]] = [:]
        // Frozen trees are never reported on: their rules need not run.
        if !frozen {
            for rule in documentRules {
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

    public var path: String { document.path }
    public var kind: String { document.kind }
    public var frozen: Bool { document.frozen }
}
