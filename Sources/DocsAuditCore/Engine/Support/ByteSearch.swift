#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes: the C library's vectorised `memchr` finds each candidate first
/// byte, `memcmp` checks the rest. (`memmem` would do both, but Glibc's module map hides it.)
enum ByteSearch {
    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        return needle.withUnsafeBufferPointer { pattern in
            guard let patternBase = pattern.baseAddress else { return false }
            let end = base + haystack.count
            var cursor = base
            while end - cursor >= pattern.count {
                guard let found = memchr(cursor, Int32(first), end - cursor - pattern.count + 1) else { return false }
                let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if memcmp(candidate, patternBase, pattern.count) == 0 { return true }
                cursor = candidate + 1
            }
            return false
        }
    }

    /// Whether `needle` occurs in `text`, compared as UTF-8 bytes (the standard library's `contains` compares
    /// characters, through a generic search: 67,000 instructions a call on a Tasks line).
    static func contains(_ text: String, _ needle: String) -> Bool {
        withBytes(of: Substring(text)) { contains($0, Array(needle.utf8)) }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, copying them only when they are not contiguous.
    static func withBytes<T>(of text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The offset of the first `byte` in `haystack` at or after `start`, if any.
    static func firstIndex(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = haystack.baseAddress, start >= 0, start < haystack.count,
              let found = memchr(base + start, Int32(byte), haystack.count - start) else { return nil }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// Whether the byte `byte` occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, byte: UInt8) -> Bool {
        guard let base = haystack.baseAddress, !haystack.isEmpty else { return false }
        return memchr(base, Int32(byte), haystack.count) != nil
    }
}
