/// A link fragment that names no heading or anchor of its target.
struct MissingAnchorRule: Rule {
    let description = RuleDescription(
        id: "links/missing-anchor", severity: .error,
        summary: "a link's #fragment matches no heading slug or explicit anchor in its target",
        help: """
        Fragments are GitHub heading slugs (lower case, punctuation dropped, spaces to `-`, repeats suffixed `-1`)
        or `<a id>` / `<a name>` anchors. A renamed heading breaks every link to it; a pre-commit run naming the
        renamed file reports the broken links elsewhere too. The message names the nearest existing slug when it
        is near enough to be a rename: at most 3 edits away, or a third of the fragment's length when that is more.
        `links.fragment-case` chooses how case is compared: `exact` (default) or `insensitive` (GitHub's page
        script finds `#Goal` for `## Goal`, but other renderers and GitHub's raw HTML do not).
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        let insensitive = context.profile.links.fragmentCase == .insensitive
        // A narrowed run answers the questions a whole run would have answered within its budget, no others.
        var suggestions = SlugSuggestions(wholeRun: context.focus == nil ? nil : {
            SlugSuggestions.answered(context.model.links.lazy.compactMap { Self.broken($0, context, insensitive) })
        })
        return context.links.compactMap { link -> RuleHit? in
            guard let (target, fragment, anchors) = Self.broken(link, context, insensitive) else { return nil }
            var message = "link to \(link.destination): no heading or anchor `\(fragment)` in \(target)"
            if let nearest = suggestions.nearest(to: fragment, in: target, anchors: anchors) {
                message += " (did you mean #\(nearest)?)"
            }
            return RuleHit(path: link.path, line: link.line, column: link.column, message: message,
                           subject: "\(target)#\(fragment)", related: [target])
        }
    }

    /// The target, decoded fragment and target anchors of `link` when its fragment names none of them.
    private static func broken(_ link: LinkRef, _ context: LintContext,
                               _ insensitive: Bool) -> (String, String, Set<String>)? {
        guard var fragment = link.fragment, !fragment.isEmpty else { return nil }
        let target = link.target ?? link.path
        guard let anchors = context.anchorsByPath[target] else { return nil }
        if fragment.contains("%") { fragment = TextFormat.percentDecoded(fragment) ?? fragment }
        guard !anchors.contains(fragment) else { return nil }
        if insensitive {
            let lower = fragment.lowercased()
            if anchors.contains(where: { $0.lowercased() == lower }) { return nil }
        }
        return (target, fragment, anchors)
    }
}

/// The existing slug nearest to a broken fragment, by edit distance over UTF-8 bytes (ties: the
/// alphabetically first), when it is near enough to be a rename (at most 3 edits or a third of the fragment). Bounded so that a hostile file cannot make it slow: long fragments and slugs are
/// skipped, and after `budget` distinct questions the rest go unanswered.
struct SlugSuggestions {
    static let maxLength = 120
    static let budget = 500
    private var answers: [String: String?] = [:]
    /// In a narrowed run, the questions of the whole run's broken links that it would have answered, computed
    /// on the first question; nil in a whole run, which answers within its own budget.
    private let wholeRun: (() -> Set<String>)?
    private var answerable: Set<String>?

    init(wholeRun: (() -> Set<String>)? = nil) { self.wholeRun = wholeRun }

    /// The questions a whole run answers: the first `budget` distinct ones of `broken` (target, fragment) it
    /// may ask (fragments not over `maxLength`), in corpus order.
    static func answered(_ broken: some Sequence<(String, String, Set<String>)>) -> Set<String> {
        var keys = Set<String>()
        for (target, fragment, _) in broken where fragment.utf8.count <= maxLength {
            keys.insert(target + "#" + fragment)
            if keys.count == budget { break }
        }
        return keys
    }

    mutating func nearest(to fragment: String, in target: String, anchors: Set<String>) -> String? {
        let key = target + "#" + fragment
        if let answer = answers[key] { return answer }
        if let wholeRun {
            let answerable = self.answerable ?? wholeRun()
            self.answerable = answerable
            guard answerable.contains(key) else { return nil }
        } else {
            guard answers.count < Self.budget, fragment.utf8.count <= Self.maxLength else { return nil }
        }
        let wanted = Array(fragment.utf8)
        var best: (distance: Int, slug: String)?
        for slug in anchors.sorted() where slug.utf8.count <= Self.maxLength {
            let bytes = Array(slug.utf8)
            if let best, abs(bytes.count - wanted.count) >= best.distance { continue }
            let distance = Self.editDistance(wanted, bytes)
            if best.map({ distance < $0.distance }) ?? true { best = (distance, slug) }
        }
        // A slug that shares too little with the fragment is no suggestion: the heading is gone, not renamed.
        let answer = best.flatMap { $0.distance <= max(3, wanted.count / 3) ? $0.slug : nil }
        answers[key] = .some(answer)
        return answer
    }

    /// Levenshtein distance, two rows.
    static func editDistance(_ left: [UInt8], _ right: [UInt8]) -> Int {
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for (row, byte) in left.enumerated() {
            current[0] = row + 1
            for column in 1...right.count {
                let substitution = previous[column - 1] + (byte == right[column - 1] ? 0 : 1)
                current[column] = min(substitution, previous[column] + 1, current[column - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
