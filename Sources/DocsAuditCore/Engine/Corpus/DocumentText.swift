/// A document's text, held from the start (a git blob, an overlay, a test's text) or read from the working
/// tree on first use and kept from then on.
///
/// A text read later must be the one that was analysed: the file's bytes are checked against the SHA-256 taken
/// when it was analysed (or when its cached analysis was recorded). A file that changed, vanished or no longer
/// decodes in the meantime gives an empty text, so nothing is ever reported, fixed or written against a text
/// other than the analysed one (`fix` then finds the file changed and refuses to write it).
final class DocumentText: @unchecked Sendable {
    private let lock = Lock()
    private var loaded: SourceText?
    private var failed = false
    private let origin: (path: String, hash: [UInt8], limit: Int)?

    init(_ source: SourceText) {
        loaded = source
        origin = nil
    }

    /// The text of the file at `absolute` whose bytes hash to `hash`, read on first use (at most `limit` bytes).
    init(reading absolute: String, hash: [UInt8], limit: Int) {
        origin = (absolute, hash, limit)
    }

    /// Whether the text is held (given, or read already).
    var isLoaded: Bool { lock.withLock { loaded != nil } }

    var value: SourceText {
        lock.withLock {
            if let loaded { return loaded }
            let read = read()
            failed = read == nil
            let source = read ?? SourceText("")
            loaded = source
            return source
        }
    }

    /// The SHA-256 of the file's bytes for a text read on first use, known without reading it; nil for a text
    /// held from the start, and once a read found the file changed (its text is then empty, not those bytes').
    var fileHash: [UInt8]? {
        lock.withLock { failed ? nil : origin?.hash }
    }

    private func read() -> SourceText? {
        guard let origin, case let .success(bytes) = FileSystem.read(origin.path, limit: origin.limit),
              sha256(bytes) == origin.hash, case let .success(text) = TextDecoding.decode(bytes) else { return nil }
        return SourceText(text)
    }
}
