/// A reference to an ID that is defined nowhere.
struct UndefinedReferenceRule: Rule {
    let description = RuleDescription(
        id: "ids/undefined-reference", severity: .error,
        summary: "a reference names an ID (plan, spec, ADR, invariant, CP, task, NS step, BL item, …) defined "
            + "nowhere",
        help: """
        Checked for every ID family with `defined` in the profile. Ranges are expanded (`I-007-1..5`,
        `T-024-1-1..5`, `X-17..X-21`) and wildcards (`I-024-*`) need at least one definition. Placeholders
        (`X-0XX`, `F-024-1-XX`), IDs quoted in inline code (examples), templates and reserved IDs ("reserved as
        **X-109**", `ids/reserved`) are not undefined. Fix the ID or add the definition.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        let definitions = context.definitions
        // Frozen trees are history; templates teach the format with example IDs.
        let skipped = Set(context.corpus.documents.filter { $0.frozen || $0.kind == "template" }.map(\.path))
        let families = context.profile.ids
        var hits: [RuleHit] = []
        var reported = Set<String>()
        for reference in context.references where !skipped.contains(reference.path) {
            guard let family = families[reference.family], family.isChecked,
                  family.inlineCode || !reference.inCode else { continue }
            let missing = needed(reference, family: family, definitions: definitions)
            guard !missing.isEmpty,
                  reported.insert("\(reference.path):\(reference.line):\(reference.id)").inserted else { continue }
            let detail = missing == [reference.identity] ? "" : " (\(missing.joined(separator: ", ")))"
            // In a narrowed run, the named file whose change removed the definition (`LintFocus`).
            let removedBy = Set(missing.compactMap { context.focus?.removedDefinitions[$0] })
                .subtracting([reference.path]).sorted()
            hits.append(RuleHit(path: reference.path, line: reference.line, column: reference.column,
                                message: "\(reference.id) is defined nowhere" + detail, subject: reference.id,
                                related: removedBy))
        }
        return hits
    }

    /// The IDs a reference needs that are neither defined nor reserved: itself, a range's members, or (wildcards)
    /// any ID of the family it stands for.
    private func needed(_ reference: IDReference, family: IDFamily, definitions: Definitions) -> [String] {
        if let target = family.wildcardOf {
            return definitions.hasAny(family: target, prefix: reference.identity) ? [] : [reference.identity + "*"]
        }
        let members = reference.range == true ? IDRanges.members(of: reference.id, family: family) : nil
        return (members ?? [reference.identity]).filter { id in
            !definitions.isDefined(id, family: family, path: reference.path) && definitions.reservations[id] == nil
        }
    }
}
