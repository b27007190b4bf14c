import ArgumentParser
import DocsAuditCore

/// The profile options of `rules` and `explain`: the rules a profile defines (`custom-rules`) are listed and
/// explained like the built-in ones.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The corpus root whose docs-audit.yml (if any) defines rules of its own.",
                                            valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp(
        "A profile to lay over the built-in one (default: <root>/docs-audit.yml when present).", valueName: "file"))
    var config: String?

    /// The profile of --root / --config (a config error exits 2).
    func profile() throws -> Profile { try ProfileLoader.load(root: root, configFile: config) }
}

/// `docs-audit rules`: the catalog.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every rule with its default severity and summary.",
        discussion: """
        Lists the built-in rules and the rules the profile defines (custom-rules in
        <root>/docs-audit.yml or --config).

        Example:
          docs-audit rules
          docs-audit rules --root docs
          docs-audit rules --format markdown > docs/rules.md
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @OptionGroup var profileOptions: ProfileOptions

    @Option(help: "text (one line a rule) or markdown (the full reference, as in docs/rules.md).")
    var format: Format = .text

    func run() throws {
        let descriptions = RuleCatalog.descriptions(for: try profileOptions.profile())
        switch format {
        case .text:
            let width = descriptions.map(\.id.count).max() ?? 0
            for rule in descriptions {
                let severity = rule.severity?.rawValue ?? "off"
                try Output.write(TextFormat.padded(rule.id, to: width + 2)
                    + TextFormat.padded(severity, to: 9) + rule.summary + "\n")
            }
        case .markdown:
            try Output.write(RuleDocumentation.markdown(descriptions))
        }
    }
}

/// `docs-audit explain RULE`: one rule in full.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule: what it finds, why, and an example reported and fixed.",
        usage: "docs-audit explain <rule> [--root <dir>] [--config <file>]",
        discussion: """
        A rule the profile defines (custom-rules) is explained too, and its examples
        are run: one that does not behave as labelled is reported on standard error
        (exit 1).

        Example:
          docs-audit explain graph/dangling-edge
          docs-audit explain custom/no-todo --root docs
        """)

    @OptionGroup var profileOptions: ProfileOptions

    @Argument(help: "A rule ID from `docs-audit rules`.")
    var rule: String

    /// An unknown rule is a usage error of `explain`, with the likely rule when there is one. A profile that does
    /// not load is left to `run`, which reports it as the config error it is.
    func validate() throws {
        guard let profile = try? profileOptions.profile() else { return }
        guard RuleCatalog.description(of: rule, in: profile) != nil else {
            let hint = DidYouMean.hint(rule, in: RuleCatalog.descriptions(for: profile).map(\.id))
            throw ValidationError("no rule `\(rule)`\(hint) (see `docs-audit rules`)")
        }
    }

    func run() throws {
        let profile = try profileOptions.profile()
        guard let description = RuleCatalog.description(of: rule, in: profile) else { return }
        let custom = profile.customRules.first(where: { $0.description.id == description.id })
        try Output.write(RuleDocumentation.explain(description, definition: custom?.definitionText))
        guard let custom else { return }
        let problems = CustomRuleExamples.mismatches(of: custom, profile: profile)
        guard !problems.isEmpty else { return }
        for problem in problems { try Output.error("\(custom.description.id): \(problem)") }
        throw ExitCode(1)
    }
}
