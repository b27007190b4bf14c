import ArgumentParser
import DocsAuditCore
import DocsAuditReporters
import Foundation

/// `docs-audit report`: the readiness report for reviewers.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a readiness report: gates and bands, Tasks by Phase, the ledger, lint findings, the graphs.",
        discussion: """
        Markdown renders on GitHub (graphs as mermaid blocks). HTML is one self-contained page (inline CSS;
        graphs as inline SVG when Graphviz `dot` is installed, else their Mermaid source); all corpus text is
        escaped.

        Examples:
          docs-audit report --root . --baseline plan-readiness-audit-tier-1-baseline --tier 1 > report.md
          docs-audit report --root . --baseline main --tier 2 --format html -o report.html
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

    @Option(name: .customLong("graphviz-timeout"), help: ArgumentHelp("""
        Seconds Graphviz may take per graph before the page falls back to Mermaid source (default: \
        $DOCS_AUDIT_GRAPHVIZ_TIMEOUT, else 30).
        """, valueName: "seconds"))
    var graphvizTimeout: Double?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    /// The Graphviz limit: the option, else the environment variable, else the default; refused when it is not a
    /// number of seconds between 0.1 and one day.
    func timeLimit() throws -> Double {
        let variable = "DOCS_AUDIT_GRAPHVIZ_TIMEOUT"
        let (value, source): (Double?, String)
        if let graphvizTimeout {
            (value, source) = (graphvizTimeout, "--graphviz-timeout")
        } else if let text = ProcessInfo.processInfo.environment[variable] {
            (value, source) = (Double(text.trimmingCharacters(in: .whitespaces)), "\(variable)=\(text)")
        } else {
            return GraphvizSVG.defaultTimeLimit
        }
        guard let value, value.isFinite, value >= 0.1, value <= 86_400 else {
            throw ValidationError("\(source): expected a number of seconds from 0.1 to 86400")
        }
        return value
    }

    func run() throws {
        // The evaluation already linted the corpus and read the ledger: the report reuses both.
        let (evaluation, ledger) = try readiness.evaluate(corpus)
        let profile = evaluation.context.profile
        let report = ReadinessReport(gates: evaluation.report, context: evaluation.context,
                                     findings: evaluation.findings, ledger: ledger)
        let critical = Set(profile.gates.criticalSeverities)
        let graphviz = GraphvizSVG(tool: GraphvizSVG.findTool(), timeLimit: try timeLimit())
        let svg: (String) -> GraphDrawing
        switch graphs {
        case .auto: svg = graphviz.draw
        case .mermaid: svg = { _ in .unavailable }
        case .svg:
            guard graphviz.tool != nil else {
                throw ValidationError("--graphs svg needs Graphviz `dot` (apt-get install graphviz)")
            }
            svg = graphviz.draw
        }
        let text = format == .md ? MarkdownReportRenderer.render(report, criticalSeverities: critical)
            : HTMLReportRenderer.render(report, criticalSeverities: critical, svg: svg)
        if let output {
            try Output.writeFile(text, to: output)
        } else {
            try Output.write(text)
        }
    }
}
