/// The next-steps DAG with its derived state: what is ready, what blocks what, what is done, an order to
/// work in and the longest remaining chain; plus the cross-plan graph (§3 dependencies over §5 tiers).
public struct DerivedGraph: Sendable, Codable {
    /// A node with the state it shows and the state its entry and upstreams imply.
    public struct Node: Sendable, Codable {
        public var id: String
        /// `NS-13a`, `BL-106`, or nil for a free-form node.
        public var documentID: String?
        public var label: String?
        /// The `:::class` as drawn.
        public var drawnClass: String?
        /// The class the node should have (next steps with an entry), else the drawn class.
        public var derivedClass: String?
        public var status: String?
        /// Upstreams that are not satisfied yet.
        public var blockers: [String]
        public var line: Int
    }

    public struct Edge: Sendable, Codable {
        public var from: String
        public var to: String
    }

    /// A tier of the build order with its plans.
    public struct PlanTier: Sendable, Codable {
        public var tier: Int
        public var plans: [String]
    }

    public var path: String?
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var ready: [String] = []
    public var blocked: [String] = []
    public var completed: [String] = []
    /// Every node in an order that respects the edges (ties keep the drawing order); nodes on a cycle last.
    public var topologicalOrder: [String] = []
    /// The longest chain of edges through nodes that are not completed.
    public var criticalPath: [String] = []
    public var tiers: [PlanTier] = []
    /// Plan dependencies from §3: `from` is needed by `to`.
    public var planEdges: [Edge] = []

    public init() {}

    /// Derives the state of the corpus's next-steps graph.
    public static func derive(_ context: LintContext) -> DerivedGraph {
        var result = DerivedGraph()
        result.tiers = context.model.dependencies.tiers.map { tier in
            var seen = Set<String>()
            return PlanTier(tier: tier.tier, plans: tier.plans.map(\.plan).filter { seen.insert($0).inserted })
        }
        var planEdges: [Edge] = []
        for row in context.model.dependencies.rows {
            for upstream in row.upstream { planEdges.append(Edge(from: upstream, to: row.plan)) }
        }
        result.planEdges = planEdges
        guard let view = context.nextStepsView else { return result }
        result.path = view.model.path
        let settings = view.settings
        for node in view.graph.nodes {
            let blockers = (view.upstreams[node.id] ?? []).map(\.from).filter { !view.isSatisfied($0) }
            let derived = view.derivedClass(of: node.id) ?? node.className
            result.nodes.append(Node(id: node.id, documentID: view.documentID(ofNode: node.id), label: node.label,
                                     drawnClass: node.className, derivedClass: derived,
                                     status: view.entryByNode[node.id]?.status, blockers: blockers, line: node.line))
            guard view.isNextStep(node.id) else { continue }
            switch derived {
            case settings.readyClass?: result.ready.append(node.id)
            case settings.blockedClass?: result.blocked.append(node.id)
            case settings.completedClass?: result.completed.append(node.id)
            default: break
            }
        }
        result.edges = view.graph.edges.map { Edge(from: $0.from, to: $0.to) }
        result.topologicalOrder = topologicalOrder(nodes: result.nodes.map(\.id), edges: result.edges)
        let open = Set(result.nodes.filter { $0.derivedClass != settings.completedClass }.map(\.id))
        result.criticalPath = longestPath(order: result.topologicalOrder, edges: result.edges, within: open)
        return result
    }

    /// Kahn's algorithm; among available nodes the earliest drawn goes first (a heap keeps it O(n log n)).
    static func topologicalOrder(nodes: [String], edges: [Edge]) -> [String] {
        let position = Dictionary(nodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var indegree: [String: Int] = [:]
        var outgoing: [String: [String]] = [:]
        for edge in edges where position[edge.from] != nil && position[edge.to] != nil {
            indegree[edge.to, default: 0] += 1
            outgoing[edge.from, default: []].append(edge.to)
        }
        var available = MinHeap()
        for node in nodes where (indegree[node] ?? 0) == 0 { available.push(position[node] ?? 0) }
        var order: [String] = []
        order.reserveCapacity(nodes.count)
        while let next = available.pop() {
            let node = nodes[next]
            order.append(node)
            for target in outgoing[node] ?? [] {
                indegree[target, default: 0] -= 1
                if indegree[target] == 0, let index = position[target] { available.push(index) }
            }
        }
        let placed = Set(order)
        return order + nodes.filter { !placed.contains($0) }
    }

    /// The longest path (by edges) through `within`, following `order`.
    static func longestPath(order: [String], edges: [Edge], within: Set<String>) -> [String] {
        var best: [String: (length: Int, previous: String?)] = [:]
        var incoming: [String: [String]] = [:]
        for edge in edges { incoming[edge.to, default: []].append(edge.from) }
        var end: String?
        for node in order where within.contains(node) {
            var entry: (length: Int, previous: String?) = (0, nil)
            for source in incoming[node] ?? [] where within.contains(source) {
                if let candidate = best[source], candidate.length + 1 > entry.length { entry = (candidate.length + 1, source) }
            }
            best[node] = entry
            if end == nil || entry.length > (best[end ?? ""]?.length ?? -1) { end = node }
        }
        var path: [String] = []
        var cursor = end
        var guardCount = 0
        while let node = cursor, guardCount <= order.count {
            path.append(node)
            cursor = best[node]?.previous
            guardCount += 1
        }
        return path.reversed()
    }
}

/// A binary min-heap of integers.
struct MinHeap {
    private var items: [Int] = []

    mutating func push(_ value: Int) {
        items.append(value)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count && items[left] < items[smallest] { smallest = left }
                if right < items.count && items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
