/// "Did you mean" suggestions for names a user typed (rule IDs, formats).
enum DidYouMean {
    /// The candidate closest to `typed` by edit distance, when it is close enough to be a likely typo
    /// (at most a third of the typed length, and at least 1); nil otherwise. A typed name without a
    /// category also matches a candidate's last segment (`dangling-edge` → `graph/dangling-edge`).
    static func closest(to typed: String, in candidates: [String]) -> String? {
        // Inputs come from the command line; a long one is no typo of a short name and would only cost time.
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
    static func hint(_ typed: String, in candidates: [String]) -> String {
        closest(to: typed, in: candidates).map { " (did you mean `\($0)`?)" } ?? ""
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost 1.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for (i, left) in a.enumerated() {
            current[0] = i + 1
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
