import DocsAuditCore
import Foundation

/// The report as one self-contained HTML page: inline CSS, graphs as inline SVG when Graphviz `dot` is
/// installed (the Mermaid source otherwise). Every piece of corpus text is escaped.
public enum HTMLReportRenderer {
    /// `svg` turns dot source into a drawing; without one the page shows the Mermaid source (with a note
    /// when Graphviz failed or ran out of time).
    public static func render(_ report: ReadinessReport, criticalSeverities: Set<String> = ["critical"],
                              svg: (String) -> GraphDrawing = { _ in .unavailable }) -> String {
        let gates = report.gates
        var body = "<header><h1>\(h(report.title))</h1>\n"
        body += "<p class=\"meta\">Baseline <code>\(h(gates.baseline))</code> → \(h(gates.head)) · plans \(h(gates.plans.joined(separator: ", ")))</p></header>\n"
        body += "<section><h2>Gates and bands</h2>\n<div class=\"scroll\"><table><thead><tr><th>check</th><th>verdict</th><th>what</th><th>figure</th><th>target</th></tr></thead><tbody>\n"
        for check in gates.gates + gates.bands {
            // The verdict comes second so that it stays on screen on a phone.
            body += "<tr><td>\(h(check.id))</td><td>\(verdict(check.verdict))</td><td>\(h(check.title))</td>"
            body += "<td>\(h(check.figure))</td><td>\(h(check.target ?? ""))</td></tr>\n"
            if !check.evidence.isEmpty {
                body += "<tr class=\"evidence\"><td></td><td colspan=\"4\"><ul>" + check.evidence.map { "<li>\(h($0))</li>" }.joined() + "</ul></td></tr>\n"
            }
        }
        body += "</tbody></table></div>\n<p class=\"summary\">\(h(GateRenderer.summary(gates)))</p></section>\n"
        body += "<section><h2>Tasks by plan and Phase</h2>\n"
        for plan in report.plans {
            body += "<h3>\(h(ReadinessReport.heading(plan)))</h3>\n"
            let rows = ReadinessReport.taskRows(plan)
            guard !rows.isEmpty else {
                body += "<p>No Tasks blocks.</p>\n"
                continue
            }
            body += "<div class=\"scroll\"><table><thead><tr><th>Phase</th><th>Task</th><th>Spec coverage</th><th>Verifies invariant</th><th>traced</th></tr></thead><tbody>\n"
            for (phase, task) in rows {
                let traced = ReadinessReport.traced(task)
                body += "<tr><td>\(h(phase))</td><td><code>\(h(task.id))</code> \(h(task.title))</td><td>\(h(task.specCoverage ?? "—"))</td>"
                body += "<td>\(h(task.verifiesInvariant ?? "—"))</td><td>\(traced ? "<span class=\"pass\">✓</span>" : "<span class=\"fail\">✗</span>")</td></tr>\n"
            }
            body += "</tbody></table></div>\n"
        }
        body += "</section>\n<section><h2>Findings ledger</h2>\n"
        let ledger = report.ledgerRows(criticalSeverities: criticalSeverities)
        if ledger.isEmpty {
            body += "<p>No ledger given (<code>--ledger</code>).</p>\n"
        } else {
            body += "<div class=\"scroll\"><table><thead><tr><th>Plan</th><th>findings</th><th>critical</th><th>critical without a disposition</th></tr></thead><tbody>\n"
            for row in ledger { body += "<tr><td>\(h(row.plan))</td><td>\(row.total)</td><td>\(row.critical)</td><td>\(row.open)</td></tr>\n" }
            body += "</tbody></table></div>\n"
        }
        body += "</section>\n<section><h2>Lint findings in the tier's documents</h2>\n"
        if report.findings.isEmpty {
            body += "<p>None.</p>\n"
        } else {
            body += "<div class=\"scroll\"><table><thead><tr><th>where</th><th>severity</th><th>rule</th><th>message</th></tr></thead><tbody>\n"
            for finding in report.findings {
                body += "<tr><td><code>\(h(finding.file)):\(finding.line)</code></td><td class=\"\(finding.severity.rawValue)\">\(finding.severity.rawValue)</td>"
                body += "<td><code>\(h(finding.rule))</code></td><td>\(h(finding.message))</td></tr>\n"
            }
            body += "</tbody></table></div>\n"
        }
        body += "</section>\n<section><h2>Next steps</h2>\n"
        body += "<p>ready: \(h(report.graph.ready.joined(separator: ", "))) · blocked: \(h(report.graph.blocked.joined(separator: ", "))) · critical path: \(h(report.graph.criticalPath.joined(separator: " → ")))</p>\n"
        body += figure(dot: GraphRenderer.dot(report.graph), mermaid: GraphRenderer.mermaid(report.graph), svg: svg)
        if !report.graph.tiers.isEmpty {
            body += "<h2>Tiers</h2>\n" + figure(dot: GraphRenderer.tierDot(report.graph), mermaid: GraphRenderer.tierMermaid(report.graph), svg: svg)
        }
        body += "</section>\n"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(h(report.title))</title>
        <style>\(css)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static func figure(dot: String, mermaid: String, svg: (String) -> GraphDrawing) -> String {
        switch svg(dot) {
        case .svg(let drawn):
            return "<figure class=\"graph\">\(drawn)</figure>\n"
        case .unavailable:
            return "<figure class=\"graph\"><figcaption>Mermaid source (install Graphviz for a drawing)</figcaption><pre>\(h(mermaid))</pre></figure>\n"
        case .failed(let note):
            return "<figure class=\"graph\"><p><strong>\(h(note)): Mermaid source shown instead.</strong></p>"
                + "<figcaption>Mermaid source</figcaption><pre>\(h(mermaid))</pre></figure>\n"
        }
    }

    static func verdict(_ verdict: GateReport.Verdict) -> String {
        switch verdict {
        case .pass: return "<span class=\"pass\">✓ pass</span>"
        case .fail: return "<span class=\"fail\">✗ fail</span>"
        case .notMeasured: return "<span class=\"na\">not measured</span>"
        }
    }

    /// HTML-escapes text (also quotes, so it is safe in attributes): the XML reporters' escaping.
    public static func h(_ text: String) -> String { XML.escape(text) }

    static let css = """
    :root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--pass:#1a7f37;--fail:#cf222e;--bg:#fff}
    *{box-sizing:border-box}body{margin:0 auto;max-width:72rem;padding:1rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
    h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem}
    .meta,.summary{color:var(--muted)}.summary{font-size:.9rem}code{font:.85em ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:.1em .3em;border-radius:4px}
    .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
    th{background:#f6f8fa}tr.evidence td{border-top:0;color:var(--muted);font-size:.85rem}tr.evidence ul{margin:0;padding-left:1.1rem}
    .pass{color:var(--pass);font-weight:600}.fail{color:var(--fail);font-weight:600}.na{color:var(--muted)}td.error{color:var(--fail)}td.warning{color:#9a6700}
    figure.graph{margin:1rem 0;overflow-x:auto}figure.graph svg{max-width:100%;height:auto}pre{background:#f6f8fa;padding:.75rem;overflow-x:auto}
    @media (max-width:600px){body{padding:.6rem;font-size:14px}th,td{padding:.25rem .35rem}}
    """
}

/// A graph drawn for the HTML report, or why it was not.
public enum GraphDrawing: Sendable, Equatable {
    case svg(String)
    /// No drawing wanted or no Graphviz installed: the page shows the Mermaid source.
    case unavailable
    /// Graphviz ran but gave no drawing (a timeout, an error): the page says so above the Mermaid source.
    case failed(String)
}

/// Runs Graphviz `dot -Tsvg` with a time limit, when it is installed.
public struct GraphvizSVG: Sendable {
    /// The limit when neither `--graphviz-timeout` nor `DOCS_AUDIT_GRAPHVIZ_TIMEOUT` sets one, in seconds.
    public static let defaultTimeLimit = 30.0

    /// The `dot` binary: `DOCS_AUDIT_DOT` when set, else /usr/bin/dot or /usr/local/bin/dot; nil when none.
    public let tool: String?
    /// Seconds `dot` may run per graph before it is killed.
    public let timeLimit: Double

    public init(tool: String?, timeLimit: Double = defaultTimeLimit) {
        self.tool = tool
        self.timeLimit = timeLimit
    }

    /// The `dot` to run, from the environment or the usual places.
    public static func findTool(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["DOCS_AUDIT_DOT"], !chosen.isEmpty { return chosen }
        return ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Draws `dot` source as SVG.
    public func draw(_ dot: String) -> GraphDrawing {
        guard let tool else { return .unavailable }
        switch BoundedProcess.run(tool, arguments: ["-Tsvg"], input: Array(dot.utf8), timeLimit: timeLimit) {
        case .timedOut:
            return .failed("Graphviz did not finish within \(Self.seconds(timeLimit)) s (--graphviz-timeout)")
        case .failed(let reason):
            return .failed("Graphviz failed: \(reason)")
        case .finished(let status, let output):
            guard status == 0 else { return .failed("Graphviz exited with status \(status)") }
            guard let text = String(validating: output, as: UTF8.self), let start = text.range(of: "<svg") else {
                return .failed("Graphviz gave no SVG")
            }
            return .svg(String(text[start.lowerBound...]))
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int(value)) : String(value)
    }
}
