/// An entry's `Upstream:` field disagreeing with the edges into its node.
struct UpstreamEdgesRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/upstream-edges", severity: .error,
        summary: "an entry's Upstream field disagrees with the edges into its node",
        help: """
        A next-steps entry's Upstream field (the entries and backlog items it waits for) and the graph's edges
        into its node say the same thing twice; they must agree. Tolerated: an edge from a completed upstream
        the field no longer lists (history, and `Upstream: none (… resolved …)`), and chain members inside a
        range entry's own range.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = context.nextStepsView else { return [] }
        var hits: [RuleHit] = []
        for entry in view.model.entries {
            guard let upstream = entry.upstream, view.node(entry.nodeID) != nil else { continue }
            let own = ownRange(entry, template: view.settings.nodeEntryID)
            let listed = upstream.tokens.filter { !own.contains($0) }
            let edges = (view.upstreams[entry.nodeID] ?? []).map(\.from)
            let drawn = Set(edges.compactMap { view.documentID(ofNode: $0) })
            for token in listed where !drawn.contains(token) {
                let node = token.replacingEvery("-", with: "")
                hits.append(RuleHit(path: view.model.path, line: upstream.line,
                                    message: "\(entry.id) lists upstream \(token) but the graph has no edge \(node) --> \(entry.nodeID)",
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

    /// The IDs a range entry stands for (`NS-15..NS-21` → NS-15 … NS-21), spelled through the profile's
    /// `graph.node-entry-id` with numbers as wide as the range's first bound; at most `maxRange` of them.
    private func ownRange(_ entry: NextStepEntry, template: NameTemplate?) -> Set<String> {
        let lowDigits = entry.id.drop { !$0.isNumber }.prefix { $0.isNumber }
        guard let template, let end = entry.rangeEnd, let low = Int(lowDigits),
              let high = Int(end.drop { !$0.isNumber }.prefix { $0.isNumber }), low <= high,
              high - low < Self.maxRange else { return [entry.id] }
        return Set((low...high).map { number in
            let digits = String(number)
            let padded = String(repeating: "0", count: max(0, lowDigits.count - digits.count)) + digits
            return template.render(groups: [nil, padded])
        })
    }

    /// The most members a range entry is expanded to (a typo such as `NS-1..NS-99999999` stays cheap).
    static let maxRange = 10_000
}
