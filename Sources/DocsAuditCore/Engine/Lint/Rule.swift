/// What a rule is, for `rules`, `explain`, SARIF `rules[]` and docs/rules.md: one catalog, one source.
public struct RuleDescription: Sendable, Equatable {
    /// Stable kebab-case ID with a category prefix (`graph/dangling-edge`).
    public let id: String
    /// The severity when the profile says nothing; nil means off unless enabled.
    public let severity: Severity?
    /// One line, lower case, what the rule finds.
    public let summary: String
    /// Why it matters and how to fix it.
    public let help: String
    /// Small corpora the rule reports (with marked findings) and leaves alone: rules/examples/<id>.yml for a
    /// built-in rule, run by a test and shown by `explain` and docs/rules.md. Read on first use, so a lint run
    /// that never shows them never parses them.
    public var examples: [RuleExample] { ownExamples ?? RuleExamples.builtIn[id] ?? [] }
    private let ownExamples: [RuleExample]?

    /// A description whose examples are the embedded rules/examples/<id>.yml (none when there is no such file).
    public init(id: String, severity: Severity?, summary: String, help: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.help = help
        self.ownExamples = nil
    }

    /// A description carrying its own examples (a rule defined outside the built-in catalog).
    public init(id: String, severity: Severity?, summary: String, help: String, examples: [RuleExample]) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.help = help
        self.ownExamples = examples
    }

    /// The category: the part of the ID before `/`.
    public var category: String { String(id.prefix { $0 != "/" }) }
}

/// One thing a rule found, before severity and suppressions are applied.
public struct RuleHit: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The stable key a baseline matches on (node ID, tag, link target …), not a line number.
    public var subject: String
    /// Other files whose content causes this hit (a renamed heading breaks a link elsewhere).
    public var related: [String]
    /// A severity the rule chose for this hit from the profile (tags in Tasks blocks); `.some(nil)` is off.
    public var severityOverride: Severity??
    /// The safe edit that would fix this hit, when there is one (`docs-audit fix` applies it).
    public var fix: TextEdit?

    private enum CodingKeys: String, CodingKey { case path, line, column, message, subject, related, severity, fix }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decode(Int.self, forKey: .column)
        message = try container.decode(String.self, forKey: .message)
        subject = try container.decode(String.self, forKey: .subject)
        related = try container.decode([String].self, forKey: .related)
        // Absent: the rule chose nothing; "off": the rule chose off; otherwise a severity.
        switch try container.decodeIfPresent(String.self, forKey: .severity) {
        case nil: severityOverride = nil
        case "off": severityOverride = .some(nil)
        case let name?: severityOverride = .some(Severity(rawValue: name))
        }
        fix = try container.decodeIfPresent(TextEdit.self, forKey: .fix)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encode(subject, forKey: .subject)
        try container.encode(related, forKey: .related)
        if let chosen = severityOverride { try container.encode(chosen?.rawValue ?? "off", forKey: .severity) }
        try container.encodeIfPresent(fix, forKey: .fix)
    }

    public init(path: String, line: Int, column: Int = 1, message: String, subject: String, related: [String] = []) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.subject = subject
        self.related = related
    }
}

/// A check. Rules read the merged corpus model; they never print, never exit, and never look at
/// configuration beyond the profile.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: LintContext) -> [RuleHit]
    /// The hits, and what the rule says about the run itself (a check it had to skip, and why): one line each,
    /// never a finding, which the command prints once on standard error as `info`. Most rules say nothing.
    func checkWithNotices(_ context: LintContext) -> (hits: [RuleHit], notices: [String])
    /// Whether the rule reads one document's parse tree and nothing else (`DocumentRule`). Asked of the rule, as
    /// `checkWithNotices` is called on it, rather than found by a cast: `as? any DocumentRule` scans the binary's
    /// conformance records once per rule type, about 14M instructions of every run before any rule runs.
    var readsOneDocument: Bool { get }
}

extension Rule {
    public func checkWithNotices(_ context: LintContext) -> (hits: [RuleHit], notices: [String]) {
        (check(context), [])
    }

    public var readsOneDocument: Bool { false }
}

/// A rule that reads one document's parse tree and nothing else (table rows, tags on prose lines). It runs in
/// the per-file pass (`DocumentAnalyzer`) while the tree is alive, and its hits are kept, and cached, with
/// the file's facts; in the lint run it only hands those hits back.
protocol DocumentRule: Rule {
    func check(_ document: ParsedDocument, profile: Profile) -> [RuleHit]
}

extension DocumentRule {
    public var readsOneDocument: Bool { true }

    func check(_ context: LintContext) -> [RuleHit] {
        context.analyses.flatMap { $0.documentHits[description.id] ?? [] }
    }
}
