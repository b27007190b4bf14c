/// A Mermaid flowchart as parsed: nodes, edges, classes, subgraphs, and the statements that did not parse.
public struct MermaidGraph: Sendable, Codable, Equatable {
    /// `graph` or `flowchart`.
    public var keyword: String = "graph"
    /// `TB`, `TD`, `LR`, `RL`, `BT`, or empty when the header names none.
    public var direction: String = ""
    /// Nodes in first-appearance order, one per ID.
    public var nodes: [MermaidNode] = []
    public var edges: [MermaidEdge] = []
    /// `classDef` statements in source order.
    public var classDefs: [MermaidClassDef] = []
    /// Every class given to a node, by `:::name` or `class A,B name`, in source order.
    public var classAssignments: [MermaidClassAssignment] = []
    public var styles: [MermaidStyle] = []
    public var subgraphs: [MermaidSubgraph] = []
    /// Statements that could not be parsed, kept with their line: never dropped silently.
    public var problems: [MermaidProblem] = []

    public init() {}

    /// The node with `id`.
    public func node(_ id: String) -> MermaidNode? { nodes.first { $0.id == id } }
}

/// One node ID and everything said about it.
public struct MermaidNode: Sendable, Codable, Equatable {
    public var id: String
    /// The label of its first declaration with a shape (`NS01[label]`), as written (may hold `<br/>`).
    public var label: String?
    public var shape: String?
    /// The class in force after every statement (last assignment wins).
    public var className: String?
    /// The line of its first appearance.
    public var line: Int
    /// Lines where it is declared with a shape; more than one is a duplicate declaration.
    public var declarationLines: [Int]

    /// The first `<br` in `text`, in any letter case.
    private static func caseInsensitiveBreak(in text: Substring) -> Range<Substring.Index>? {
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            let rest = text[text.index(after: open)...].prefix(2)
            if rest.lowercased() == "br" { return open..<text.index(open, offsetBy: 3) }
            index = text.index(after: open)
        }
        return nil
    }

    /// The label split at `<br/>`, each part trimmed.
    public var labelLines: [String] {
        guard let label else { return [] }
        var parts: [String] = []
        var rest = Substring(label)
        while let range = Self.caseInsensitiveBreak(in: rest) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
            if let close = rest.firstIndex(of: ">") { rest = rest[rest.index(after: close)...] }
        }
        parts.append(String(rest))
        return parts.map { $0.trimmed }
    }
}

/// An edge `from --> to`.
public struct MermaidEdge: Sendable, Codable, Equatable {
    public var from: String
    public var to: String
    /// The arrow as written (`-->`, `-.->`, `==>`, `---`, …).
    public var arrow: String
    public var label: String?
    public var line: Int
}

/// `classDef name styles`.
public struct MermaidClassDef: Sendable, Codable, Equatable {
    public var name: String
    public var style: String
    public var line: Int
}

/// A class given to a node.
public struct MermaidClassAssignment: Sendable, Codable, Equatable {
    public var node: String
    public var className: String
    public var line: Int
}

/// `style id styles`.
public struct MermaidStyle: Sendable, Codable, Equatable {
    public var node: String
    public var style: String
    public var line: Int
}

/// `subgraph id [title] … end`.
public struct MermaidSubgraph: Sendable, Codable, Equatable {
    public var id: String
    public var title: String?
    public var line: Int
    public var endLine: Int?
    /// Node IDs that appear inside it.
    public var nodes: [String]
}

/// A statement the parser could not read.
public struct MermaidProblem: Sendable, Codable, Equatable {
    public var line: Int
    public var message: String
    public var statement: String
}

import FoundationEssentials
