/// The `ids` and `graphs` sections of the starter profile.
extension StarterProfile {
    // MARK: ids

    mutating func writeIDs() {
        lines.append("")
        let families = findings.families
        guard !families.isEmpty else {
            appendNote("No ID-like token (`XX-12`, `RFC 12`, `owner/repo#12`) occurs 5 times or more in two files or "
                       + "more: no ID families proposed.")
            writeRare()
            return
        }
        appendNote("ID families: ID-like tokens seen 5 times or more in two files or more. A family with a place "
                   + "where its IDs are defined is proposed; the others are left commented out.")
        if findings.unproposedFrequent > 0 || findings.familyCapReached {
            appendNote("Only \(families.count) ID families are proposed (the most frequent); "
                       + "\(findings.unproposedFrequent) more were frequent enough"
                       + (findings.familyCapReached ? ", and counting stopped at \(CorpusFindings.maxFamilies) "
                          + "families." : "."))
        }
        let active = families.filter { isActive($0) }
        if active.isEmpty { appendNote("ids:") } else { lines.append("ids:") }
        for family in families { writeFamily(family, active: isActive(family)) }
        writeRare()
    }

    /// The built-in family that already covers this one when the starter extends the built-in profile: the
    /// one of the same name, else the first (by name) whose pattern matches the family's example token.
    private func inherited(_ family: CorpusFindings.Family) -> String? {
        guard extendsDefault else { return nil }
        if defaultProfile.ids[family.name] != nil { return family.name }
        return defaultProfile.ids.keys.sorted().first { name in
            defaultProfile.ids[name]?.pattern.firstMatch(in: family.example)?[0] == family.example
        }
    }

    private func isActive(_ family: CorpusFindings.Family) -> Bool {
        inherited(family) == nil && (!family.documentKinds.isEmpty || Self.definedByHeadings(family))
    }

    /// Headings define a family's IDs when 3 or more start with one and no document defines them.
    static func definedByHeadings(_ family: CorpusFindings.Family) -> Bool {
        family.documentKinds.isEmpty && family.headingStarts >= 3
    }

    private mutating func writeFamily(_ family: CorpusFindings.Family, active: Bool) {
        let places = FileSurvey.Place.allCases.map { "\($0.name) \(family.counts[$0.rawValue])" }
        let kinds = family.byKind.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(6)
            .map { "\($0.key) \($0.value)" }
        var evidence = "`\(family.key.written)` (as in `\(family.example)`): \(family.total) times in "
            + "\(family.files) files (\(places.joined(separator: ", "))); by kind: \(kinds.joined(separator: ", "))."
        if !family.documentKinds.isEmpty { evidence += " Defined by documents: \(family.documentEvidence)." }
        if Self.definedByHeadings(family) {
            evidence += " Defined by headings: \(family.headingStarts) headings start with one."
        }
        if let name = inherited(family) {
            evidence += " The built-in profile's `\(name)` family covers these already: uncomment to replace it."
        } else if !active {
            evidence += " No place defines them (no document opens with one carrying its file number, fewer "
                + "than 3 headings start with one)."
        }
        appendNote(evidence, indent: 2)
        let comment = active ? "" : "# "
        var body: [String] = []
        body.append("\(family.name):")
        body.append("  pattern: " + YAMLText.scalar(Self.pattern(family.key, segments: family.usualSegments)))
        if !family.documentKinds.isEmpty {
            // The file's number (`0001`) and a reference (`RFC 1`) are one ID: compared through group 1 as an
            // integer, which takes a canonical form built from that group.
            body.append("  canonical: " + YAMLText.scalar("\(family.name)-{1}"))
            body.append("  numeric: true")
        }
        if !family.documentKinds.isEmpty || Self.definedByHeadings(family) {
            body.append("  defined:")
            if !family.documentKinds.isEmpty {
                let id = Self.written(family.key, number: "{number}")
                body.append("    - document: {kinds: \(YAMLText.list(family.documentKinds)), id: "
                            + YAMLText.scalar(id) + "}")
            }
            if Self.definedByHeadings(family) {
                let id = Self.idPattern(family.key, segments: family.usualSegments)
                body.append("    - heading: " + YAMLText.scalar("^(" + id + ")"))
                let kinds = family.headingKinds.sorted()
                if !kinds.isEmpty { body.append("      kinds: " + YAMLText.list(kinds)) }
            }
        }
        for line in body {
            let text = "  " + comment + line
            lines.append(YAMLText.fits(text) ? text : "  # (a line too long for this file was left out)")
        }
    }

    private mutating func writeRare() {
        let rare = findings.rareFamilies
        guard !rare.isEmpty else { return }
        let names = rare.sorted { $0.key < $1.key }.map { "`\($0.key.written)` \($0.total)" }
        appendNote("Also seen, too rarely or too many to propose: \(names.joined(separator: ", ")).")
    }

    /// The regex of one ID of the family (no group): `Plan-\d+`, `RFC #?\d+`, `rust-lang/rfcs#\d+`.
    static func idPattern(_ key: TokenFamily.Key, segments: Int = 0) -> String {
        let word = YAMLText.regexLiteral(key.word)
        switch key.shape {
        case .dashed: return word + "-\\d+" + String(repeating: "-\\d+", count: segments)
        case .spaced: return word + " #?\\d+"
        case .repository: return word + "#\\d+"
        }
    }

    /// The family's pattern: group 0 the ID as written, group 1 the number.
    static func pattern(_ key: TokenFamily.Key, segments: Int = 0) -> String {
        let word = YAMLText.regexLiteral(key.word)
        switch key.shape {
        case .dashed: return "\\b" + word + "-(\\d+)" + String(repeating: "-\\d+", count: segments)
        case .spaced: return "\\b" + word + " #?(\\d+)\\b"
        case .repository: return "(?<![\\w.-])" + word + "#(\\d+)\\b"
        }
    }

    /// A token of the family written with `number`.
    static func written(_ key: TokenFamily.Key, number: String) -> String {
        switch key.shape {
        case .dashed: return key.word + "-" + number
        case .spaced: return key.word + " " + number
        case .repository: return key.word + "#" + number
        }
    }

    // MARK: graphs

    mutating func writeGraphs() {
        lines.append("")
        var seen: Set<String> = []
        let graphs = findings.graphs.filter { seen.insert($0.path + "\u{0}" + ($0.graph.section ?? "")).inserted }
        guard !graphs.isEmpty else {
            appendNote("No Mermaid flowchart in the corpus: no graphs proposed (graph rules run only on the graphs "
                       + "listed under `graphs:`).")
            return
        }
        appendNote("Graphs: graph rules (dangling edges, cycles, classes) run only on these. A flowchart whose "
                   + "nodes are mostly numbered items (`NS01`) is proposed; the others are left commented out.")
        if graphs.contains(where: \.isDependencyGraph) { lines.append("graphs:") } else { appendNote("graphs:") }
        for entry in graphs {
            let graph = entry.graph
            let place = graph.section.map { "section \"\($0)\"" } ?? "no section"
            let numbered = graph.numberedNodes == 0 ? "none numbered" : "\(graph.numberedNodes) numbered like "
                + "`\(graph.exampleNode)`"
            appendNote("\(entry.path), \(place) (line \(graph.line)): a flowchart of \(graph.nodes) nodes, "
                       + "\(numbered)" + (entry.isDependencyGraph ? "." : ": not a dependency graph."), indent: 2)
            let comment = entry.isDependencyGraph ? "" : "# "
            let pathLine = "  \(comment)- paths: " + YAMLText.list([YAMLText.globLiteral(entry.path)])
            guard YAMLText.fits(pathLine) else {
                appendNote("(its path is too long for this file; add it by hand)", indent: 2)
                continue
            }
            lines.append(pathLine)
            if let section = graph.section {
                let line = "  \(comment)  sections: " + YAMLText.list(["^" + YAMLText.regexLiteral(section) + "$"])
                let fallback = "  \(comment)  # (the section title is too long for this file: add it by hand)"
                lines.append(YAMLText.fits(line) ? line : fallback)
            }
        }
    }

    mutating func appendNote(_ text: String, indent: Int = 0) { lines += YAMLText.comment(text, indent: indent) }
}
