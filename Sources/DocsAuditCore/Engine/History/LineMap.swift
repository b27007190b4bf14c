/// Where each line of an old version of a file is in a new version, from the same longest-common-subsequence
/// alignment `UnifiedDiff` prints (the common head and tail are matched first, so an insertion into a long file
/// costs a table the size of the change, not of the file).
struct LineMap: Sendable, Equatable {
    /// What became of a cited range.
    enum Outcome: Sendable, Equatable {
        /// Its lines are where they were.
        case unchanged
        /// Its first and last lines (and most of the rest) are now at `start...end`.
        case moved(start: Int, end: Int)
        /// An endpoint, or most of its non-blank lines, was rewritten or deleted.
        case stale
        /// Nothing can be said: the range was past the end of the old text, or blank throughout there.
        case unknown
    }

    /// 1-based old line → 1-based new line, for the lines the alignment keeps (index 0 unused).
    let newLine: [Int?]
    /// Whether each old line is blank (index 0 unused, true).
    let blank: [Bool]
    /// How many old lines up to each are non-blank, and how many of those the alignment keeps (index 0: none),
    /// so a range of any length is answered at once.
    private let writtenBefore: [Int]
    private let keptBefore: [Int]

    private static func counts(_ newLine: [Int?], _ blank: [Bool]) -> (written: [Int], kept: [Int]) {
        var written = [0], kept = [0]
        written.reserveCapacity(newLine.count)
        kept.reserveCapacity(newLine.count)
        for line in newLine.indices.dropFirst() {
            let isWritten = !blank[line]
            written.append(written[line - 1] + (isWritten ? 1 : 0))
            kept.append(kept[line - 1] + (isWritten && newLine[line] != nil ? 1 : 0))
        }
        return (written, kept)
    }

    /// A map read back from its parts (`DriftMemo`); nil when they do not fit together.
    init?(newLine: [Int?], blank: [Bool]) {
        guard !newLine.isEmpty, newLine.count == blank.count,
              newLine.allSatisfy({ $0.map { $0 >= 1 } ?? true }) else { return nil }
        self.newLine = newLine
        self.blank = blank
        (writtenBefore, keptBefore) = Self.counts(newLine, blank)
    }

    /// The alignment of `old` with `new` (lines without their endings).
    init(old: [Substring], new: [Substring]) {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] {
            tail += 1
        }
        var map = [Int?](repeating: nil, count: old.count + 1)
        for index in 0..<head { map[index + 1] = index + 1 }
        for offset in 0..<tail { map[old.count - offset] = new.count - offset }
        let oldMiddle = old[head..<(old.count - tail)].map(String.init)
        let newMiddle = new[head..<(new.count - tail)].map(String.init)
        if !oldMiddle.isEmpty, !newMiddle.isEmpty {
            for step in UnifiedDiff.align(oldMiddle, newMiddle) where step.kind == .same {
                map[head + step.oldLine + 1] = head + step.newLine + 1
            }
        }
        newLine = map
        blank = [true] + old.map { line in line.allSatisfy { $0 == " " || $0 == "\t" } }
        (writtenBefore, keptBefore) = Self.counts(newLine, blank)
    }

    /// What became of old lines `range` (1-based): kept when both endpoints survive and at least half of its
    /// non-blank lines do (moved when they are numbered otherwise now), else stale.
    func outcome(of range: ClosedRange<Int>) -> Outcome {
        guard range.lowerBound >= 1, range.upperBound < newLine.count else { return .unknown }
        let written = writtenBefore[range.upperBound] - writtenBefore[range.lowerBound - 1]
        guard written > 0 else { return .unknown }
        guard let start = newLine[range.lowerBound], let end = newLine[range.upperBound] else { return .stale }
        let kept = keptBefore[range.upperBound] - keptBefore[range.lowerBound - 1]
        guard kept * 2 >= written else { return .stale }
        return start == range.lowerBound && end == range.upperBound ? .unchanged : .moved(start: start, end: end)
    }
}
