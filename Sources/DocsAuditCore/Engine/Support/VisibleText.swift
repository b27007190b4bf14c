/// Control characters made visible, for output a terminal or a log shows line by line: a newline in a file
/// name or a message cannot start a forged line, and an escape sequence cannot recolour or rewrite the screen.
/// `\n`, `\r` and `\t` keep their short forms; every other C0 or C1 control and DEL becomes `\u{1b}` (hex).
public enum VisibleText {
    /// `text` with control characters escaped; the same string when it holds none.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isControl(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// C0 controls, DEL and C1 controls (U+0080–U+009F, which some terminals read as escape sequences).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
