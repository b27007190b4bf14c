import DocsAuditCore

/// JUnit XML: one test case per finding (class = file, name = rule at line:column), failing; a clean run is
/// one passing case.
public enum JUnitReporter {
    public static func render(_ findings: [Finding]) -> String {
        let sorted = Finding.sorted(findings)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let tests = max(1, sorted.count)
        out += "<testsuites name=\"docs-audit\" tests=\"\(tests)\" failures=\"\(sorted.count)\">\n"
        out += "  <testsuite name=\"docs-audit\" tests=\"\(tests)\" failures=\"\(sorted.count)\" errors=\"0\" skipped=\"0\">\n"
        if sorted.isEmpty {
            out += "    <testcase classname=\"docs-audit\" name=\"lint\"/>\n"
        }
        for finding in sorted {
            let name = "\(finding.rule) at \(finding.line):\(finding.column)"
            out += "    <testcase classname=\"\(XML.escape(finding.file))\" name=\"\(XML.escape(name))\">\n"
            out += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(XML.escape(finding.message))\">"
            out += XML.escape("\(finding.file):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]")
            out += "</failure>\n    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}
