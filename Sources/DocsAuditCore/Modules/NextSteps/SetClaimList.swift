/// Reads the list of a set claim (`NS-09, NS-10, NS-17..NS-21 and NS-29`): IDs and ranges of IDs, or the
/// first piece it cannot read, so a claim is reported as unreadable rather than as a wrong set.
enum SetClaimList {
    /// The most IDs one range may stand for; a longer range is read as a typo, not expanded.
    static let maxRange = 500

    /// The IDs `text` lists, in order, or the piece that is neither an ID nor a range of IDs.
    static func parse(_ text: String, id: Pattern) -> (ids: [String], unreadable: String?) {
        var ids: [String] = []
        for piece in pieces(of: text) {
            if isID(piece, id) {
                ids.append(piece)
            } else if let range = expand(piece, id) {
                ids += range
            } else {
                return (ids, piece)
            }
        }
        return (ids, nil)
    }

    /// Splits on commas, `and`, `+` and `&`, dropping empty pieces.
    private static func pieces(of text: String) -> [String] {
        let words = text.replacingEvery("\n", with: " ").split(separator: ",", omittingEmptySubsequences: true)
        var result: [String] = []
        for word in words {
            var rest = " " + word.trimmed + " "
            for separator in [" and ", " + ", " & ", "+", "&"] {
                rest = rest.replacingEvery(separator, with: ",")
            }
            result += rest.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
        }
        return result
    }

    private static func isID(_ text: String, _ id: Pattern) -> Bool {
        id.firstMatch(in: text)?[0] == text
    }

    /// `NS-17..NS-21` (also `…`, `–`, `—`, `to`, `through`) → NS-17, NS-18, …, NS-21, with the lower
    /// bound's zero padding; nil when the bounds differ in prefix, carry a suffix letter or run backwards.
    private static func expand(_ text: String, _ id: Pattern) -> [String]? {
        for separator in ["..", "…", "–", "—", " to ", " through "] {
            let sides = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            guard sides.count == 2 else { continue }
            let low = sides[0].trimmed
            let high = sides[1].trimmed
            guard isID(low, id), isID(high, id), let (prefix, from, width) = split(low),
                  let (otherPrefix, to, _) = split(high), prefix == otherPrefix,
                  from <= to, to - from < maxRange else { return nil }
            return (from...to).map { number in
                let digits = String(number)
                return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
        }
        return nil
    }

    /// `NS-017` → (`NS-`, 17, 3); nil when the ID does not end in digits.
    private static func split(_ id: String) -> (String, Int, Int)? {
        let digits = id.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let number = Int(String(digits.reversed())) else { return nil }
        return (String(id.dropLast(digits.count)), number, digits.count)
    }
}
