/// "Did you mean" suggestions for names a user typed (rule IDs, formats, profile keys and profile names).
public enum DidYouMean {
    /// The candidate closest to `typed` by edit distance, when it is close enough to be a likely typo
    /// (at most a third of the typed length, and at least 1); nil otherwise. A typed name without a
    /// category also matches a candidate's last segment (`dangling-edge` → `graph/dangling-edge`).
    public static func closest(to typed: String, in candidates: [String]) -> String? {
        // Inputs come from the command line or a config; a long one is no typo of a short name and would only
        // cost time.
        let typed = typed.lowercased()
        guard !typed.isEmpty, typed.count <= 100 else { return nil }
        let limit = max(1, typed.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            var forms = [candidate.lowercased()]
            if !typed.contains("/"), let last = candidate.split(separator: "/").last { forms.append(String(last)) }
            for form in forms {
                let distance = editDistance(Array(typed), Array(form))
                if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
            }
        }
        return best?.name
    }

    /// ` (did you mean `x`?)`, or nothing.
    public static func hint(_ typed: String, in candidates: [String]) -> String {
        closest(to: typed, in: candidates).map { " (did you mean `\($0)`?)" } ?? ""
    }

    /// Edit distance where insertions, deletions, substitutions and swaps of two neighbours each cost 1
    /// (`fiel` is one step from `file`), no substring edited twice.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in a.indices {
            current[0] = i + 1
            for j in b.indices {
                var cost = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
                if i > 0, j > 0, a[i] == b[j - 1], a[i - 1] == b[j] { cost = min(cost, beforePrevious[j - 1] + 1) }
                current[j + 1] = cost
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
