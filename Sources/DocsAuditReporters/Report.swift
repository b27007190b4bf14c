import DocsAuditCore

/// What every findings reporter receives.
public struct Report: Sendable {
    public var findings: [Finding]
    /// Descriptions of every rule (SARIF lists them all, not only those that fired).
    public var rules: [RuleDescription]
    public var toolVersion: String
    /// The 1-based column of a finding in Unicode code points (SARIF counts those; findings carry UTF-8 bytes).
    public var codePointColumn: @Sendable (Finding) -> Int

    public init(findings: [Finding], rules: [RuleDescription] = RuleCatalog.descriptions,
                toolVersion: String = DocsAuditVersion.current,
                codePointColumn: @escaping @Sendable (Finding) -> Int = { $0.column }) {
        self.findings = Finding.sorted(findings)
        self.rules = rules
        self.toolVersion = toolVersion
        self.codePointColumn = codePointColumn
    }
}

/// The output formats `lint` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, checkstyle

    /// Renders `report` in this format. Every format gives columns in Unicode code points, as SARIF does
    /// (an editor's column, not the UTF-8 byte offset findings carry).
    public func render(_ report: Report, color: Bool = false) throws -> String {
        let findings: [Finding] = self == .sarif ? [] : report.findings.map { finding in
            var converted = finding
            converted.column = report.codePointColumn(finding)
            return converted
        }
        switch self {
        case .text: return TextReporter.render(findings, color: color)
        case .json: return try FindingsJSONReporter.render(findings)
        case .sarif: return try SARIFReporter.render(report)
        case .github: return GitHubReporter.render(findings)
        case .junit: return JUnitReporter.render(findings)
        case .checkstyle: return CheckstyleReporter.render(findings)
        }
    }
}

/// XML text escaping shared by the XML reporters.
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters even when escaped, and the noncharacters U+FFFE, U+FFFF.
                let forbidden = (scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r")
                    || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                if forbidden { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
