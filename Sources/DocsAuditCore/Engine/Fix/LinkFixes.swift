/// The link edits of one `fix` run, and why each broken link left is left.
///
/// Two kinds: the paths of links a move since the last commit broke (`MovedFileLinks`: every such link, with a
/// finding or not, since a moved file's link can point at another existing file without any rule noticing), and
/// the `#fragment`s of `links/missing-anchor` findings into a heading renamed since then (`HeadingRenames`).
/// Both rewrite a destination at every place its document writes it (`LinkDestinations`), nothing else.
struct LinkFixes {
    /// Edits to make, whether a finding asked for them or not, each with what it does (for a refusal's note).
    private(set) var edits: [TextEdit: String] = [:]
    /// The edits that settle each finding, by its index.
    private(set) var settling: [Int: [TextEdit]] = [:]
    /// Why a link finding is left, by its index.
    private(set) var reasons: [Int: String] = [:]
    /// Links no finding reports that fix leaves pointing at another file than they meant.
    private(set) var notes: [String] = []

    /// The rules whose findings a link edit settles.
    private static let linkRules: Set<String> = ["links/missing-file", "links/missing-anchor"]

    private struct Place: Hashable {
        var path: String
        var line: Int
        var column: Int
    }

    /// The edits for `findings` (narrowed as the run is) over `context`.
    init(_ context: LintContext, findings: [Finding], options: FixPlanner.Options, frozen: Set<String>) {
        var destinations = DestinationCache(context.corpus)
        let links = Dictionary(grouping: context.model.links) { Place(path: $0.path, line: $0.line, column: $0.column) }
        func groups(of finding: Finding) -> Result<MovedFileLinks.Group, FixPlanner.Refusal> {
            let here = links[Place(path: finding.file, line: finding.line, column: finding.column)] ?? []
            let candidates = here.count < 2 ? here : here.filter { link in
                let target = link.target ?? link.path
                return finding.subject == target || finding.subject.hasPrefix(target + "#")
            }
            let written = Set(candidates.map(\.destination))
            guard let destination = written.first, written.count == 1 else {
                return .failure(FixPlanner.Refusal(FixReason.sharedPlace(max(here.count, candidates.count))))
            }
            return .success(MovedFileLinks.Group(path: finding.file, destination: destination))
        }
        // Why a group's edits cannot be made (its file is frozen); a finding's group is always in scope.
        func blocked(_ group: MovedFileLinks.Group) -> String? {
            !options.includeFrozen && frozen.contains(group.path) ? FixReason.frozen(group.path) : nil
        }
        // Whether a group no finding asked for is in a narrowed run's scope: in or caused by a named file.
        func inScope(_ group: MovedFileLinks.Group, causes: Set<String>?) -> Bool {
            options.paths.map { !$0.isDisjoint(with: (causes ?? []).union([group.path])) } ?? true
        }

        let moves = MovedFileLinks.moves(context)
        var plan = MovedFileLinks.Plan()
        if case let .success(found) = moves {
            plan = MovedFileLinks.plan(context, moves: found, destinations: &destinations)
        }
        // A link a move broke: its path is rewritten, and a fragment is then looked for in the file it meant.
        var claimed = Set<MovedFileLinks.Group>()
        for (index, finding) in findings.enumerated() where Self.linkRules.contains(finding.rule) {
            let group: MovedFileLinks.Group
            switch groups(of: finding) {
            case let .failure(why):
                reasons[index] = why.text
                continue
            case let .success(found): group = found
            }
            claimed.insert(group)
            if let edits = plan.edits[group], !edits.isEmpty {
                if let why = blocked(group) { reasons[index] = why } else { settling[index] = edits }
            } else if finding.rule == "links/missing-file" {
                reasons[index] = plan.refused[group]?.text
                    ?? MovedFileLinks.reason(target: finding.subject, moves: moves, context: context)
            } else if let refusal = plan.refused[group], !refusal.writtenForNewPlace {
                reasons[index] = refusal.text
            }
        }
        // A link-colon cite (`](path.md):12`) is written in a link: the rewrite of that link's destination settles
        // the cite's `cites/line-range` finding that the file does not exist (its lines are checked on the next run).
        let cites = Dictionary(grouping: context.model.cites.filter { $0.form == "link-colon" }) {
            Place(path: $0.path, line: $0.line, column: $0.column)
        }
        for (index, finding) in findings.enumerated() where finding.rule == "cites/line-range" {
            guard let cite = cites[Place(path: finding.file, line: finding.line, column: finding.column)]?.first,
                  let target = cite.target, finding.related == [target] else { continue }
            let file = cite.text.dropFirst(2).prefix { $0 != "#" && $0 != ")" }
            let rewritten = plan.edits.filter { group, _ in
                group.path == finding.file && group.destination.prefix { $0 != "#" } == file && blocked(group) == nil
            }
            if !rewritten.isEmpty { settling[index] = rewritten.values.flatMap { $0 } }
        }
        for (group, groupEdits) in plan.edits
        where blocked(group) == nil && inScope(group, causes: plan.causes[group]) {
            for edit in groupEdits { edits[edit] = "the rewrite of the link `\(group.destination)`" }
        }
        var left: [(path: String, line: Int, note: String)] = []
        for (group, refusal) in plan.refused where refusal.pointsElsewhere && !claimed.contains(group) {
            guard blocked(group) == nil, inScope(group, causes: plan.causes[group]) else { continue }
            let line = refusal.line
                ?? context.model.links.first { $0.path == group.path && $0.destination == group.destination }?.line
                ?? 1
            left.append((group.path, line, FixReason.outboundNote(group.path, line: line,
                                                                  destination: group.destination, why: refusal.text)))
        }
        notes = left.sorted { ($0.path, $0.line, $0.note) < ($1.path, $1.line, $1.note) }.map(\.note)
        fragments(context, findings: findings, destinations: &destinations, groups: groups, blocked: blocked)
    }

    /// The `#fragment` edits of the `links/missing-anchor` findings into a heading renamed since the last commit.
    private mutating func fragments(_ context: LintContext, findings: [Finding], destinations: inout DestinationCache,
                                    groups: (Finding) -> Result<MovedFileLinks.Group, FixPlanner.Refusal>,
                                    blocked: (MovedFileLinks.Group) -> String?) {
        let anchorFindings = findings.indices.filter {
            findings[$0].rule == "links/missing-anchor" && settling[$0] == nil && reasons[$0] == nil
        }
        guard !anchorFindings.isEmpty else { return }
        let siteRoots = context.profile.links.siteRoots
        var targets: [Int: (group: MovedFileLinks.Group, target: String, fragment: String)] = [:]
        for index in anchorFindings {
            if case let .success(group) = groups(findings[index]) {
                let resolved = LinkExtractor.resolve(group.destination, from: group.path, siteRoots: siteRoots)
                guard let fragment = resolved?.fragment else { continue }
                targets[index] = (group, resolved?.target ?? group.path, fragment)
            }
        }
        let outlines = HeadingRenames.find(Set(targets.values.map(\.target)), in: context)
        for (index, wanted) in targets {
            let outline: HeadingRenames.Outline?
            switch outlines {
            case let .failure(problem):
                reasons[index] = FixReason.noRenames(problem)
                continue
            case let .success(found): outline = found[wanted.target]
            }
            guard let outline, let oldSlugs = outline.oldSlugs else {
                reasons[index] = FixReason.notAtHead(wanted.target)
                continue
            }
            guard let renamed = outline.renames[wanted.fragment] else {
                reasons[index] = !outline.changed ? FixReason.unchanged(wanted.target, wanted.fragment)
                    : oldSlugs.contains(wanted.fragment) ? FixReason.unpaired(wanted.target, wanted.fragment)
                    : FixReason.noHeadingAtHead(wanted.target, wanted.fragment)
                continue
            }
            if let why = blocked(wanted.group) {
                reasons[index] = why
                continue
            }
            guard let written = destinations.of(wanted.group.path) else { continue }
            switch written.places(of: wanted.group.destination) {
            case let .failure(why): reasons[index] = why.text
            case let .success(places):
                let found = places.compactMap { place in
                    place.fragment.map { TextEdit(path: wanted.group.path, line: place.line, column: $0.column,
                                                  length: $0.length, replacement: renamed) }
                }
                guard !found.isEmpty else {
                    reasons[index] = FixReason.unaccounted(wanted.group.destination, in: wanted.group.path, found: 0,
                                                           parsed: 1)
                    continue
                }
                settling[index] = found
                for edit in found { edits[edit] = "the rewrite of the link `\(wanted.group.destination)`" }
            }
        }
    }
}
