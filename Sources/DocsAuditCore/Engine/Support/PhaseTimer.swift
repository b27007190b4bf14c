import Dispatch
import FoundationEssentials

/// Wall-clock time per phase of a run, printed to standard error when `DOCS_AUDIT_TIMINGS` is set: the
/// first thing to read before optimising (docs/performance.md). Costs nothing when it is not set.
public enum PhaseTimer {
    public static let enabled = ProcessInfo.processInfo.environment["DOCS_AUDIT_TIMINGS"] != nil

    /// Prints a line of timing context.
    public static func note(_ text: String) {
        guard enabled else { return }
        _ = DescriptorWriter.write(Array("timing: \(text)\n".utf8), to: 2)
    }

    /// Runs `body`, and reports how long it took under `label` when timings are on.
    public static func measure<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let line = "timing: \(label) \(TextFormat.fixed(elapsed, decimals: 1)) ms\n"
        // A diagnostic: a closed or full standard error must not stop the run.
        _ = DescriptorWriter.write(Array(line.utf8), to: 2)
        return result
    }
}
