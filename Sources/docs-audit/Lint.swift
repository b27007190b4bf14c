import ArgumentParser
import DocsAuditCore
import DocsAuditReporters
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `docs-audit lint`: findings as `path:line:col: severity: message [rule]`, or any CI format.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the corpus and report findings.",
        // Wrapped by hand: ArgumentParser prints the usage on one line (help must read at 80 columns).
        usage: """
        docs-audit lint [--root <dir>] [--config <file>] [--cache-dir <dir>]
                        [--no-cache] [--format <format>]
                        [--report <format[:file]> ...] [--baseline <file>]
                        [--write-baseline <file>] [--staged]
                        [--since <ref>] [--color | --no-color] [<path> ...]
        """,
        discussion: """
        Loads the whole corpus (every file, so cross-document rules see everything) and
        reports findings sorted by file, line and column. Success is quiet. Naming
        files (or folders) narrows the report to those files plus findings elsewhere
        that they cause (a renamed heading breaks a link in another file; in git, an ID
        the change removed since HEAD breaks its references). --staged reads the git
        index and, without paths, narrows to every staged change, deleted and renamed
        files included: the pre-commit use. When no Markdown file of the corpus is
        staged it exits 0 without reading the corpus. Each file's analysis is cached
        outside the corpus, so only files that changed since the last run are parsed
        again (--cache-dir, --no-cache; docs/integration.md).

        Examples:
          docs-audit lint --root .
          docs-audit lint --root . docs/plans/024-x.md   # named paths only
          docs-audit lint --root . --staged              # pre-commit: staged changes
          docs-audit lint --root . --report sarif:docs-audit.sarif --report text
          docs-audit lint --root . --write-baseline .docs-audit-baseline.json
          docs-audit lint --root . --baseline .docs-audit-baseline.json
          docs-audit lint --root . --since origin/develop # CI: what this change adds

        --since REF lints the tree of git revision REF too and reports only findings
        this change introduced (matched on rule, file and subject, so moved lines and
        renamed files do not count as new); standard error says how many were fixed
        and how many were already there.

        Formats: text, json, sarif, github, junit, checkstyle (docs/output.md).
        Suppress one finding with <!-- docs-audit-disable-next-line RULE -- reason -->
        (docs/rules.md).
        Exit codes: 0 no errors or warnings (info never fails), 1 findings, 2 usage or
        configuration error.
        """
    )

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: ArgumentHelp("Files or folders to report on (relative to the current folder); the whole "
                                     + "corpus is still read.",
                                 valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format for standard output: text, json, sarif, github, junit or checkstyle.",
            completion: .list(ReportFormat.allCases.map(\.rawValue)), transform: Lint.reportFormat)
    var format: ReportFormat = .text

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Write FORMAT to FILE (FORMAT:FILE), or to standard output (FORMAT alone). Repeatable; replaces --format.",
        valueName: "format[:file]"))
    var reports: [String] = []

    @Option(help: ArgumentHelp("Report only findings that this baseline does not already hold.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Report only findings that are new since this git revision.", valueName: "ref"))
    var since: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(
        "Write every current finding to a baseline file and exit 0.", valueName: "file"))
    var writeBaseline: String?

    @Flag(help: "Read staged file contents from the git index instead of the working tree.")
    var staged = false

    @Flag(name: .customLong("color"), inversion: .prefixedNo,
          help: "Colour text output (default: on a terminal unless NO_COLOR is set).")
    var color: Bool?

    func validate() throws {
        for report in reports {
            let parts = report.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            _ = try Lint.reportFormat(parts.first.map(String.init) ?? report)
            guard parts.count == 1 || !parts[1].isEmpty else {
                throw ValidationError("--report \(report): the file name is empty (write FORMAT alone for standard output)")
            }
        }
        if let since, let problem = GitObjects.revisionProblem(since) { throw ValidationError("--since: \(problem)") }
        if writeBaseline?.isEmpty == true { throw ValidationError("--write-baseline: the file name is empty") }
        _ = try relativePaths(paths, mustExist: !staged)
    }

    /// The format named `name`, or an error listing the formats and the likely one.
    static func reportFormat(_ name: String) throws -> ReportFormat {
        guard let format = ReportFormat(rawValue: name) else {
            let names = ReportFormat.allCases.map(\.rawValue)
            throw ValidationError("unknown report format `\(name)`\(DidYouMean.hint(name, in: names)) "
                + "(expected \(names.joined(separator: ", ")))")
        }
        return format
    }

    func run() throws {
        var index: GitIndex.Staged?
        var named: Set<String> = []
        var profile: Profile?
        if staged {
            let stagedIndex = try GitIndex.staged(root: corpus.root)
            index = stagedIndex
            // The hook runs on every commit: one that stages no Markdown file of the corpus cannot break it.
            if paths.isEmpty && writeBaseline == nil && since == nil {
                let loaded = try PhaseTimer.measure("profile") { try corpus.loadProfile() }
                guard stagedIndex.touchesCorpus(loaded) else {
                    PhaseTimer.note("no Markdown file of the corpus is staged: the corpus is not loaded")
                    return try report([], notices: [], profile: loaded, named: [], codePointColumn: \.column)
                }
                profile = loaded
            }
            named = try relativePaths(paths, mustExist: false)
            // A path staged for deletion is named but absent from the working tree.
            for path in paths where !FileManager.default.fileExists(atPath: path) {
                guard let relative = try relativePaths([path], mustExist: false).first,
                      stagedIndex.changes[relative] != nil else {
                    throw CorpusError("\(path): no such file in the working tree or the index")
                }
            }
            // Without paths (the pre-commit hook), every staged file, deleted and renamed ones included: the
            // links into them break. With paths, those plus the files staged for deletion, which a caller that
            // names staged files (pre-commit's pass_filenames) never names.
            let removed = stagedIndex.changes.filter { $0.value == .removed }.keys
            named = paths.isEmpty ? stagedIndex.paths : Lint.expanding(named, files: stagedIndex.paths).union(removed)
        } else {
            named = try relativePaths(paths, mustExist: true)
        }
        // A whole run with a cache replays the last whole run's result when none of its inputs changed (`RunMemo`).
        if paths.isEmpty && !staged && since == nil {
            let whole = try memoized()
            try report(whole.findings, notices: whole.notices, profile: whole.profile, named: named,
                       codePointColumn: whole.codePointColumn)
            return
        }
        let loaded = try corpus.loadCorpus(staged: index, profile: profile)
        if !staged { named = Lint.expanding(named, files: loaded.documents.map(\.path)) }
        // A narrowed run looks only where its findings can come from; a baseline written or a delta against a
        // revision needs every finding.
        let narrowed = (!paths.isEmpty || staged) && writeBaseline == nil && since == nil
        let result = Linter.run(loaded, focus: narrowed ? named : nil)
        KeptUntilExit.keep(loaded)
        KeptUntilExit.keep(result)
        // With --since, only what this change introduced (after the notices; not when writing a baseline).
        let delta: (([Finding]) throws -> [Finding])? = since.map { since in
            { findings in
                let evaluator = GateEvaluator(root: corpus.root, profile: loaded.profile, baseline: since,
                                              head: staged ? .staged : .workingTree)
                let delta = try evaluator.delta(of: findings, current: loaded, option: "--since")
                try Output.error("since \(since): \(delta.new.count) new, \(delta.fixed.count) fixed, "
                             + "\(delta.unchanged.count) already there")
                return delta.new
            }
        }
        try report(result.findings, notices: result.notices, profile: loaded.profile, named: named,
                   codePointColumn: loaded.codePointColumnLookup(result.findings), delta: delta)
    }

    /// Prints `notices`, then writes the baseline or reports `findings` (after `delta`, the baseline filter and
    /// the narrowing to `named`) in every requested format; exit 1 when they fail the run.
    private func report(_ all: [Finding], notices: [String], profile: Profile, named: Set<String>,
                        codePointColumn: @escaping @Sendable (Finding) -> Int,
                        delta: (([Finding]) throws -> [Finding])? = nil) throws {
        for notice in notices { try Output.error("info: " + notice) }
        var findings = all
        if let writeBaseline {
            try Baseline(findings: findings).write(writeBaseline)
            try Output.error("wrote \(findings.count) finding\(findings.count == 1 ? "" : "s") to \(writeBaseline)")
            return
        }
        if let delta { findings = try delta(findings) }
        if let baseline { findings = try Baseline.read(baseline).filter(findings) }
        if !paths.isEmpty || staged { findings = Linter.narrow(findings, to: named) }
        let report = Report(findings: findings, rules: RuleCatalog.descriptions(for: profile),
                            codePointColumn: codePointColumn)
        let targets = reports.isEmpty ? [format.rawValue] : reports
        for target in targets {
            let parts = target.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let chosen = parts.first.flatMap(ReportFormat.init(rawValue:)) else { continue }
            let colored = chosen == .text && (color ?? Output.colorByDefault) && parts.count == 1
            let text = try chosen.render(report, color: colored)
            if parts.count == 2 {
                try Output.writeFile(text, to: parts[1])
            } else {
                try Output.write(text)
            }
        }
        if !findings.isEmpty && targets.contains(where: { $0 == "text" || $0.hasPrefix("text:") }) {
            try Output.error(TextReporter.summary(findings))
        }
        if Linter.fails(findings) { throw ExitCode(1) }
    }

    /// `named` with each folder (`relative/`, or `""` for the root) replaced by the `files` under it.
    static func expanding(_ named: Set<String>, files: some Sequence<String>) -> Set<String> {
        let folders = named.filter { $0.isEmpty || $0.hasSuffix("/") }
        guard !folders.isEmpty else { return named }
        return named.subtracting(folders).union(files.filter { file in folders.contains { file.hasPrefix($0) } })
    }

    /// Paths as given on the command line (relative to the current folder), made relative to the corpus root.
    /// A path outside the root, or one that does not exist when `mustExist`, is a usage error that names the
    /// path, where it resolved to and the current folder.
    private func relativePaths(_ given: [String], mustExist: Bool) throws -> Set<String> {
        guard !given.isEmpty else { return [] }
        let current = FileManager.default.currentDirectoryPath
        let root = URL(fileURLWithPath: corpus.root).standardizedFileURL.resolvingSymlinksInPath().path
        var result = Set<String>()
        for path in given {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            let resolved = path.hasPrefix("/") ? ""
                : " (\(absolute): paths are relative to the current folder \(current))"
            guard absolute == root || absolute.hasPrefix(root + "/") else {
                throw ValidationError("\(path) is not inside the corpus root \(root)\(resolved)")
            }
            guard !mustExist || FileManager.default.fileExists(atPath: absolute) else {
                throw ValidationError("\(path): no such file\(resolved)")
            }
            let isFolder = (try? FileManager.default.attributesOfItem(atPath: absolute)[.type] as? FileAttributeType)
                == .typeDirectory
            // A folder (the root too) stands for the files under it: `Lint.expanding`.
            guard absolute != root else {
                result.insert("")
                continue
            }
            let relative = String(absolute.dropFirst(root.count + 1))
            result.insert(isFolder ? relative + "/" : relative)
        }
        return result
    }
}

extension ReportFormat: ExpressibleByArgument {}
