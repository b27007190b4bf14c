/// The link edits of one `fix` run, and why each broken link left is left.
///
/// Two kinds: the paths of links a move since the last commit broke (`MovedFileLinks`: every such link, with a
/// finding or not, since a moved file's link can point at another existing file without any rule noticing), and
/// the `#fragment`s of `links/missing-anchor` findings into a heading renamed since then (`HeadingRenames`).
/// Both rewrite a destination at every place its document writes it (`LinkDestinations`), nothing else.
struct LinkFixes {
    /// Edits to make, whether a finding asked for them or not, each with what it does (for a refusal's note).
    private(set) var edits: [TextEdit: String] = [:]
    /// The lists of edits that settle findings. Findings of one link written many times share one list, so the
    /// work stays linear in the findings plus the edits however many of each a hostile file holds.
    private(set) var settlingLists: [[TextEdit]] = []
    /// Which of `settlingLists` settles each finding, by its index.
    private(set) var settling: [Int: Int] = [:]
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

    /// Records that `edits`, known by `key`, settle the finding at `index` (a list is stored once per key).
    private mutating func settle(_ index: Int, key: AnyHashable, lists: inout [AnyHashable: Int],
                                 edits: () -> [TextEdit]) {
        if let known = lists[key] {
            settling[index] = known
            return
        }
        settlingLists.append(edits())
        lists[key] = settlingLists.count - 1
        settling[index] = settlingLists.count - 1
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
        var lists: [AnyHashable: Int] = [:]
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
                if let why = blocked(group) {
                    reasons[index] = why
                } else {
                    settle(index, key: group, lists: &lists) { edits }
                }
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
        struct FileIn: Hashable {
            var path: String
            var file: Substring
        }
        var rewrittenFiles: [FileIn: [TextEdit]] = [:]
        for (group, groupEdits) in plan.edits where blocked(group) == nil {
            rewrittenFiles[FileIn(path: group.path, file: group.destination.prefix { $0 != "#" }), default: []]
                += groupEdits
        }
        for (index, finding) in findings.enumerated() where finding.rule == "cites/line-range" {
            guard let cite = cites[Place(path: finding.file, line: finding.line, column: finding.column)]?.first,
                  let target = cite.target, finding.related == [target] else { continue }
            let key = FileIn(path: finding.file, file: cite.text.dropFirst(2).prefix { $0 != "#" && $0 != ")" })
            guard let rewritten = rewrittenFiles[key], !rewritten.isEmpty else { continue }
            settle(index, key: key, lists: &lists) { rewritten }
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
        fragments(context, findings: findings, destinations: &destinations, lists: &lists, groups: groups,
                  blocked: blocked)
    }

    /// The `#fragment` edits of the `links/missing-anchor` findings into a heading renamed since the last commit.
    private mutating func fragments(_ context: LintContext, findings: [Finding], destinations: inout DestinationCache,
                                    lists: inout [AnyHashable: Int],
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
        struct RenamedIn: Hashable {
            var group: MovedFileLinks.Group
            var replacement: String
        }
        var renamedLinks: [RenamedIn: Result<[TextEdit], FixPlanner.Refusal>] = [:]
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
            // Every finding of one link gets the same answer: work it out once.
            let key = RenamedIn(group: wanted.group, replacement: renamed)
            if let known = renamedLinks[key] {
                switch known {
                case let .failure(why): reasons[index] = why.text
                case .success: settle(index, key: key, lists: &lists) { [] }
                }
                continue
            }
            guard let written = destinations.of(wanted.group.path) else { continue }
            let outcome = written.places(of: wanted.group.destination).flatMap { places in
                let found = places.compactMap { place in
                    place.fragment.map { TextEdit(path: wanted.group.path, line: place.line, column: $0.column,
                                                  length: $0.length, replacement: renamed) }
                }
                return found.isEmpty
                    ? .failure(FixPlanner.Refusal(FixReason.unaccounted(wanted.group.destination, in: wanted.group.path,
                                                                        found: 0, parsed: 1)))
                    : .success(found)
            }
            renamedLinks[key] = outcome
            switch outcome {
            case let .failure(why): reasons[index] = why.text
            case let .success(found):
                settle(index, key: key, lists: &lists) { found }
                for edit in found { edits[edit] = "the rewrite of the link `\(wanted.group.destination)`" }
            }
        }
    }
}
