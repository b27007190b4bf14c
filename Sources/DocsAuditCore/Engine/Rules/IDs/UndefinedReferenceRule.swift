/// A reference to an ID that is defined nowhere.
struct UndefinedReferenceRule: Rule {
    let description = RuleDescription(
        id: "ids/undefined-reference", severity: .error,
        summary: "a reference names a plan, spec, ADR, invariant, CP, task, NS step or BL item defined nowhere",
        help: """
        Ranges are expanded (`I-007-1..5`, `T-024-1-1..5`) and wildcards (`I-024-*`) need at least one
        definition. Placeholders (`BL-0XX`, `Plan-NNN`), IDs quoted in inline code (examples) and templates are
        not references. Fix the ID or add the definition.
        """)

    /// Families checked, and how a reference maps to the IDs it needs.
    private static let families: Set<String> = [
        "plan", "spec", "adr", "invariant", "invariant-range", "invariant-wildcard", "obligation",
        "task-dashed", "task-dashed-range", "next-step", "backlog",
    ]

    func check(_ context: LintContext) -> [RuleHit] {
        let definitions = context.definitions
        // Frozen trees are history; templates teach the format with example IDs.
        let skipped = Set(context.corpus.documents.filter { $0.frozen || $0.kind == "template" }.map(\.path))
        // `I-024-1` → `I-024`: the plans that define at least one invariant, for `I-024-*` wildcards.
        let invariantPrefixes = Set((definitions.families["invariant"] ?? []).map { $0.split(separator: "-").dropLast().joined(separator: "-") })
        var hits: [RuleHit] = []
        var reported = Set<String>()
        for reference in context.model.references
        where Self.families.contains(reference.family) && !reference.inCode && !skipped.contains(reference.path) {
            let missing = needed(reference, invariantPrefixes: invariantPrefixes).filter { !definitions.isDefined($0) }
            guard !missing.isEmpty, reported.insert("\(reference.path):\(reference.line):\(reference.id)").inserted else { continue }
            hits.append(RuleHit(path: reference.path, line: reference.line, column: reference.column,
                                message: "\(reference.id) is defined nowhere" + (missing == [reference.id] ? "" : " (\(missing.joined(separator: ", ")))"),
                                subject: reference.id))
        }
        return hits
    }

    /// The IDs a reference needs: itself, a range's members, or (wildcards) its plan's invariant prefix.
    private func needed(_ reference: IDReference, invariantPrefixes: Set<String>) -> [String] {
        let id = reference.id
        switch reference.family {
        case "invariant-range", "task-dashed-range":
            guard let dots = id.firstRange(of: ".."), let high = Int(id[dots.upperBound...]),
                  let dash = id[..<dots.lowerBound].lastIndex(of: "-"),
                  let low = Int(id[id.index(after: dash)..<dots.lowerBound]), low <= high, high - low < 100 else { return [id] }
            let stem = id[...dash]
            return (low...high).map { "\(stem)\($0)" }
        case "invariant-wildcard":
            let prefix = id.replacingEvery("\\", with: "").replacingEvery("-*", with: "")
            return invariantPrefixes.contains(prefix) ? [] : [prefix + "-*"]
        case "next-step":
            // `NS-13` may be written for `NS-13a`/`NS-13b`; any entry starting with it defines it.
            return [id]
        default:
            return [id]
        }
    }
}

import FoundationEssentials
