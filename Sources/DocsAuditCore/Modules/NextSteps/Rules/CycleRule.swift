/// A cycle in a flowchart meant to be a DAG.
struct CycleRule: ModuleRule {
    let module = ProfileModule.graph
    let description = RuleDescription(
        id: "graph/cycle", severity: .error,
        summary: "the edges of a flowchart form a cycle",
        help: """
        Edges are hard preconditions; a cycle means nothing on it can ever start. Remove the edge that closes it.
        Only the flowcharts the profile declares (`graphs:`) are checked.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        context.model.declaredDiagrams.flatMap { diagram in
            GraphCycles.find(in: diagram.graph).map { cycle in
                RuleHit(path: diagram.path, line: cycle.line,
                        message: "cycle: " + Self.shown(cycle.path),
                        subject: cycle.path.dropLast().sorted().joined(separator: ","))
            }
        }
    }
}

extension CycleRule {
    /// The cycle as `A --> B --> A`, shortened in the middle past 20 nodes.
    static func shown(_ path: [String]) -> String {
        guard path.count > 20 else { return path.joined(separator: " --> ") }
        return (path.prefix(10) + ["… \(path.count - 20) more …"] + path.suffix(10)).joined(separator: " --> ")
    }
}

/// Finds the elementary cycles that a depth-first search meets, each once (iteratively: a 10,000-node
/// cycle costs heap, not stack).
enum GraphCycles {
    struct Cycle {
        /// Node IDs, the first repeated at the end.
        var path: [String]
        /// The line of the edge that closes it.
        var line: Int
    }

    static func find(in graph: MermaidGraph) -> [Cycle] {
        var outgoing: [String: [MermaidEdge]] = [:]
        for edge in graph.edges { outgoing[edge.from, default: []].append(edge) }
        var state: [String: Int] = [:]  // 1 on the stack, 2 done
        var cycles: [Cycle] = []
        var reported = Set<String>()
        for start in graph.nodes.map(\.id) where state[start] == nil {
            var stack: [(node: String, next: Int)] = [(start, 0)]
            var onPath: [String] = [start]
            state[start] = 1
            while let top = stack.last {
                let edges = outgoing[top.node] ?? []
                if top.next < edges.count {
                    stack[stack.count - 1].next += 1
                    let edge = edges[top.next]
                    switch state[edge.to] {
                    case nil:
                        state[edge.to] = 1
                        stack.append((edge.to, 0))
                        onPath.append(edge.to)
                    case 1?:
                        if let from = onPath.lastIndex(of: edge.to) {
                            let members = Array(onPath[from...])
                            let key = members.sorted().joined(separator: ",")
                            if reported.insert(key).inserted {
                                cycles.append(Cycle(path: members + [edge.to], line: edge.line))
                            }
                        }
                    default:
                        break
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                    onPath.removeLast()
                }
            }
        }
        return cycles
    }
}
