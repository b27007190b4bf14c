import DocsAuditCore

/// SARIF 2.1.0 as GitHub code scanning reads it: every rule in `tool.driver.rules`, results with full
/// regions (columns in code points) and `partialFingerprints` that survive line moves.
public enum SARIFReporter {
    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        let columnKind = "unicodeCodePoints"
        let originalUriBaseIds = ["%SRCROOT%": ArtifactLocation(uri: "./", uriBaseId: nil)]
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name = "docs-audit"
        let version: String
        let semanticVersion: String
        let rules: [RuleDescriptor]
    }

    struct Text: Encodable {
        let text: String
    }

    struct HelpText: Encodable {
        let text: String
        let markdown: String
    }

    struct RuleDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let help: HelpText
        let defaultConfiguration: Configuration
        let properties: Properties
    }

    struct Configuration: Encodable {
        let enabled: Bool
        let level: String
    }

    struct Properties: Encodable {
        let tags: [String]
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
        /// The files whose change causes the finding (`Finding.related`); absent when there are none.
        let relatedLocations: [RelatedLocation]?
        let partialFingerprints: [String: String]
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    /// A whole file related to a result: SARIF's `relatedLocations` entry, numbered within the result.
    struct RelatedLocation: Encodable {
        let id: Int
        let message: Text
        let physicalLocation: FileLocation
    }

    struct FileLocation: Encodable {
        let artifactLocation: ArtifactLocation
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
    }

    public static func render(_ report: Report) throws -> String {
        let descriptors = report.rules.map { rule in
            RuleDescriptor(
                id: rule.id, name: camelName(rule.id), shortDescription: Text(text: rule.summary),
                fullDescription: Text(text: rule.summary + "."),
                help: HelpText(text: rule.help,
                               markdown: rule.examples.isEmpty
                                   ? rule.help : rule.help + "\n" + RuleDocumentation.examplesMarkdown(rule)),
                defaultConfiguration: Configuration(enabled: rule.severity != nil, level: level(rule.severity ?? .warning)),
                properties: Properties(tags: [rule.category]))
        }
        let index = Dictionary(report.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var occurrences: [String: Int] = [:]
        let results = report.findings.map { finding -> Result in
            let key = "\(finding.rule)|\(finding.file)|\(finding.subject)"
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            let column = report.codePointColumn(finding)
            return Result(
                ruleId: finding.rule, ruleIndex: index[finding.rule] ?? 0, level: level(finding.severity),
                message: Text(text: finding.message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: uri(finding.file), uriBaseId: "%SRCROOT%"),
                    region: Region(startLine: finding.line, startColumn: column, endLine: finding.line,
                                   endColumn: column.addingReportingOverflow(1).overflow ? column : column + 1)))],
                relatedLocations: finding.related.isEmpty ? nil : finding.related.enumerated().map { number, path in
                    RelatedLocation(id: number, message: Text(text: "depends on \(path)"),
                                    physicalLocation: FileLocation(artifactLocation: ArtifactLocation(
                                        uri: uri(path), uriBaseId: "%SRCROOT%")))
                },
                partialFingerprints: ["docsAudit/v1": Fingerprint.hex("\(key)|\(occurrence)")])
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: report.toolVersion, semanticVersion: report.toolVersion,
                                                          rules: descriptors)), results: results)])
        return try JSONOutput.encode(log)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// `graph/dangling-edge` → `GraphDanglingEdge`.
    static func camelName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative path as a URI reference (spaces and other reserved characters percent-encoded).
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let char = Character(Unicode.Scalar(byte))
            if char.isASCII && (char.isLetter || char.isNumber || "/-._~".contains(char)) {
                out.append(char)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

/// A stable, dependency-free 64-bit FNV-1a hash in hex (fingerprints only; not for security).
enum Fingerprint {
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
