import Dispatch

/// Work a run hands off so that it overlaps the rest of the run (the analysis index written while the rules
/// run), and the one place that waits for it. Only a caller that promises to call `finish()` before the process
/// ends starts any (the CLI does, before it exits); every other caller's work runs at once, in line, so a library
/// user or a test sees its effect as soon as the call returns.
public enum BackgroundWork {
    private static let group = DispatchGroup()
    private static let state = BackgroundState()

    /// Lets later `run` calls hand their work to a background thread. The caller must call `finish()` before
    /// the process exits.
    public static func allow() { state.set(allowed: true) }

    /// Runs `body` on a background thread when allowed, otherwise now.
    static func run(_ body: @escaping @Sendable () -> Void) {
        guard state.allowed else {
            body()
            return
        }
        DispatchQueue.global().async(group: group, execute: body)
    }

    /// Waits for every piece of work started in the background.
    public static func finish() {
        group.wait()
    }
}

/// Whether background work is allowed, behind a lock.
private final class BackgroundState: @unchecked Sendable {
    private let lock = Lock()
    private var isAllowed = false

    var allowed: Bool { lock.withLock { isAllowed } }

    func set(allowed: Bool) { lock.withLock { isAllowed = allowed } }
}
