/// A rule a profile defines under `custom-rules`: a pattern that is forbidden in, or required of, the text a
/// scope selects. It runs in the per-file pass like any document rule, so its hits are cached with the file,
/// and it is listed, explained, suppressed, baselined and given severities like a built-in rule.
public struct CustomRule: Sendable {
    /// What the rule checks.
    public enum Check: Sendable {
        /// Each match is a finding.
        case forbid(Pattern)
        /// Each scoped item that does not match is a finding.
        case require(Pattern)
    }

    /// Which text of a document is matched (`scope.in`).
    public enum Place: String, Sendable, CaseIterable {
        /// Lines of paragraphs (in lists and block quotes too), from where the paragraph's text starts.
        case prose
        /// Heading text as written, without the `#` markers.
        case headings
        /// Each body cell of a pipe table, as written, trimmed.
        case tableCells = "table-cells"
        /// Each value cell of the header table (the first table before the first `##`).
        case headerFields = "header-fields"
        /// Paragraph lines inside the Tasks blocks the profile declares (`plans.tasks-heading`).
        case tasks
    }

    /// Where the rule looks.
    public struct Scope: Sendable {
        /// Document kinds; empty means every kind.
        public var kinds: [String] = []
        /// Paths (globs); empty means every path.
        public var paths: [Glob] = []
        public var excludePaths: [Glob] = []
        /// Only text under a heading (any enclosing one) whose visible text matches one of these.
        public var sections: [Pattern] = []
        public var places: [Place] = [.prose]
        /// With `header-fields`: only these fields (empty: every field).
        public var headerFields: [String] = []

        public init() {}
    }

    public let description: RuleDescription
    /// The finding's message: `{0}` is the match (the item, for `require`), `{1}`… its groups.
    public let message: String
    public let scope: Scope
    public let check: Check
    /// For `forbid`: what each match is replaced with (`$0`, `$1`… groups, `$$` a dollar sign).
    public let replacement: String?

    public init(description: RuleDescription, message: String, scope: Scope, check: Check, replacement: String?) {
        self.description = description
        self.message = message
        self.scope = scope
        self.check = check
        self.replacement = replacement
    }

    /// The forbid or require pattern.
    public var pattern: Pattern {
        switch check {
        case let .forbid(pattern), let .require(pattern): return pattern
        }
    }
}
