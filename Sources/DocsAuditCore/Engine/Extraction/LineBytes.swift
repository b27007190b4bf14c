extension Substring {
    /// Calls `body` with the line's UTF-8 bytes in place (a copy only when the text is not stored contiguously).
    func withLineBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension String {
    /// The text's pieces between line feeds, equal to `split(separator: "\n", omittingEmptySubsequences: false)`
    /// (a CRLF is one character there, so a line feed after a carriage return does not split) but found on the
    /// bytes, with `memchr`, rather than character by character.
    func linesSplitAtLineFeeds() -> [Substring] {
        var text = self
        let bounds: [Range<Int>] = text.withUTF8 { bytes in
            var bounds: [Range<Int>] = []
            var start = 0
            var from = 0
            while let newline = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: from) {
                from = newline + 1
                if newline > 0 && bytes[newline - 1] == 0x0D { continue }
                bounds.append(start..<newline)
                start = newline + 1
            }
            bounds.append(start..<bytes.count)
            return bounds
        }
        let utf8 = text.utf8
        return bounds.map { bound in
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: bound.lowerBound)
                ..< utf8.index(utf8.startIndex, offsetBy: bound.upperBound)])
        }
    }
}
