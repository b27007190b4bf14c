/// Decides what `docs-audit fix` changes: every finding's own `fix` (custom-rule replacements, re-targeted
/// cites), the link edits (`LinkFixes`: links a `git mv` broke, `#fragment`s into a heading renamed since the
/// last commit), and `sync`'s graph rewrites; and says why each error or warning left is left (`FixReason`).
/// Only unambiguous edits are kept: overlapping ones are refused, frozen files are left alone unless asked.
public enum FixPlanner {
    /// Options of one run.
    public struct Options: Sendable {
        /// Edit files in frozen trees too.
        public var includeFrozen: Bool
        /// When not nil, only findings in (or caused by) these files are fixed and reported.
        public var paths: Set<String>?

        public init(includeFrozen: Bool = false, paths: Set<String>? = nil) {
            self.includeFrozen = includeFrozen
            self.paths = paths
        }
    }

    /// Rules whose findings `sync`'s rewrite settles.
    static let syncedRules: Set<String> = ["graph/status-class", "graph/set-claim", "graph/ready-with-open-upstream",
                                           "graph/blocked-without-open-upstream"]

    /// The plan for `corpus`, linted into `result`.
    public static func plan(_ corpus: Corpus, lint result: Linter.Result, options: Options) -> FixPlan {
        var findings = result.findings
        if let paths = options.paths { findings = Linter.narrow(findings, to: paths) }
        let context = LintContext(corpus: corpus, model: result.model)
        let frozen = Set(corpus.documents.filter(\.frozen).map(\.path))
        let links = LinkFixes(context, findings: findings, options: options, frozen: frozen)
        var edits: [String: [TextEdit]] = [:]
        // What each edit no finding carries does, for the note when it is refused.
        var purposes = links.edits
        // The edits that settle each finding: an index into `lists`, which findings of one link share.
        var lists = links.settlingLists
        var editOf: [Int: Int] = links.settling
        var reasons = links.reasons
        for (edit, _) in links.edits { edits[edit.path, default: []].append(edit) }
        for (index, finding) in findings.enumerated() {
            guard editOf[index] == nil, let edit = finding.fix else { continue }
            guard options.includeFrozen || !frozen.contains(edit.path) else {
                reasons[index] = FixReason.frozen(edit.path)
                continue
            }
            edits[edit.path, default: []].append(edit)
            lists.append([edit])
            editOf[index] = lists.count - 1
        }
        var notes = links.notes
        // Graph findings on a line sync rewrites are settled by that rewrite.
        var synced: (path: String, lines: Set<Int>)?
        if corpus.profile.declares(.graph), let sync = GraphSync.plan(context),
           options.paths.map({ $0.contains(sync.path) }) ?? true {
            notes += sync.unplaced
            if sync.changed {
                if options.includeFrozen || !frozen.contains(sync.path) {
                    let lines = lineEdits(sync.original, sync.updated, path: sync.path)
                    edits[sync.path, default: []] += lines
                    for edit in lines { purposes[edit] = "the graph rewrite" }
                    synced = (sync.path, Set(lines.map(\.line)))
                } else {
                    notes.append("\(sync.path): the graph is out of sync but in a frozen tree (--include-frozen)")
                }
            }
        }
        var changes: [FixPlan.FileChange] = []
        var refused: [TextEdit: String] = [:]
        for path in edits.keys.sorted() {
            guard let document = corpus.document(at: path), let pathEdits = edits[path] else { continue }
            let outcome = TextEditApplier.apply(pathEdits, to: document.source.text)
            for (edit, reason) in outcome.refused { refused[edit] = reason }
            guard outcome.text != document.source.text else { continue }
            changes.append(FixPlan.FileChange(path: path, original: document.source.text, updated: outcome.text,
                                              notes: describe(outcome.applied, in: document)))
        }
        let findingEdits = Set(lists.joined())
        let order = { (edit: TextEdit) in (edit.path, edit.line, edit.column) }
        for (edit, why) in refused.sorted(by: { order($0.key) < order($1.key) }) where !findingEdits.contains(edit) {
            notes.append("\(edit.path):\(edit.line): \(purposes[edit] ?? "a fix") was refused: \(why)")
        }
        // Why each list of edits was refused (its first refused edit), worked out once per list.
        let listRefusals = lists.map { list in list.lazy.compactMap { refused[$0] }.first }
        // The cites whose every span `cites/drift` re-targets (and the edit was not refused).
        let retargeted = MovedCites.places(findings, model: result.model) { index, _ in
            editOf[index].map { listRefusals[$0] == nil } ?? false
        }
        var leftovers: [FixPlan.Leftover] = []
        for (index, finding) in findings.enumerated() where finding.severity != .info {
            // A cite whose every span `cites/drift` re-targets no longer points where `cites/line-range` looked.
            if finding.rule == "cites/line-range",
               retargeted.contains(MovedCites.Place(path: finding.file, line: finding.line, column: finding.column)) {
                continue
            }
            if let list = editOf[index] {
                guard let why = listRefusals[list] else { continue }
                leftovers.append(FixPlan.Leftover(finding: finding, reason: FixReason.refused(why)))
                continue
            }
            if let synced, synced.path == finding.file, synced.lines.contains(finding.line),
               syncedRules.contains(finding.rule) { continue }
            let reason = reasons[index] ?? FixReason.withoutFix(finding, profile: corpus.profile)
            leftovers.append(FixPlan.Leftover(finding: finding, reason: reason))
        }
        return FixPlan(changes: changes, leftovers: leftovers, notes: notes)
    }

    struct Refusal: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// `path:line:column old → new` of each edit, the old text as the line held it, the column in code points
    /// (each line walked once, however many edits it has).
    private static func describe(_ applied: [TextEdit], in document: SourceDocument) -> [String] {
        var columns = applied.map(\.column)
        for (line, indices) in Dictionary(grouping: applied.indices, by: { applied[$0].line }) {
            let found = document.source.codePointColumns(line: line, utf8Columns: indices.map { applied[$0].column })
            for (index, column) in zip(indices, found ?? []) { columns[index] = column }
        }
        return zip(applied, columns).map { edit, column in
            let utf8 = (document.source.line(edit.line) ?? "").utf8
            let start = min(max(0, edit.column - 1), utf8.count)
            let end = start + min(utf8.count - start, max(0, edit.length))
            let old = String(decoding: utf8.dropFirst(start).prefix(end - start), as: UTF8.self)
            return "\(edit.path):\(edit.line):\(column) \(VisibleText.escape(old)) → "
                + VisibleText.escape(edit.replacement)
        }
    }

    /// One whole-line edit per line that differs (`sync` keeps the line structure).
    private static func lineEdits(_ original: String, _ updated: String, path: String) -> [TextEdit] {
        let before = SourceText(original)
        let after = SourceText(updated)
        guard before.lineCount == after.lineCount else { return [] }
        return (1...max(1, before.lineCount)).compactMap { number in
            guard let old = before.line(number), let new = after.line(number), old != new else { return nil }
            return TextEdit(path: path, line: number, column: 1, length: old.utf8.count, replacement: String(new))
        }
    }
}
