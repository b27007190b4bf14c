/// The line cites `cites/drift` found moved in every span. Where `cites/line-range` looked is then no longer where
/// the cited content is, so a blank or missing endpoint there is the drift's consequence, and its hint (the
/// nearest non-blank line) would send a reader to the wrong line: `lint` reports the drift alone, and `fix`,
/// re-targeting the cite, settles both.
enum MovedCites {
    struct Place: Hashable {
        var path: String
        var line: Int
        var column: Int
    }

    /// The places of the cites of `model` whose every span has a `cites/drift` finding that `counts` (it carries
    /// a re-targeting, and for `fix`, one that was not refused).
    static func places(_ findings: [Finding], model: CorpusModel, counts: (Int, Finding) -> Bool) -> Set<Place> {
        var moved: [Place: Int] = [:]
        for (index, finding) in findings.enumerated() where finding.rule == "cites/drift" && counts(index, finding) {
            moved[Place(path: finding.file, line: finding.line, column: finding.column), default: 0] += 1
        }
        guard !moved.isEmpty else { return [] }
        var places = Set<Place>()
        for cite in model.cites {
            let place = Place(path: cite.path, line: cite.line, column: cite.column)
            if let count = moved[place], count == cite.ranges.count { places.insert(place) }
        }
        return places
    }

    /// `findings` without the `cites/line-range` findings on cites moved in every span.
    static func deferringToDrift(_ findings: [Finding], model: CorpusModel) -> [Finding] {
        let moved = places(findings, model: model) { _, finding in finding.fix != nil }
        guard !moved.isEmpty else { return findings }
        return findings.filter {
            $0.rule != "cites/line-range" || !moved.contains(Place(path: $0.file, line: $0.line, column: $0.column))
        }
    }
}
