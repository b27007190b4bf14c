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
        commandName: "rules",
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
            try Output.write(Rules.table(descriptions))
        case .markdown:
            try Output.write(RuleDocumentation.markdown(descriptions))
        }
    }

    /// One line a rule: ID, default severity, summary, in aligned columns.
    static func table(_ descriptions: [RuleDescription]) -> String {
        let width = descriptions.map(\.id.count).max() ?? 0
        return descriptions.map { rule in
            TextFormat.padded(rule.id, to: width + 2) + TextFormat.padded(rule.severity?.rawValue ?? "off", to: 9)
                + rule.summary + "\n"
        }.joined()
    }
}

/// `docs-audit explain RULE`: one rule in full; `explain CATEGORY`: the rules of a category.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it finds, why, and an example reported and fixed.",
        usage: "docs-audit explain <rule> [--root <dir>] [--config <file>]",
        discussion: """
        A rule the profile defines (custom-rules) is explained too, and its examples
        are run: one that does not behave as labelled is reported on standard error
        (exit 1). A category (the part of a rule ID before `/`, such as `links`)
        lists its rules.

        Example:
          docs-audit explain graph/dangling-edge
          docs-audit explain links
          docs-audit explain custom/no-todo --root docs
        """)

    @OptionGroup var profileOptions: ProfileOptions

    @Argument(help: "A rule ID or a category from `docs-audit rules`.")
    var rule: String

    /// An unknown rule or category is a usage error of `explain`, with the likely rule ID or category when there
    /// is one. A profile that does not load is left to `run`, which reports it as the config error it is.
    func validate() throws {
        guard let profile = try? profileOptions.profile() else { return }
        let descriptions = RuleCatalog.descriptions(for: profile)
        guard RuleCatalog.description(of: rule, in: profile) == nil,
              !RuleCatalog.categories(of: descriptions).contains(rule) else { return }
        let hint = DidYouMean.hint(rule, in: descriptions.map(\.id) + RuleCatalog.categories(of: descriptions))
        let kind = rule.contains("/") ? "rule" : "rule or category"
        throw ValidationError("no \(kind) `\(rule)`\(hint) (see `docs-audit rules`)")
    }

    func run() throws {
        let profile = try profileOptions.profile()
        guard let description = RuleCatalog.description(of: rule, in: profile) else {
            let members = RuleCatalog.descriptions(for: profile).filter { $0.category == rule }
            guard !members.isEmpty else { return }
            let count = "\(members.count) rule\(members.count == 1 ? "" : "s")"
            return try Output.write("\(rule): \(count) (`docs-audit explain RULE` for one)\n\n" + Rules.table(members))
        }
        let custom = profile.customRules.first(where: { $0.description.id == description.id })
        try Output.write(RuleDocumentation.explain(description, definition: custom?.definitionText))
        guard let custom else { return }
        let problems = CustomRuleExamples.mismatches(of: custom, profile: profile)
        guard !problems.isEmpty else { return }
        for problem in problems { try Output.error("\(custom.description.id): \(problem)") }
        throw ExitCode(1)
    }
}
