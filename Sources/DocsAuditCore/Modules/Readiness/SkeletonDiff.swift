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

    /// How many matching rounds to run: each round settles one more level under a renamed heading.
    private static let rounds = 8
    /// Above this many headings on either side only exact matches are looked for (renames and moves cost
    /// a scan of the siblings per heading).
    static let maxHeadingsForRenames = 3000

    /// The part of a heading before ` — ` (`Phase 1`, `I-002-1`): headings whose leads differ are different
    /// anchors, so one replacing the other is a removal and an addition, not a rename.
    private static func lead(_ title: String) -> String? {
        title.firstRange(of: " — ").map { String(title[..<$0.lowerBound]) }
    }

    private struct Key: Hashable {
        var parent: Int?
        var level: Int
        var title: String
    }

    /// Headings added, removed, renamed or moved between `old` and `new`: removals, renames and moves in
    /// baseline order, then additions in current order.
    static func compare(old: [Section], new: [Section]) -> [Change] {
        // Section.index is the position in its array; anything else is not an outline and is not compared.
        guard old.enumerated().allSatisfy({ $0.offset == $0.element.index }),
              new.enumerated().allSatisfy({ $0.offset == $0.element.index }) else { return [] }
        var match: [Int: Int] = [:]
        var used = Set<Int>()
        var renamed = Set<Int>()
        var unused: [Key: [Int]] = [:]
        for section in new {
            unused[Key(parent: section.parent, level: section.level, title: section.title), default: []].append(section.index)
        }
        var children: [Int: [Int]] = [:]
        for section in new { children[section.parent ?? -1, default: []].append(section.index) }
        var oldChildren: [Int: [Int]] = [:]
        for section in old { oldChildren[section.parent ?? -1, default: []].append(section.index) }
        let renames = old.count <= maxHeadingsForRenames && new.count <= maxHeadingsForRenames

        /// The current parent of `section`'s counterpart: `.some(nil)` at the top, nil while its parent is unmatched.
        func mappedParent(_ section: Section) -> Int?? {
            guard let parent = section.parent else { return .some(nil) }
            return match[parent].map { .some($0) } ?? nil
        }
        func take(_ key: Key) -> Int? {
            guard var queue = unused[key] else { return nil }
            while let first = queue.first, used.contains(first) { queue.removeFirst() }
            guard let first = queue.first else { return nil }
            queue.removeFirst()
            unused[key] = queue
            return first
        }
        for _ in 0..<rounds {
            var changed = false
            for section in old where match[section.index] == nil {
                guard let parent = mappedParent(section),
                      let found = take(Key(parent: parent, level: section.level, title: section.title)) else { continue }
                match[section.index] = found
                used.insert(found)
                changed = true
            }
            // A heading still unmatched under a matched parent, in the slot after the same matched sibling
            // as an unmatched current heading of its level and lead, was renamed.
            if renames {
                for section in old where match[section.index] == nil {
                    guard let parent = mappedParent(section) else { continue }
                    var slot: Int?
                    for sibling in oldChildren[section.parent ?? -1] ?? [] {
                        if sibling >= section.index { break }
                        if old[sibling].level == section.level, let counterpart = match[sibling] { slot = counterpart }
                    }
                    var previous: Int?
                    var found: Int?
                    for candidate in children[parent ?? -1] ?? [] where new[candidate].level == section.level {
                        if used.contains(candidate) {
                            previous = candidate
                        } else if previous == slot, lead(new[candidate].title) == lead(section.title) {
                            found = candidate
                            break
                        }
                    }
                    guard let found else { continue }
                    match[section.index] = found
                    used.insert(found)
                    // Under a parent matched in this pass, the same text is a match, not a rename.
                    if new[found].title != section.title { renamed.insert(section.index) }
                    changed = true
                }
            }
            if !changed { break }
        }
        var moved: [Int: Int] = [:]
        if renames {
            var byTitle: [String: [Int]] = [:]
            for section in new where !used.contains(section.index) {
                byTitle[section.title, default: []].append(section.index)
            }
            for section in old where match[section.index] == nil {
                guard var queue = byTitle[section.title], let first = queue.first else { continue }
                queue.removeFirst()
                byTitle[section.title] = queue
                moved[section.index] = first
                used.insert(first)
            }
        }
        func label(_ section: Section) -> String { String(repeating: "#", count: section.level) + " " + section.title }
        func parentTitle(_ section: Section, in sections: [Section]) -> String? {
            section.parent.flatMap { sections.indices.contains($0) ? sections[$0].title : nil }
        }
        var changes: [Change] = []
        for section in old {
            if renamed.contains(section.index), let index = match[section.index] {
                let now = new[index]
                changes.append(Change(kind: .renamed, old: label(section), oldSlug: section.slug, new: label(now),
                                      parent: parentTitle(now, in: new), line: now.headingLine))
            } else if let index = moved[section.index] {
                let now = new[index]
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
