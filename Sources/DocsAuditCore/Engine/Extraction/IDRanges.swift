/// Ranges written with IDs of one family: `I-007-1..5`, `NS-17..NS-21`, `T-024-1-1..5`.
enum IDRanges {
    /// The most members one range expands to; a longer one is read as its first ID alone.
    static let maxMembers = 100

    /// The longest end ID read after `..` (bytes): a longer one is not a range end.
    static let maxEndLength = 128

    /// A range starting with the ID `first` whose match ends at UTF-8 offset `end` of the line `bytes`: the text it
    /// spans (`I-007-1..5`), the byte offset where it ends, and its members as written (`I-007-1` … `I-007-5`).
    /// Nil when no `..` follows, or the end does not continue the first ID's trailing number. Reads at most
    /// `maxEndLength` bytes past `end`, so a long line with many IDs costs no more per ID.
    static func range(after first: String, endingAt end: Int, in bytes: [UInt8], family: IDFamily)
        -> (text: String, end: Int, members: [String])? {
        guard end + 2 < bytes.count, bytes[end] == UInt8(ascii: "."), bytes[end + 1] == UInt8(ascii: "."),
              bytes[end + 2] != UInt8(ascii: ".") else { return nil }
        let (stem, lowDigits) = split(first)
        guard let lowDigits, let low = Int(lowDigits) else { return nil }
        let restStart = end + 2
        var highDigits: Substring
        var rangeEnd: Int
        let window = bytes[restStart..<min(bytes.count, restStart + maxEndLength)]
        let digitRun = window.prefix { $0 >= 0x30 && $0 <= 0x39 }
        if !digitRun.isEmpty {
            // `..5`: the end replaces the trailing number; a following word character means it is something else.
            rangeEnd = restStart + digitRun.count
            if rangeEnd < bytes.count, isWord(bytes[rangeEnd]) { return nil }
            highDigits = Substring(decoding: digitRun, as: UTF8.self)
        } else {
            // `..NS-21`: a second ID of the family, with the same stem.
            let rest = String(decoding: window, as: UTF8.self)
            guard let match = family.pattern.firstMatch(in: rest), match.byteRange()?.lowerBound == 0,
                  let second = match[0], let length = match.byteRange()?.count else { return nil }
            let (secondStem, digits) = split(second)
            guard secondStem == stem, let digits else { return nil }
            highDigits = digits
            rangeEnd = restStart + length
        }
        guard let high = Int(highDigits), low <= high, high - low < maxMembers else { return nil }
        let width = lowDigits.count
        let members = (low...high).map { number -> String in
            let digits = String(number)
            return stem + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let text = String(decoding: bytes[(end - first.utf8.count)..<rangeEnd], as: UTF8.self)
        return (text, rangeEnd, members)
    }

    /// The members of a range reference written `text` (`I-007-1..3`), as identities; nil when it is no range.
    static func members(of text: String, family: IDFamily) -> [String]? {
        guard let match = family.pattern.firstMatch(in: text), match.byteRange()?.lowerBound == 0,
              let first = match[0], let end = match.byteRange()?.upperBound,
              let range = range(after: first, endingAt: end, in: Array(text.utf8), family: family) else { return nil }
        return range.members.map { family.identity(of: $0) }
    }

    /// `I-007-12` → (`I-007-`, `12`); an ID not ending in digits has no number.
    static func split(_ id: String) -> (stem: String, digits: Substring?) {
        let digits = id.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return (id, nil) }
        let cut = id.index(id.endIndex, offsetBy: -digits.count)
        return (String(id[..<cut]), id[cut...])
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_")
    }
}
