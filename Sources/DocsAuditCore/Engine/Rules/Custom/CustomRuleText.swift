/// The two templates of a custom rule: its message (`{0}` the match, `{1}`… groups) and its replacement
/// (`$0`, `$1`… or `${12}` groups, `$$` a dollar sign).
enum CustomRuleText {
    /// A piece of a parsed template.
    enum Piece: Equatable {
        case literal(String)
        case group(Int)
    }

    /// The message's pieces: `{N}` is group N; any other brace is literal text.
    static func message(_ template: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(template)
        while let char = rest.first {
            if char == "{", let close = rest.firstIndex(of: "}") {
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if !inside.isEmpty, inside.count <= 4, inside.allSatisfy(\.isASCIIDigit), let number = Int(inside) {
                    if !literal.isEmpty { pieces.append(.literal(literal)) }
                    literal = ""
                    pieces.append(.group(number))
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            literal.append(char)
            rest = rest.dropFirst()
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    /// The replacement's pieces, or the reason it cannot be read.
    static func replacement(_ template: String) -> Result<[Piece], TemplateError> {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(template)
        while let char = rest.first {
            rest = rest.dropFirst()
            guard char == "$" else {
                literal.append(char)
                continue
            }
            var digits = ""
            if rest.first == "$" {
                literal.append("$")
                rest = rest.dropFirst()
                continue
            } else if rest.first == "{" {
                rest = rest.dropFirst()
                digits = String(rest.prefix(while: \.isASCIIDigit))
                rest = rest.dropFirst(digits.count)
                guard rest.first == "}" else {
                    return .failure(TemplateError("`${` must be followed by a group number and `}`"))
                }
                rest = rest.dropFirst()
            } else {
                digits = String(rest.prefix(while: \.isASCIIDigit))
                rest = rest.dropFirst(digits.count)
            }
            guard !digits.isEmpty, digits.count <= 4, let number = Int(digits) else {
                return .failure(TemplateError("`$` must be followed by a group number (`$1`, `${12}`) or another `$`"))
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(.group(number))
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return .success(pieces)
    }

    /// The highest group a template names (0 when none).
    static func highestGroup(_ pieces: [Piece]) -> Int {
        pieces.reduce(0) { highest, piece in
            if case let .group(number) = piece { return max(highest, number) }
            return highest
        }
    }

    /// Whether a template names any group.
    static func usesGroups(_ pieces: [Piece]) -> Bool {
        pieces.contains { if case .group = $0 { return true } else { return false } }
    }

    /// The template filled in with `groups` (index 0 the whole match); a group that took no part is empty.
    static func fill(_ pieces: [Piece], groups: (Int) -> String?) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case let .literal(text): out += text
            case let .group(number): out += groups(number) ?? ""
            }
        }
        return out
    }

    /// Why a replacement template cannot be read.
    struct TemplateError: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

extension Character {
    /// `0`…`9` only (not other scripts' digits, which `isNumber` accepts).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
