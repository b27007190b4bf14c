/// Heading anchors as GitHub renders them (the github-slugger rules).
///
/// The text is lower-cased; every character that is not a letter, a mark, a number, a space, `-` or `_`
/// is removed (punctuation such as `§`, `—`, `+`, `/`, `(`, symbols and emoji, controls); each space
/// becomes `-`. Repeats of a slug in one document get `-1`, `-2`, … in order.
public struct Slugger: Sendable {
    private var seen: [String: Int] = [:]

    public init() {}

    /// The slug for `text`, without duplicate tracking.
    public static func baseSlug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if keeps(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The slug for the next heading with `text`, suffixed when an earlier heading had the same slug.
    public mutating func slug(for text: String) -> String {
        let base = Self.baseSlug(text)
        var candidate = base
        while seen[candidate] != nil {
            let next = (seen[base] ?? 0) + 1
            seen[base] = next
            candidate = "\(base)-\(next)"
        }
        seen[candidate] = 0
        return candidate
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" || scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
