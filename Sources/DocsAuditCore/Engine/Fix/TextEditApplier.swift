/// Applies `TextEdit`s to one file's text, byte for byte: only the replaced bytes change (line endings,
/// every other byte kept). Edits that overlap, or that do not fit their line, are refused, never guessed at.
public enum TextEditApplier {
    /// The outcome for one file.
    public struct Outcome: Sendable {
        /// The text with every accepted edit applied.
        public var text: String
        /// The edits applied, in file order.
        public var applied: [TextEdit]
        /// The edits refused, with the reason.
        public var refused: [(edit: TextEdit, reason: String)]
    }

    /// `text` with `edits` applied. Identical edits count once; two edits whose bytes overlap (or that insert
    /// at the same place) are both refused, since which one is meant needs a person.
    public static func apply(_ edits: [TextEdit], to text: String) -> Outcome {
        let bytes = Array(text.utf8)
        let starts = lineStarts(bytes)
        var placed: [(range: Range<Int>, edit: TextEdit)] = []
        var refused: [(edit: TextEdit, reason: String)] = []
        for edit in Set(edits).sorted(by: { ($0.line, $0.column, $0.length) < ($1.line, $1.column, $1.length) }) {
            guard let range = byteRange(of: edit, bytes: bytes, starts: starts) else {
                refused.append((edit, "its place (line \(edit.line), column \(edit.column)) is not in the file"))
                continue
            }
            placed.append((range, edit))
        }
        var clashing = Set<Int>()
        for index in placed.indices.dropFirst() {
            let previous = placed[index - 1].range
            let current = placed[index].range
            if current.lowerBound < previous.upperBound || current.lowerBound == previous.lowerBound {
                clashing.insert(index - 1)
                clashing.insert(index)
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        var applied: [TextEdit] = []
        for (index, item) in placed.enumerated() {
            guard !clashing.contains(index) else {
                refused.append((item.edit, "it overlaps another fix at line \(item.edit.line)"))
                continue
            }
            output.append(contentsOf: bytes[cursor..<item.range.lowerBound])
            output.append(contentsOf: item.edit.replacement.utf8)
            cursor = item.range.upperBound
            applied.append(item.edit)
        }
        output.append(contentsOf: bytes[cursor...])
        return Outcome(text: String(decoding: output, as: UTF8.self), applied: applied, refused: refused)
    }

    /// The byte offset where each line starts, split as `SourceText` splits (LF, CRLF or CR), with the end of
    /// each line's content.
    static func lineStarts(_ bytes: [UInt8]) -> [(start: Int, end: Int)] { SourceText.lineBounds(bytes) }

    /// The bytes `edit` replaces, when they lie within its line's content (never across a line ending).
    private static func byteRange(of edit: TextEdit, bytes: [UInt8], starts: [(start: Int, end: Int)])
        -> Range<Int>? {
        guard edit.line >= 1, edit.line <= starts.count, edit.column >= 1, edit.length >= 0 else { return nil }
        let line = starts[edit.line - 1]
        let (lower, overflowLower) = line.start.addingReportingOverflow(edit.column - 1)
        guard !overflowLower, lower <= line.end else { return nil }
        let (upper, overflowUpper) = lower.addingReportingOverflow(edit.length)
        guard !overflowUpper, upper <= line.end else { return nil }
        return lower..<upper
    }
}
