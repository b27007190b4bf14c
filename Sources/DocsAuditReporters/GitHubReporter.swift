import DocsAuditCore

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`). GitHub shows at most
/// 10 annotations of each level per step; the rest are printed as plain log lines and counted in a notice.
public enum GitHubReporter {
    public static let annotationsPerLevel = 10

    public static func render(_ findings: [Finding]) -> String {
        var out = ""
        var shown: [Severity: Int] = [:]
        var leftOut: [Severity: Int] = [:]
        // Errors first, then warnings, then notices, each in sort order: the annotations GitHub shows and the
        // first lines of the log are the findings that fail the build.
        let sorted = Finding.sorted(findings)
        let ordered = Severity.allCases.flatMap { severity in sorted.filter { $0.severity == severity } }
        for finding in ordered {
            let level = command(finding.severity)
            if shown[finding.severity, default: 0] < annotationsPerLevel {
                shown[finding.severity, default: 0] += 1
                out += "::\(level) file=\(property(finding.file)),line=\(finding.line),col=\(finding.column),"
                    + "title=\(property(finding.rule))::\(data(finding.message))\n"
            } else {
                leftOut[finding.severity, default: 0] += 1
                out += plainLine(finding)
            }
        }
        let total = leftOut.values.reduce(0, +)
        if total > 0 {
            let parts = Severity.allCases.compactMap { severity in
                leftOut[severity].map { "\($0) \(severity.rawValue)\($0 == 1 ? "" : "s")" }
            }
            out += "::notice title=docs-audit::\(parts.joined(separator: ", ")) not annotated: GitHub shows "
                + "\(annotationsPerLevel) annotations per level per step; all are listed in this log\n"
        }
        return out
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// A finding past the annotation limit as a plain log line: control characters escaped, and a path that
    /// starts with `::` prefixed with `./` so the line cannot be read as a workflow command.
    static func plainLine(_ finding: Finding) -> String {
        var file = VisibleText.escape(finding.file)
        if file.hasPrefix("::") { file = "./" + file }
        return "\(file):\(finding.line):\(finding.column): \(finding.severity.rawValue): "
            + "\(VisibleText.escape(finding.message)) [\(VisibleText.escape(finding.rule))]\n"
    }

    /// Escapes message data as GitHub documents (`%`, CR, LF); other control characters (an escape sequence
    /// the log viewer would act on) are made visible (`VisibleText`).
    static func data(_ text: String) -> String {
        VisibleText.escape(text.replacingEvery("%", with: "%25").replacingEvery("\r", with: "%0D")
            .replacingEvery("\n", with: "%0A"))
    }

    /// Escapes a property value (also `:` and `,`).
    static func property(_ text: String) -> String {
        data(text).replacingEvery(":", with: "%3A").replacingEvery(",", with: "%2C")
    }
}

import FoundationEssentials
