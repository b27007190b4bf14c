/// A document's text, held from the start (a git blob, an overlay, a test's text) or read from the working
/// tree on first use and kept from then on.
///
/// A text read later must be the one that was analysed: the file's bytes are checked against the fingerprint
/// taken when it was analysed (or the SHA-256 recorded with its cached analysis). A file that changed, vanished
/// or no longer decodes in the meantime gives an empty text, so nothing is ever reported, fixed or written
/// against a text other than the analysed one (`fix` then finds the file changed and refuses to write it).
final class DocumentText: @unchecked Sendable {
    private let lock = Lock()
    private var loaded: SourceText?
    private let origin: (path: String, fingerprint: Fingerprint, limit: Int)?

    /// What a file's bytes are checked against when they are read again.
    enum Fingerprint: Sendable, Equatable {
        /// The SHA-256 of the bytes: what the cache records, taken whenever there is a cache.
        case sha256Digest([UInt8])
        /// The byte count and a 64-bit keyed hash (the standard library's SipHash, with this process's random
        /// seed): for a run without a cache, where the fingerprint never leaves the process, at a tenth of the
        /// SHA-256's cost. An accidental match is a 2^-64 chance, and the seed cannot be known in advance.
        case keyed(count: Int, hash: Int)

        /// The keyed fingerprint of `bytes`.
        static func keyed(_ bytes: [UInt8]) -> Fingerprint {
            var hasher = Hasher()
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            return .keyed(count: bytes.count, hash: hasher.finalize())
        }

        /// Whether `bytes` have this fingerprint.
        func matches(_ bytes: [UInt8]) -> Bool {
            switch self {
            case let .sha256Digest(digest): return sha256(bytes) == digest
            case let .keyed(count, _): return bytes.count == count && Self.keyed(bytes) == self
            }
        }
    }

    init(_ source: SourceText) {
        loaded = source
        origin = nil
    }

    /// The text of the file at `absolute` whose bytes have `fingerprint`, read on first use (at most `limit`
    /// bytes).
    init(reading absolute: String, fingerprint: Fingerprint, limit: Int) {
        origin = (absolute, fingerprint, limit)
    }

    var value: SourceText {
        lock.withLock {
            if let loaded { return loaded }
            let source = read() ?? SourceText("")
            loaded = source
            return source
        }
    }

    private func read() -> SourceText? {
        guard let origin, case let .success(bytes) = FileSystem.read(origin.path, limit: origin.limit),
              origin.fingerprint.matches(bytes), case let .success(text) = TextDecoding.decode(bytes) else { return nil }
        return SourceText(text)
    }
}
