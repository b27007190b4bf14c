/// A relative link, or an image's relative source, to a file that does not exist.
struct LinkTargetRule: Rule {
    let description = RuleDescription(
        id: "links/missing-file", severity: .error,
        summary: "a relative link or image points to a file that does not exist",
        help: """
        Targets must exist, an image's source (`![alt](diagram.png)`) as much as a link's. Inside a git work
        tree every target is checked. Outside one (a docs-only copy), a target whose top-level folder is absent
        altogether (`packages/`, `.claude/`), or an image whose folder is, cannot be verified and is reported by
        links/unverifiable at info instead. A path that climbs above the repository root (outside git, the corpus
        root) is broken on GitHub whatever the checkout holds. Fix the path, or restore the file.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        context.links.compactMap { link -> RuleHit? in
            guard let target = link.target else { return nil }
            let problem: String
            switch LinkCheck.classify(target, context, image: link.image == true) {
            case .missing: problem = "\(target) does not exist"
            case .outsideRoot: problem = "it climbs above the repository root, so GitHub cannot resolve it"
            case .exists, .unverifiable: return nil
            }
            return RuleHit(path: link.path, line: link.line, column: link.column,
                           message: "\(link.image == true ? "image" : "link to") \(link.destination): \(problem)",
                           subject: target, related: [target])
        }
    }
}

/// What can be said about a link or cite target.
enum LinkCheck: Equatable {
    /// `outsideRoot`: the path climbs above the repository root (outside git, the corpus root, which then
    /// stands for it), so GitHub cannot resolve it whatever this checkout holds.
    case exists, missing, unverifiable, outsideRoot

    /// `image`: the target is an image's source.
    static func classify(_ target: String, _ context: LintContext, image: Bool = false) -> LinkCheck {
        if context.targetExists(target) { return .exists }
        if context.absolutePath(target) == nil { return .outsideRoot }
        if context.repositoryRoot != nil { return .missing }
        // A docs-only copy: missing inside a tree the copy has, unverifiable where the whole tree is absent.
        guard let top = target.split(separator: "/").first.map(String.init), top != ".." else { return .unverifiable }
        guard context.targetExists(top) else { return .unverifiable }
        // Such a copy holds the Markdown files only: an image in a folder it lacks altogether (an RFC's diagram
        // in a folder of its own) is the repository's, absent by design.
        let folder = target.split(separator: "/").dropLast().joined(separator: "/")
        if image, !folder.isEmpty, !context.targetExists(folder) { return .unverifiable }
        return .missing
    }
}
