/// Which lines of a file are blank (white space only), one bit a line: what `cites/line-range` needs of a
/// cited file, kept with the file's facts so a cached run reads no file to check a cite.
struct BlankLines: Sendable, Codable, Equatable {
    /// The file's number of lines (`SourceText.lineCount`).
    var lineCount = 0
    /// Bit `(n - 1) % 64` of word `(n - 1) / 64` is set when line `n` is blank.
    var words: [UInt64] = []

    init() {}

    /// The blank lines of `source`.
    init(_ source: SourceText) {
        lineCount = source.lineCount
        words = Array(repeating: 0, count: (lineCount + 63) / 64)
        for number in stride(from: 1, through: lineCount, by: 1) {
            // Bytes, not characters: a line of only spaces and tabs is the same either way, and faster to see.
            guard let line = source.line(number), line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
            words[(number - 1) / 64] |= 1 << UInt64((number - 1) % 64)
        }
    }

    /// Whether line `number` is blank; a line outside the file counts as blank (as `SourceText.isBlank`).
    func isBlank(_ number: Int) -> Bool {
        guard number >= 1, number <= lineCount else { return true }
        let word = (number - 1) / 64
        guard word < words.count else { return true }
        return words[word] & (1 << UInt64((number - 1) % 64)) != 0
    }

    /// Whether every line of `range` is blank (lines outside the file count as blank), 64 lines at a time: a
    /// cite of a long span costs its length over 64, however many cites name it.
    func allBlank(_ range: ClosedRange<Int>) -> Bool {
        let low = max(1, range.lowerBound), high = min(lineCount, range.upperBound)
        guard low <= high else { return true }
        var number = low
        while number <= high {
            let word = (number - 1) / 64, bit = (number - 1) % 64
            guard word < words.count else { return true }
            // The bits of lines number…min(high, end of this word).
            let count = min(64 - bit, high - number + 1)
            let mask: UInt64 = count == 64 ? ~0 : ((1 << UInt64(count)) - 1) << UInt64(bit)
            if words[word] & mask != mask { return false }
            number += count
        }
        return true
    }
}
