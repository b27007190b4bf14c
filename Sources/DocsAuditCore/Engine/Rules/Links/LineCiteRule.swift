/// A line cite whose target or lines do not exist, or land on blank lines.
struct LineCiteRule: Rule {
    let description = RuleDescription(
        id: "cites/line-range", severity: .error,
        summary: "a line cite points to a missing file, past its end, or a range starts or ends on a blank line",
        help: """
        A line cite (cites.label-colon: a document label and lines; cites.link-colon: a link and lines;
        cites.code-pin: `` `src/a.ts:24,35` ``) must name a file that exists and lines within it, and both
        endpoints of a range must be non-blank lines (`cites.endpoints`, on by default; off, only a range blank
        throughout is reported). The message names the nearest non-blank
        line. A cite whose content `cites/drift` found moved is reported by the drift alone (`docs-audit fix`
        re-targets it). Line cites rot when the target is edited; prefer a heading link (`#fragment`) where you can.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        var hits: [RuleHit] = []
        var lineCache: [String: BlankLines] = [:]
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
            case .outsideRoot:
                hits.append(RuleHit(path: cite.path, line: cite.line, column: cite.column,
                                    message: "cite \(cite.text): \(target) climbs above the repository root",
                                    subject: cite.text, related: [target]))
                continue
            case .missing:
                hits.append(RuleHit(path: cite.path, line: cite.line, column: cite.column,
                                    message: "cite \(cite.text): \(target) does not exist", subject: cite.text, related: [target]))
                continue
            case .exists: break
            }
            guard let text = blankLines(of: target, context: context, cache: &lineCache) else { continue }
            for span in cite.ranges {
                if let message = Self.problem(span.start...span.end, target: target, in: text,
                                              endpoints: context.profile.cites.endpoints) {
                    hits.append(RuleHit(path: cite.path, line: cite.line, column: cite.column,
                                        message: "cite \(cite.text): \(message)",
                                        subject: cite.text, related: [target]))
                }
            }
        }
        return hits
    }

    /// How far the nearest non-blank line is looked for, so a huge blank file costs little per cite.
    static let nearestSearchLimit = 500

    /// What is wrong with `span` in `target` (whose blank lines are `text`), or nil: past the end; blank
    /// throughout; or (when `endpoints`) an endpoint on a blank line.
    static func problem(_ span: ClosedRange<Int>, target: String, in text: BlankLines, endpoints: Bool) -> String? {
        let (start, end) = (span.lowerBound, span.upperBound)
        if end > text.lineCount { return "\(target) has \(text.lineCount) lines, not \(end)" }
        if text.allBlank(span) {
            let lines = start == end ? "line \(start) is" : "lines \(start)-\(end) are"
            return "\(lines) blank in \(target)" + nearestPhrase([nearest(to: start, towardsEnd: true, in: text)])
        }
        guard endpoints else { return nil }
        var names: [String] = []
        var found: [Int?] = []
        if text.isBlank(start) {
            names.append("start line \(start)")
            found.append(nearest(to: start, towardsEnd: true, in: text))
        }
        if text.isBlank(end) {
            names.append("end line \(end)")
            found.append(nearest(to: end, towardsEnd: false, in: text))
        }
        guard !names.isEmpty else { return nil }
        let verb = names.count == 1 ? "is" : "are"
        let named = names.joined(separator: " and ")
        return "\(named) of \(start)-\(end) \(verb) blank in \(target)" + nearestPhrase(found)
    }

    /// `, nearest non-blank line 3` (or `lines 3 and 9`); empty when none was found.
    private static func nearestPhrase(_ lines: [Int?]) -> String {
        let known = lines.compactMap { $0 }
        guard known.count == lines.count, !known.isEmpty else { return "" }
        let plural = known.count == 1 ? "line" : "lines"
        return ", nearest non-blank \(plural) \(known.map(String.init).joined(separator: " and "))"
    }

    /// The nearest non-blank line to `line`, preferring the side named by `towardsEnd` on a tie; nil when
    /// none is within `nearestSearchLimit` lines.
    static func nearest(to line: Int, towardsEnd: Bool, in text: BlankLines) -> Int? {
        for distance in 1...nearestSearchLimit {
            let sides = towardsEnd ? [line + distance, line - distance] : [line - distance, line + distance]
            if let found = sides.first(where: { $0 >= 1 && $0 <= text.lineCount && !text.isBlank($0) }) {
                return found
            }
            if line - distance < 1, line + distance > text.lineCount { break }
        }
        return nil
    }

    /// Which lines are blank in a corpus document (from its facts: no file is read) or in a file of the work
    /// tree (read once, within the root).
    private func blankLines(of target: String, context: LintContext,
                            cache: inout [String: BlankLines]) -> BlankLines? {
        if let analysis = context.corpus.analysis(at: target) { return analysis.facts.blankLines }
        if let cached = cache[target] { return cached }
        guard let absolute = context.absolutePath(target),
              case let .success(bytes) = context.readFile(absolute, limit: context.profile.corpus.maxFileBytes),
              let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let lines = BlankLines(SourceText(text))
        cache[target] = lines
        return lines
    }
}
