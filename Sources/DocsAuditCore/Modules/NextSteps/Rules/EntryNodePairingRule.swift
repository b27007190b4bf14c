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
        let ranges = RangeCoverage(view.model.entries)
        for node in view.graph.nodes where view.isNextStep(node.id) && view.entryByNode[node.id] == nil {
            if let covering = Self.number(node.id).flatMap(ranges.covering) {
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

    /// The range entries (`NS-15..NS-21` covers NS16…NS21, its first member being its own node), asked for the
    /// one covering a node's number without listing their members: a range's end is whatever its heading says.
    private struct RangeCoverage {
        /// By first member; with the widest end among them and those before, and that range's name.
        private var lows: [Int] = []
        private var widest: [(high: Int, name: String)] = []

        init(_ entries: [NextStepEntry]) {
            var ranges: [(low: Int, high: Int, name: String)] = []
            for entry in entries {
                guard let end = entry.rangeEnd, let low = EntryNodePairingRule.number(entry.id),
                      let high = EntryNodePairingRule.number(end), low < high else { continue }
                ranges.append((low, high, "\(entry.id)..\(end)"))
            }
            ranges.sort { ($0.low, $0.high, $0.name) < ($1.low, $1.high, $1.name) }
            for range in ranges {
                lows.append(range.low)
                let best = widest.last.map { $0.high >= range.high ? $0 : (range.high, range.name) }
                widest.append(best ?? (range.high, range.name))
            }
        }

        /// The range whose members after its first include `value`.
        func covering(_ value: Int) -> String? {
            // The ranges whose first member is below `value`: the widest of them covers it if any does.
            var low = 0, high = lows.count
            while low < high {
                let middle = low + (high - low) / 2
                if lows[middle] < value { low = middle + 1 } else { high = middle }
            }
            guard low > 0, widest[low - 1].high >= value else { return nil }
            return widest[low - 1].name
        }
    }

    static func number(_ id: String) -> Int? { Int(id.drop { !$0.isNumber }.prefix { $0.isNumber }) }
}

import FoundationEssentials
