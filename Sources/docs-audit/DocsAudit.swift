import ArgumentParser
import DocsAuditCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `docs-audit` command. Every command names itself (`commandName`): without it ArgumentParser derives each
/// name from the type by reflection (`String(describing:)`), about 10M instructions of every run.
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
          docs-audit init --root docs          # a commented starter docs-audit.yml

        Exit codes: 0 clean, 1 findings (or unreadable input), 2 usage or configuration
        error.
        """,
        version: DocsAuditVersion.current,
        subcommands: [Extract.self, Lint.self, Graph.self, Sync.self, Gates.self, ReportCommand.self, Rules.self,
                      Explain.self, Init.self, Config.self, Fix.self]
    )

    /// Runs the command and maps every outcome onto the exit codes 0 / 1 / 2 (never ArgumentParser's 64).
    static func main() {
        Output.reserveClosedStreams()
        // The cache index is written while the rules run; it is waited for below, before the process exits.
        BackgroundWork.allow()
        var code: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            code = 0
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch let failure as Output.StreamError {
            Output.reportFailure(failure)
            code = 2
        } catch let error as ConfigError {
            code = report("config error: \(error)")
        } catch let error as CorpusError {
            code = report(error.description)
        } catch {
            let exitCode = Self.exitCode(for: error)
            let message = Self.fullMessage(for: error)
            if exitCode == .success {
                code = 0
                if !message.isEmpty {
                    do { try Output.write(message + "\n") } catch let failure as Output.StreamError {
                        Output.reportFailure(failure)
                        code = 2
                    } catch { code = 2 }
                }
            } else {
                code = message.isEmpty ? 2 : report(message, multiline: true)
            }
        }
        PhaseTimer.measure("wait for background work") { BackgroundWork.finish() }
        #if canImport(Glibc)
        Glibc.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }

    /// Prints an error to standard error (or, when that fails, says so on standard output); always exit 2.
    private static func report(_ message: String, multiline: Bool = false) -> Int32 {
        do { try Output.error(message, multiline: multiline) } catch let failure as Output.StreamError {
            Output.reportFailure(failure)
        } catch {}
        return 2
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

    /// The cache folder this run uses, if any: created 0700 when missing; one that is not safe to trust (a
    /// symbolic link, another user's, writable by others) is refused with a one-line warning, and the run goes
    /// on without the cache.
    var cacheDirectory: String? {
        guard !noCache, let directory = cacheDir ?? AnalysisCache.defaultDirectory() else { return nil }
        if let refusal = AnalysisCache.prepare(directory: directory) {
            // A warning that cannot be printed costs nothing: the run goes on, and its own output reports a dead stream.
            try? Output.error("warning: not using the cache folder \(directory): \(refusal); running without the cache")
            return nil
        }
        return directory
    }

    /// Loads the profile and the corpus, or throws a configuration/corpus error (exit 2). Without `keepingText`
    /// the documents' texts are dropped once analysed (a command that needs only the analyses). A `profile` the
    /// caller already loaded is not loaded again.
    func loadCorpus(staged: GitIndex.Staged? = nil, keepingText: Bool = true, profile loaded: Profile? = nil)
        throws -> Corpus {
        let profile = try loaded ?? PhaseTimer.measure("profile") { try loadProfile() }
        return try PhaseTimer.measure("read and analyse") {
            try CorpusLoader.load(root: root, profile: profile, staged: staged, cacheDirectory: cacheDirectory,
                                  keepingText: keepingText)
        }
    }

    /// The profile of --root / --config (a config error exits 2).
    func loadProfile() throws -> Profile { try ProfileLoader.load(root: root, configFile: config) }
}
