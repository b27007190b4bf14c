import CSHA256
import FoundationEssentials

/// SHA-256 of the concatenation of `parts` (32 bytes), from OpenSSL's libcrypto. With `SHA256Hasher`, the only
/// hashing API of the package: the cache keys are built on it.
func sha256(_ parts: [UInt8]...) -> [UInt8] {
    var hasher = SHA256Hasher()
    for part in parts { hasher.update(part) }
    return hasher.finalize()
}

/// SHA-256 fed in pieces (a large file read in chunks).
struct SHA256Hasher {
    private var context = SHA256_CTX()

    init() { SHA256_Init(&context) }

    /// Adds `bytes` to the hashed content.
    mutating func update<Bytes: ContiguousBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { buffer in
            _ = SHA256_Update(&context, buffer.baseAddress, buffer.count)
        }
    }

    /// The digest of everything added (32 bytes).
    mutating func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        digest.withUnsafeMutableBufferPointer { buffer in
            _ = SHA256_Final(buffer.baseAddress, &context)
        }
        return digest
    }
}
