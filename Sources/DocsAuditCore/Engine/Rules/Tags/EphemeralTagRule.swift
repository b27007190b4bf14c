/// Audit finding IDs, PR numbers, deictic `this PR` and scratch paths outside provenance surfaces.
struct EphemeralTagRule: DocumentRule {
    let description = RuleDescription(
        id: "tags/ephemeral", severity: .warning,
        summary: "an ephemeral identifier (finding ID, PR number, `this PR`, scratch path) outside a provenance section",
        help: """
        Tags like `F-024-2-04`, `DT-003-…`, `PR #118`, `this commit` and `.agents/tmp` mean nothing once the
        review or the squash is over. They belong in provenance surfaces (Progress Log, Shipment Manifest,
        Decision Log, Preconditions, a Phase's `**Precondition:**`, the next-steps DAG section) or exempt trees.
        Inside a Tasks block (plans.tasks-heading) they are errors (tags.tasks-severity): PR numbers there fail gate G5
        (tags.gate-family), the other families are named `no-ephemeral-tags`, as `docs-audit gates` reports
        them. Families (each with an optional severity outside Tasks blocks), surfaces and provenance spans are
        profile data (tags.*); so are the exemptions: a reference qualified by another repository (`owner/repo PR
        #N`, `owner/repo#N`, a table row linking to another repository), a quotation ("…", “…”, a blockquote),
        a dated amendment note (tags.exempt-qualified, tags.exempt-quoted, tags.exempt-dated-notes).
        """)

    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit] {
        let settings = profile.tags
        guard !settings.families.isEmpty, !settings.exemptKinds.contains(document.kind),
              !settings.exempt.contains(where: { $0.matches(document.path) }) else { return [] }
        // A family whose own severity is `off` is not looked for.
        let families = settings.families.filter { settings.familySeverities[$0.key] != .some(nil) }
            .sorted { $0.key < $1.key }
        return scan(document, families: families, profile: profile)
    }

    private func scan(_ document: ParsedDocument, families: [(key: String, value: Pattern)], profile: Profile) -> [RuleHit] {
        let settings = profile.tags
        let markdown = document.markdown
        // Built on the first line that has a tag to report: most documents have none.
        var exemptions: TagExemptions?
        var hits: [RuleHit] = []
        // One pass over each line's bytes for the literals of every family.
        let prefilter = LiteralPrefilter(families.map(\.value))
        for number in markdown.proseLines {
            guard let raw = markdown.source.line(number) else { continue }
            let found = prefilter.scan(line: raw)
            guard families.indices.contains(where: { found.contains($0) }) else { continue }
            let line = String(raw)
            var tags: [(family: String, match: PatternMatch)] = []
            for (index, (family, pattern)) in families.enumerated() where found.contains(index) {
                tags += pattern.unfilteredMatches(in: line).map { (family, $0) }
            }
            guard !tags.isEmpty else { continue }
            let path = markdown.sectionPath(containing: number)
            if path.contains(where: { section in settings.provenanceSections.contains { $0.test(section.title) } }) { continue }
            let trimmed = line.trimmed
            if settings.provenanceLines.contains(where: { $0.test(trimmed) }) { continue }
            if trimmed.hasPrefix("|"), let label = firstCell(trimmed), settings.provenanceRows.contains(where: { $0.test(label) }) { continue }
            let allowed = settings.provenancePatterns.flatMap { $0.matches(in: line).compactMap { $0.range() } }
            let inTasks = path.contains { profile.plans.tasksHeading?.test($0.title) == true }
            let documentExemptions = exemptions ?? TagExemptions(document: markdown, profile: profile)
            exemptions = documentExemptions
            let exempt = documentExemptions.line(line, number: number)
            for (family, match) in tags {
                guard let range = match.range(), let tag = match[0],
                      !allowed.contains(where: { $0.contains(range.lowerBound) }),
                      !exempt.exempts(range, family: family),
                      profile.id("placeholder")?.test(tag) != true else { continue }
                let place = !inTasks ? "outside a provenance section"
                    : family == settings.gateFamily ? "inside a Tasks block (gate G5)"
                    : "inside a Tasks block (no-ephemeral-tags)"
                var hit = RuleHit(path: document.path, line: number, column: match.utf8Column(),
                                  message: "ephemeral \(family) `\(tag)` \(place)", subject: tag)
                if inTasks {
                    hit.severityOverride = .some(settings.tasksSeverity)
                } else if let own = settings.familySeverities[family], let own {
                    hit.severityOverride = .some(own)
                }
                hits.append(hit)
            }
        }
        return hits
    }

    /// The first cell of a raw table row, without bold markers.
    private func firstCell(_ row: String) -> String? {
        let cells = row.dropFirst().split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = cells.first else { return nil }
        return first.replacingEvery("**", with: "").trimmed
    }
}

import FoundationEssentials
