/// Translates a JavaScript regex literal (`/body/flags`) into a PCRE2 pattern with the same meaning for the
/// constructs a name format uses: classes, groups, anchors, quantifiers, ASCII `\d`/`\w`/`\b`, `$` at the
/// very end, `\u` escapes, escaped `/` (`Pattern(_:javaScript:)`).
enum JavaScriptRegex {
    struct Failure: Error {
        let message: String
    }

    static func translate(source: String, flags: String) throws -> Pattern {
        // `\/` is only needed inside the literal; PCRE2 reads a plain `/`.
        let body = source.replacingEvery("\\/", with: "/")
        var prefix = ""
        for flag in flags {
            switch flag {
            case "i": prefix += "(?i)"
            case "m": prefix += "(?m)"
            case "s": prefix += "(?s)"
            case "u", "g", "y", "d", "v": continue
            default: throw Failure(message: "unknown regex flag `\(flag)`")
            }
        }
        do {
            return try Pattern(prefix + body, javaScript: true)
        } catch {
            throw Failure(message: "cannot translate /\(source)/\(flags)")
        }
    }
}

import FoundationEssentials
