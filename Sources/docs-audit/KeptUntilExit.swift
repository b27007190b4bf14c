import Synchronization

/// Values a command keeps alive until the process exits, so that exiting does not first free them piece by
/// piece: a corpus and its model are millions of small objects at 100x, and freeing them is work nobody waits for
/// in a short-lived process (the operating system takes the memory back at once).
enum KeptUntilExit {
    private static let kept = Mutex<[any Sendable]>([])

    /// Keeps `value` alive until the process exits.
    static func keep(_ value: some Sendable) {
        kept.withLock { $0.append(value) }
    }
}
