/// Number formatting, path pieces and percent decoding in the standard library alone (no Foundation, whose
/// Linux build links 34 MB of ICU data for what these few lines do).
public enum TextFormat {
    /// `n` in decimal, left-padded with zeros to `width` digits (`%02d`); a minus sign comes first.
    public static func zeroPadded(_ n: Int, width: Int) -> String {
        let digits = String(n.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
        return (n < 0 ? "-" : "") + padding + digits
    }

    /// `value` with exactly `decimals` digits after the point (`%.2f`), rounded half to even.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let places = min(max(decimals, 0), 9)
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let scaled = (value.magnitude * factor).rounded(.toNearestOrEven)
        guard scaled < 9.0e15 else { return String(value) }
        let whole = Int(scaled)
        let unit = Int(factor)
        let sign = value.sign == .minus ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        return sign + String(whole / unit) + "." + zeroPadded(whole % unit, width: places)
    }

    /// `text` padded with spaces on the right to `width` characters (never cut).
    public static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// `%XX` escapes decoded as UTF-8; nil when an escape is malformed or the bytes are not UTF-8.
    public static func percentDecoded<S: StringProtocol>(_ text: S) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Slash-separated path pieces, as `NSString`'s path methods gave them.
public enum PathText {
    /// `base/name`, without doubling a slash.
    public static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// The path without its last component (`a/b/c` → `a/b`, `/a` → `/`, `a` → ``).
    public static func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component (`a/b/c.md` → `c.md`).
    public static func lastComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }
}

extension StringProtocol {
    /// Every occurrence of `target` replaced, compared scalar by scalar as Foundation's `replacingOccurrences`
    /// did: `"\r"` is found inside `"\r\n"`, which the standard library's `replacing` (by Character) would skip.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        let needle = Array(target.unicodeScalars)
        guard let first = needle.first, unicodeScalars.contains(first) else { return String(self) }
        let scalars = Array(unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == first, index + needle.count <= scalars.count,
               scalars[index..<(index + needle.count)].elementsEqual(needle) {
                result.append(contentsOf: replacement.unicodeScalars)
                index += needle.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
