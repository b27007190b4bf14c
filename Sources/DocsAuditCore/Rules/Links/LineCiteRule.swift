/// A line cite whose target or lines do not exist, or land on blank lines.
struct LineCiteRule: Rule {
    let description = RuleDescription(
        id: "cites/line-range", severity: .error,
        summary: "a line cite points to a missing file, past its end, or at a blank line",
        help: """
        `Plan-024:285-300`, `[Plan-024](../plans/024-x.md):285` and `` `src/a.ts:24,35` `` must name a file
        that exists, lines within it, and lines that are not blank. Line cites rot when the target is edited;
        prefer a heading link (`#fragment`) where you can.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        var hits: [RuleHit] = []
        var lineCache: [String: SourceText] = [:]
        for cite in context.model.cites {
            guard let target = cite.target else {
                if let label = cite.label {
                    hits.append(RuleHit(path: cite.path, line: cite.line, column: cite.column,
                                        message: "cite \(cite.text): \(label) matches no document", subject: cite.text))
                }
                continue
            }
            switch LinkCheck.classify(target, context) {
            case .unverifiable: continue
            case .missing:
                hits.append(RuleHit(path: cite.path, line: cite.line, column: cite.column,
                                    message: "cite \(cite.text): \(target) does not exist", subject: cite.text, related: [target]))
                continue
            case .exists: break
            }
            guard let text = source(of: target, context: context, cache: &lineCache) else { continue }
            for span in cite.ranges {
                if span.end > text.lineCount {
                    hits.append(RuleHit(path: cite.path, line: cite.line, column: cite.column,
                                        message: "cite \(cite.text): \(target) has \(text.lineCount) lines, not \(span.end)",
                                        subject: cite.text, related: [target]))
                } else if (span.start...span.end).allSatisfy({ text.isBlank($0) }) {
                    let lines = span.start == span.end ? "line \(span.start) is" : "lines \(span.start)-\(span.end) are"
                    hits.append(RuleHit(path: cite.path, line: cite.line, column: cite.column,
                                        message: "cite \(cite.text): \(lines) blank in \(target)", subject: cite.text, related: [target]))
                }
            }
        }
        return hits
    }

    /// The lines of a corpus document, or of a file in the work tree (read once, within the root).
    private func source(of target: String, context: LintContext, cache: inout [String: SourceText]) -> SourceText? {
        if let document = context.corpus.document(at: target) { return document.source }
        if let cached = cache[target] { return cached }
        guard let absolute = context.absolutePath(target),
              case let .success(bytes) = FileSystem.read(absolute, limit: context.profile.corpus.maxFileBytes),
              let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let source = SourceText(text)
        cache[target] = source
        return source
    }
}
