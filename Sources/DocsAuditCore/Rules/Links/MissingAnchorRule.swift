/// A link fragment that names no heading or anchor of its target.
struct MissingAnchorRule: Rule {
    let description = RuleDescription(
        id: "links/missing-anchor", severity: .error,
        summary: "a link's #fragment matches no heading slug or explicit anchor in its target",
        help: """
        Fragments are GitHub heading slugs (lower case, punctuation dropped, spaces to `-`, repeats suffixed `-1`)
        or `<a id>` / `<a name>` anchors. A renamed heading breaks every link to it; a pre-commit run naming the
        renamed file reports the broken links elsewhere too.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        context.model.links.compactMap { link -> RuleHit? in
            guard var fragment = link.fragment, !fragment.isEmpty else { return nil }
            let target = link.target ?? link.path
            guard let anchors = context.anchorsByPath[target] else { return nil }
            if fragment.contains("%") { fragment = fragment.removingPercentEncoding ?? fragment }
            guard !anchors.contains(fragment) else { return nil }
            return RuleHit(path: link.path, line: link.line, column: link.column,
                           message: "link to \(link.destination): no heading or anchor `\(fragment)` in \(target)",
                           subject: "\(target)#\(fragment)", related: [target])
        }
    }
}

import Foundation
