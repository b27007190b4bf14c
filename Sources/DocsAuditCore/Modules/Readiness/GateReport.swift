/// The verdicts of `docs-audit gates`: each gate and band with its figure and evidence, per plan and overall.
public struct GateReport: Sendable, Codable {
    public enum Verdict: String, Sendable, Codable {
        case pass, fail
        /// No input to measure from: never shown as a pass.
        case notMeasured = "not measured"
    }

    public struct PlanResult: Sendable, Codable {
        public var plan: String
        public var verdict: Verdict
        public var figure: String
        public var evidence: [String]
    }

    public struct Check: Sendable, Codable {
        /// `G1` … `G7`, `B1` … `B6`.
        public var id: String
        public var title: String
        public var verdict: Verdict
        /// The measured figure, as a reviewer writes it (`1.03× (<1.5×)`).
        public var figure: String
        /// The target, for bands.
        public var target: String?
        public var evidence: [String]
        public var plans: [PlanResult]
    }

    /// Lint findings against the baseline tree's: how many this change introduced (by rule), fixed, kept.
    public struct LintSummary: Sendable, Codable {
        public var new: Int
        public var fixed: Int
        public var unchanged: Int
        /// `rule` → new findings, the largest first.
        public var newByRule: [RuleCount]

        public struct RuleCount: Sendable, Codable {
            public var rule: String
            public var count: Int
        }

        public init(_ delta: FindingDelta) {
            new = delta.new.count
            fixed = delta.fixed.count
            unchanged = delta.unchanged.count
            newByRule = Dictionary(grouping: delta.new, by: \.rule)
                .map { RuleCount(rule: $0.key, count: $0.value.count) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.rule < $1.rule }
        }
    }

    public var baseline: String
    public var head: String
    /// Set when the baseline tree was linted too.
    public var lint: LintSummary?
    public var tier: Int?
    public var plans: [String]
    public var gates: [Check] = []
    public var bands: [Check] = []

    public init(baseline: String, head: String, tier: Int?, plans: [String]) {
        self.baseline = baseline
        self.head = head
        self.tier = tier
        self.plans = plans
    }

    /// Whether any gate G1–G7 failed (bands fail the run only with --strict; the `no-ephemeral-tags` line
    /// never does).
    public var gateFailed: Bool { gates.contains { $0.id.hasPrefix("G") && $0.verdict == .fail } }
    public var bandOutOfRange: Bool { bands.contains { $0.verdict == .fail } }
}
