/// How much a finding matters.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing the linter reports, at a place in a file.
public struct Finding: Sendable, Codable, Hashable {
    /// The stable rule ID (`input/not-utf8`, `graph/dangling-edge`, …).
    public var rule: String
    public var severity: Severity
    /// The path relative to the corpus root.
    public var file: String
    public var line: Int
    /// 1-based column in UTF-8 bytes.
    public var column: Int
    public var message: String
    /// A key that survives line moves (node ID, tag, link target): what a baseline matches on.
    public var subject: String
    /// Other files whose content causes this finding; a pre-commit run naming one of them reports it.
    public var related: [String] = []
    /// The rule's safe edit, when it has one; not part of any output format (`docs-audit fix` reads it).
    public var fix: TextEdit?

    public init(rule: String, severity: Severity, file: String, line: Int, column: Int, message: String, subject: String,
                related: [String] = []) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.subject = subject
        self.related = related
    }

    enum CodingKeys: String, CodingKey {
        case rule, severity, file, line, column, message, subject, related
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(rule: try container.decode(String.self, forKey: .rule),
                  severity: try container.decode(Severity.self, forKey: .severity),
                  file: try container.decode(String.self, forKey: .file),
                  line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column),
                  message: try container.decode(String.self, forKey: .message),
                  subject: try container.decode(String.self, forKey: .subject),
                  related: try container.decodeIfPresent([String].self, forKey: .related) ?? [])
    }

    /// `related` is written only when there is one (most findings have none).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(severity, forKey: .severity)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encode(subject, forKey: .subject)
        if !related.isEmpty { try container.encode(related, forKey: .related) }
    }

    /// The order every reporter prints in: file, line, column, rule, message.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted {
            ($0.file, $0.line, $0.column, $0.rule, $0.message) < ($1.file, $1.line, $1.column, $1.rule, $1.message)
        }
    }
}
