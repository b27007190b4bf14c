/// The starter `docs-audit.yml` text: every proposal with a comment saying what evidence it came from, in the
/// key names of profile schema v2 (docs/configuration.md). Lines are at most `YAMLText.width` columns.
struct StarterProfile {
    let findings: CorpusFindings
    /// Whether the corpus is laid out like the built-in profile (`extends: default`).
    let extendsDefault: Bool
    let defaultProfile: Profile
    let skipped: [InputProblem]
    var lines: [String] = []

    init(survey: CorpusInspector.Survey, defaultProfile: Profile, rootName: String) {
        self.defaultProfile = defaultProfile
        skipped = survey.skipped
        // The built-in layout: files in at least two of the default's titled kinds (plans, specs, ADRs, …).
        let titled = Set(defaultProfile.kinds.filter { $0.title != nil }.map(\.name))
        let populated = Set(survey.files.map { defaultProfile.kind(of: $0.path) }).intersection(titled)
        let extendsDefault = populated.count >= 2
        self.extendsDefault = extendsDefault
        findings = CorpusFindings(survey.files, otherKind: { extendsDefault ? defaultProfile.kind(of: $0) : "other" })
        writeTop(populated: populated.sorted())
        writeKinds()
        writeIDs()
        writeGraphs()
    }

    /// The file's bytes: UTF-8 lines ending in a newline.
    var text: String { lines.joined(separator: "\n") + "\n" }

    private mutating func note(_ text: String, indent: Int = 0) { lines += YAMLText.comment(text, indent: indent) }

    private mutating func writeTop(populated: [String]) {
        note("docs-audit.yml: a starter profile written by `docs-audit init` from \(findings.fileCount) Markdown "
             + "files. Every proposal says what it came from; edit it, then run `docs-audit lint`. The keys are "
             + "profile schema v2 (docs/configuration.md).")
        if !skipped.isEmpty {
            let names = skipped.prefix(5).map { "\($0.path) (\($0.code))" }.joined(separator: ", ")
            let verb = skipped.count == 1 ? "was" : "were"
            let more = skipped.count > 5 ? ", …" : ""
            note("\(YAMLText.count(skipped.count, "file")) \(verb) not read: \(names)\(more).")
        }
        lines.append("version: 2")
        if extendsDefault {
            note("The corpus has files where the built-in profile expects \(populated.joined(separator: ", ")) "
                 + "documents: its layout is the default one.")
            lines.append("extends: default")
        } else {
            note("The corpus does not have the built-in profile's layout (docs/plans, docs/specs, "
                 + "docs/decisions with numbered files): start from the engine alone.")
            lines.append("extends: none")
        }
    }

    // MARK: kinds

    private mutating func writeKinds() {
        lines.append("")
        if findings.kinds.isEmpty && findings.templates.isEmpty {
            note("No folder holds two or more files whose names start with a number (`0042-x.md`): no kinds "
                 + "proposed.")
            return
        }
        note("Kinds: the first whose paths match a file gives its kind. The list replaces the inherited one as "
             + "a whole.")
        if findings.unproposedFolders > 0 {
            note("Only the \(findings.kinds.count) folders with the most numbered files are proposed; "
                 + "\(findings.unproposedFolders) more were left out.")
        }
        lines.append("kinds:")
        if extendsDefault {
            writeDefaultKinds()
        } else {
            writeTemplateKind(paths: nil)
            for kind in findings.kinds { writeKind(kind, inherited: nil) }
            note("Every other file.", indent: 2)
            lines.append("  - name: other")
            lines.append("    paths: ['**']")
        }
    }

    /// The default profile's kinds, in order, with the proposals laid over those of the same name; proposals
    /// of new names go before the last (catch-all) kind.
    private mutating func writeDefaultKinds() {
        let inherited = defaultProfile.kinds
        let names = Set(inherited.map(\.name))
        for (index, rule) in inherited.enumerated() {
            if index == inherited.count - 1 {
                for kind in findings.kinds where !names.contains(kind.name) { writeKind(kind, inherited: nil) }
            }
            if rule.name == "template" {
                writeTemplateKind(paths: rule.paths.map(\.source))
            } else if let kind = findings.kinds.first(where: { $0.name == rule.name }) {
                writeKind(kind, inherited: rule)
            } else {
                note("From the built-in profile.", indent: 2)
                writeInherited(rule)
            }
        }
    }

    private mutating func writeInherited(_ rule: DocumentKindRule) {
        lines.append("  - name: " + YAMLText.scalar(rule.name))
        lines.append("    paths: " + YAMLText.list(rule.paths.map(\.source)))
        if let title = rule.title { lines.append("    title: " + YAMLText.scalar(title.source)) }
        if !rule.statuses.isEmpty { lines.append("    statuses: " + YAMLText.list(rule.statuses)) }
    }

    private mutating func writeTemplateKind(paths inherited: [String]?) {
        let found = findings.templates
        if let inherited {
            note("From the built-in profile; \(YAMLText.count(found.count, "template file")) found.", indent: 2)
            lines.append("  - name: template")
            lines.append("    paths: " + YAMLText.list(inherited))
            return
        }
        guard !found.isEmpty else { return }
        note("\(YAMLText.count(found.count, "template")): file names with `template` or an all-zero number.", indent: 2)
        lines.append("  - name: template")
        let globs = found.map(YAMLText.globLiteral)
        let listed = globs.filter { YAMLText.fits("      - " + YAMLText.scalar($0)) }
        if listed.count == found.count, listed.count <= 12 {
            lines.append("    paths:")
            for glob in listed { lines.append("      - " + YAMLText.scalar(glob)) }
        } else {
            lines.append("    paths: ['**/*template*.md', '**/0000-*.md', '**/000-*.md']")
        }
    }

    private mutating func writeKind(_ kind: CorpusFindings.Kind, inherited: DocumentKindRule?) {
        let digits = kind.width.map { String(repeating: "[0-9]", count: $0) } ?? "[0-9]*"
        let prefix = kind.folder.isEmpty ? "" : kind.folder + "/"
        let glob = YAMLText.globLiteral(prefix) + digits + "-*.md"
        let low = kind.numbers.min() ?? 0
        let high = kind.numbers.max() ?? 0
        note("\(prefix.isEmpty ? "The root" : prefix): \(YAMLText.count(kind.files.count, "file")) named with a number "
             + "(\(low) to \(high))" + (inherited == nil ? "." : "; the rest of this entry is the built-in one."),
             indent: 2)
        lines.append("  - name: " + YAMLText.scalar(kind.name))
        if let inherited {
            lines.append("    paths: " + YAMLText.list(inherited.paths.map(\.source)))
            if let title = inherited.title { lines.append("    title: " + YAMLText.scalar(title.source)) }
            if !inherited.statuses.isEmpty { lines.append("    statuses: " + YAMLText.list(inherited.statuses)) }
        } else {
            let line = "    paths: " + YAMLText.list([glob])
            lines.append(YAMLText.fits(line) ? line : "    paths: " + YAMLText.list(["**/" + digits + "-*.md"]))
        }
        let pattern = kind.width.map { "^(\\d{\($0)})-" } ?? "^(\\d+)-"
        lines.append("    number: {from: file-name, pattern: " + YAMLText.scalar(pattern) + "}")
        writeHeader(kind)
    }

    private mutating func writeHeader(_ kind: CorpusFindings.Kind) {
        guard let header = kind.header else {
            note("No header form is shared by most of these files (a table or a `Field: value` list before the "
                 + "first `##`, or YAML front matter).", indent: 4)
            return
        }
        note("Header: \(header.form.phrase) in \(header.filesWithForm) of \(kind.files.count) files. A field "
             + "present in 90 % of the files or more is required.", indent: 4)
        lines.append("    header:")
        lines.append("      form: " + header.form.rawValue)
        guard !header.fields.isEmpty else { return }
        lines.append("      fields:")
        for field in header.fields {
            let required = field.count * 10 >= kind.files.count * 9
            let identity = kind.identities[field.name].map {
                ", identity: " + YAMLText.scalar(Self.pattern($0))
            } ?? ""
            let name = "        " + YAMLText.scalar(field.name) + ": {required: \(required)"
            let line = YAMLText.fits(name + identity + "}") ? name + identity + "}" : name + "}"
            let evidence = "  # present in \(field.count) of \(kind.files.count) files"
            if YAMLText.fits(line + evidence) {
                lines.append(line + evidence)
            } else {
                note("present in \(field.count) of \(kind.files.count) files", indent: 8)
                lines.append(line)
            }
        }
        if header.rarerFields > 0 {
            note("\(header.rarerFields) rarer fields (in fewer than 10 % of the files) are not listed.", indent: 6)
        }
    }
}
