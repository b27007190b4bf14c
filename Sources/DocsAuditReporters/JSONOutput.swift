import DocsAuditCore
import FoundationEssentials

/// Encodes values as stable JSON: sorted keys, two-space indent, no escaped slashes, final newline.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }
}
