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
        asciiSlug(text) ?? mixedSlug(text)
    }

    /// The slug of any text, scalar by scalar, into UTF-8 bytes: an ASCII scalar is decided on its value, any other
    /// is lowered through its own lower-case mapping (what `String.lowercased()` does scalar by scalar) and its
    /// general category is read. Equal to `scalarSlug`, which tests keep as the oracle.
    static func mixedSlug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "_"): out.append(byte)
                case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
                default: continue
                }
                continue
            }
            for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                if lowered == " " {
                    out.append(UInt8(ascii: "-"))
                } else if keeps(lowered) {
                    out.append(contentsOf: UTF8.encode(lowered) ?? UTF8.EncodedScalar())
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The slug of any text, scalar by scalar, after lowering the whole text: the definition `mixedSlug` follows.
    static func scalarSlug(_ text: String) -> String {
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

    /// The slug of an all-ASCII `text`, read on its bytes (nil for any other text): letters lowered, digits,
    /// `-` and `_` kept, a space made `-`, punctuation, symbols and controls dropped, as `baseSlug` does.
    private static func asciiSlug(_ text: String) -> String? {
        let slug = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): out[count] = byte + 0x20
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                         UInt8(ascii: "-"), UInt8(ascii: "_"): out[count] = byte
                    case UInt8(ascii: " "): out[count] = UInt8(ascii: "-")
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }
        return slug ?? nil
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
