/// A parser for the Mermaid flowchart subset used in documentation DAGs.
///
/// Supported: `graph`/`flowchart` + direction; node shapes `[]`, `()`, `{}`, `(())`, `[[]]`, `[()]`,
/// `([])`, `{{}}`, `>]`, `[//]`, `[\\]` with plain or quoted labels; `:::class`; `class A,B name`;
/// `classDef`; `style`; `linkStyle`/`click` (kept as understood, not modelled); `%%` comments; `subgraph … end`;
/// edges `-->`, `---`, `-.->`, `-.-`, `==>`, `===`, `--o`, `--x`, `<-->` (and longer dashes) with `|label|`
/// and `-- label -->` forms; chains `A --> B --> C`; `&` fan-in and fan-out; nodes seen only in edges.
/// A statement it cannot read becomes a `MermaidProblem` with its line.
public enum MermaidParser {
    /// Parses `source`, whose first line is line `firstLine` of the file.
    public static func parse(_ source: String, firstLine: Int = 1) -> MermaidGraph {
        var builder = GraphBuilder()
        var sawHeader = false
        var lineNumber = firstLine - 1
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = stripComment(rawLine).trimmed
            if line.isEmpty { continue }
            for statement in splitStatements(line) {
                let text = statement.trimmed
                if text.isEmpty { continue }
                if !sawHeader {
                    sawHeader = true
                    if builder.header(text) { continue }
                    builder.problem(lineNumber, "expected a `graph` or `flowchart` header", text)
                    continue
                }
                builder.statement(text, line: lineNumber)
            }
        }
        builder.finish(lastLine: lineNumber)
        return builder.graph
    }

    /// Drops a `%%` comment that is not inside a quoted label.
    static func stripComment(_ line: Substring) -> Substring {
        var inQuote = false
        var index = line.startIndex
        while index < line.endIndex {
            let char = line[index]
            if char == "\"" { inQuote.toggle() }
            let next = line.index(after: index)
            if !inQuote, char == "%", next < line.endIndex, line[next] == "%" { return line[..<index] }
            index = next
        }
        return line
    }

    /// Splits a line at `;` outside quotes and brackets.
    static func splitStatements(_ line: String) -> [String] {
        let chars = Array(line)
        return statementRanges(chars).map { String(chars[$0]) }
    }

    /// The character ranges of the statements on a line, split at `;` outside quotes and brackets.
    static func statementRanges(_ chars: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var depth = 0
        var inQuote = false
        for (index, char) in chars.enumerated() {
            switch char {
            case "\"": inQuote.toggle()
            case "[", "(", "{": if !inQuote { depth += 1 }
            case "]", ")", "}": if !inQuote { depth = max(0, depth - 1) }
            case ";" where !inQuote && depth == 0:
                ranges.append(start..<index)
                start = index + 1
            default: break
            }
        }
        ranges.append(start..<chars.count)
        return ranges
    }

    /// Where a node appears on one line of a flowchart, in character offsets of that line.
    struct NodeSpan: Equatable {
        var id: String
        var hasShape: Bool
        /// Where a `:::class` goes: just after the ID and its shape.
        var shapeEnd: Int
        /// The class name after `:::`, when the node carries one here.
        var classSpan: Range<Int>?
    }

    /// Every node reference in the node and edge statements of `line`, in order, located by the same
    /// scanner that parses the graph (never by searching for the ID's text).
    static func nodeSpans(in line: String) -> [NodeSpan] {
        let chars = Array(line)
        let kept = chars.count - Array(stripComment(Substring(line))).count
        let code = Array(chars.dropLast(kept))
        var spans: [NodeSpan] = []
        for range in statementRanges(code) {
            let text = String(code[range])
            let head = text.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            let keywords: Set<String> = ["classDef", "class", "style", "linkStyle", "click", "direction", "accTitle",
                                         "accDescr", "accTitle:", "accDescr:", "subgraph", "end", "graph", "flowchart"]
            if keywords.contains(head) { continue }
            var scanner = StatementScanner(text)
            guard case let .success(chain) = scanner.parseChain() else { continue }
            let base = range.lowerBound
            for ref in chain.groups.joined() {
                spans.append(NodeSpan(id: ref.id, hasShape: ref.shape != nil, shapeEnd: base + ref.shapeEnd,
                                      classSpan: ref.classSpan.map { (base + $0.lowerBound)..<(base + $0.upperBound) }))
            }
        }
        return spans
    }
}

/// Accumulates the graph statement by statement.
struct GraphBuilder {
    var graph = MermaidGraph()
    private var nodeIndex: [String: Int] = [:]
    private var openSubgraphs: [Int] = []

    mutating func problem(_ line: Int, _ message: String, _ statement: String) {
        graph.problems.append(MermaidProblem(line: line, message: message, statement: statement))
    }

    /// Reads `graph TB` / `flowchart LR`; false when the text is not a header.
    mutating func header(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let keyword = words.first, keyword == "graph" || keyword == "flowchart" else { return false }
        graph.keyword = String(keyword)
        if words.count > 1 { graph.direction = String(words[1]) }
        return words.count <= 2
    }

    mutating func statement(_ text: String, line: Int) {
        let words = text.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
        let head = words.first.map(String.init) ?? ""
        let rest = words.count > 1 ? String(words[1]).trimmed : ""
        switch head {
        case "classDef": classDef(rest, line: line, text: text)
        case "class": classStatement(rest, line: line, text: text)
        case "style": style(rest, line: line, text: text)
        case "linkStyle", "click", "direction", "accTitle", "accDescr", "accTitle:", "accDescr:": return
        case "subgraph": subgraph(rest, line: line, text: text)
        case "end":
            if rest.isEmpty, let open = openSubgraphs.popLast() {
                graph.subgraphs[open].endLine = line
            } else {
                problem(line, "`end` without an open subgraph", text)
            }
        default:
            var scanner = StatementScanner(text)
            switch scanner.parseChain() {
            case let .success(chain): apply(chain, line: line)
            case let .failure(failure): problem(line, failure.message, text)
            }
        }
    }

    mutating func finish(lastLine: Int) {
        for open in openSubgraphs {
            problem(graph.subgraphs[open].line, "subgraph `\(graph.subgraphs[open].id)` is never closed with `end`", "subgraph")
        }
    }

    private mutating func classDef(_ rest: String, line: Int, text: String) {
        let parts = rest.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
        guard let names = parts.first, parts.count == 2 else {
            problem(line, "classDef needs a name and styles", text)
            return
        }
        for name in names.split(separator: ",") {
            graph.classDefs.append(MermaidClassDef(name: String(name), style: String(parts[1]), line: line))
        }
    }

    private mutating func classStatement(_ rest: String, line: Int, text: String) {
        let parts = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2 else {
            problem(line, "class needs node IDs and a class name: `class A,B name`", text)
            return
        }
        for id in parts[0].split(separator: ",") {
            let node = String(id).trimmed
            guard StatementScanner.isValidID(node) else {
                problem(line, "`\(node)` is not a node ID", text)
                continue
            }
            touch(node, line: line)
            setClass(node, String(parts[1]), line: line)
        }
    }

    private mutating func style(_ rest: String, line: Int, text: String) {
        let parts = rest.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, StatementScanner.isValidID(String(parts[0])) else {
            problem(line, "style needs a node ID and styles", text)
            return
        }
        graph.styles.append(MermaidStyle(node: String(parts[0]), style: String(parts[1]), line: line))
    }

    private mutating func subgraph(_ rest: String, line: Int, text: String) {
        var id = rest
        var title: String?
        if let open = rest.firstIndex(of: "["), rest.hasSuffix("]") {
            id = String(rest[..<open]).trimmed
            var inner = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            if inner.hasPrefix("\""), inner.hasSuffix("\""), inner.count >= 2 { inner = String(inner.dropFirst().dropLast()) }
            title = inner
        } else if !StatementScanner.isValidID(rest) {
            title = rest.hasPrefix("\"") && rest.hasSuffix("\"") && rest.count >= 2 ? String(rest.dropFirst().dropLast()) : rest
            id = title ?? rest
        }
        if id.isEmpty {
            problem(line, "subgraph needs an ID or a title", text)
            return
        }
        graph.subgraphs.append(MermaidSubgraph(id: id, title: title, line: line, endLine: nil, nodes: []))
        openSubgraphs.append(graph.subgraphs.count - 1)
    }

    private mutating func apply(_ chain: StatementScanner.Chain, line: Int) {
        for group in chain.groups {
            for ref in group { declare(ref, line: line) }
        }
        for (index, link) in chain.links.enumerated() {
            guard index + 1 < chain.groups.count else { break }
            for from in chain.groups[index] {
                for to in chain.groups[index + 1] {
                    graph.edges.append(MermaidEdge(from: from.id, to: to.id, arrow: link.arrow, label: link.label, line: line))
                }
            }
        }
    }

    private mutating func declare(_ ref: StatementScanner.NodeRef, line: Int) {
        let index = touch(ref.id, line: line)
        if let shape = ref.shape {
            if graph.nodes[index].label == nil {
                graph.nodes[index].label = ref.label
                graph.nodes[index].shape = shape
            }
            graph.nodes[index].declarationLines.append(line)
        }
        if let className = ref.className { setClass(ref.id, className, line: line) }
    }

    @discardableResult
    private mutating func touch(_ id: String, line: Int) -> Int {
        if let open = openSubgraphs.last, !graph.subgraphs[open].nodes.contains(id) {
            graph.subgraphs[open].nodes.append(id)
        }
        if let index = nodeIndex[id] { return index }
        graph.nodes.append(MermaidNode(id: id, label: nil, shape: nil, className: nil, line: line, declarationLines: []))
        nodeIndex[id] = graph.nodes.count - 1
        return graph.nodes.count - 1
    }

    private mutating func setClass(_ id: String, _ className: String, line: Int) {
        graph.classAssignments.append(MermaidClassAssignment(node: id, className: className, line: line))
        if let index = nodeIndex[id] { graph.nodes[index].className = className }
    }
}

import FoundationEssentials
