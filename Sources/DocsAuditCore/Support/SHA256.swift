import CSHA256

/// SHA-256 of the concatenation of `parts` (32 bytes), from OpenSSL's libcrypto. The only hashing API of
/// the package: the cache keys are built on it.
func sha256(_ parts: [UInt8]...) -> [UInt8] {
    var context = SHA256_CTX()
    var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
    SHA256_Init(&context)
    for part in parts {
        part.withUnsafeBytes { buffer in
            _ = SHA256_Update(&context, buffer.baseAddress, buffer.count)
        }
    }
    digest.withUnsafeMutableBufferPointer { buffer in
        _ = SHA256_Final(buffer.baseAddress, &context)
    }
    return digest
}
