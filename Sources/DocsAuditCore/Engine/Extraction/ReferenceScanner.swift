/// ID references and line cites found in a document's prose lines.
struct ReferenceScanner {
    let context: DocumentContext

    func scan(lines: [Int]) -> (references: [IDReference], cites: [LineCite]) {
        let families = context.profile.idFamilies.filter { $0.scans(path: context.path, kind: context.document.kind) }
        // One pass over each line's bytes decides which families can match and whether it holds a `:` (every
        // cite spelling has one before its line numbers) or a backtick (code spans).
        let prefilter = LiteralPrefilter(families.map(\.pattern), bytes: [UInt8(ascii: ":"), UInt8(ascii: "`")])
        let colon = families.count, backtick = families.count + 1
        let places = families.contains { $0.referencesIn.count < IDFamily.Place.allCases.count } ? linePlaces() : nil
        var isPlaceholder: [String: Bool] = [:]
        var references: [IDReference] = []
        var cites: [LineCite] = []
        for number in lines {
            guard let raw = context.markdown.source.line(number) else { continue }
            // Decide on the raw bytes which patterns can match at all; most prose lines hold no ID and
            // never become a String of their own.
            let found = prefilter.scan(line: raw)
            let hasColon = found.contains(colon), hasBacktick = found.contains(backtick)
            guard hasColon || families.indices.contains(where: { found.contains($0) }) else { continue }
            let line = String(raw)
            // Found only when a reference or a cite needs them: most lines that pass the pre-filter hold neither.
            lazy var spans = hasBacktick ? CodeSpans.ranges(in: line) : []
            let place = places.map { $0[number] ?? .prose } ?? .prose
            var lineBytes: [UInt8]?
            for index in families.indices where found.contains(index) && families[index].referencesIn.contains(place) {
                let family = families[index], pattern = family.pattern
                let reserved = reservedRanges(family, in: line)
                var nextReserved = 0
                var skipUntil = 0
                for match in pattern.unfilteredMatches(in: line) {
                    guard let id = match[0], let bytes = match.byteRange(), bytes.lowerBound >= skipUntil else {
                        continue
                    }
                    let key = family.name + "\u{0}" + id
                    let excluded = isPlaceholder[key] ?? {
                        let result = family.placeholders.contains { $0.test(id) }
                        isPlaceholder[key] = result
                        return result
                    }()
                    guard !excluded else { continue }
                    let column = match.utf8Column()
                    var reference = IDReference(family: family.name, id: id, path: context.path, line: number,
                                                column: column, section: context.sectionTitle(at: number),
                                                inCode: CodeSpans.contains(spans, column: column))
                    let identity = family.identity(of: match)
                    if identity != id { reference.canonical = identity }
                    if family.ranges, bytes.upperBound + 2 < line.utf8.count {
                        let all = lineBytes ?? Array(line.utf8)
                        lineBytes = all
                        if let range = IDRanges.range(after: id, endingAt: bytes.upperBound, in: all, family: family) {
                            // The range's end is part of it, not a reference of its own.
                            reference.id = range.text
                            reference.canonical = nil
                            reference.range = true
                            skipUntil = range.end
                        }
                    }
                    // Matches come in order: skip the phrases that end before this one.
                    while nextReserved < reserved.count, reserved[nextReserved].upperBound <= bytes.lowerBound {
                        nextReserved += 1
                    }
                    if nextReserved < reserved.count, reserved[nextReserved].lowerBound <= bytes.lowerBound {
                        reference.reserved = true
                    }
                    references.append(reference)
                }
            }
            // Every cite spelling has a `:` before its line numbers; most prose lines have none.
            guard hasColon else { continue }
            let lineCites = self.cites(in: line, number: number)
            guard !lineCites.isEmpty else { continue }
            cites += lineCites.filter { cite in
                // A label or link cite quoted in code is an example, not a cite; code pins live in code.
                cite.form == "code-pin" || !CodeSpans.contains(spans, column: cite.column)
            }
        }
        return (references, cites)
    }

    /// The byte ranges of `family`'s reservation phrases on `line`, by start (only run on lines where the family
    /// may match).
    private func reservedRanges(_ family: IDFamily, in line: String) -> [Range<Int>] {
        guard !family.reservations.isEmpty else { return [] }
        let ranges = family.reservations.flatMap { pattern in pattern.matches(in: line).compactMap { $0.byteRange() } }
        return family.reservations.count == 1 ? ranges : ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Heading and table lines (all other prose lines are prose), for families that scan only some of them.
    private func linePlaces() -> [Int: IDFamily.Place] {
        var places: [Int: IDFamily.Place] = [:]
        for block in context.markdown.allBlocks {
            switch block.kind {
            case .heading: for line in block.range.lines { places[line] = .headings }
            case .tableRow: for line in block.range.lines { places[line] = .tables }
            default: continue
            }
        }
        return places
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
