extension Substring {
    /// Calls `body` with the line's UTF-8 bytes in place (a copy only when the text is not stored contiguously).
    func withLineBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
