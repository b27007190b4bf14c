import DocsAuditCore
import Foundation

/// Everything a readiness report shows, gathered once and rendered as Markdown or HTML.
public struct ReadinessReport: Sendable {
    public var gates: GateReport
    public var plans: [PlanModel]
    public var findings: [Finding]
    public var graph: DerivedGraph
    public var ledger: Ledger?

    public init(gates: GateReport, context: LintContext, findings: [Finding], ledger: Ledger?) {
        self.gates = gates
        let wanted = Set(gates.plans)
        self.plans = context.model.plans.filter { wanted.contains("Plan-\($0.number)") }
        let paths = Set(plans.map(\.path))
        self.findings = findings.filter { paths.contains($0.file) }
        self.graph = DerivedGraph.derive(context)
        self.ledger = ledger
    }

    /// The title line.
    var title: String {
        gates.tier.map { "Readiness report — Tier \($0)" } ?? "Readiness report — \(gates.plans.joined(separator: ", "))"
    }

    /// A plan's heading text: `Plan-024 — Rust PTY Sidecar`.
    static func heading(_ plan: PlanModel) -> String {
        guard let title = plan.title, let colon = title.firstIndex(of: ":") else { return "Plan-\(plan.number)" }
        return "Plan-\(plan.number) — " + title[title.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    /// A plan's tasks with their Phase, in order.
    static func taskRows(_ plan: PlanModel) -> [(phase: String, task: PlanTask)] {
        plan.phases.flatMap { phase in phase.tasksBlocks.flatMap(\.tasks).map { (phase.id, $0) } }
    }

    /// A task's trace in one word.
    static func traced(_ task: PlanTask) -> Bool {
        func meaningful(_ value: String?) -> Bool {
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return false }
            return !value.lowercased().hasPrefix("none")
        }
        return meaningful(task.specCoverage) || meaningful(task.verifiesInvariant)
    }

    /// Ledger counts per plan: findings, critical, critical without a disposition.
    func ledgerRows(criticalSeverities: Set<String>) -> [(plan: String, total: Int, critical: Int, open: Int)] {
        guard let ledger else { return [] }
        return gates.plans.map { plan in
            let entries = ledger.entries.filter { $0.plan == plan }
            let critical = entries.filter { criticalSeverities.contains($0.severity ?? "") }
            let open = critical.filter { ($0.disposition ?? "").isEmpty }
            return (plan, entries.count, critical.count, open.count)
        }
    }
}

/// The report as GitHub-flavoured Markdown (graphs as `mermaid` blocks).
public enum MarkdownReportRenderer {
    public static func render(_ report: ReadinessReport, criticalSeverities: Set<String> = ["critical"]) -> String {
        let gates = report.gates
        var out = "# \(report.title)\n\n"
        out += "Baseline `\(gates.baseline)` → \(gates.head). Plans: \(gates.plans.joined(separator: ", ")).\n\n"
        out += "## Gates and bands\n\n" + GateRenderer.markdownTable(gates) + "\n"
        out += "> " + GateRenderer.summary(gates) + "\n\n"
        let evidence = (gates.gates + gates.bands).filter { !$0.evidence.isEmpty }
        if !evidence.isEmpty {
            out += "<details><summary>Evidence</summary>\n\n"
            for check in evidence {
                out += "**\(check.id)**\n\n" + check.evidence.map { "- \(escape($0))" }.joined(separator: "\n") + "\n\n"
            }
            out += "</details>\n\n"
        }
        out += "## Tasks by plan and Phase\n\n"
        for plan in report.plans {
            out += "### \(escape(ReadinessReport.heading(plan)))\n\n"
            let rows = ReadinessReport.taskRows(plan)
            if rows.isEmpty {
                out += "No Tasks blocks.\n\n"
                continue
            }
            out += "| Phase | Task | Spec coverage | Verifies invariant | traced |\n| --- | --- | --- | --- | --- |\n"
            for (phase, task) in rows {
                out += "| \(phase) | \(escape(task.id)) | \(escape(task.specCoverage ?? "—")) | \(escape(task.verifiesInvariant ?? "—")) | \(ReadinessReport.traced(task) ? "✓" : "✗") |\n"
            }
            out += "\n"
        }
        out += "## Findings ledger\n\n"
        let ledger = report.ledgerRows(criticalSeverities: criticalSeverities)
        if ledger.isEmpty {
            out += "No ledger given (`--ledger`).\n\n"
        } else {
            out += "| Plan | findings | critical | critical without a disposition |\n| --- | ---: | ---: | ---: |\n"
            for row in ledger { out += "| \(row.plan) | \(row.total) | \(row.critical) | \(row.open) |\n" }
            out += "\n"
        }
        out += "## Lint findings in the tier's documents\n\n"
        if report.findings.isEmpty {
            out += "None.\n\n"
        } else {
            out += "| where | severity | rule | message |\n| --- | --- | --- | --- |\n"
            for finding in report.findings {
                out += "| `\(VisibleText.escape(finding.file)):\(finding.line)` | \(finding.severity.rawValue) | `\(finding.rule)` | \(escape(finding.message)) |\n"
            }
            out += "\n"
        }
        out += "## Next steps\n\n" + GraphRenderer.text(report.graph).split(separator: "\n").prefix(4).map { "    " + $0 }.joined(separator: "\n") + "\n\n"
        out += "```mermaid\n" + GraphRenderer.mermaid(report.graph) + "```\n\n"
        let tiers = GraphRenderer.tierMermaid(report.graph)
        if !tiers.isEmpty { out += "## Tiers\n\n```mermaid\n" + tiers + "```\n" }
        return out
    }

    /// Corpus text made inert in Markdown tables: pipes escaped, angle brackets as entities, newlines as
    /// spaces, other control characters visible (`VisibleText`).
    static func escape(_ text: String) -> String {
        VisibleText.escape(text.replacingOccurrences(of: "\n", with: " ")).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
