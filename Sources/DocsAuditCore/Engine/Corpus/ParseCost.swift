/// An upper estimate of the memory a file's parse takes, from its bytes alone, so a file whose structure would
/// take far more than its size (a 20 MB table of one-character cells: about 230 bytes of parse tree per byte)
/// is reported instead of parsed.
///
/// cmark-gfm makes a node (about 200 bytes with its bookkeeping) for every table cell, line and inline
/// element, and this tool a value (about 150 bytes) for each; inline text is split at the characters the
/// inline parsers react to. So the nodes are at most about one per line ending and two per `|` or such
/// character (a cell and its text; a text run and the markup). Measured peaks stay under this estimate
/// (docs/robustness.md).
enum ParseCost {
    /// Bytes of memory per possible node, C tree and Swift value together.
    static let bytesPerNode = 400
    /// A file may take this many times its size to parse, plus `allowance`.
    static let ratio = 96
    static let allowance = 64 << 20

    /// The estimated peak memory of parsing `bytes`. Lines inside a fenced code block count once each: cmark-gfm
    /// keeps a code block's text as one literal. Read through one buffer pointer, without a slice per line.
    static func estimate(_ bytes: [UInt8]) -> Int {
        let splits = bytes.withUnsafeBufferPointer { buffer in
            var splits = 0
            var fence: (byte: UInt8, length: Int)?
            var lineStart = 0
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != 0x0A, buffer[lineEnd] != 0x0D { lineEnd += 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
                let marker = fenceMarker(line)
                if let open = fence {
                    if let marker, marker.byte == open.byte, marker.length >= open.length, marker.bare { fence = nil }
                } else if let marker, marker.byte == UInt8(ascii: "~") || marker.infoIsPlain {
                    fence = (marker.byte, marker.length)
                } else {
                    splits += splitsIn(line)
                }
                splits += 1
                lineStart = lineEnd + 1
            }
            return splits
        }
        // Both factors are bounded by the file size (at most max-file-bytes), so no product overflows.
        return (splits + 16) * bytesPerNode + 8 * bytes.count
    }

    /// A fence line: at most three spaces, then three or more backticks or tildes.
    private static func fenceMarker(_ line: UnsafeBufferPointer<UInt8>)
        -> (byte: UInt8, length: Int, bare: Bool, infoIsPlain: Bool)? {
        var index = 0
        while index < line.count, line[index] == 0x20, index < 3 { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: "`") || line[index] == UInt8(ascii: "~") else { return nil }
        let byte = line[index]
        var end = index
        while end < line.count, line[end] == byte { end += 1 }
        guard end - index >= 3 else { return nil }
        var bare = true, infoIsPlain = true
        for offset in end..<line.count {
            let next = line[offset]
            if next != 0x20, next != 0x09 { bare = false }
            if next == UInt8(ascii: "`") { infoIsPlain = false }
        }
        return (byte, end - index, bare, infoIsPlain)
    }

    /// Possible nodes on a line outside code: cells and inline markup two each, container markers where they
    /// can open a container, and the autolink extension's `www.` and `://`.
    private static func splitsIn(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var splits = 0
        var previous: UInt8 = 0x0A
        var index = 0
        let count = line.count
        while index < count {
            let byte = line[index]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ">") {
                if opensContainer(after: previous) { splits += 2 }
            } else if isSplit(byte) {
                splits += 2
            } else if byte == UInt8(ascii: "w"), count - index >= 4, line[index + 1] == byte,
                      line[index + 2] == byte, line[index + 3] == UInt8(ascii: ".") {
                splits += 4
            } else if byte == UInt8(ascii: ":"), count - index >= 3, line[index + 1] == UInt8(ascii: "/"),
                      line[index + 2] == UInt8(ascii: "/") {
                splits += 4
            }
            previous = byte
            index += 1
        }
        return splits
    }

    /// The most a file of `size` bytes may take.
    static func limit(size: Int) -> Int { ratio * size + allowance }

    /// Why `bytes` must not be parsed, or nil. A file too small to reach the bound whatever it holds (two
    /// possible nodes per byte) is not even scanned.
    static func refusal(_ bytes: [UInt8]) -> String? {
        guard bytes.count > allowance / (2 * bytesPerNode + 8) else { return nil }
        let estimate = estimate(bytes)
        let limit = limit(size: bytes.count)
        guard estimate > limit else { return nil }
        return "not analysed: parsing it would take about \(estimate >> 20) MiB (table cells, lines and inline "
            + "markup are dense), over the per-file bound of \(ratio) times its size plus \(allowance >> 20) MiB"
    }

    private static func isSplit(_ byte: UInt8) -> Bool {
        switch byte {
        // Cells, inline markup, entities and escapes.
        case UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: "\\"), UInt8(ascii: "&"),
             UInt8(ascii: "~"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    private static func opensContainer(after previous: UInt8) -> Bool {
        switch previous {
        case 0x0A, 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }
}
