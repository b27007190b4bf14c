/// Text helpers for the starter profile: YAML scalars that read back as written, regex-escaped literals, and
/// comments wrapped to the output's width.
enum YAMLText {
    /// The widest line the starter profile writes.
    static let width = 100

    /// `text` as a YAML scalar: plain when that is unambiguous, else single-quoted, else double-quoted with
    /// escapes (control characters).
    static func scalar(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        if !text.unicodeScalars.contains(where: needsEscape) {
            return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A flow sequence of scalars: `[a, 'b c']`.
    static func list(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter, text.unicodeScalars.last != " ",
              !reserved.contains(text.lowercased()) else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCIILetter || $0.isASCIIDigit || " _-.()".unicodeScalars.contains($0)
        }
    }

    /// `text` as a PCRE2 literal: metacharacters escaped, control characters as `\x{…}`.
    static func regexLiteral(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if "\\^$.|?*+()[]{}".unicodeScalars.contains(scalar) {
                out += "\\"
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A path as a glob that matches only itself: `*`, `?` and `[` become one-character classes.
    static func globLiteral(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "*", "?", "[":
                out += "["
                out.unicodeScalars.append(scalar)
                out += "]"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `count` and `noun`, with an `s` unless the count is 1: `1 file`, `2 files`.
    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// `text` as comment lines (`# …`) indented by `indent`, wrapped at spaces to `width` columns (a word longer
    /// than a line is cut).
    static func comment(_ text: String, indent: Int = 0) -> [String] {
        let prefix = String(repeating: " ", count: indent) + "# "
        let room = max(20, width - prefix.count)
        var lines: [String] = []
        var current = ""
        for word in visible(text).split(separator: " ") {
            var word = Substring(word)
            while word.count > room {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(room)))
                word = word.dropFirst(room)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= room {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.map { (prefix + $0).trimmedTrailing }
    }

    /// `text` with every character YAML does not allow in a comment (controls, line and paragraph separators,
    /// a byte-order mark) written as `\u{…}`.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "\t" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) || scalar == "\t" {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether a line fits the output's width.
    static func fits(_ line: String) -> Bool { line.count <= width }
}

extension String {
    /// The text without trailing spaces.
    var trimmedTrailing: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
