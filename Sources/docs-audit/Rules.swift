import ArgumentParser
import DocsAuditCore

/// `docs-audit rules`: the catalog.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every rule with its default severity and summary.",
        discussion: "Example:\n  docs-audit rules\n  docs-audit rules --format markdown > docs/rules.md")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "text (one line a rule) or markdown (the full reference, as in docs/rules.md).")
    var format: Format = .text

    func run() throws {
        switch format {
        case .text:
            let width = RuleCatalog.descriptions.map(\.id.count).max() ?? 0
            for rule in RuleCatalog.descriptions {
                let severity = rule.severity?.rawValue ?? "off"
                try Output.write(TextFormat.padded(rule.id, to: width + 2)
                    + TextFormat.padded(severity, to: 9) + rule.summary + "\n")
            }
        case .markdown:
            try Output.write(RuleDocumentation.markdown())
        }
    }
}

/// `docs-audit explain RULE`: one rule in full.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule: what it finds, why, and an example reported and fixed.",
        discussion: "Example:\n  docs-audit explain graph/dangling-edge")

    @Argument(help: "A rule ID from `docs-audit rules`.")
    var rule: String

    /// An unknown rule is a usage error of `explain`, with the likely rule when there is one.
    func validate() throws {
        guard RuleCatalog.description(of: rule) != nil else {
            let hint = DidYouMean.hint(rule, in: RuleCatalog.descriptions.map(\.id))
            throw ValidationError("no rule `\(rule)`\(hint) (see `docs-audit rules`)")
        }
    }

    func run() throws {
        guard let description = RuleCatalog.description(of: rule) else { return }
        try Output.write(RuleDocumentation.explain(description))
    }
}

import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
