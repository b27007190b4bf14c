/// Every next-step node has a detail entry and every entry a node.
struct EntryNodePairingRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/entry-node-pairing", severity: .error,
        summary: "a next-step node has no detail entry, or an entry has no node",
        help: """
        Each next-step node in the graph (graph.node-id) has one next-steps entry heading below it
        (graph.entry-heading), and each entry one node: the entry ID without its dashes is the node ID, and a
        range entry maps to the node of its first member. Add the missing half or remove the stale one.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        guard let view = context.nextStepsView else { return [] }
        var hits: [RuleHit] = []
        let nodes = Set(view.graph.nodes.map(\.id))
        let rangeMembers = rangeCoverage(view.model.entries)
        for node in view.graph.nodes where view.isNextStep(node.id) && view.entryByNode[node.id] == nil {
            if let covering = rangeMembers[node.id] {
                hits.append(RuleHit(path: view.model.path, line: node.declarationLines.first ?? node.line,
                                    message: "\(node.id) lies inside range entry \(covering), which maps to its first member only",
                                    subject: node.id))
            } else {
                hits.append(RuleHit(path: view.model.path, line: node.declarationLines.first ?? node.line,
                                    message: "node \(node.id) has no detail entry (`### \(view.documentID(ofNode: node.id) ?? node.id): …`)",
                                    subject: node.id))
            }
        }
        for entry in view.model.entries where !nodes.contains(entry.nodeID) {
            hits.append(RuleHit(path: view.model.path, line: entry.line,
                                message: "entry \(entry.id) has no node \(entry.nodeID) in the graph", subject: entry.id))
        }
        return hits
    }

    /// Node IDs inside a range entry other than its first member: `NS-15..NS-21` covers NS16…NS21.
    private func rangeCoverage(_ entries: [NextStepEntry]) -> [String: String] {
        var covered: [String: String] = [:]
        for entry in entries {
            guard let end = entry.rangeEnd, let low = number(entry.id), let high = number(end), low < high else { continue }
            for value in (low + 1)...high {
                covered["NS\(TextFormat.zeroPadded(value, width: 2))"] = "\(entry.id)..\(end)"
            }
        }
        return covered
    }

    private func number(_ id: String) -> Int? { Int(id.drop { !$0.isNumber }.prefix { $0.isNumber }) }
}

import FoundationEssentials
