import Foundation

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

    /// Whether every number in the JSON `data` fits the file.
    func accepts(_ data: Data) -> Bool {
        guard let root = try? JSONSerialization.jsonObject(with: data) else { return false }
        return accepts(root, key: "")
    }

    private func accepts(_ value: Any, key: String) -> Bool {
        switch value {
        case let object as [String: Any]:
            return object.allSatisfy { accepts($0.value, key: $0.key) }
        case let array as [Any]:
            return array.allSatisfy { accepts($0, key: key) }
        case let number as NSNumber:
            return accepts(number, key: key)
        default:
            return true
        }
    }

    private func accepts(_ number: NSNumber, key: String) -> Bool {
        let value = number.doubleValue
        guard value.isFinite, value.rounded() == value else { return false }
        let bound: Int
        if Self.isLineKey(key) {
            bound = lineBound
        } else if key == "column" || key.hasSuffix("Column") {
            bound = columnBound
        } else {
            bound = Self.numberBound
        }
        return value >= -Double(bound) && value <= Double(bound) && (bound == Self.numberBound || value >= 0)
    }

    /// Keys whose numbers are line numbers of this file (`line`, `endLine`, `statusLine`, `lineCount`, a
    /// suppression's `lines`). A cite's `start` and `end` name lines of another file: only the general bound.
    private static func isLineKey(_ key: String) -> Bool {
        key == "line" || key.hasSuffix("Line") || key == "lines" || key == "lineCount"
    }
}
