/// ID-like tokens as `init` sees them: `Plan-001` / `XP-0042` (a capitalised word, a dash, digits), `RFC 1234` /
/// `PR #12` (an upper-case word, a space, digits) and `owner/repo#12`. A family is the shape with its word.
enum TokenFamily {
    /// How a family's tokens are written.
    enum Shape: Int, Sendable, Comparable {
        case dashed, spaced, repository
        static func < (lhs: Shape, rhs: Shape) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A family: its shape and its word (`Plan`, `RFC`, `rust-lang/rfcs`).
    struct Key: Hashable, Sendable, Comparable {
        var shape: Shape
        var word: String

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.word, lhs.shape) < (rhs.word, rhs.shape) }

        /// The token as a reader would write it, with `N` for the number (`Plan-N`, `RFC N`, `o/r#N`).
        var written: String {
            switch shape {
            case .dashed: return word + "-N"
            case .spaced: return word + " N"
            case .repository: return word + "#N"
            }
        }
    }

    /// One token found in a text.
    struct Token: Sendable {
        var key: Key
        var number: Int?
        var written: String
        /// Whether nothing but white space stands before it.
        var atStart: Bool
        /// How many `-digits` segments follow the number (`CP-001-2`: 1).
        var segments = 0
    }

    /// The three shapes in one pattern, so each text is scanned once. Groups: 1–3 dashed (word, number,
    /// further `-digits` segments as in `CP-001-2`), 4–5 spaced, 6–7 repository.
    static let pattern: Pattern? = try? Pattern(
        #"\b([A-Z][A-Za-z]{0,15})-(\d{1,9})((?:-\d{1,9}){0,3})(?!\d)|\b([A-Z]{2,10}) #?(\d{1,9})\b"#
            + #"|(?<![\w.-])([A-Za-z0-9][\w.-]{0,38}/[\w.-]{1,100})#(\d{1,9})\b"#)

    /// The tokens of `text`, in order.
    static func tokens(in text: String) -> [Token] {
        guard let pattern, text.utf8.count <= 1 << 20, pattern.mayMatch(text) else { return [] }
        let leading = text.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
        return pattern.matches(in: text).compactMap { match in
            let groups: (Int, Shape)
            if match[1] != nil { groups = (1, .dashed) } else if match[4] != nil { groups = (4, .spaced) } else {
                groups = (6, .repository)
            }
            guard let word = match[groups.0] else { return nil }
            let number = match[groups.0 + 1].flatMap { Int($0) }
            let segments = groups.1 == .dashed ? (match[3] ?? "").filter { $0 == "-" }.count : 0
            return Token(key: Key(shape: groups.1, word: word), number: number, written: match[0] ?? word,
                         atStart: match.byteRange(0)?.lowerBound == leading, segments: min(segments, 3))
        }
    }

    /// Whether a graph node ID is a letter prefix and a number (`NS01`, `NS-12a`, `T_3`).
    static func isNumberedNode(_ id: String) -> Bool {
        var scalars = Substring(id).unicodeScalars[...]
        let letters = scalars.prefix { $0.isASCIILetter }.count
        guard letters >= 1, letters <= 16 else { return false }
        scalars = scalars.dropFirst(letters)
        if let first = scalars.first, first == "-" || first == "_" { scalars = scalars.dropFirst() }
        let digits = scalars.prefix { $0.isASCIIDigit }.count
        guard digits >= 1 else { return false }
        scalars = scalars.dropFirst(digits)
        return scalars.isEmpty || (scalars.count == 1 && scalars.first?.isASCIILetter == true)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isASCIILetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
}
