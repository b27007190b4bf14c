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

extension FileAnalysis {
    /// Decoding makes a new string for every field, where a fresh analysis shares one string among every
    /// reference of a file to its path or section. Sharing the ones that repeat again keeps a cached run's
    /// memory at a fresh run's (at 100× the corpus the difference is about a fifth).
    mutating func shareRepeatedStrings() {
        var table: [String: String] = [:]
        func shared(_ text: String) -> String {
            if let known = table[text] { return known }
            table[text] = text
            return text
        }
        for index in facts.references.indices {
            facts.references[index].path = shared(facts.references[index].path)
            facts.references[index].section = facts.references[index].section.map(shared)
        }
        for index in facts.links.indices {
            facts.links[index].path = shared(facts.links[index].path)
            facts.links[index].target = facts.links[index].target.map(shared)
        }
        for index in facts.cites.indices {
            facts.cites[index].path = shared(facts.cites[index].path)
        }
    }
}
