import DocsAuditCore

/// `{"findings": [...]}`: the machine-readable lint output documented in docs/output.md.
public enum FindingsJSONReporter {
    struct Document: Encodable {
        let version = 1
        let findings: [Finding]
    }

    public static func render(_ findings: [Finding]) throws -> String {
        try JSONOutput.encode(Document(findings: Finding.sorted(findings)))
    }
}
