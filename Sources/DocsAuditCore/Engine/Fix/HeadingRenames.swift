/// Headings renamed between the last commit and the working tree, found by the heading's identity across the
/// change: the same position in the section tree (the outline kept its shape and levels), or, when headings
/// were added or removed too, the only gone heading and the only new heading at the same level under the same
/// parent. Anything less certain is no rename (a person decides).
public enum HeadingRenames {
    /// Old slug → new slug, by document path; nil when there is nothing to compare with: the corpus is not in a
    /// git work tree, or it has no commit.
    public static func find(in corpus: Corpus) -> [String: [String: String]]? {
        let git = GitObjects(root: corpus.root)
        let paths = corpus.documents.map(\.path)
        guard !paths.isEmpty else { return [:] }
        guard let old = try? git.contents(at: "HEAD", paths: paths) else { return nil }
        var result: [String: [String: String]] = [:]
        for document in corpus.documents {
            guard let before = old[document.path] ?? nil, before != document.source.text else { continue }
            let earlier = MarkdownDocument(path: document.path, text: before).sections
            let now = MarkdownDocument(path: document.path, text: document.source.text).sections
            let renames = match(earlier, now)
            if !renames.isEmpty { result[document.path] = renames }
        }
        return result
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
        for before in gone {
            let place = (before.level, parentTitle(before, in: old))
            let sameGone = gone.filter { $0.level == place.0 && parentTitle($0, in: old) == place.1 }
            let candidates = added.filter { $0.level == place.0 && parentTitle($0, in: new) == place.1 }
            if sameGone.count == 1, candidates.count == 1, let after = candidates.first {
                result[before.slug] = after.slug
            }
        }
        return result
    }
}
