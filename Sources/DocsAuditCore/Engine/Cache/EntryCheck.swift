import FoundationEssentials

/// Validates a cache entry against the file it claims to describe before it is decoded and used: an entry
/// written by this tool always passes, while a damaged or forged one (a line past the end of the file, an
/// `Int.max` count that later arithmetic would overflow on, a fraction where a whole number belongs) is a miss.
struct EntryCheck {
    /// Lines the file can have (LF, CRLF and CR each end a line, as cmark-gfm counts them) plus one.
    let lineBound: Int
    /// Byte columns the file can have, plus one.
    let columnBound: Int
    /// Any other number (a count, an ordinal, a PR number read from text) stays within ±2^53, far from overflow.
    static let numberBound = 1 << 53
    /// Bytes that continue a JSON number besides digits.
    private static let numberMarks: [UInt8] = Array(".eE+-".utf8)

    init(fileBytes bytes: [UInt8]) {
        var lines = 1
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { lines += 1 }
            previous = byte
        }
        lineBound = lines + 1
        columnBound = bytes.count + 2
    }

    /// The largest entry a file of `fileBytes` bytes may have; anything larger is not even read.
    static func sizeLimit(fileBytes: Int) -> Int {
        let (scaled, overflow) = fileBytes.multipliedReportingOverflow(by: 64)
        return overflow ? Int.max : scaled + (1 << 20)
    }

    /// Whether every number in the JSON `data` fits the file. A lexical pass over the bytes (no objects built,
    /// so a warm run pays little for it): each number is judged by the last key before it; a fraction or an
    /// exponent is refused, as the analysis holds whole numbers only. The decoder then checks shape and types.
    func accepts(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        var range = -Self.numberBound...Self.numberBound
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard end < bytes.count else { return false }
                var next = end + 1
                while next < bytes.count, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[next]) { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: ":") {
                    range = allowed(forKey: String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                }
                index = end + 1
            } else if byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte) {
                var end = index + 1
                while end < bytes.count, (0x30...0x39).contains(bytes[end]) || Self.numberMarks.contains(bytes[end]) {
                    end += 1
                }
                // Int(_:) refuses fractions, exponents and anything past Int's range.
                guard let value = Int(String(decoding: bytes[index..<end], as: UTF8.self)), range.contains(value) else {
                    return false
                }
                index = end
            } else {
                index += 1
            }
        }
        return true
    }

    /// The values a number under `key` may take.
    private func allowed(forKey key: String) -> ClosedRange<Int> {
        if Self.isLineKey(key) { return 0...lineBound }
        if key == "column" || key.hasSuffix("Column") { return 0...columnBound }
        return -Self.numberBound...Self.numberBound
    }

    /// Keys whose numbers are line numbers of this file (`line`, `endLine`, `statusLine`, `lineCount`, a
    /// suppression's `lines`). A cite's `start` and `end` name lines of another file: only the general bound.
    private static func isLineKey(_ key: String) -> Bool {
        key == "line" || key.hasSuffix("Line") || key == "lines" || key == "lineCount"
    }
}
