import ArgumentParser
import DocsAuditCore
import DocsAuditReporters

/// Options shared by `gates` and `report`.
struct ReadinessOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The git revision the audit started from (a tag, a branch, a commit).", valueName: "ref"))
    var baseline: String

    @Option(help: "The tier whose plans are audited (from the build order).")
    var tier: Int?

    @Option(help: ArgumentHelp("Plans to audit instead of a tier: numbers (003,005) or the profile's labels.",
                               valueName: "list"))
    var plans: String?

    @Option(help: ArgumentHelp("The audit's findings ledger: a folder of finding files and REVIEW.md (docs/ledger.md).", valueName: "path"))
    var ledger: String?

    @Flag(help: "Compare the git index (staged files) instead of the working tree.")
    var staged = false

    @Option(help: ArgumentHelp("Compare this revision instead of the working tree.", valueName: "ref"))
    var head: String?

    func validate() throws {
        if tier == nil && plans == nil { throw ValidationError("give --tier K or --plans 003,005") }
        if let plans, plans.split(separator: ",").allSatisfy({ $0.trimmed.isEmpty }) {
            throw ValidationError("--plans names no plan: give plan numbers or labels, such as 003,005")
        }
        if tier != nil && plans != nil { throw ValidationError("give --tier or --plans, not both") }
        if staged && head != nil { throw ValidationError("give --staged or --head, not both") }
        if let problem = GitObjects.revisionProblem(baseline) { throw ValidationError("--baseline: \(problem)") }
        if let head, let problem = GitObjects.revisionProblem(head) { throw ValidationError("--head: \(problem)") }
    }

    /// Runs the evaluator; the ledger it read comes back with the verdicts, for reports.
    func evaluate(_ corpus: CorpusOptions, compareFindings: Bool = false) throws -> (GateEvaluator.Evaluation, Ledger?) {
        let profile = try ProfileLoader.load(root: corpus.root, configFile: corpus.config)
        if let error = GateEvaluator.undeclaredGates(profile) { throw error }
        let ledgerData = try ledger.map { try Ledger.read($0, profile: profile) }
        let headMode: GateEvaluator.Head = staged ? .staged : head.map { .revision($0) } ?? .workingTree
        let evaluator = GateEvaluator(root: corpus.root, profile: profile, baseline: baseline, head: headMode, ledger: ledgerData)
        let list = plans?.split(separator: ",").map { String($0).trimmed } ?? []
        return (try evaluator.evaluate(tier: tier, plans: list, compareFindings: compareFindings), ledgerData)
    }
}

/// `docs-audit gates`: G1–G7 and B1–B6 against a baseline revision.
struct Gates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gates",
        abstract: "Compute readiness gates G1–G7 and calibration bands B1–B6 against a baseline revision.",
        // Wrapped by hand: ArgumentParser prints the usage on one line (help must read at 80 columns).
        usage: """
        docs-audit gates [--root <dir>] [--config <file>] [--cache-dir <dir>]
                         [--no-cache] --baseline <ref> [--tier <tier>]
                         [--plans <list>] [--ledger <path>] [--staged]
                         [--head <ref>] [--format <format>] [--strict]
        """,
        discussion: """
        Reads each audited plan's baseline version through git and compares it with the
        working tree (or the index, or another revision). A figure with no input is
        shown as "not measured", never as a pass. The baseline's tree is linted too: a
        line says how many findings this change introduced (by rule), fixed, and left
        as they were.

        Examples:
          docs-audit gates --root . --baseline tier-1-baseline --tier 1
          docs-audit gates --root . --baseline main --plans 003,005 \\
            --ledger .agents/scratch/audit --format md

        Exit codes: 0 every gate passes (bands out of range only warn), 1 a gate fails
        (or, with --strict, a band is out of range), 2 usage or configuration error.
        """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var readiness: ReadinessOptions

    @Option(help: "text, json or md.")
    var format: GateRenderer.Format = .text

    @Flag(help: "Fail when a calibration band is out of range, not only when a gate fails.")
    var strict = false

    func run() throws {
        let report = try readiness.evaluate(corpus, compareFindings: true).0.report
        try Output.write(try GateRenderer.render(report, format: format))
        if report.bandOutOfRange && !strict {
            try Output.error("a calibration band is out of range (warning; --strict fails the run)")
        }
        if report.gateFailed || (strict && report.bandOutOfRange) { throw ExitCode(1) }
    }
}

extension GateRenderer.Format: ExpressibleByArgument {}
