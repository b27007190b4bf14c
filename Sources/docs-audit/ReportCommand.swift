import ArgumentParser
import DocsAuditCore
import DocsAuditReporters

/// `docs-audit report`: the readiness report for reviewers.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a readiness report: gates and bands, Tasks by Phase, the ledger, lint findings, the graphs.",
        discussion: """
        Markdown renders on GitHub (graphs as mermaid blocks). HTML is one
        self-contained page (inline CSS; graphs as inline SVG when Graphviz `dot` is
        installed, else their Mermaid source); all corpus text is escaped.

        Examples:
          docs-audit report --root . --baseline tier-1-baseline --tier 1 > report.md
          docs-audit report --root . --baseline main --tier 2 --format html \\
            -o report.html
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var readiness: ReadinessOptions

    @Option(help: "md or html.")
    var format: Format = .md

    enum Graphs: String, ExpressibleByArgument, CaseIterable {
        case auto, svg, mermaid
    }

    @Option(help: "HTML graphs: auto (SVG when Graphviz dot is installed), svg (require dot) or mermaid (source only).")
    var graphs: Graphs = .auto

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        // The evaluation already linted the corpus and read the ledger: the report reuses both.
        let (evaluation, ledger) = try readiness.evaluate(corpus)
        let profile = evaluation.context.profile
        let report = ReadinessReport(gates: evaluation.report, context: evaluation.context,
                                     findings: evaluation.findings, ledger: ledger)
        let critical = Set(profile.gates.criticalSeverities)
        let svg: (String) -> String?
        switch graphs {
        case .auto: svg = GraphvizSVG.render
        case .mermaid: svg = { _ in nil }
        case .svg:
            guard GraphvizSVG.render("digraph { a }") != nil else {
                throw ValidationError("--graphs svg needs Graphviz `dot` (apt-get install graphviz)")
            }
            svg = GraphvizSVG.render
        }
        let text = format == .md ? MarkdownReportRenderer.render(report, criticalSeverities: critical)
            : HTMLReportRenderer.render(report, criticalSeverities: critical, svg: svg)
        if let output {
            try Output.writeFile(text, to: output)
        } else {
            Output.write(text)
        }
    }
}
