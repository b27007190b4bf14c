/// ID references and line cites found in a document's prose lines.
struct ReferenceScanner {
    /// Families recorded as references, in the order they are scanned.
    static let families = [
        "plan", "spec", "adr", "invariant", "invariant-range", "invariant-wildcard", "obligation",
        "task-dashed", "task-dashed-range", "next-step", "backlog", "finding", "dep-trace",
    ]

    let context: DocumentContext

    func scan(lines: [Int]) -> (references: [IDReference], cites: [LineCite]) {
        let profile = context.profile
        let patterns = Self.families.compactMap { name in profile.id(name).map { (name, $0) } }
        let placeholder = profile.id("placeholder")
        var isPlaceholder: [String: Bool] = [:]
        var references: [IDReference] = []
        var cites: [LineCite] = []
        for number in lines {
            guard let raw = context.markdown.source.line(number) else { continue }
            // Decide on the raw bytes which patterns can match at all; most prose lines hold no ID and
            // never become a String of their own.
            let (candidates, hasColon, hasBacktick) = Self.prefilter(raw, patterns: patterns)
            guard !candidates.isEmpty || hasColon else { continue }
            let line = String(raw)
            let spans = hasBacktick ? CodeSpans.ranges(in: line) : []
            for (family, pattern) in candidates {
                for match in pattern.matches(in: line) {
                    guard let id = match[0] else { continue }
                    let excluded = isPlaceholder[id] ?? {
                        let result = placeholder?.test(id) == true
                        isPlaceholder[id] = result
                        return result
                    }()
                    guard !excluded else { continue }
                    let column = match.utf8Column()
                    references.append(IDReference(family: family, id: id, path: context.path, line: number, column: column,
                                                  section: context.sectionTitle(at: number),
                                                  inCode: CodeSpans.contains(spans, column: column)))
                }
            }
            // Every cite spelling has a `:` before its line numbers; most prose lines have none.
            guard hasColon else { continue }
            cites += self.cites(in: line, number: number).filter { cite in
                // A label or link cite quoted in code is an example, not a cite; code pins live in code.
                cite.form == "code-pin" || !CodeSpans.contains(spans, column: cite.column)
            }
        }
        return (references, cites)
    }

    /// The patterns whose literal hints occur on `raw`, and whether it holds a `:` and a backtick.
    private static func prefilter(_ raw: Substring, patterns: [(String, Pattern)])
        -> (candidates: [(String, Pattern)], hasColon: Bool, hasBacktick: Bool) {
        ByteSearch.withBytes(of: raw) { bytes in
            (patterns.filter { $0.1.mayMatch(bytes: bytes) },
             ByteSearch.contains(bytes, byte: UInt8(ascii: ":")),
             ByteSearch.contains(bytes, byte: UInt8(ascii: "`")))
        }
    }

    private func cites(in line: String, number: Int) -> [LineCite] {
        let settings = context.profile.cites
        var cites: [LineCite] = []
        if let pattern = settings.labelColon {
            for match in pattern.matches(in: line) {
                guard let kind = match[1], let digits = match[2], let spans = match[3] else { continue }
                cites.append(LineCite(form: "label-colon", text: match[0] ?? "", path: context.path, line: number,
                                      column: match.utf8Column(), target: nil, label: "\(kind)-\(digits)",
                                      ranges: Self.spans(spans)))
            }
        }
        if let pattern = settings.linkColon {
            for match in pattern.matches(in: line) {
                guard let file = match[1], let spans = match[2] else { continue }
                let target = LinkExtractor.resolve(file, from: context.path)?.target
                cites.append(LineCite(form: "link-colon", text: match[0] ?? "", path: context.path, line: number,
                                      column: match.utf8Column(), target: target, label: nil, ranges: Self.spans(spans)))
            }
        }
        if let pattern = settings.codePin {
            for match in pattern.matches(in: line) {
                guard let file = match[1], let spans = match[2] else { continue }
                let target = file.contains("/") ? LinkExtractor.normalize(file.split(separator: "/").map(String.init)) : nil
                cites.append(LineCite(form: "code-pin", text: match[0] ?? "", path: context.path, line: number,
                                      column: match.utf8Column(), target: target, label: nil, ranges: Self.spans(spans)))
            }
        }
        return cites
    }

    /// `285-300`, `14, 25, 87`, `24,35,59`, `12–14` → spans.
    static func spans(_ text: String) -> [LineSpan] {
        text.split(separator: ",").compactMap { part in
            let bounds = part.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { Int($0.trimmed) }
            guard let first = bounds.first, let start = first else { return nil }
            let end = bounds.count > 1 ? (bounds[1] ?? start) : start
            return LineSpan(start: start, end: max(start, end))
        }
    }
}
