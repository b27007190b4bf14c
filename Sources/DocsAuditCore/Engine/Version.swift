/// The tool version, shown by `--version` and written into machine output.
public enum DocsAuditVersion {
    public static let current = "0.1.0"
}
