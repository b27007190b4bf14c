import DocsAuditCore

/// Gate and band verdicts as text, JSON or a Markdown table.
public enum GateRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, md
    }

    public static func render(_ report: GateReport, format: Format) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(report)
        case .text: return text(report)
        case .md: return markdownTable(report) + (report.lint.map { "\n" + lintLine($0) + "\n" } ?? "")
        }
    }

    public static func mark(_ verdict: GateReport.Verdict) -> String {
        switch verdict {
        case .pass: return "✓"
        case .fail: return "✗"
        case .notMeasured: return "not measured"
        }
    }

    /// One line per check, then the one-line summary a reviewer pastes into a pull request.
    public static func text(_ report: GateReport) -> String {
        let v = VisibleText.escape
        var out = "gates for \(v(scope(report))) against \(v(report.baseline)) (\(v(report.head)))\n"
        let failing = report.gates.filter { $0.id.hasPrefix("G") && $0.verdict == .fail }.map(\.id)
        out += failing.isEmpty ? "ready: every measured gate passes\n"
            : "not ready: \(failing.joined(separator: ", ")) \(failing.count == 1 ? "fails" : "fail")\n"
        if let lint = report.lint { out += v(lintLine(lint)) + "\n" }
        for check in report.gates + report.bands {
            let target = check.target.map { " (target \(v($0)))" } ?? ""
            out += "\(check.id) \(v(check.title)): \(v(check.figure))\(target) \(mark(check.verdict))\n"
            for line in check.evidence { out += "    \(v(line))\n" }
        }
        out += "\n" + summary(report) + "\n"
        return out
    }

    /// `B1 avg 1.4; max-phase 3 (target …) ✓ · … · G1 … ✓`.
    public static func summary(_ report: GateReport) -> String {
        (report.bands + report.gates).map { check in
            // Bands carry their range in the summary; gates' targets are fixed and stay in the table.
            let target = check.id.hasPrefix("B") ? check.target.map { " (\($0))" } ?? "" : ""
            return "\(check.id) \(VisibleText.escape(check.figure + target)) \(mark(check.verdict))"
        }.joined(separator: " · ")
    }

    /// `lint against the baseline: 2 new (links/missing-anchor 2), 1 fixed, 40 already there`.
    public static func lintLine(_ lint: GateReport.LintSummary) -> String {
        let rules = lint.newByRule.map { "\($0.rule) \($0.count)" }.joined(separator: ", ")
        return "lint against the baseline: \(lint.new) new" + (rules.isEmpty ? "" : " (\(rules))")
            + ", \(lint.fixed) fixed, \(lint.unchanged) already there"
    }

    public static func markdownTable(_ report: GateReport) -> String {
        var out = "| check | what | figure | target | verdict |\n| --- | --- | --- | --- | --- |\n"
        for check in report.gates + report.bands {
            out += "| \(check.id) | \(cell(check.title)) | \(cell(check.figure)) | \(cell(check.target ?? "")) | \(mark(check.verdict)) |\n"
        }
        return out
    }

    static func scope(_ report: GateReport) -> String {
        report.tier.map { "tier \($0) (\(report.plans.joined(separator: ", ")))" } ?? report.plans.joined(separator: ", ")
    }

    /// Text safe inside a Markdown table cell (newlines as spaces, other control characters visible).
    static func cell(_ text: String) -> String {
        VisibleText.escape(text.replacingEvery("|", with: "\\|").replacingEvery("\n", with: " "))
    }
}
