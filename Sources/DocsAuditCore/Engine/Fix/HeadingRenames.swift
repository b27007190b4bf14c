/// Headings renamed between the last commit and the working tree, found by the heading's identity across the
/// change: the same position in the section tree (the outline kept its shape and levels), or, when headings
/// were added or removed too, the only gone heading and the only new heading at the same level under the same
/// parent. Anything less certain is no rename (a person decides).
public enum HeadingRenames {
    /// One document's headings across the change since the last commit.
    struct Outline {
        /// The heading slugs at the last commit; nil when the document is not in it.
        var oldSlugs: Set<String>?
        var changed: Bool
        /// Old slug → new slug.
        var renames: [String: String]
    }

    /// The outlines of the documents at `paths` (relative to the corpus root); why not, when there is nothing to
    /// compare with: the corpus is not in a git work tree, or it has no commit.
    static func find(_ paths: Set<String>, in context: LintContext) -> Result<[String: Outline], FixReason.GitProblem> {
        let corpus = context.corpus
        let documents = paths.sorted().compactMap { corpus.document(at: $0) }
        guard !documents.isEmpty else { return .success([:]) }
        if let problem = FixReason.GitProblem.of(context) { return .failure(problem) }
        let old: [String: String?]
        do {
            old = try GitObjects(root: corpus.root).contents(at: "HEAD", paths: documents.map(\.path))
        } catch {
            return .failure(.failed("\(error)"))
        }
        var result: [String: Outline] = [:]
        for document in documents {
            guard let before = old[document.path] ?? nil else {
                result[document.path] = Outline(oldSlugs: nil, changed: true, renames: [:])
                continue
            }
            let earlier = MarkdownDocument(path: document.path, text: before).sections
            guard before != document.source.text else {
                result[document.path] = Outline(oldSlugs: Set(earlier.map(\.slug)), changed: false, renames: [:])
                continue
            }
            let now = MarkdownDocument(path: document.path, text: document.source.text).sections
            result[document.path] = Outline(oldSlugs: Set(earlier.map(\.slug)), changed: true,
                                            renames: match(earlier, now))
        }
        return .success(result)
    }

    /// Old slug → new slug for the headings of `old` whose slug is gone from `new`.
    static func match(_ old: [Section], _ new: [Section]) -> [String: String] {
        let oldSlugs = Set(old.map(\.slug))
        let newSlugs = Set(new.map(\.slug))
        var result: [String: String] = [:]
        if old.count == new.count, zip(old, new).allSatisfy({ $0.level == $1.level }) {
            for (before, after) in zip(old, new)
            where !newSlugs.contains(before.slug) && !oldSlugs.contains(after.slug) {
                result[before.slug] = after.slug
            }
            return result
        }
        let gone = old.filter { !newSlugs.contains($0.slug) }
        let added = new.filter { !oldSlugs.contains($0.slug) }
        func parentTitle(_ section: Section, in list: [Section]) -> String? {
            section.parent.flatMap { index in list.indices.contains(index) ? list[index].title : nil }
        }
        // A heading gone and one added at the same place (level and parent's title), each alone there, are a
        // rename; the places are grouped once, so thousands of renamed headings stay linear.
        struct Place: Hashable {
            let level: Int
            let parent: String?
        }
        let goneByPlace = Dictionary(grouping: gone) { Place(level: $0.level, parent: parentTitle($0, in: old)) }
        let addedByPlace = Dictionary(grouping: added) { Place(level: $0.level, parent: parentTitle($0, in: new)) }
        for (place, sameGone) in goneByPlace {
            guard sameGone.count == 1, let before = sameGone.first, let candidates = addedByPlace[place],
                  candidates.count == 1, let after = candidates.first else { continue }
            result[before.slug] = after.slug
        }
        return result
    }
}
