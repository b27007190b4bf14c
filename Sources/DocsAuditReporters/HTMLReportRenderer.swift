import DocsAuditCore
import FoundationEssentials

/// The report as one self-contained HTML page: inline CSS, graphs as inline SVG when Graphviz `dot` is
/// installed (the Mermaid source otherwise). Every piece of corpus text is escaped.
public enum HTMLReportRenderer {
    /// `svg` turns dot source into a drawing; without one the page shows the Mermaid source (with a note
    /// when Graphviz failed or ran out of time).
    public static func render(_ report: ReadinessReport, criticalSeverities: Set<String> = ["critical"],
                              svg: (String) -> GraphDrawing = { _ in .unavailable }) -> String {
        let gates = report.gates
        var body = "<header><h1>\(h(report.verdict))</h1>\n"
        body += "<p class=\"meta\">\(h(report.title)) · baseline <code>\(h(gates.baseline))</code> → \(h(gates.head)) · plans \(h(gates.plans.joined(separator: ", ")))</p></header>\n"
        body += "<section><h2>Gates</h2>\n" + checks(gates.gates) + "</section>\n"
        body += "<section><h2>Calibration bands</h2>\n" + checks(gates.bands)
        body += "<p class=\"summary\">\(h(GateRenderer.summary(gates)))</p></section>\n"
        body += "<section><h2>Tasks by plan and Phase</h2>\n"
        for plan in report.plans {
            body += "<h3>\(h(report.heading(plan)))</h3>\n"
            let rows = ReadinessReport.taskRows(plan)
            guard !rows.isEmpty else {
                body += "<p>No Tasks blocks.</p>\n"
                continue
            }
            body += table(["Phase", "Task", "Spec coverage", "Verifies invariant", "traced"], rows.map { phase, task in
                [h(phase), "<code>\(h(task.id))</code> \(h(task.title))", h(task.specCoverage ?? "—"), h(task.verifiesInvariant ?? "—"),
                 ReadinessReport.traced(task) ? "<span class=\"pass\">✓</span>" : "<span class=\"fail\">✗</span>"]
            })
        }
        body += "</section>\n<section><h2>Findings ledger</h2>\n"
        let ledger = report.ledgerRows(criticalSeverities: criticalSeverities)
        if ledger.isEmpty {
            body += "<p>No ledger given (<code>--ledger</code>).</p>\n"
        } else {
            body += table(["Plan", "findings", "critical", "critical without a disposition"],
                          ledger.map { [h($0.plan), String($0.total), String($0.critical), String($0.open)] })
        }
        let fixed = report.fixedCount.map { ", \($0) fixed" } ?? ""
        body += "</section>\n<section><h2>Findings new in this change (\(report.newFindings.count)\(fixed))</h2>\n"
        body += findingGroups(report.newFindings, open: true)
        body += "</section>\n<section><h2>Findings already there in the audited plans (\(report.existingFindings.count))</h2>\n"
        body += findingGroups(report.existingFindings, open: false)
        body += "</section>\n<section><h2>Findings in other files about the audited plans (\(report.aboutPlans.count))</h2>\n"
        body += findingGroups(report.aboutPlans, open: false)
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

    /// A table whose rows become labelled blocks on a narrow screen (every cell carries its column name).
    static func table(_ columns: [String], _ rows: [[String]]) -> String {
        var out = "<table class=\"stack\"><thead><tr>" + columns.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>" + zip(columns, row).map { "<td data-label=\"\(h($0))\">\($1)</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// Gates or bands with their evidence under each row.
    static func checks(_ checks: [GateReport.Check]) -> String {
        let columns = ["check", "verdict", "what", "target", "figure"]
        var out = "<table class=\"stack checks\"><thead><tr>" + columns.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>\n"
        for check in checks {
            let cells = [h(check.id), verdict(check.verdict), h(check.title), h(check.target ?? ""), h(check.figure)]
            out += "<tr>" + zip(columns, cells).map { "<td data-label=\"\($0)\">\($1)</td>" }.joined() + "</tr>\n"
            if !check.evidence.isEmpty {
                out += "<tr class=\"evidence\"><td colspan=\"5\"><ul>" + check.evidence.map { "<li>\(h($0))</li>" }.joined() + "</ul></td></tr>\n"
            }
        }
        return out + "</tbody></table>\n"
    }

    /// One collapsible block per rule, the largest first.
    static func findingGroups(_ findings: [Finding], open: Bool) -> String {
        guard !findings.isEmpty else { return "<p>None.</p>\n" }
        var out = ""
        for group in ReadinessReport.grouped(findings) {
            out += "<details\(open ? " open" : "")><summary><code>\(h(group.rule))</code> — \(group.findings.count)</summary>\n"
            out += table(["where", "severity", "message"], group.findings.map { finding in
                ["<code>\(h(finding.file)):\(finding.line)</code>",
                 "<span class=\"\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span>", h(finding.message)]
            })
            out += "</details>\n"
        }
        return out
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
    .pass{color:var(--pass);font-weight:600}.fail{color:var(--fail);font-weight:600}.na{color:var(--muted)}.error{color:var(--fail)}.warning{color:#9a6700}
    td{overflow-wrap:anywhere}details{margin:.4rem 0}summary{cursor:pointer}
    figure.graph{margin:1rem 0;overflow-x:auto}figure.graph svg{max-width:100%;height:auto}pre{background:#f6f8fa;padding:.75rem;overflow-x:auto;white-space:pre-wrap}
    @media (max-width:600px){body{padding:.6rem;font-size:14px}
    table.stack thead{display:none}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
    table.stack tr{border:1px solid var(--line);border-radius:6px;margin:.5rem 0;padding:.2rem .4rem}table.stack td{border:0;padding:.15rem 0}
    table.stack td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.8rem}
    table.stack tr.evidence{border-top:0;margin-top:-.6rem;border-radius:0 0 6px 6px}
    figure.graph svg{max-width:none}}
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
            guard let text = String(validating: output, as: UTF8.self), let start = text.firstRange(of: "<svg") else {
                return .failed("Graphviz gave no SVG")
            }
            return .svg(String(text[start.lowerBound...]))
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int(value)) : String(value)
    }
}
