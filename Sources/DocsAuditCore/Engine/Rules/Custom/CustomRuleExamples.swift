/// Runs a custom rule's examples the way the built-in rules' examples run in the tests: a failing example
/// yields exactly its marked findings, a passing one none. The example files are analysed in memory with the
/// profile that defines the rule, and only this rule's hits count.
public enum CustomRuleExamples {
    /// What differs between the rule's hits in each example and the example's markers, one line each (empty
    /// when every example holds).
    public static func mismatches(of rule: CustomRule, profile: Profile) -> [String] {
        rule.description.examples.flatMap { example in
            let label = "\(example.failing ? "failing" : "passing") example “\(example.title)”"
            return mismatches(of: example, rule: rule, profile: profile).map { "\(label): \($0)" }
        }
    }

    private static func mismatches(of example: RuleExample, rule: CustomRule, profile: Profile) -> [String] {
        var found: [RuleHit] = example.strippedFiles.sorted { $0.key < $1.key }.flatMap { path, text in
            let (_, analysis) = DocumentAnalyzer.analyze(path: path, text: text, profile: profile)
            let hits = analysis.documentHits[rule.description.id] ?? []
            var suppressions = Suppressions(path: path, directives: analysis.suppressions)
            return hits.filter { !suppressions.suppresses(rule: rule.description.id, line: $0.line) }
        }
        var problems: [String] = []
        for marker in example.expectedMarkers {
            let position = marker.number - 1
            let fragment = example.findings.indices.contains(position) ? example.findings[position] : ""
            let place = "\(marker.path):\(marker.line):\(marker.column)"
            guard let index = found.firstIndex(where: {
                "\($0.path):\($0.line):\($0.column)" == place && $0.message.contains(fragment)
            }) else {
                let there = found.filter { "\($0.path):\($0.line):\($0.column)" == place }.map(\.message)
                problems.append("marker \(marker.number) at \(place) expects “\(fragment)”; found there: \(there)")
                continue
            }
            found.remove(at: index)
        }
        problems += found.map { "unexpected \($0.path):\($0.line):\($0.column): \($0.message)" }
        return problems
    }
}
