/// A link or cite whose target this checkout cannot confirm.
struct UnverifiableLinkRule: Rule {
    let description = RuleDescription(
        id: "links/unverifiable", severity: .info,
        summary: "a link or line cite points outside what this checkout can verify",
        help: """
        The target is in a top-level folder missing from a docs-only copy (no git work tree): a code file
        under `packages/`, say; or it is an image in a folder the copy lacks altogether. Run docs-audit from
        the full repository to verify it.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        var hits: [RuleHit] = []
        var seen = Set<String>()
        for link in context.links {
            guard let target = link.target,
                  LinkCheck.classify(target, context, image: link.image == true) == .unverifiable,
                  seen.insert("\(link.path)#\(target)").inserted else { continue }
            hits.append(RuleHit(path: link.path, line: link.line, column: link.column,
                                message: "cannot verify \(target) from this checkout", subject: target))
        }
        return hits
    }
}
