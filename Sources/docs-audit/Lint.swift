import ArgumentParser
import DocsAuditCore
import DocsAuditReporters

/// `docs-audit lint`: findings as `path:line:col: severity: message [rule]`.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the corpus and report findings.",
        discussion: """
        Loads the whole corpus and reports what is wrong, sorted by file, line and column. Success is quiet.
        For now it reports input that cannot be read or parsed faithfully (input/*): files that are not
        UTF-8, binary files, broken or escaping symbolic links, unreadable or oversized files.

        Examples:
          docs-audit lint --root .
          docs-audit lint --root . --format json

        Exit codes: 0 no findings, 1 findings, 2 usage or configuration error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let loaded = try corpus.loadCorpus()
        let findings = Linter.lint(loaded)
        switch format {
        case .text:
            Output.write(TextReporter.render(findings, color: Output.isTerminal))
            if !findings.isEmpty { Output.error(TextReporter.summary(findings)) }
        case .json:
            Output.write(try FindingsJSONReporter.render(findings))
        }
        if !findings.isEmpty { throw ExitCode(1) }
    }
}
