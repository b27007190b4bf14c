/// Everything one file contributes to a run, computed in one pass while its parse tree is alive: the
/// extracted facts, the hits of rules that read only this file's tree, its suppression comments and parse
/// problems. The tree is dropped afterwards, so memory holds text and facts, never whole trees; and since it
/// depends only on the file's path and text, the profile and the tool, it is what the cache keeps.
public struct FileAnalysis: Sendable, Codable {
    var facts: Extractor.DocumentFacts
    /// Hits of the document rules (`DocumentRule`), by rule ID, before severities are applied.
    var documentHits: [String: [RuleHit]]
    var suppressions: [Suppressions.Directive]
    var parseProblems: [ParseProblem]
    /// How many `corpus:total-check` markers the file has: gate G7 measures only plans that opt in.
    var totalCheckMarkers: Int
    /// Patterns that ran past the engine's limits in this file and were stopped for the rest of it.
    var stoppedPatterns: [PatternBudget.StoppedPattern] = []
}
