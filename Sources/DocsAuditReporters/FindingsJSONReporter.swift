import DocsAuditCore

/// `{"findings": [...], "version": 1}`: the machine-readable lint output documented in docs/output.md.
///
/// Written by hand, byte for byte what `JSONOutput.encode` prints for the same document (sorted keys, two-space
/// indent, `"key" : value`, no escaped slashes): Foundation's encoder spent about 27M instructions on
/// ai-sidekicks' 200 findings, at the end of every run, where this spends a tenth of that.
/// `FindingsJSONTests` checks the two agree on random findings.
public enum FindingsJSONReporter {
    public static func render(_ findings: [Finding]) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + findings.count * 256)
        out += Array("{\n  \"findings\" : [\n".utf8)
        for (index, finding) in Finding.sorted(findings).enumerated() {
            if index > 0 { out += Array(",\n".utf8) }
            append(finding, to: &out)
        }
        out += Array("\n  ],\n".utf8)
        out += Array("  \"version\" : 1\n}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// One finding at the array's indent, its keys sorted; `related` only when there is one.
    private static func append(_ finding: Finding, to out: inout [UInt8]) {
        out += Array("    {\n".utf8)
        field("column", to: &out) { JSONText.appendNumber(finding.column, to: &$0) }
        field("file", to: &out) { JSONText.appendString(finding.file, to: &$0) }
        field("line", to: &out) { JSONText.appendNumber(finding.line, to: &$0) }
        field("message", to: &out) { JSONText.appendString(finding.message, to: &$0) }
        if !finding.related.isEmpty {
            field("related", to: &out) { out in
                out += Array("[\n".utf8)
                for (index, path) in finding.related.enumerated() {
                    if index > 0 { out += Array(",\n".utf8) }
                    out += Array("        ".utf8)
                    JSONText.appendString(path, to: &out)
                }
                out += Array("\n      ]".utf8)
            }
        }
        field("rule", to: &out) { JSONText.appendString(finding.rule, to: &$0) }
        field("severity", to: &out) { JSONText.appendString(finding.severity.rawValue, to: &$0) }
        field("subject", to: &out, last: true) { JSONText.appendString(finding.subject, to: &$0) }
        out += Array("    }".utf8)
    }

    private static func field(_ key: String, to out: inout [UInt8], last: Bool = false,
                              _ value: (inout [UInt8]) -> Void) {
        out += Array("      \"".utf8)
        out += Array(key.utf8)
        out += Array("\" : ".utf8)
        value(&out)
        out += Array((last ? "\n" : ",\n").utf8)
    }
}
