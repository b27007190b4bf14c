import DocsAuditCore
import FoundationEssentials

/// Everything a readiness report shows, gathered once and rendered as Markdown or HTML.
public struct ReadinessReport: Sendable {
    public var gates: GateReport
    public var plans: [PlanModel]
    public var findings: [Finding]
    public var graph: DerivedGraph
    public var ledger: Ledger?
    /// Findings this change introduced, anywhere in the corpus.
    public var newFindings: [Finding] = []
    /// Findings already there at the baseline, in the audited plans.
    public var existingFindings: [Finding] = []
    /// Findings in other files about the audited plans (their IDs, CPs, links into them), new or not.
    public var aboutPlans: [Finding] = []
    /// How many baseline findings this change fixed; nil when the baseline was not linted.
    public var fixedCount: Int?
    /// Each audited plan's label in the profile's spelling (`kinds[].label`), by path.
    public var labels: [String: String] = [:]

    public init(gates: GateReport, context: LintContext, findings: [Finding], ledger: Ledger?, delta: FindingDelta? = nil) {
        self.gates = gates
        let wanted = Set(gates.plans)
        var labels: [String: String] = [:]
        for plan in context.model.plans {
            labels[plan.path] = context.profile.label(kind: context.profile.kind(of: plan.path), number: plan.number)
        }
        self.plans = context.model.plans.filter { labels[$0.path].map(wanted.contains) == true }
        self.labels = labels
        let paths = Set(plans.map(\.path))
        self.findings = findings.filter { paths.contains($0.file) }
        self.graph = DerivedGraph.derive(context)
        self.ledger = ledger
        let fresh = delta.map { Set($0.new) } ?? []
        newFindings = delta?.new ?? []
        fixedCount = delta?.fixed.count
        existingFindings = self.findings.filter { !fresh.contains($0) }
        // Names that tie a finding elsewhere to an audited plan: its ID, its path, its CPs.
        let names = plans.flatMap { plan in [labels[plan.path] ?? plan.path, plan.path] + plan.obligations.map(\.id) }
        aboutPlans = findings.filter { finding in
            !paths.contains(finding.file)
                && (finding.related.contains { paths.contains($0) }
                    || names.contains { finding.message.contains($0) || finding.subject.contains($0) })
        }
    }

    /// The first line: ready or not, and which gates fail.
    public var verdict: String {
        let failing = gates.gates.filter { $0.id.hasPrefix("G") && $0.verdict == .fail }.map(\.id)
        let unmeasured = gates.gates.filter { $0.id.hasPrefix("G") && $0.verdict == .notMeasured }.map(\.id)
        let scope = gates.tier.map { "Tier \($0)" } ?? gates.plans.joined(separator: ", ")
        if !failing.isEmpty {
            return "Not ready — \(scope): \(failing.joined(separator: ", ")) \(failing.count == 1 ? "fails" : "fail")"
        }
        return "Ready — \(scope): every measured gate passes"
            + (unmeasured.isEmpty ? "" : " (\(unmeasured.joined(separator: ", ")) not measured)")
    }

    /// Findings by rule, the largest group first (then by rule ID).
    static func grouped(_ findings: [Finding]) -> [(rule: String, findings: [Finding])] {
        Dictionary(grouping: findings, by: \.rule).map { ($0.key, $0.value) }
            .sorted { $0.findings.count != $1.findings.count ? $0.findings.count > $1.findings.count : $0.rule < $1.rule }
    }

    /// The title line.
    var title: String {
        gates.tier.map { "Readiness report — Tier \($0)" } ?? "Readiness report — \(gates.plans.joined(separator: ", "))"
    }

    /// A plan's heading text: its label and the title after the H1's colon (`Plan-024 — Rust PTY Sidecar`).
    func heading(_ plan: PlanModel) -> String {
        let label = labels[plan.path] ?? plan.path
        guard let title = plan.title, let colon = title.firstIndex(of: ":") else { return label }
        return "\(label) — " + title[title.index(after: colon)...].trimmed
    }

    /// A plan's tasks with their Phase, in order.
    static func taskRows(_ plan: PlanModel) -> [(phase: String, task: PlanTask)] {
        plan.phases.flatMap { phase in phase.tasksBlocks.flatMap(\.tasks).map { (phase.id, $0) } }
    }

    /// A task's trace in one word.
    static func traced(_ task: PlanTask) -> Bool {
        func meaningful(_ value: String?) -> Bool {
            guard let value = value?.trimmed, !value.isEmpty else { return false }
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
    /// GitHub's limit on a pull-request body or comment, in characters.
    public static let pullRequestLimit = 65_536

    /// The report; with `limit` (`--pr-body`), finding rows are cut until the text fits, and the report
    /// says how many it left out.
    public static func render(_ report: ReadinessReport, criticalSeverities: Set<String> = ["critical"], limit: Int? = nil) -> String {
        guard let limit else { return render(report, criticalSeverities: criticalSeverities, rows: nil) }
        for rows in [Int.max, 500, 200, 100, 50, 20, 10, 5, 0] {
            let text = render(report, criticalSeverities: criticalSeverities, rows: rows)
            // UTF-16 units: never fewer than the characters GitHub counts.
            if text.utf16.count < limit { return text }
        }
        let text = render(report, criticalSeverities: criticalSeverities, rows: 0)
        let note = "\n\n(cut at \(limit) characters)\n"
        return String(text.prefix(max(0, (limit - note.utf16.count) / 2))) + note
    }

    private static func render(_ report: ReadinessReport, criticalSeverities: Set<String>, rows: Int?) -> String {
        let gates = report.gates
        var out = "# \(report.verdict)\n\n"
        out += "\(escape(report.title)). Baseline `\(gates.baseline)` → \(gates.head). Plans: \(gates.plans.joined(separator: ", ")).\n\n"
        out += "## Gates\n\n" + table(gates.gates) + "\n" + evidence(gates.gates)
        out += "## Calibration bands\n\n" + table(gates.bands) + "\n" + evidence(gates.bands)
        out += "> " + GateRenderer.summary(gates) + "\n\n"
        out += tasks(report)
        out += ledger(report, criticalSeverities: criticalSeverities)
        var omitted = 0
        let fixed = report.fixedCount.map { ", \($0) fixed" } ?? ""
        out += "## Findings new in this change (\(report.newFindings.count)\(fixed))\n\n"
        out += report.fixedCount == nil ? "The baseline was not linted.\n\n"
            : findingGroups(report.newFindings, open: true, rows: rows, omitted: &omitted)
        out += "## Findings already there in the audited plans (\(report.existingFindings.count))\n\n"
        out += findingGroups(report.existingFindings, open: false, rows: rows, omitted: &omitted)
        out += "## Findings in other files about the audited plans (\(report.aboutPlans.count))\n\n"
        out += findingGroups(report.aboutPlans, open: false, rows: rows, omitted: &omitted)
        if omitted > 0 {
            out += "**\(omitted) finding rows left out** to stay under GitHub's \(pullRequestLimit)-character limit; "
                + "run `docs-audit report` for all of them.\n\n"
        }
        out += "## Next steps\n\n" + GraphRenderer.text(report.graph).split(separator: "\n").prefix(4).map { "    " + $0 }.joined(separator: "\n") + "\n\n"
        out += "```mermaid\n" + GraphRenderer.mermaid(report.graph) + "```\n\n"
        let tiers = GraphRenderer.tierMermaid(report.graph)
        if !tiers.isEmpty { out += "## Tiers\n\n```mermaid\n" + tiers + "```\n" }
        return out
    }

    private static func table(_ checks: [GateReport.Check]) -> String {
        var out = "| check | what | target | figure | verdict |\n| --- | --- | --- | --- | --- |\n"
        for check in checks {
            out += "| \(check.id) | \(GateRenderer.cell(check.title)) | \(GateRenderer.cell(check.target ?? "")) | "
                + "\(GateRenderer.cell(check.figure)) | \(GateRenderer.mark(check.verdict)) |\n"
        }
        return out
    }

    private static func evidence(_ checks: [GateReport.Check]) -> String {
        let shown = checks.filter { !$0.evidence.isEmpty }
        guard !shown.isEmpty else { return "" }
        var out = "<details><summary>Evidence</summary>\n\n"
        for check in shown {
            out += "**\(check.id)**\n\n" + check.evidence.map { "- \(escape($0))" }.joined(separator: "\n") + "\n\n"
        }
        return out + "</details>\n\n"
    }

    private static func tasks(_ report: ReadinessReport) -> String {
        var out = "## Tasks by plan and Phase\n\n"
        for plan in report.plans {
            out += "### \(escape(report.heading(plan)))\n\n"
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
        return out
    }

    private static func ledger(_ report: ReadinessReport, criticalSeverities: Set<String>) -> String {
        var out = "## Findings ledger\n\n"
        let rows = report.ledgerRows(criticalSeverities: criticalSeverities)
        if rows.isEmpty { return out + "No ledger given (`--ledger`).\n\n" }
        out += "| Plan | findings | critical | critical without a disposition |\n| --- | ---: | ---: | ---: |\n"
        for row in rows { out += "| \(row.plan) | \(row.total) | \(row.critical) | \(row.open) |\n" }
        return out + "\n"
    }

    /// One collapsible block per rule, the largest first; at most `rows` rows in each.
    private static func findingGroups(_ findings: [Finding], open: Bool, rows: Int?, omitted: inout Int) -> String {
        guard !findings.isEmpty else { return "None.\n\n" }
        var out = ""
        for group in ReadinessReport.grouped(findings) {
            out += "<details\(open ? " open" : "")><summary><code>\(group.rule)</code> — \(group.findings.count)</summary>\n\n"
            let shown = group.findings.prefix(rows ?? Int.max)
            omitted += group.findings.count - shown.count
            if !shown.isEmpty {
                out += "| where | severity | message |\n| --- | --- | --- |\n"
                for finding in shown {
                    out += "| `\(VisibleText.escape(finding.file)):\(finding.line)` | \(finding.severity.rawValue) | \(escape(finding.message)) |\n"
                }
                out += "\n"
            }
            if shown.count < group.findings.count { out += "… \(group.findings.count - shown.count) more not shown.\n\n" }
            out += "</details>\n\n"
        }
        return out
    }

    /// Corpus text made inert in Markdown tables: pipes escaped, angle brackets as entities, newlines as
    /// spaces, other control characters visible (`VisibleText`).
    static func escape(_ text: String) -> String {
        VisibleText.escape(text.replacingEvery("\n", with: " ")).replacingEvery("&", with: "&amp;").replacingEvery("<", with: "&lt;")
            .replacingEvery(">", with: "&gt;").replacingEvery("|", with: "\\|")
            .replacingEvery("\n", with: " ")
    }
}
