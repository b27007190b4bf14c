/// Decides what `docs-audit fix` changes: every finding's own `fix` (custom-rule replacements, re-targeted
/// cites), `#fragment`s of links into a heading renamed since the last commit, the paths of links into a file
/// moved since then (`MovedFileLinks`), and `sync`'s graph rewrites.
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
        var edits: [String: [TextEdit]] = [:]
        var editOf: [Int: TextEdit] = [:]
        var reasons: [Int: String] = [:]
        // nil: no commit to compare with, so a renamed heading cannot be told from a missing one.
        let renames = findings.contains { $0.rule == "links/missing-anchor" } ? HeadingRenames.find(in: corpus) : [:]
        let moves = findings.contains { $0.rule == "links/missing-file" } ? MovedFileLinks.moves(in: corpus) : [:]
        let links = Dictionary(grouping: result.model.links) {
            LinkPlace(path: $0.path, line: $0.line, column: $0.column)
        }
        for (index, finding) in findings.enumerated() {
            var edit = finding.fix
            if edit == nil, finding.rule == "links/missing-anchor" {
                let place = LinkPlace(path: finding.file, line: finding.line, column: finding.column)
                switch fragmentEdit(links[place] ?? [], renames: renames, context: context) {
                case let .success(found): edit = found
                case let .failure(why): reasons[index] = why.text
                }
            }
            if edit == nil, finding.rule == "links/missing-file" {
                let place = LinkPlace(path: finding.file, line: finding.line, column: finding.column)
                let candidates = links[place] ?? []
                if candidates.count == 1, let link = candidates.first {
                    switch MovedFileLinks.edit(link, moves: moves, corpus: corpus) {
                    case let .success(found): edit = found
                    case let .failure(why): reasons[index] = why.text
                    }
                } else {
                    reasons[index] = "the link cannot be told apart from another at the same place"
                }
            }
            guard let edit else { continue }
            guard options.includeFrozen || !frozen.contains(edit.path) else {
                reasons[index] = "\(edit.path) is in a frozen tree (--include-frozen fixes it)"
                continue
            }
            edits[edit.path, default: []].append(edit)
            editOf[index] = edit
        }
        var notes: [String] = []
        // Graph findings on a line sync rewrites are settled by that rewrite.
        var synced: (path: String, lines: Set<Int>)?
        if corpus.profile.declares(.graph), let sync = GraphSync.plan(context),
           options.paths.map({ $0.contains(sync.path) }) ?? true {
            notes += sync.unplaced
            if sync.changed {
                if options.includeFrozen || !frozen.contains(sync.path) {
                    let lines = lineEdits(sync.original, sync.updated, path: sync.path)
                    edits[sync.path, default: []] += lines
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
            // `path:line:column old → new`, the old text as the line held it.
            let lines = outcome.applied.map { edit in
                let bytes = Array((document.source.line(edit.line) ?? "").utf8)
                let start = min(max(0, edit.column - 1), bytes.count)
                let old = String(decoding: bytes[start..<min(bytes.count, start + max(0, edit.length))], as: UTF8.self)
                let column = corpus.codePointColumn(path: path, line: edit.line, utf8Column: edit.column)
                return "\(path):\(edit.line):\(column) \(VisibleText.escape(old)) → "
                    + VisibleText.escape(edit.replacement)
            }
            changes.append(FixPlan.FileChange(path: path, original: document.source.text, updated: outcome.text,
                                              notes: lines))
        }
        let findingEdits = Set(editOf.values)
        for (edit, why) in refused where !findingEdits.contains(edit) {
            notes.append("\(edit.path):\(edit.line): the graph rewrite was refused: \(why)")
        }
        // The cites whose every span `cites/drift` re-targets (and the edit was not refused).
        let retargeted = MovedCites.places(findings, model: result.model) { index, _ in
            editOf[index].map { refused[$0] == nil } ?? false
        }
        var leftovers: [FixPlan.Leftover] = []
        for (index, finding) in findings.enumerated() where finding.severity != .info {
            // A cite whose every span `cites/drift` re-targets no longer points where `cites/line-range` looked.
            if finding.rule == "cites/line-range",
               retargeted.contains(MovedCites.Place(path: finding.file, line: finding.line, column: finding.column)) {
                continue
            }
            if let edit = editOf[index] {
                guard let why = refused[edit] else { continue }
                leftovers.append(FixPlan.Leftover(finding: finding, reason: "its fix was refused: \(why)"))
                continue
            }
            if let synced, synced.path == finding.file, synced.lines.contains(finding.line),
               syncedRules.contains(finding.rule) { continue }
            let reason = reasons[index] ?? (finding.rule == "cites/drift"
                ? "the cited lines were rewritten or deleted: only a person can tell what the cite should point at now"
                : "no safe automatic fix")
            leftovers.append(FixPlan.Leftover(finding: finding, reason: reason))
        }
        return FixPlan(changes: changes, leftovers: leftovers, notes: notes)
    }

    private struct LinkPlace: Hashable {
        var path: String
        var line: Int
        var column: Int
    }

    struct Refusal: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// The edit that points a link's `#fragment` at the renamed heading's new slug.
    private static func fragmentEdit(_ candidates: [LinkRef], renames: [String: [String: String]]?,
                                     context: LintContext) -> Result<TextEdit, Refusal> {
        guard candidates.count == 1, let link = candidates.first, let fragment = link.fragment else {
            return .failure(Refusal("the link cannot be told apart from another at the same place"))
        }
        let target = link.target ?? link.path
        guard let renames else {
            return .failure(Refusal("no commit to compare with, so a renamed heading cannot be told from a "
                                    + "missing one"))
        }
        guard let renamed = renames[target]?[fragment] else {
            return .failure(Refusal("no heading of \(target) was renamed from `\(fragment)` since the last commit"))
        }
        guard let line = context.corpus.document(at: link.path)?.source.line(link.line) else {
            return .failure(Refusal("the link's line is not in \(link.path)"))
        }
        let bytes = Array(line.utf8)
        let wanted = Array(("#" + fragment).utf8)
        let from = max(0, link.column - 1)
        var hits: [Int] = []
        var index = from
        while index + wanted.count <= bytes.count {
            if bytes[index..<(index + wanted.count)].elementsEqual(wanted) {
                let after = index + wanted.count
                if after == bytes.count || [0x29, 0x3E, 0x20, 0x09, 0x22, 0x27].contains(bytes[after]) {
                    hits.append(index)
                    break
                }
            }
            index += 1
        }
        guard let start = hits.first else {
            return .failure(Refusal("the fragment `#\(fragment)` is not written out on the link's line"))
        }
        return .success(TextEdit(path: link.path, line: link.line, column: start + 2, length: wanted.count - 1,
                                 replacement: renamed))
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
