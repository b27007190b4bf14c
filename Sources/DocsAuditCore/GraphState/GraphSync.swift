import Foundation

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

        public var changed: Bool { original != updated }
    }

    /// The updated text of the graph file, or nil when the corpus has no next-steps graph.
    public static func plan(_ context: LintContext) -> Result? {
        let derived = DerivedGraph.derive(context)
        guard let path = derived.path, let document = context.corpus.document(at: path),
              let view = context.nextStepsView else { return nil }
        let source = document.source
        var lines = (1...max(1, source.lineCount)).map { String(source.line($0) ?? "") }
        var changes: [String] = []
        for node in derived.nodes where view.isNextStep(node.id) && view.entryByNode[node.id] != nil {
            guard let wanted = node.derivedClass, wanted != node.drawnClass,
                  let line = view.node(node.id)?.declarationLines.first, lines.indices.contains(line - 1) else { continue }
            lines[line - 1] = setClass(in: lines[line - 1], node: node.id, to: wanted)
            changes.append("\(path):\(line): \(node.id) :::\(node.drawnClass ?? "(none)") → :::\(wanted)")
        }
        if let claim = view.model.setClaims.first(where: { $0.set == "ready" }), let pattern = context.profile.graph.setClaim {
            let ids = derived.ready.compactMap { view.documentID(ofNode: $0) }
            var number = claim.line
            while number <= lines.count, !lines[number - 1].trimmed.isEmpty {
                if let rewritten = rewriteClaim(lines[number - 1], pattern: pattern, ids: ids), rewritten != lines[number - 1] {
                    lines[number - 1] = rewritten
                    changes.append("\(path):\(number): ready set → \(ids.joined(separator: ", ")) (\(ids.count) items)")
                    break
                }
                number += 1
            }
        }
        guard !changes.isEmpty else { return Result(path: path, original: source.text, updated: source.text, changes: []) }
        let ending = source.text.contains("\r\n") ? "\r\n" : "\n"
        var updated = lines.joined(separator: ending)
        if source.text.hasSuffix("\n") { updated += ending }
        return Result(path: path, original: source.text, updated: updated, changes: changes)
    }

    /// `NS05[label]:::ready` → `NS05[label]:::completed` (or the class appended when there was none).
    static func setClass(in line: String, node: String, to className: String) -> String {
        guard let start = line.range(of: node) else { return line }
        let rest = line[start.upperBound...]
        if let marker = rest.range(of: ":::") {
            let nameEnd = rest[marker.upperBound...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ?? line.endIndex
            return String(line[..<marker.upperBound]) + className + String(line[nameEnd...])
        }
        let trimmedEnd = line.lastIndex { !$0.isWhitespace }.map(line.index(after:)) ?? line.endIndex
        return String(line[..<trimmedEnd]) + ":::" + className + String(line[trimmedEnd...])
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

    /// Writes `result.updated` over the file atomically (a temporary file in the same folder, then rename).
    public static func write(_ result: Result, root: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(result.path)
        do {
            try Data(result.updated.utf8).write(to: url, options: .atomic)
        } catch {
            throw CorpusError("\(result.path): cannot write (\(error.localizedDescription))")
        }
    }
}
