import ArgumentParser
import DocsAuditCore
import Foundation

/// The `docs-audit` command.
@main
struct DocsAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs-audit",
        abstract: "Audit a docs-first Markdown corpus of plans, specs, ADRs and contracts.",
        discussion: """
        docs-audit parses every Markdown file once with cmark-gfm and checks the
        structure the corpus declares: Tasks blocks, invariants, cross-plan
        obligations, method registries, the next-steps DAG, the backlog. Conventions
        come from rules/default.yml, or a docs-audit.yml at the corpus root.

        Examples:
          docs-audit extract --root docs       # the whole corpus as one JSON model
          docs-audit extract --root docs --format text
          docs-audit lint --root docs          # path:line:col findings; exit 1 if any
          docs-audit lint --root docs --format sarif   # for code scanning
          docs-audit rules                     # every rule; `explain RULE` for one

        Exit codes: 0 clean, 1 findings (or unreadable input), 2 usage or configuration
        error.
        """,
        version: DocsAuditVersion.current,
        subcommands: [Extract.self, Lint.self, Graph.self, Sync.self, Gates.self, ReportCommand.self, Rules.self, Explain.self]
    )

    /// Runs the command and maps every outcome onto the exit codes 0 / 1 / 2 (never ArgumentParser's 64).
    static func main() {
        let code: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            code = 0
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch let error as ConfigError {
            Output.error("config error: \(error)")
            code = 2
        } catch let error as CorpusError {
            Output.error(error.description)
            code = 2
        } catch {
            let exitCode = Self.exitCode(for: error)
            let message = Self.fullMessage(for: error)
            if exitCode == .success {
                if !message.isEmpty { Output.write(message + "\n") }
                code = 0
            } else {
                if !message.isEmpty { Output.error(message) }
                code = 2
            }
        }
        Foundation.exit(code)
    }
}

/// Options every subcommand shares.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The corpus root: the folder whose Markdown files are audited.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("A profile to lay over the built-in one (default: <root>/docs-audit.yml when present).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("""
        Where per-file analyses are cached between runs (default: $DOCS_AUDIT_CACHE_DIR, else \
        $XDG_CACHE_HOME/docs-audit, else ~/.cache/docs-audit). Never inside the corpus unless you point it there.
        """, valueName: "dir"))
    var cacheDir: String?

    @Flag(name: .long, help: "Analyse every file afresh and neither read nor write the cache.")
    var noCache = false

    /// The cache folder this run uses, if any.
    var cacheDirectory: String? { noCache ? nil : cacheDir ?? AnalysisCache.defaultDirectory() }

    /// Loads the profile and the corpus, or throws a configuration/corpus error (exit 2).
    func loadCorpus(overlay: [String: String?] = [:]) throws -> Corpus {
        let profile = try PhaseTimer.measure("profile") { try ProfileLoader.load(root: root, configFile: config) }
        return try PhaseTimer.measure("read and analyse") {
            try CorpusLoader.load(root: root, profile: profile, overlay: overlay, cacheDirectory: cacheDirectory)
        }
    }
}
