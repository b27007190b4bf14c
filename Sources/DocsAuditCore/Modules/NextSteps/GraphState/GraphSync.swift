import FoundationEssentials

/// Rewrites what the next-steps graph can derive: each next-step node's `:::class` (from its entry's
/// Status and its upstreams) and the ready-set sentence. Only those spans change; every other byte of the
/// file is kept.
public enum GraphSync {
    public struct Result: Sendable {
        /// The file, relative to the corpus root.
        public var path: String
        public var original: String
        public var updated: String
        /// One line per change, for the log.
        public var changes: [String]
        /// One line per node whose class should change but that has no `:::` or shaped declaration to edit.
        public var unplaced: [String] = []

        public var changed: Bool { original != updated }
    }

    /// The updated text of the graph file, or nil when the corpus has no next-steps graph.
    public static func plan(_ context: LintContext) -> Result? {
        let derived = DerivedGraph.derive(context)
        // A node's class is written, best first, where its last class was given (the one in force), else at
        // its first declaration with a shape, else at its first appearance.
        guard let path = derived.path, let document = context.corpus.document(at: path),
              let view = context.nextStepsView else { return nil }
        let source = document.source
        var edits: [Int: String] = [:]
        func current(_ number: Int) -> String { edits[number] ?? String(source.line(number) ?? "") }
        var changes: [String] = []
        var unplaced: [String] = []
        var lastClassLine: [String: Int] = [:]
        for assignment in view.graph.classAssignments { lastClassLine[assignment.node] = assignment.line }
        // Each line's node references are scanned once, and all its nodes' classes set in one rewrite: a line
        // holding thousands of nodes is not scanned again for each.
        var spans: [Int: [String: [MermaidParser.NodeSpan]]] = [:]
        func references(_ line: Int, _ node: String) -> [MermaidParser.NodeSpan] {
            if let known = spans[line] { return known[node] ?? [] }
            let found = Dictionary(grouping: MermaidParser.nodeSpans(in: String(source.line(line) ?? "")), by: \.id)
            spans[line] = found
            return found[node] ?? []
        }
        var classes: [Int: [(span: MermaidParser.NodeSpan, className: String)]] = [:]
        for node in derived.nodes where view.isNextStep(node.id) && view.entryByNode[node.id] != nil {
            guard let wanted = node.derivedClass, wanted != node.drawnClass else { continue }
            let lines = [lastClassLine[node.id], view.node(node.id)?.declarationLines.first, view.node(node.id)?.line]
            var placed = false
            for line in lines.compactMap({ $0 }) where line >= 1 && line <= source.lineCount {
                guard let span = classPlace(references(line, node.id)) else { continue }
                classes[line, default: []].append((span, wanted))
                changes.append("\(path):\(line): \(node.id) :::\(node.drawnClass ?? "(none)") → :::\(wanted)")
                placed = true
                break
            }
            if !placed {
                unplaced.append("\(path):\(node.line): \(node.id) should be :::\(wanted) but has no node statement "
                                + "to put it on; set it by hand")
            }
        }
        for (line, wanted) in classes { edits[line] = setClasses(in: String(source.line(line) ?? ""), wanted) }
        if let claim = view.model.setClaims.first(where: { $0.set == "ready" }), let pattern = context.profile.graph.setClaim {
            let ids = derived.ready.compactMap { view.documentID(ofNode: $0) }
            var number = claim.line
            while number <= source.lineCount, !current(number).trimmed.isEmpty {
                if let rewritten = rewriteClaim(current(number), pattern: pattern, ids: ids), rewritten != current(number) {
                    edits[number] = rewritten
                    changes.append("\(path):\(number): ready set → \(ids.joined(separator: ", ")) (\(ids.count) items)")
                    break
                }
                number += 1
            }
        }
        let updated = edits.isEmpty ? source.text : replacingLines(source.text, with: edits)
        return Result(path: path, original: source.text, updated: updated, changes: changes, unplaced: unplaced)
    }

    /// `NS05[label]:::ready` → `NS05[label]:::completed`, or `:::completed` added after the ID and shape.
    /// The node is found by the Mermaid scanner (its last `:::` on the line, else its declaration with a shape,
    /// else its first reference), never by searching for its ID as text; nil when the line does not hold it.
    static func setClass(in line: String, node: String, to className: String) -> String? {
        guard let span = classPlace(MermaidParser.nodeSpans(in: line).filter { $0.id == node }) else { return nil }
        return setClasses(in: line, [(span, className)])
    }

    /// Which of a node's references on a line takes its class.
    private static func classPlace(_ spans: [MermaidParser.NodeSpan]) -> MermaidParser.NodeSpan? {
        spans.last(where: { $0.classSpan != nil }) ?? spans.first(where: \.hasShape) ?? spans.first
    }

    /// `line` with each span's class set, in one pass along the line however many spans there are.
    private static func setClasses(in line: String,
                                   _ wanted: [(span: MermaidParser.NodeSpan, className: String)]) -> String {
        let chars = Array(line)
        var output: [Character] = []
        output.reserveCapacity(chars.count + 16 * wanted.count)
        var copied = 0
        for (span, className) in wanted.sorted(by: { $0.span.shapeEnd < $1.span.shapeEnd }) {
            // The part replaced (the old class name) or the place of the insertion, clamped to the line.
            let replaced = span.classSpan ?? span.shapeEnd..<span.shapeEnd
            let start = min(max(copied, replaced.lowerBound), chars.count)
            output.append(contentsOf: chars[copied..<start])
            output.append(contentsOf: span.classSpan == nil ? Array(":::" + className) : Array(className))
            copied = max(start, min(replaced.upperBound, chars.count))
        }
        output.append(contentsOf: chars[copied...])
        return String(output)
    }

    /// `text` with the content of the lines in `edits` (1-based) replaced; every line ending (LF, CRLF or CR,
    /// split the way `SourceText` splits them) and every other byte kept.
    static func replacingLines(_ text: String, with edits: [Int: String]) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var line = 1
        var start = 0
        var index = 0
        func emit(_ end: Int) {
            if let replacement = edits[line] {
                output.append(contentsOf: replacement.utf8)
            } else {
                output.append(contentsOf: bytes[start..<end])
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            emit(index)
            let length = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            output.append(contentsOf: bytes[index..<(index + length)])
            index += length
            start = index
            line += 1
        }
        if start < bytes.count || edits[line] != nil { emit(bytes.count) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Replaces the IDs (group 2) and the count (group 3) of the first claim on `line`.
    static func rewriteClaim(_ line: String, pattern: Pattern, ids: [String]) -> String? {
        guard let match = pattern.firstMatch(in: line), let list = match.range(2) else { return nil }
        var result = line
        if let count = match.range(3) {
            result.replaceSubrange(count, with: String(ids.count))
        }
        result.replaceSubrange(list, with: ids.joined(separator: ", "))
        return result
    }

    /// Writes `result.updated` over the file through `SafeWrite`: a UTF-8 BOM, the mode, the owner and a
    /// symbolic link are kept, and the write is refused when the file no longer holds `result.original`
    /// (read again at the start and once more just before the rename). `beforeCommit` is a test seam.
    public static func write(_ result: Result, root: String, beforeCommit: (() -> Void)? = nil) throws {
        let path = root.hasSuffix("/") ? root + result.path : root + "/" + result.path
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let limit = result.original.utf8.count + bom.count
        guard case let .success(raw) = FileSystem.read(path, limit: limit) else {
            throw CorpusError("\(result.path): cannot write the graph file: it changed on disk while docs-audit was "
                              + "running; nothing was written, run again")
        }
        let hasBOM = raw.starts(with: bom)
        guard raw.dropFirst(hasBOM ? bom.count : 0).elementsEqual(result.original.utf8) else {
            throw CorpusError("\(result.path): cannot write the graph file: it changed on disk while docs-audit was "
                              + "running; nothing was written, run again")
        }
        let bytes = (hasBOM ? bom : []) + Array(result.updated.utf8)
        try SafeWrite.write(bytes, to: path, what: "the graph file", expecting: raw, beforeCommit: beforeCommit)
    }
}
