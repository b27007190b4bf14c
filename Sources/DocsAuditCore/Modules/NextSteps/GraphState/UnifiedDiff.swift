/// A unified diff of two texts, from a longest-common-subsequence alignment of their lines.
public enum UnifiedDiff {
    /// Lines split at LF bytes, a CR kept with its line: Swift's `Character` sees `\r\n` as one character, so
    /// splitting a CRLF text on the character `\n` found no line break at all.
    /// A final line break ends the last line; it does not start another.
    static func lines(_ text: String) -> [String] {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(Substring($0)) }
        if text.utf8.last == UInt8(ascii: "\n") { lines.removeLast() }
        return lines
    }

    /// The marker `diff` prints after a last line that has no line break.
    static let noNewline = "\\ No newline at end of file\n"

    public static func make(_ old: String, _ new: String, path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        // Index of the old / new text's last line when that line has no line break (else past the end).
        let oldOpenEnd = old.utf8.last.map { $0 == UInt8(ascii: "\n") ? a.count : a.count - 1 } ?? a.count
        let newOpenEnd = new.utf8.last.map { $0 == UInt8(ascii: "\n") ? b.count : b.count - 1 } ?? b.count
        let script = align(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        while index < script.count {
            guard let firstChange = script[index...].firstIndex(where: { $0.kind != .same }) else { break }
            let start = max(index, firstChange - context)
            var end = firstChange
            var lastChange = firstChange
            while end < script.count {
                if script[end].kind != .same { lastChange = end }
                if end - lastChange > context * 2 { break }
                end += 1
            }
            end = min(script.count, lastChange + context + 1)
            let hunk = script[start..<end]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1
            let newStart = (hunk.first?.newLine ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for step in hunk {
                switch step.kind {
                case .same:
                    out += " \(step.text)\n"
                    if step.oldLine == oldOpenEnd || step.newLine == newOpenEnd { out += noNewline }
                case .delete:
                    out += "-\(step.text)\n"
                    if step.oldLine == oldOpenEnd { out += noNewline }
                case .insert:
                    out += "+\(step.text)\n"
                    if step.newLine == newOpenEnd { out += noNewline }
                }
            }
            index = end
        }
        return out
    }

    struct Step {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        /// 0-based line in the old / new text at which this step stands.
        var oldLine: Int
        var newLine: Int
    }

    /// The most cells the alignment table may have (old lines × new lines between the common head and tail);
    /// past it the middle is shown as deleted and inserted whole, which is still a correct diff.
    static let maximumCells = 4_000_000

    /// Edit script by dynamic programming on line equality. Texts too large for the table are aligned on their
    /// common head and tail first (a different, equally short script: gate G3 counts where changes fall, so
    /// texts that fit keep the alignment they always had).
    static func align(_ a: [String], _ b: [String]) -> [Step] {
        let (cells, overflow) = (a.count + 1).multipliedReportingOverflow(by: b.count + 1)
        if !overflow && cells <= maximumCells { return alignMiddle(a, b) }
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        var steps = (0..<head).map { Step(kind: .same, text: a[$0], oldLine: $0, newLine: $0) }
        let oldMiddle = Array(a[head..<(a.count - tail)])
        let newMiddle = Array(b[head..<(b.count - tail)])
        let (middleCells, middleOverflow) = (oldMiddle.count + 1).multipliedReportingOverflow(by: newMiddle.count + 1)
        if middleOverflow || middleCells > maximumCells {
            steps += oldMiddle.enumerated().map { Step(kind: .delete, text: $1, oldLine: head + $0, newLine: head) }
            steps += newMiddle.enumerated().map {
                Step(kind: .insert, text: $1, oldLine: head + oldMiddle.count, newLine: head + $0)
            }
        } else {
            steps += alignMiddle(oldMiddle, newMiddle).map { step in
                var moved = step
                moved.oldLine += head
                moved.newLine += head
                return moved
            }
        }
        steps += (0..<tail).map { offset in
            let old = a.count - tail + offset
            return Step(kind: .same, text: a[old], oldLine: old, newLine: b.count - tail + offset)
        }
        return steps
    }

    private static func alignMiddle(_ a: [String], _ b: [String]) -> [Step] {
        let n = a.count
        let m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var steps: [Step] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                steps.append(Step(kind: .same, text: a[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if j < m && (i == n || table[i][j + 1] > table[i + 1][j]) {
                // Deletions go before insertions when both are as good, as diff(1) prints them.
                steps.append(Step(kind: .insert, text: b[j], oldLine: i, newLine: j))
                j += 1
            } else {
                steps.append(Step(kind: .delete, text: a[i], oldLine: i, newLine: j))
                i += 1
            }
        }
        return steps
    }
}
