/// An entry's `Upstream:` field disagreeing with the edges into its node.
struct UpstreamEdgesRule: Rule {
    let description = RuleDescription(
        id: "graph/upstream-edges", severity: .error,
        summary: "an entry's Upstream field disagrees with the edges into its node",
        help: """
        `Upstream: NS-01 + BL-107` and the edges `NS01 --> NS02`, `BL107 --> NS02` say the same thing twice;
        they must agree. Tolerated: an edge from a completed upstream the field no longer lists (history, and
        `Upstream: none (NS-12 resolved …)`), and chain members inside a range entry's own range.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = context.nextStepsView else { return [] }
        var hits: [RuleHit] = []
        for entry in view.model.entries {
            guard let upstream = entry.upstream, view.node(entry.nodeID) != nil else { continue }
            let own = ownRange(entry)
            let listed = upstream.tokens.filter { !own.contains($0) }
            let edges = (view.upstreams[entry.nodeID] ?? []).map(\.from)
            let drawn = Set(edges.compactMap { view.documentID(ofNode: $0) })
            for token in listed where !drawn.contains(token) {
                hits.append(RuleHit(path: view.model.path, line: upstream.line,
                                    message: "\(entry.id) lists upstream \(token) but the graph has no edge \(token.replacingEvery("-", with: "")) --> \(entry.nodeID)",
                                    subject: "\(entry.id)<-\(token)"))
            }
            let listedSet = Set(listed)
            for source in edges {
                guard let id = view.documentID(ofNode: source), !listedSet.contains(id), !view.isSatisfied(source) else { continue }
                hits.append(RuleHit(path: view.model.path, line: upstream.line,
                                    message: "edge \(source) --> \(entry.nodeID) is not in \(entry.id)'s Upstream field (\(upstream.none ? "none" : listed.joined(separator: ", ")))",
                                    subject: "\(entry.id)<-\(id)"))
            }
        }
        return hits
    }

    /// The IDs a range entry stands for (`NS-15..NS-21` → NS-15 … NS-21).
    private func ownRange(_ entry: NextStepEntry) -> Set<String> {
        guard let end = entry.rangeEnd,
              let low = Int(entry.id.drop { !$0.isNumber }.prefix { $0.isNumber }),
              let high = Int(end.drop { !$0.isNumber }.prefix { $0.isNumber }), low <= high else { return [entry.id] }
        return Set((low...high).map { "NS-" + TextFormat.zeroPadded($0, width: 2) })
    }
}

import FoundationEssentials
