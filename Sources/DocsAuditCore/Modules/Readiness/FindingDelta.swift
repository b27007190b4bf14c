/// The findings of a change against its baseline: new (this change introduced them), unchanged (already
/// there) and fixed (gone). Matched on rule, file (after renames) and subject, never on the line, so a
/// finding whose line moved or whose file was renamed is unchanged.
public struct FindingDelta: Sendable {
    public var new: [Finding] = []
    public var unchanged: [Finding] = []
    /// Baseline findings with no match now, at their baseline location.
    public var fixed: [Finding] = []

    public init() {}

    /// Classifies `current` against `baseline`; `renames` maps a baseline path to its current path.
    public static func classify(current: [Finding], baseline: [Finding],
                                renames: [String: String] = [:]) -> FindingDelta {
        var pending: [String: Int] = [:]
        for finding in baseline { pending[key(finding, file: renames[finding.file] ?? finding.file), default: 0] += 1 }
        var delta = FindingDelta()
        for finding in current {
            let key = key(finding, file: finding.file)
            if let left = pending[key], left > 0 {
                pending[key] = left - 1
                delta.unchanged.append(finding)
            } else {
                delta.new.append(finding)
            }
        }
        // Whatever the current findings did not use up was fixed.
        for finding in baseline {
            let key = key(finding, file: renames[finding.file] ?? finding.file)
            if let left = pending[key], left > 0 {
                pending[key] = left - 1
                delta.fixed.append(finding)
            }
        }
        return delta
    }

    /// Rule, file and subject; the message stands in for a rule that gives no subject.
    private static func key(_ finding: Finding, file: String) -> String {
        [finding.rule, file, finding.subject.isEmpty ? finding.message : finding.subject].joined(separator: "\u{1F}")
    }
}
