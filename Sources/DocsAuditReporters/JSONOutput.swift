import DocsAuditCore
import FoundationEssentials

/// Encodes values as stable JSON: sorted keys, two-space indent, no escaped slashes, final newline.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let data = try encoder().encode(value)
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }

    /// The encoder every JSON output uses (`ModelJSONStream` too, so a streamed model prints the same bytes).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
