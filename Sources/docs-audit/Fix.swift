import ArgumentParser
import DocsAuditCore
import DocsAuditReporters
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `docs-audit fix`: apply the safe fixes, list what needs a person.
struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the safe fixes; list the findings that need a person.",
        // Wrapped by hand: ArgumentParser prints the usage on one line (help must read at 80 columns).
        usage: """
        docs-audit fix [--root <dir>] [--config <file>] [--cache-dir <dir>]
                       [--no-cache] [--dry-run] [--include-frozen] [<path> ...]
        """,
        discussion: """
        Fixes only what needs no judgement: each finding's own fix (a custom rule's
        replacement; a line cite whose content git history shows moved, re-targeted
        to where it is now); #fragment links (in every file) into a heading renamed
        since the last commit (git: HEAD against the working tree); links broken by
        a file moved with `git mv` (links into it, its own relative links and its
        reference definitions); and sync's graph rewrites. Only a link's
        destination is rewritten, never its text or title. Overlapping fixes are
        refused. Writes are atomic and keep every other byte (a BOM, line endings,
        mode); a second run changes nothing. Frozen trees are left alone unless
        --include-frozen. Naming files fixes only findings in them or caused by
        them.

        Standard error lists each fix ("fixed PATH:LINE:COL OLD → NEW", or "would
        fix" with --dry-run), each error or warning left ("needs a person" with
        the reason) and a count: "N fixed, M need a person".

        Examples:
          docs-audit fix --root . --dry-run      # the change as a unified diff
          docs-audit fix --root .

        Exit codes: 0 nothing left, 1 findings need a person, 2 usage or
        configuration error.
        """)

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: ArgumentHelp("Files to fix (relative to the current folder).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Print the change as a unified diff; write nothing.")
    var dryRun = false

    @Flag(help: "Edit files in frozen trees too.")
    var includeFrozen = false

    func run() throws {
        let named = try paths.isEmpty ? nil : Set(paths.map(relative))
        let loaded = try corpus.loadCorpus()
        let result = Linter.run(loaded)
        for notice in result.notices { try Output.error("info: " + notice) }
        let plan = FixPlanner.plan(loaded, lint: result,
                                   options: FixPlanner.Options(includeFrozen: includeFrozen, paths: named))
        var fixed = 0
        if dryRun {
            try Output.write(plan.changes.map { UnifiedDiff.make($0.original, $0.updated, path: $0.path) }.joined())
            for change in plan.changes {
                for note in change.notes { try Output.error("would fix " + note) }
                fixed += change.notes.count
            }
        } else {
            try FixWriter.write(plan.changes, root: corpus.root) { change in
                for note in change.notes { try Output.error("fixed " + note) }
                fixed += change.notes.count
            }
        }
        for note in plan.notes { try Output.error("needs a person: " + note) }
        let codePointColumn = loaded.codePointColumnLookup(plan.leftovers.map(\.finding))
        for leftover in plan.leftovers {
            let finding = leftover.finding
            let column = codePointColumn(finding)
            try Output.error("needs a person: \(finding.file):\(finding.line):\(column): "
                             + "\(finding.severity.rawValue): \(finding.message) [\(finding.rule)] "
                             + "(\(leftover.reason))")
        }
        if let summary = Self.summary(fixed: fixed, dryRun: dryRun, notes: plan.notes.count,
                                      left: plan.leftovers.map(\.finding)) {
            try Output.error(summary)
        }
        if !plan.leftovers.isEmpty || !plan.notes.isEmpty { throw ExitCode(1) }
    }

    /// The closing line: how many were fixed (or would be, in a dry run) and how many need a person, by severity
    /// and, when there are many, by the rules with the most; nil when there was nothing to fix or leave.
    static func summary(fixed: Int, dryRun: Bool = false, notes: Int, left: [Finding]) -> String? {
        let need = notes + left.count
        guard fixed + need > 0 else { return nil }
        var line = "\(fixed) \(dryRun ? "would be fixed" : "fixed"), \(need) need\(need == 1 ? "s" : "") a person"
        if !left.isEmpty { line += " (\(TextReporter.summary(left)))" }
        if left.count > 10 {
            let counts = Dictionary(left.map { ($0.rule, 1) }, uniquingKeysWith: +)
            let most = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
            line += "; most: " + most.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        return line
    }

    /// `path` (relative to the current folder) relative to the corpus root; it must be inside the root.
    private func relative(_ path: String) throws -> String {
        guard let root = Self.realPath(corpus.root) else {
            throw ValidationError("\(corpus.root): the corpus root does not exist")
        }
        guard let absolute = Self.realPath(path) else { throw ValidationError("\(path): no such file") }
        guard absolute.hasPrefix(root + "/") else {
            throw ValidationError("\(path) is not inside the corpus root \(root)")
        }
        return String(absolute.dropFirst(root.count + 1))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
