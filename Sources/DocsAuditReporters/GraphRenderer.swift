import DocsAuditCore

/// The derived graph as text, Mermaid, Graphviz dot or JSON.
public enum GraphRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case text, mermaid, dot, json
    }

    /// Which diagram a Mermaid or dot output holds: one per output, so each is valid for its tool.
    public enum Diagram: String, CaseIterable, Sendable {
        case nextSteps = "next-steps"
        case tiers
    }

    /// Text and JSON carry everything; Mermaid and dot carry the one `diagram` asked for (empty when the
    /// corpus has no such graph).
    public static func render(_ graph: DerivedGraph, format: Format, diagram: Diagram = .nextSteps) throws -> String {
        switch (format, diagram) {
        case (.text, _): return text(graph)
        case (.json, _): return try JSONOutput.encode(graph)
        case (.mermaid, .nextSteps): return mermaid(graph)
        case (.mermaid, .tiers): return tierMermaid(graph)
        case (.dot, .nextSteps): return dot(graph)
        case (.dot, .tiers): return tierDot(graph)
        }
    }

    public static func text(_ graph: DerivedGraph) -> String {
        var out = "next steps"
        if let path = graph.path { out += " (\(VisibleText.escape(path)))" }
        out += ": \(graph.nodes.count) nodes, \(graph.edges.count) edges\n"
        out += "ready (\(graph.ready.count)): \(graph.ready.joined(separator: ", "))\n"
        out += "blocked (\(graph.blocked.count)):\n"
        // One lookup table, not a scan of every node per blocked node (a long chain made that quadratic).
        let nodes = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in graph.blocked {
            let node = nodes[id]
            let blockers = node?.blockers ?? []
            let reason = blockers.isEmpty ? (node?.status == "blocked" ? "Status `blocked`" : "no open upstream") : "waits on \(blockers.joined(separator: ", "))"
            out += "  \(id) — \(reason)\n"
        }
        out += "completed (\(graph.completed.count)): \(graph.completed.joined(separator: ", "))\n"
        out += "order: \(graph.topologicalOrder.joined(separator: " "))\n"
        out += "critical path: \(graph.criticalPath.joined(separator: " --> "))\n"
        if !graph.tiers.isEmpty {
            out += "tiers:\n"
            for tier in graph.tiers { out += "  \(tier.tier): \(tier.plans.joined(separator: ", "))\n" }
            out += "plan dependencies: \(graph.planEdges.count)\n"
        }
        return out
    }

    /// The next-steps DAG with each node coloured by its derived state.
    public static func mermaid(_ graph: DerivedGraph) -> String {
        var out = "graph TB\n"
        for node in graph.nodes {
            let label = (node.label ?? node.id).replacingEvery("\"", with: "#quot;")
            let style = node.derivedClass.map { ":::\($0)" } ?? ""
            out += "  \(node.id)[\"\(label)\"]\(style)\n"
        }
        for edge in graph.edges { out += "  \(edge.from) --> \(edge.to)\n" }
        out += "  classDef ready fill:#9f9,stroke:#0a0,color:#000\n"
        out += "  classDef blocked fill:#fcc,stroke:#a00,color:#000\n"
        out += "  classDef completed fill:#ccc,stroke:#666,color:#000\n"
        out += "  classDef governance fill:#ffc,stroke:#aa0,color:#000\n"
        return out
    }

    /// The plan graph: one subgraph per tier, an edge per §3 dependency.
    public static func tierMermaid(_ graph: DerivedGraph) -> String {
        guard !graph.tiers.isEmpty else { return "" }
        var out = "graph LR\n"
        var placed = Set<String>()
        for tier in graph.tiers {
            out += "  subgraph tier\(tier.tier) [Tier \(tier.tier)]\n"
            for plan in tier.plans where placed.insert(plan).inserted {
                out += "    \(nodeID(plan))[\"\(plan)\"]\n"
            }
            out += "  end\n"
        }
        for edge in graph.planEdges where placed.contains(edge.from) && placed.contains(edge.to) {
            out += "  \(nodeID(edge.from)) --> \(nodeID(edge.to))\n"
        }
        return out
    }

    public static func dot(_ graph: DerivedGraph) -> String {
        var out = "digraph nextsteps {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=12];\n"
        for node in graph.nodes {
            let label = (node.label ?? node.id).replacingEvery("<br/>", with: "\n").replacingEvery("<br>", with: "\n")
            out += "  \(quoted(node.id)) [label=\(quoted(label)), fillcolor=\(quoted(fill(node.derivedClass)))];\n"
        }
        for edge in graph.edges { out += "  \(quoted(edge.from)) -> \(quoted(edge.to));\n" }
        return out + "}\n"
    }

    /// Tiers as rows, top to bottom (each tier one rank), dependencies as light edges between them.
    public static func tierDot(_ graph: DerivedGraph) -> String {
        guard !graph.tiers.isEmpty else { return "" }
        var out = "digraph tiers {\n  newrank=true;\n  rankdir=TB;\n  ranksep=0.6;\n"
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f6f8fa\", fontname=\"Helvetica\", fontsize=12];\n"
        out += "  edge [color=\"#8c959f\", arrowsize=0.6];\n"
        var placed = Set<String>()
        var firsts: [String] = []
        for tier in graph.tiers {
            let plans = tier.plans.filter { placed.insert($0).inserted }
            guard let first = plans.first else { continue }
            firsts.append(first)
            // Tier labels sit at the left, in the nodes' font, where edges between tiers rarely cross them.
            out += "  subgraph cluster_\(tier.tier) {\n    label=\(quoted("Tier \(tier.tier)"));\n    labeljust=l;\n"
                + "    fontname=\"Helvetica\";\n    fontsize=13;\n    color=\"#d0d7de\";\n"
            out += "    { rank=same; " + plans.map(quoted).joined(separator: "; ") + "; }\n  }\n"
        }
        // Invisible edges keep the tiers in order, whatever the dependencies say.
        for (upper, lower) in zip(firsts, firsts.dropFirst()) { out += "  \(quoted(upper)) -> \(quoted(lower)) [style=invis];\n" }
        for edge in graph.planEdges where placed.contains(edge.from) && placed.contains(edge.to) {
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to));\n"
        }
        return out + "}\n"
    }

    static func fill(_ state: String?) -> String {
        switch state {
        case "ready"?: return "#99ff99"
        case "blocked"?: return "#ffcccc"
        case "completed"?: return "#cccccc"
        case "governance"?: return "#ffffcc"
        default: return "#ffffff"
        }
    }

    /// A dot string literal.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"")
            .replacingEvery("\n", with: "\\n") + "\""
    }

    static func nodeID(_ plan: String) -> String { plan.replacingEvery("-", with: "") }
}

import FoundationEssentials
