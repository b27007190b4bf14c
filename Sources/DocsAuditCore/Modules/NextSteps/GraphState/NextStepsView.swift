/// The next-steps DAG joined with its detail entries and the backlog: which node is which entry, what
/// blocks what, and the state each node should have. Built once per lint run, in `LintContext`.
struct NextStepsView {
    let graph: MermaidGraph
    let model: NextStepsModel
    let settings: GraphSettings
    /// Entry by node ID (range entries answer for their first member).
    let entryByNode: [String: NextStepEntry]
    /// Sources of the edges into each node.
    let upstreams: [String: [MermaidEdge]]
    /// Backlog status by ID (`BL-106` → `completed`).
    let backlogStatus: [String: String]
    /// Nodes by ID (graphs can be large: no linear lookups).
    private let nodesByID: [String: MermaidNode]

    init?(model corpusModel: CorpusModel, profile: Profile) {
        guard let model = corpusModel.nextSteps, let index = model.diagram, corpusModel.diagrams.indices.contains(index) else {
            return nil
        }
        let graph = corpusModel.diagrams[index].graph
        self.graph = graph
        self.model = model
        self.settings = profile.graph
        var entries: [String: NextStepEntry] = [:]
        for entry in model.entries where entries[entry.nodeID] == nil { entries[entry.nodeID] = entry }
        self.entryByNode = entries
        self.upstreams = Dictionary(grouping: graph.edges, by: \.to)
        self.nodesByID = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var backlog: [String: String] = [:]
        for item in corpusModel.backlog {
            if let status = item.status { backlog[item.id] = status }
        }
        self.backlogStatus = backlog
    }

    /// The node with `id`.
    func node(_ id: String) -> MermaidNode? { nodesByID[id] }

    /// The entry or backlog item a node stands for, through the profile's templates (`graph.node-entry-id`,
    /// `graph.backlog-node-item-id`); nil for other node IDs.
    func documentID(ofNode node: String) -> String? {
        if let template = settings.nodeEntryID, let match = settings.nodeID?.firstMatch(in: node) {
            return template.render(match: match)
        }
        if let template = settings.backlogNodeItemID, let match = settings.backlogNodeID?.firstMatch(in: node) {
            return template.render(match: match)
        }
        return nil
    }

    /// Whether `node` is a next-step node (not a backlog node or a free-form node).
    func isNextStep(_ node: String) -> Bool { settings.nodeID?.test(node) == true }

    /// Whether `node` is a backlog node.
    func isBacklog(_ node: String) -> Bool { settings.backlogNodeID?.test(node) == true }

    /// Whether an upstream no longer blocks: a completed next step, or a backlog item marked completed.
    func isSatisfied(_ node: String) -> Bool {
        if isBacklog(node) {
            guard let id = documentID(ofNode: node) else { return false }
            return backlogStatus[id] == "completed"
        }
        if let status = entryByNode[node]?.status { return status == "completed" }
        return nodesByID[node]?.className == settings.completedClass
    }

    /// The state a node should show, from its entry's Status and its upstreams: `ready`, `blocked` or
    /// `completed` (class names from the profile); nil when there is no entry to derive from.
    func derivedClass(of node: String) -> String? {
        guard let status = entryByNode[node]?.status else { return nil }
        switch status {
        case "completed": return settings.completedClass
        case "blocked": return settings.blockedClass
        case "in_progress": return settings.readyClass
        default:
            let open = (upstreams[node] ?? []).contains { !isSatisfied($0.from) }
            return open ? settings.blockedClass : settings.readyClass
        }
    }
}
