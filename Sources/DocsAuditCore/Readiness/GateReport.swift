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

    public var baseline: String
    public var head: String
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
