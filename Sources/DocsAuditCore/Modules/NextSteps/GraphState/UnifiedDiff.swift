/// A unified diff of two texts, from a longest-common-subsequence alignment of their lines.
public enum UnifiedDiff {
    /// Lines split at LF bytes, a CR kept with its line: Swift's `Character` sees `\r\n` as one character, so
    /// splitting a CRLF text on the character `\n` found no line break at all.
    static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    public static func make(_ old: String, _ new: String, path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
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
                case .same: out += " \(step.text)\n"
                case .delete: out += "-\(step.text)\n"
                case .insert: out += "+\(step.text)\n"
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

    /// Edit script by dynamic programming on line equality (files here are small: one document).
    static func align(_ a: [String], _ b: [String]) -> [Step] {
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
