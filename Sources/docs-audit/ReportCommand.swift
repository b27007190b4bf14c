import ArgumentParser
import DocsAuditCore
import DocsAuditReporters
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `docs-audit report`: the readiness report for reviewers.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a readiness report: gates and bands, Tasks by Phase, the ledger, lint findings, the graphs.",
        discussion: """
        Markdown renders on GitHub (graphs as mermaid blocks). HTML is one
        self-contained page (inline CSS; graphs as inline SVG when Graphviz `dot` is
        installed, else their Mermaid source); all corpus text is escaped.

        The first line is the verdict (ready, or not ready and which gates fail);
        then gates G1–G7 with their targets, bands B1–B6, the Tasks inventory, the
        findings this change introduced (the baseline's tree is linted too; grouped by
        rule), those already there, and those in other files about the audited plans.
        --pr-body keeps the Markdown under GitHub's 65,536-character limit and says
        how much it left out.

        Examples:
          docs-audit report --root . --baseline tier-1-baseline --tier 1 > report.md
          docs-audit report --root . --baseline main --tier 2 --format md --pr-body \\
            > body.md
          docs-audit report --root . --baseline main --tier 2 --format html \\
            -o report.html

        Exit codes: 0 the report was written, whatever its verdict (`docs-audit gates`
        is the command that fails on a gate), 2 usage or configuration error
        (including --plans or --tier naming nothing).
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

    @Flag(help: "Markdown for a pull-request body: kept under GitHub's 65,536-character limit.")
    var prBody = false

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
            (value, source) = (Double(text.trimmed), "\(variable)=\(text)")
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
        if prBody && format != .md { throw ValidationError("--pr-body goes with --format md") }
        let (evaluation, ledger) = try readiness.evaluate(corpus, compareFindings: true)
        let profile = evaluation.context.profile
        let report = ReadinessReport(gates: evaluation.report, context: evaluation.context,
                                     findings: evaluation.findings, ledger: ledger, delta: evaluation.delta)
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
        let limit = prBody ? MarkdownReportRenderer.pullRequestLimit : nil
        let text = format == .md ? MarkdownReportRenderer.render(report, criticalSeverities: critical, limit: limit)
            : HTMLReportRenderer.render(report, criticalSeverities: critical, svg: svg)
        if let output {
            try Output.writeFile(text, to: output)
        } else {
            try Output.write(text)
        }
    }
}
