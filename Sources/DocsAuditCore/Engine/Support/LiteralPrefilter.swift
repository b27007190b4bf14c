#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The literal pre-filter of many patterns at once: one pass over a line's bytes finds which patterns can
/// match it at all, instead of one search per pattern and per literal.
///
/// Each pattern's required literals (`Pattern.hints`: `Plan-` for `\bPlan-(\d{3})`) are derived when the
/// pattern compiles; a pattern without any always runs. Single bytes (`:` before a cite's line numbers, a
/// backtick for code spans) can be asked for too. Each literal is searched by its rarest byte in prose (its
/// anchor: the `/` in `rust-lang/rfcs#`, not the `r` of half the words of a line), and literals sharing an anchor
/// share one `memchr` run over the line; a hit is checked against each of them in place. The decision for
/// every pattern is exactly the one `Pattern.mayMatch(bytes:)` makes (`LiteralPrefilterTests`). A class: scanning
/// a line in a closure then retains one reference, not each of its arrays (it is scanned on every prose line).
final class LiteralPrefilter: Sendable {
    /// The set of patterns (by index) and bytes (numbered after the patterns) found on one line.
    struct Found: Sendable {
        private var low: UInt64 = 0
        private var high: [UInt64] = []

        /// Whether member `index` is in the set.
        func contains(_ index: Int) -> Bool {
            if index < 64 { return low & (1 << UInt64(index)) != 0 }
            let word = index / 64 - 1
            return word < high.count && high[word] & (1 << UInt64(index % 64)) != 0
        }

        fileprivate mutating func insert(_ index: Int) {
            if index < 64 {
                low |= 1 << UInt64(index)
                return
            }
            let word = index / 64 - 1
            while high.count <= word { high.append(0) }
            high[word] |= 1 << UInt64(index % 64)
        }
    }

    /// The number of patterns; byte `k` of the `bytes` asked for is member `patternCount + k`.
    let patternCount: Int
    /// The distinct anchor bytes; the literals anchored on `anchors[g]` are `groupStart[g]..<groupStart[g + 1]`.
    private let anchors: [UInt8]
    private let groupStart: [Int]
    /// Every literal's bytes, one after the other, and where each starts (`count + 1` offsets).
    private let literalBytes: [UInt8]
    private let literalStarts: [Int]
    /// Where each literal's anchor byte lies in it, and the member it stands for.
    private let anchorOffsets: [Int]
    private let owners: [Int]
    /// Members found on every line: patterns without a literal.
    private let always: Found

    /// The pre-filter of `patterns`, also reporting whether each of `bytes` occurs.
    init(_ patterns: [Pattern], bytes: [UInt8] = []) {
        patternCount = patterns.count
        var literals: [(bytes: [UInt8], owner: Int, anchor: Int)] = []
        var always = Found()
        for (index, pattern) in patterns.enumerated() {
            guard let hints = pattern.hints, !hints.contains(where: \.isEmpty) else {
                always.insert(index)
                continue
            }
            literals += hints.map { ($0, index, Self.anchor(of: $0)) }
        }
        literals += bytes.enumerated().map { ([$0.element], patterns.count + $0.offset, 0) }
        literals.sort { ($0.bytes[$0.anchor], $0.owner) < ($1.bytes[$1.anchor], $1.owner) }
        var anchors: [UInt8] = []
        var groupStart: [Int] = []
        var flat: [UInt8] = []
        var starts = [0]
        for (number, literal) in literals.enumerated() {
            let anchor = literal.bytes[literal.anchor]
            if anchors.last != anchor {
                anchors.append(anchor)
                groupStart.append(number)
            }
            flat += literal.bytes
            starts.append(flat.count)
        }
        groupStart.append(literals.count)
        self.anchors = anchors
        self.groupStart = groupStart
        literalBytes = flat
        literalStarts = starts
        anchorOffsets = literals.map(\.anchor)
        owners = literals.map(\.owner)
        self.always = always
    }

    /// The offset of `literal`'s rarest byte in prose, by a fixed ranking: white space and frequent lower-case
    /// letters are common; upper case, digits and non-ASCII less so; most punctuation least.
    static func anchor(of literal: [UInt8]) -> Int {
        var best = 0
        for offset in literal.indices where rank(literal[offset]) < rank(literal[best]) { best = offset }
        return best
    }

    /// Lower-case letters in order of their frequency in English text.
    private static let letterOrder = Array("etaoinsrhldcumfpgwybvkxjqz".utf8)

    private static func rank(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): return 200
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return 100 - 2 * (letterOrder.firstIndex(of: byte) ?? 25)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return 30
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","): return 40
        case 0x80...: return 35
        default: return 20
        }
    }

    /// The patterns that can match `line` and which of the asked-for bytes it holds, in one pass over it.
    func scan(_ line: UnsafeBufferPointer<UInt8>) -> Found {
        var found = always
        guard let base = line.baseAddress, !anchors.isEmpty else { return found }
        let count = line.count
        literalBytes.withUnsafeBufferPointer { literals in
            literalStarts.withUnsafeBufferPointer { starts in
                anchorOffsets.withUnsafeBufferPointer { offsets in
                    owners.withUnsafeBufferPointer { owners in
                        for group in anchors.indices {
                            let low = groupStart[group], high = groupStart[group + 1]
                            let anchor = Int32(anchors[group])
                            var cursor = 0
                            while cursor < count, let hit = memchr(base + cursor, anchor, count - cursor) {
                                let position = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                                var pending = false
                                for number in low..<high where !found.contains(owners[number]) {
                                    pending = true
                                    let start = starts[number], length = starts[number + 1] - start
                                    let first = position - offsets[number]
                                    guard first >= 0, length <= count - first else { continue }
                                    var offset = 0
                                    while offset < length, line[first + offset] == literals[start + offset] {
                                        offset += 1
                                    }
                                    if offset == length { found.insert(owners[number]) }
                                }
                                // Every literal anchored here is found: the rest of the line cannot add any.
                                guard pending else { break }
                                cursor = position + 1
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    /// `scan` over a raw source line's bytes, without making a String of it.
    func scan(line: Substring) -> Found {
        ByteSearch.withBytes(of: line) { scan($0) }
    }
}
