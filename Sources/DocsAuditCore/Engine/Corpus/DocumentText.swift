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
    private var failed = false
    private let origin: (path: String, fingerprint: Fingerprint, limit: Int)?

    /// What a file's bytes are checked against when they are read again.
    enum Fingerprint: Sendable, Equatable {
        /// The SHA-256 of the bytes: what the cache records, taken whenever there is a cache.
        case sha256Digest([UInt8])
        /// The byte count and a 64-bit keyed hash (`keyedHash`, keyed with this process's random seed): for a run
        /// without a cache, where the fingerprint never leaves the process, at a small part of the SHA-256's cost.
        case keyed(count: Int, hash: UInt64)
        /// Both, for a file read in a run with a cache: the SHA-256 the cache records (`fileHash`), and the keyed
        /// hash a read is checked against (a finding's column reads its file again, at the end of the run, on
        /// one core: checking by SHA-256 there cost more than the rest of that read).
        case digestAndKeyed([UInt8], count: Int, hash: UInt64)

        /// The keyed fingerprint of `bytes`.
        static func keyed(_ bytes: [UInt8]) -> Fingerprint {
            .keyed(count: bytes.count, hash: keyedHash(bytes))
        }

        /// The SHA-256 `digest` of `bytes`, with their keyed fingerprint.
        static func digestAndKeyed(_ digest: [UInt8], _ bytes: [UInt8]) -> Fingerprint {
            .digestAndKeyed(digest, count: bytes.count, hash: keyedHash(bytes))
        }

        private static func keyedHash(_ bytes: [UInt8]) -> UInt64 {
            bytes.withUnsafeBytes { keyedHash($0, key: processKey) }
        }

        /// This process's key, random.
        private static let processKey = UInt64.random(in: .min ... .max)

        /// A multiply-mix hash of `bytes` under `key`, eight bytes at a time: each word, xor-ed with the key, is
        /// multiplied (128-bit product, its halves xor-ed) by the state xor-ed with a per-position constant; then
        /// the tail with the length, and a final mix. Not cryptographic: it tells a changed file from the analysed
        /// one (an accidental equal hash is about a 2^-64 chance; the key is unknown outside the process), which is
        /// all it is asked.
        static func keyedHash(_ bytes: UnsafeRawBufferPointer, key: UInt64) -> UInt64 {
            func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
                let product = a.multipliedFullWidth(by: b)
                return product.high ^ product.low
            }
            let prime: UInt64 = 0x9E37_79B9_7F4A_7C15, other: UInt64 = 0xA076_1D64_78BD_642F
            var state = key ^ prime
            var offset = 0
            while bytes.count - offset >= 8 {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                state = mix(word ^ key ^ other, state ^ (prime &+ UInt64(truncatingIfNeeded: offset)))
                offset += 8
            }
            var tail: UInt64 = 0
            for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << UInt64(8 * shift) }
            state = mix(tail ^ key ^ other, state ^ prime ^ UInt64(truncatingIfNeeded: bytes.count))
            return mix(state ^ key, other)
        }

        /// Whether `bytes` have this fingerprint.
        func matches(_ bytes: [UInt8]) -> Bool {
            switch self {
            case let .sha256Digest(digest): return sha256(bytes) == digest
            case let .keyed(count, hash), let .digestAndKeyed(_, count, hash):
                return bytes.count == count && Self.keyedHash(bytes) == hash
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

    /// The SHA-256 of the file's bytes for a text read on first use, known without reading it (taken whenever
    /// there is a cache); nil for a text held from the start, for a run without a cache, and once a read found the
    /// file changed (its text is then empty, not those bytes').
    var fileHash: [UInt8]? {
        lock.withLock {
            guard !failed else { return nil }
            switch origin?.fingerprint {
            case let .sha256Digest(digest)?, let .digestAndKeyed(digest, _, _)?: return digest
            case .keyed?, nil: return nil
            }
        }
    }

    private func read() -> SourceText? {
        guard let origin, case let .success(bytes) = FileSystem.read(origin.path, limit: origin.limit),
              origin.fingerprint.matches(bytes),
              case let .success(text) = TextDecoding.decode(bytes) else { return nil }
        return SourceText(text)
    }
}
