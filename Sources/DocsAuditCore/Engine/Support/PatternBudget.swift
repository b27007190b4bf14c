import FoundationEssentials

/// The patterns that ran past the engine's limits during one file's pass. A pattern that overruns once is
/// not run again on that file, so a hostile pattern costs at most one limit's worth of work per file and a
/// run stays linear in the corpus; each stopped pattern becomes an `input/pattern-limit` finding.
///
/// Bound to the current task (or thread) for the length of the pass with `PatternBudget.$current`.
public final class PatternBudget: @unchecked Sendable {
    /// The budget of the file whose pass is running on this task, if any.
    @TaskLocal public static var current: PatternBudget?

    private let lock = Lock()
    private var stoppedSources: Set<String> = []
    private var order: [StoppedPattern] = []

    /// A pattern stopped by its limit: its source and where it came from.
    public struct StoppedPattern: Sendable, Codable, Hashable {
        public var source: String
        public var origin: String?
    }

    public init() {}

    /// Whether a pattern with this source has been stopped.
    func isStopped(_ source: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return !stoppedSources.isEmpty && stoppedSources.contains(source)
    }

    /// Stops `pattern` for the rest of the pass.
    func stop(_ pattern: Pattern) {
        lock.lock()
        defer { lock.unlock() }
        guard stoppedSources.insert(pattern.source).inserted else { return }
        order.append(StoppedPattern(source: pattern.source, origin: pattern.origin))
    }

    /// The stopped patterns, in the order they overran.
    public var stopped: [StoppedPattern] {
        lock.lock()
        defer { lock.unlock() }
        return order
    }

    /// The rule ID the stopped patterns are reported under.
    public static let ruleID = "input/pattern-limit"

    /// What `input/pattern-limit` means, for `rules`, SARIF and docs/rules.md.
    public static let description = RuleDescription(
        id: ruleID, severity: .error,
        summary: "a pattern ran past the regex engine's match limit, so it was not applied to the rest of a file",
        help: """
        Every pattern runs under PCRE2's match, depth and heap limits, so no pattern can stall a run. A pattern
        that needs more than the limit on some line (nested quantifiers such as `(a+)+$`, or a repeat of `.*`)
        is stopped for the rest of that file, and the file is reported once per such pattern: the checks that
        use the pattern are incomplete there. Rewrite the pattern so that each character can be matched in
        only one way (no repeated group whose body can itself repeat), or anchor it on a literal.
        """)

    /// The finding's message for a stopped pattern.
    public static func message(_ pattern: StoppedPattern) -> String {
        let name = pattern.origin.map { "\($0) " } ?? ""
        return "pattern \(name)`\(pattern.source)` ran past the match limit; "
            + "it was not applied to the rest of this file"
    }
}
