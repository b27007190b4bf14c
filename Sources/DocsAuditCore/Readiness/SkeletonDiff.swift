/// G1's heading comparison: the baseline plan's heading tree against the current one, matched by heading
/// text under the matched parent, so a renamed or removed heading is seen even when its number stays.
struct SkeletonDiff {
    /// One heading that is not where and what it was.
    struct Change: Equatable {
        enum Kind: String { case added, removed, renamed, moved }
        var kind: Kind
        /// The baseline heading (`### Phase 1 — Relay Skeleton`), for removed, renamed and moved.
        var old: String?
        var oldSlug: String?
        /// The current heading, for added, renamed and moved.
        var new: String?
        /// The parent heading's text in the current version (or the baseline's, for a removal).
        var parent: String?
        var line: Int
    }

    /// The part of a heading before ` — ` (`Phase 1`, `I-002-1`): headings whose leads differ are different
    /// anchors, so one replacing the other is a removal and an addition, not a rename.
    private static func lead(_ title: String) -> String? {
        title.range(of: " — ").map { String(title[..<$0.lowerBound]) }
    }

    /// How many matching rounds to run: each round settles one more level under a renamed heading.
    private static let rounds = 8

    /// Headings added, removed, renamed or moved between `old` and `new`, in current-document order
    /// (removals and renames first, in baseline order).
    static func compare(old: [Section], new: [Section]) -> [Change] {
        var match: [Int: Int] = [:]
        var used = Set<Int>()
        var renamed = Set<Int>()
        func mappedParent(_ section: Section) -> Int?? {
            guard let parent = section.parent else { return .some(nil) }
            return match[parent].map { .some($0) } ?? nil
        }
        for _ in 0..<rounds {
            var changed = false
            for section in old where match[section.index] == nil {
                guard let parent = mappedParent(section) else { continue }
                if let found = new.first(where: { !used.contains($0.index) && $0.parent == parent
                                                   && $0.level == section.level && $0.title == section.title }) {
                    match[section.index] = found.index
                    used.insert(found.index)
                    changed = true
                }
            }
            // A heading still unmatched under a matched parent, in the slot after the same matched sibling
            // as an unmatched current heading of its level, was renamed.
            for section in old where match[section.index] == nil {
                guard let parent = mappedParent(section) else { continue }
                let before = old.last { $0.index < section.index && $0.parent == section.parent && $0.level == section.level
                                        && match[$0.index] != nil }
                let slot = before.flatMap { match[$0.index] }
                if let found = new.first(where: { candidate in
                    guard !used.contains(candidate.index), candidate.parent == parent, candidate.level == section.level,
                          lead(candidate.title) == lead(section.title) else { return false }
                    let previous = new.last { $0.index < candidate.index && $0.parent == candidate.parent
                                              && $0.level == candidate.level && used.contains($0.index) }
                    return previous?.index == slot
                }) {
                    match[section.index] = found.index
                    used.insert(found.index)
                    // Under a parent matched in this pass, the same text is a match, not a rename.
                    if found.title != section.title { renamed.insert(section.index) }
                    changed = true
                }
            }
            if !changed { break }
        }
        func label(_ section: Section) -> String { String(repeating: "#", count: section.level) + " " + section.title }
        func parentTitle(_ section: Section, in sections: [Section]) -> String? {
            section.parent.flatMap { index in sections.first { $0.index == index }?.title }
        }
        var changes: [Change] = []
        var moved: [Int: Int] = [:]
        for section in old where match[section.index] == nil {
            if let found = new.first(where: { !used.contains($0.index) && $0.title == section.title }) {
                moved[section.index] = found.index
                used.insert(found.index)
            }
        }
        for section in old {
            if renamed.contains(section.index), let index = match[section.index], let now = new.first(where: { $0.index == index }) {
                changes.append(Change(kind: .renamed, old: label(section), oldSlug: section.slug, new: label(now),
                                      parent: parentTitle(now, in: new), line: now.headingLine))
            } else if let index = moved[section.index], let now = new.first(where: { $0.index == index }) {
                changes.append(Change(kind: .moved, old: label(section), oldSlug: section.slug, new: label(now),
                                      parent: parentTitle(now, in: new), line: now.headingLine))
            } else if match[section.index] == nil {
                changes.append(Change(kind: .removed, old: label(section), oldSlug: section.slug, new: nil,
                                      parent: parentTitle(section, in: old), line: section.headingLine))
            }
        }
        for section in new where !used.contains(section.index) {
            changes.append(Change(kind: .added, old: nil, oldSlug: nil, new: label(section),
                                  parent: parentTitle(section, in: new), line: section.headingLine))
        }
        return changes
    }
}
