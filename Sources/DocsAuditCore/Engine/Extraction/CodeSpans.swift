/// Where inline code spans lie on a raw source line: a run of N backticks opens a span that the next
/// run of exactly N backticks closes (CommonMark's rule, applied within one line).
enum CodeSpans {
    /// UTF-8 offset ranges (0-based, half-open) of the spans on `line`, backticks included.
    static func ranges(in line: String) -> [Range<Int>] {
        Substring(line).withLineBytes { ranges(in: $0) }
    }

    /// UTF-8 offset ranges (0-based, half-open) of the spans in the bytes of a line, backticks included.
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var runs: [(start: Int, length: Int)] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "`") {
                let start = index
                while index < bytes.count && bytes[index] == UInt8(ascii: "`") { index += 1 }
                runs.append((start, index - start))
            } else {
                index += 1
            }
        }
        var spans: [Range<Int>] = []
        var open = 0
        while open < runs.count {
            guard let close = runs[(open + 1)...].firstIndex(where: { $0.length == runs[open].length }) else {
                open += 1
                continue
            }
            spans.append(runs[open].start..<(runs[close].start + runs[close].length))
            open = close + 1
        }
        return spans
    }

    /// Whether the 1-based UTF-8 `column` falls inside one of `spans` (sorted, disjoint: binary search, since
    /// one long line can hold tens of thousands of spans).
    static func contains(_ spans: [Range<Int>], column: Int) -> Bool {
        let offset = column - 1
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].upperBound <= offset {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < spans.count && spans[low].contains(offset)
    }
}
