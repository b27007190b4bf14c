import DocsAuditCore

/// `path:line:col: severity: message [rule]`, one finding a line, sorted; ANSI colour when asked. Control
/// characters in the path, message and rule are escaped (`VisibleText`), so each finding stays one line.
public enum TextReporter {
    public static func render(_ findings: [Finding], color: Bool = false) -> String {
        var out = ""
        for finding in Finding.sorted(findings) {
            let severity = color ? colored(finding.severity) : finding.severity.rawValue
            out += "\(VisibleText.escape(finding.file)):\(finding.line):\(finding.column): \(severity): "
                + "\(VisibleText.escape(finding.message)) [\(VisibleText.escape(finding.rule))]\n"
        }
        return out
    }

    /// `3 errors, 1 warning in 2 files`.
    public static func summary(_ findings: [Finding]) -> String {
        let counts = Severity.allCases.compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            guard count > 0 else { return nil }
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        let files = Set(findings.map(\.file)).count
        return "\(counts.joined(separator: ", ")) in \(files) file\(files == 1 ? "" : "s")"
    }

    private static func colored(_ severity: Severity) -> String {
        let code: String
        switch severity {
        case .error: code = "31"
        case .warning: code = "33"
        case .info: code = "36"
        }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }
}
