import DocsAuditCore

/// Checkstyle XML, grouped by file (the format many CI annotators and reviewdog read).
public enum CheckstyleReporter {
    public static func render(_ findings: [Finding]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        var current: String?
        for finding in Finding.sorted(findings) {
            if finding.file != current {
                if current != nil { out += "  </file>\n" }
                out += "  <file name=\"\(XML.escape(finding.file))\">\n"
                current = finding.file
            }
            out += "    <error line=\"\(finding.line)\" column=\"\(finding.column)\" severity=\"\(finding.severity.rawValue)\" "
                + "message=\"\(XML.escape(finding.message))\" source=\"docs-audit.\(XML.escape(finding.rule))\"/>\n"
        }
        if current != nil { out += "  </file>\n" }
        out += "</checkstyle>\n"
        return out
    }
}
