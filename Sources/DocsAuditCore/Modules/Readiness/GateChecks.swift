import FoundationEssentials

/// The per-plan gates and the bands, over plan pairs (now and baseline), lint findings and the ledger.
struct GateChecks {
    let profile: Profile
    let pairs: [PlanPair]
    let lint: [Finding]
    let context: LintContext
    let ledger: Ledger?

    private typealias Verdict = GateReport.Verdict

    /// Rolls per-plan results up: any fail fails; all not measured is not measured.
    private func check(_ id: String, _ title: String, _ plans: [GateReport.PlanResult], figure: String? = nil) -> GateReport.Check {
        let verdict: Verdict
        if plans.contains(where: { $0.verdict == .fail }) {
            verdict = .fail
        } else if plans.isEmpty || plans.allSatisfy({ $0.verdict == .notMeasured }) {
            verdict = .notMeasured
        } else {
            verdict = .pass
        }
        let summary = figure ?? plans.map { "\($0.plan) \($0.figure)" }.joined(separator: "; ")
        return GateReport.Check(id: id, title: title, verdict: verdict, figure: summary, target: nil,
                                evidence: plans.flatMap { plan in plan.evidence.map { "\(plan.plan): \($0)" } }, plans: plans)
    }

    // MARK: G1

    /// Invariants, CPs, Phase headers, Required ADRs, Target Areas paths and test IDs of a plan.
    func skeleton(_ plan: PlanModel) -> Set<String> {
        var anchors = Set<String>()
        plan.invariants.forEach { anchors.insert("invariant \($0.id)") }
        plan.obligations.forEach { anchors.insert("obligation \($0.id)") }
        plan.phases.forEach { anchors.insert("Phase \($0.id)") }
        plan.requiredADRs.forEach { anchors.insert("Required ADR \($0)") }
        plan.targetAreas.forEach { anchors.insert("Target Area \(canonical($0.path))") }
        plan.testIDs.forEach { anchors.insert("test \($0.id)") }
        return anchors
    }

    private func canonical(_ path: String) -> String {
        for (old, new) in profile.gates.canonicalPaths.sorted(by: { $0.key.count > $1.key.count }) where path.hasPrefix(old) {
            return new + path.dropFirst(old.count)
        }
        return path
    }

    /// G1: anchors kept (lost ones fail), and the heading tree compared by text: a removed or renamed
    /// heading fails with the links into it that it breaks; additions and moves are listed as evidence.
    func g1() -> GateReport.Check {
        var added = 0
        var broken = 0
        let plans = pairs.map { pair -> GateReport.PlanResult in
            guard let baseline = pair.baseline, let baselineDocument = pair.baselineDocument,
                  let currentDocument = pair.currentDocument else {
                return GateReport.PlanResult(plan: pair.id, verdict: .notMeasured, figure: "new since the baseline", evidence: [])
            }
            let before = skeleton(baseline)
            let after = skeleton(pair.current)
            let lost = before.subtracting(after).sorted()
            let gained = after.subtracting(before).sorted()
            let old = MarkdownDocument(path: pair.current.path, text: baselineDocument.source.text).sections
            let new = MarkdownDocument(path: pair.current.path, text: currentDocument.source.text).sections
            let changes = SkeletonDiff.compare(old: old, new: new)
            var failures: [String] = lost.map { "lost \($0)" }
            var notes: [String] = []
            for change in changes {
                let under = change.parent.map { " under `\($0)`" } ?? ""
                switch change.kind {
                case .added:
                    notes.append("added `\(change.new ?? "")`\(under) (line \(change.line))")
                case .moved:
                    notes.append("moved `\(change.old ?? "")` to line \(change.line)\(under)")
                case .removed, .renamed:
                    let links = inbound(pair.current.path, slug: change.oldSlug)
                    broken += links.count
                    let breaks = links.isEmpty ? "" : "; breaks \(links.count) \(links.count == 1 ? "link" : "links"): "
                        + links.joined(separator: ", ")
                    failures.append(change.kind == .removed ? "removed `\(change.old ?? "")`\(under)\(breaks)"
                                    : "renamed `\(change.old ?? "")` → `\(change.new ?? "")` "
                                        + "(line \(change.line))\(breaks)")
                }
            }
            let headings = changes.filter { $0.kind == .added }.count
            added += headings + gained.count
            notes += gained.map { "added \($0)" }
            let figure: String
            if failures.isEmpty {
                figure = "additions-only: \(headings) headings, \(gained.count) anchors added"
            } else {
                let removed = changes.filter { $0.kind == .removed }.count
                let renamed = changes.filter { $0.kind == .renamed }.count
                figure = [(removed, "removed"), (renamed, "renamed"), (lost.count, "anchors lost")]
                    .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            }
            return GateReport.PlanResult(plan: pair.id, verdict: failures.isEmpty ? .pass : .fail, figure: figure,
                                         evidence: failures + notes)
        }
        let failed = plans.filter { $0.verdict == .fail }
        let figure: String
        if failed.isEmpty {
            figure = added == 0 ? "additions-only (nothing added)" : "additions-only (\(added) added)"
        } else {
            figure = failed.map { "\($0.plan) \($0.figure)" }.joined(separator: "; ")
                + (broken > 0 ? "; \(broken) inbound \(broken == 1 ? "link" : "links") broken" : "")
        }
        return check("G1", "skeleton preserved", plans, figure: figure)
    }

    /// Links anywhere in the corpus into `path#slug`, unless a current heading or anchor still has that slug.
    private func inbound(_ path: String, slug: String?) -> [String] {
        guard let slug, context.anchorsByPath[path]?.contains(slug) != true else { return [] }
        return context.model.links.filter { link in
            (link.target ?? link.path) == path && (link.fragment.flatMap { TextFormat.percentDecoded($0) } ?? link.fragment) == slug
        }.map { "\($0.path):\($0.line)" }
    }

    // MARK: G2

    func g2() -> GateReport.Check {
        guard let ledger else {
            return GateReport.Check(id: "G2", title: "no critical finding without a disposition", verdict: .notMeasured,
                                    figure: "no ledger (--ledger)", target: nil, evidence: [], plans: [])
        }
        let critical = Set(profile.gates.criticalSeverities)
        let plans = pairs.map { pair -> GateReport.PlanResult in
            let entries = ledger.entries.filter { $0.plan == pair.id && critical.contains($0.severity ?? "") }
            let open = entries.filter { ($0.disposition ?? "").trimmed.isEmpty }
            return GateReport.PlanResult(plan: pair.id, verdict: open.isEmpty ? .pass : .fail,
                                         figure: "\(open.count) of \(entries.count) critical open",
                                         evidence: open.map { "\($0.id) has no disposition (\($0.path):\($0.line))" })
        }
        let open = plans.reduce(0) { $0 + $1.evidence.count }
        return check("G2", "no critical finding without a disposition", plans, figure: "\(open) critical without a disposition")
    }

    // MARK: G3

    /// Lines inside Tasks blocks.
    private func tasksLines(_ plan: PlanModel) -> Set<Int> {
        var lines = Set<Int>()
        for block in plan.phases.flatMap(\.tasksBlocks) + plan.looseTasksBlocks {
            for line in block.line...max(block.line, block.endLine) { lines.insert(line) }
        }
        return lines
    }

    func g3() -> GateReport.Check {
        let ratioLimit = profile.gates.sizeRatio
        let stepLimit = profile.gates.maxStepsPerPhase
        var overallRatio = 0.0
        var overallSteps = 0
        let plans = pairs.map { pair -> GateReport.PlanResult in
            let steps = pair.current.phases.map { phase in
                phase.tasksBlocks.flatMap(\.tasks).reduce(0) { $0 + max(1, $1.steps.count) }
            }.max() ?? 0
            overallSteps = max(overallSteps, steps)
            guard let baselineDocument = pair.baselineDocument, let baseline = pair.baseline,
                  let currentDocument = pair.currentDocument else {
                return GateReport.PlanResult(plan: pair.id, verdict: .notMeasured, figure: "no baseline version", evidence: [])
            }
            let old = baselineDocument.source
            let new = currentDocument.source
            let oldLines = (1...max(1, old.lineCount)).map { String(old.line($0) ?? "") }
            let newLines = (1...max(1, new.lineCount)).map { String(new.line($0) ?? "") }
            let oldTasks = tasksLines(baseline)
            let newTasks = tasksLines(pair.current)
            var changed = 0
            for step in UnifiedDiff.align(oldLines, newLines) {
                switch step.kind {
                case .delete where !oldTasks.contains(step.oldLine + 1): changed += 1
                case .insert where !newTasks.contains(step.newLine + 1): changed += 1
                default: break
                }
            }
            let ratio = Double(changed) / Double(max(1, old.lineCount))
            overallRatio = max(overallRatio, ratio)
            let ok = ratio < ratioLimit && steps < stepLimit
            var evidence = ["\(changed) lines changed outside Tasks blocks; baseline \(old.lineCount) lines"]
            if steps >= stepLimit { evidence.append("a Phase has \(steps) step entries") }
            return GateReport.PlanResult(plan: pair.id, verdict: ok ? .pass : .fail,
                                         figure: "\(TextFormat.fixed(ratio, decimals: 2))× (<\(TextFormat.fixed(ratioLimit, decimals: 1))×); max \(steps) step-entries/Phase (<\(stepLimit))",
                                         evidence: evidence)
        }
        return check("G3", "size budget", plans,
                     figure: "ex-Tasks diff \(TextFormat.fixed(overallRatio, decimals: 2))× (<\(TextFormat.fixed(ratioLimit, decimals: 1))×); max \(overallSteps) step-entries/Phase (<\(stepLimit))")
    }

    // MARK: G4, G5, G7 (lint rules over the tier's plans)

    private func findings(_ rule: String, in pair: PlanPair, where include: (Finding) -> Bool = { _ in true }) -> [Finding] {
        lint.filter { $0.rule == rule && $0.file == pair.current.path && include($0) }
    }

    func g4() -> GateReport.Check {
        let plans = pairs.map { pair -> GateReport.PlanResult in
            guard !pair.current.allTasks.isEmpty else {
                return GateReport.PlanResult(plan: pair.id, verdict: .notMeasured, figure: "no tasks", evidence: [])
            }
            let hits = findings("tasks/traceability", in: pair)
            return GateReport.PlanResult(plan: pair.id, verdict: hits.isEmpty ? .pass : .fail,
                                         figure: "\(hits.count) of \(pair.current.allTasks.count) tasks untraced",
                                         evidence: hits.map { "line \($0.line): \($0.message)" })
        }
        let untraced = plans.reduce(0) { $0 + $1.evidence.count }
        let total = pairs.reduce(0) { $0 + $1.current.allTasks.count }
        return check("G4", "every task traces to a spec criterion or invariant", plans,
                     figure: total == 0 ? "no tasks" : "\(untraced) of \(total) tasks untraced")
    }

    /// Whether a `tags/ephemeral` hit is the G5 kind: the gate family, inside a Tasks block.
    static func isGateTag(_ hit: RuleHit) -> Bool { hit.message.hasSuffix("(gate G5)") }

    /// G5: tags of the gate family (`tags.gate-family`, called `gates.tasks-tag-label` here) inside the plans'
    /// Tasks blocks that the baseline did not have (matched by the tag, not the line, so moved lines are not new).
    func g5() -> GateReport.Check {
        let name = profile.gates.tasksTagLabel ?? profile.tags.gateFamily
        let plans = pairs.map { pair -> GateReport.PlanResult in
            let blocks = pair.current.phases.flatMap(\.tasksBlocks) + pair.current.looseTasksBlocks
            guard !blocks.isEmpty else {
                return GateReport.PlanResult(plan: pair.id, verdict: .notMeasured, figure: "no Tasks blocks",
                                             evidence: [])
            }
            let hits = findings("tags/ephemeral", in: pair) { $0.message.hasSuffix("(gate G5)") }
            var old = Dictionary((pair.baselineGateTags ?? []).map { ($0, 1) }, uniquingKeysWith: +)
            var fresh: [Finding] = []
            for hit in hits {
                if let left = old[hit.subject], left > 0 { old[hit.subject] = left - 1 } else { fresh.append(hit) }
            }
            let kept = hits.count - fresh.count
            return GateReport.PlanResult(plan: pair.id, verdict: fresh.isEmpty ? .pass : .fail,
                                         figure: "\(fresh.count) new \(name) refs"
                                             + (kept > 0 ? " (\(kept) already at the baseline)" : ""),
                                         evidence: fresh.map { "line \($0.line): \($0.subject)" })
        }
        let count = plans.reduce(0) { $0 + $1.evidence.count }
        return check("G5", "no new \(name) in the plans' Tasks blocks", plans,
                     figure: "\(count) new \(name) refs in Tasks blocks")
    }

    /// The `no-ephemeral-tags` line: tags of `gates.ephemeral-families` anywhere in the committed files,
    /// outside provenance. Reported beside the gates; it does not fail the run.
    func ephemeralTags() -> GateReport.Check {
        let families = profile.gates.ephemeralFamilies.compactMap { name in
            profile.tags.families[name].map { (name, $0) }
        }
        let title = "no ephemeral tags (\(profile.gates.ephemeralFamilies.joined(separator: ", ")))"
        guard !families.isEmpty else {
            return GateReport.Check(id: "no-ephemeral-tags", title: title, verdict: .notMeasured,
                                    figure: "no tag families", target: nil, evidence: [], plans: [])
        }
        var counts: [String: Int] = [:]
        var hits: [Finding] = []
        for finding in lint where finding.rule == "tags/ephemeral" {
            let family = families.first { $0.1.firstMatch(in: finding.subject)?[0] == finding.subject }?.0
            guard let family else { continue }
            counts[family, default: 0] += 1
            hits.append(finding)
        }
        let files = Set(hits.map(\.file)).count
        let split = families.map(\.0).filter { counts[$0] != nil }.map { "\($0) \(counts[$0] ?? 0)" }
            .joined(separator: ", ")
        let shown = 20
        var evidence = hits.prefix(shown).map { "\($0.file):\($0.line): \($0.subject)" }
        if hits.count > shown { evidence.append("… and \(hits.count - shown) more") }
        return GateReport.Check(id: "no-ephemeral-tags", title: title, verdict: hits.isEmpty ? .pass : .fail,
                                figure: hits.isEmpty ? "0 tags" : "\(hits.count) tags (\(split)) in \(files) files",
                                target: nil, evidence: evidence, plans: [])
    }

    func g7() -> GateReport.Check {
        let plans = pairs.map { pair -> GateReport.PlanResult in
            let marked = pair.totalCheckMarkers > 0
            guard marked else {
                return GateReport.PlanResult(plan: pair.id, verdict: .notMeasured, figure: "no total-checked table", evidence: [])
            }
            let hits = findings("tables/total", in: pair)
            return GateReport.PlanResult(plan: pair.id, verdict: hits.isEmpty ? .pass : .fail,
                                         figure: "\(hits.count) totals off", evidence: hits.map { "line \($0.line): \($0.message)" })
        }
        let off = plans.reduce(0) { $0 + $1.evidence.count }
        let marked = plans.filter { $0.verdict != .notMeasured }.count
        return check("G7", "table totals reconcile", plans, figure: marked == 0 ? "no total-checked table" : "\(off) totals off in \(marked) plans")
    }

    // MARK: Bands

    private func band(_ name: String) -> [Double] { profile.gates.bands[name] ?? [] }

    private func within(_ value: Double, _ range: [Double]) -> Bool {
        guard let low = range.first else { return true }
        let high = range.count > 1 ? range[1] : Double.infinity
        return value >= low && value <= high
    }

    private static func number(_ value: Double) -> String {
        guard value == value.rounded(), let whole = Int(exactly: value) else {
            return TextFormat.fixed(value, decimals: 2)
        }
        return String(whole)
    }

    private func range(_ values: [Double]) -> String {
        guard let low = values.first else { return "" }
        return values.count > 1 ? "\(Self.number(low))–\(Self.number(values[1]))" : "≥ \(Self.number(low))"
    }

    private func notMeasured(_ id: String, _ title: String, _ why: String, target: String) -> GateReport.Check {
        GateReport.Check(id: id, title: title, verdict: .notMeasured, figure: why, target: target, evidence: [], plans: [])
    }

    func bands() -> [GateReport.Check] {
        [b1(), b2(), b3(), b4(), b5(), b6()]
    }

    private func b1() -> GateReport.Check {
        let target = "average \(range(band("b1-average"))); max ≤ \(Self.number(band("b1-max").first ?? 4))"
        guard let ledger else { return notMeasured("B1", "critical findings per Phase", "no ledger", target: target) }
        let critical = Set(profile.gates.criticalSeverities)
        var perPhase: [Int] = []
        var evidence: [String] = []
        for pair in pairs {
            for phase in pair.current.phases {
                let count = ledger.entries.filter { $0.plan == pair.id && $0.phase == phase.id && critical.contains($0.severity ?? "") }.count
                perPhase.append(count)
                if count > 0 { evidence.append("\(pair.id) Phase \(phase.id): \(count) critical") }
            }
        }
        guard !perPhase.isEmpty else { return notMeasured("B1", "critical findings per Phase", "no Phases", target: target) }
        let average = Double(perPhase.reduce(0, +)) / Double(perPhase.count)
        let maximum = perPhase.max() ?? 0
        let ok = within(average, band("b1-average")) && Double(maximum) <= (band("b1-max").first ?? 4)
        return GateReport.Check(id: "B1", title: "critical findings per Phase", verdict: ok ? .pass : .fail,
                                figure: "avg \(TextFormat.fixed(average, decimals: 1)); max-phase \(maximum)", target: target,
                                evidence: evidence, plans: [])
    }

    private func b2() -> GateReport.Check {
        let target = range(band("b2"))
        guard let ledger else { return notMeasured("B2", "findings per plan", "no ledger", target: target) }
        let counts = pairs.map { pair in (pair.id, ledger.entries.filter { $0.plan == pair.id }.count) }
        let out = counts.filter { !within(Double($0.1), band("b2")) }
        return GateReport.Check(id: "B2", title: "findings per plan", verdict: out.isEmpty ? .pass : .fail,
                                figure: "total \(counts.reduce(0) { $0 + $1.1 })", target: target,
                                evidence: counts.map { "\($0.0): \($0.1)" }, plans: [])
    }

    private func b3() -> GateReport.Check {
        let minimum = band("b3-min-ratio").first ?? 2
        let target = "≥ \(Self.number(minimum)):1"
        guard let ledger else { return notMeasured("B3", "Tasks authored to blocking findings", "no ledger", target: target) }
        let blockingSeverities = Set(profile.gates.blockingSeverities)
        let authored = pairs.reduce(0) { $0 + max(0, $1.current.allTasks.count - ($1.baseline?.allTasks.count ?? 0)) }
        let blocking = ledger.entries.filter { entry in pairs.contains { $0.id == entry.plan } && blockingSeverities.contains(entry.severity ?? "") }.count
        let ratio = blocking == 0 ? Double.infinity : Double(authored) / Double(blocking)
        let figure = blocking == 0 ? "\(authored):0" : "\(TextFormat.fixed(ratio, decimals: 2)):1"
        return GateReport.Check(id: "B3", title: "Tasks authored to blocking findings", verdict: ratio >= minimum ? .pass : .fail,
                                figure: figure, target: target,
                                evidence: ["\(authored) tasks authored since the baseline", "\(blocking) blocking findings"], plans: [])
    }

    /// Unreadable ledger lines for a label, as evidence naming the file and line.
    private func unreadable(_ prefix: String) -> [String] {
        (ledger?.unreadable ?? []).filter { $0.label.lowercased().hasPrefix(prefix) }
            .map { "cannot read `\($0.label): \($0.text)` (\($0.path):\($0.line))" }
    }

    private static func minutes(_ value: Ledger.Minutes) -> String {
        let span = value.low == value.high ? number(value.low) : "\(number(value.low))–\(number(value.high))"
        return (value.approximate ? "~" : "") + span
    }

    private func b4() -> GateReport.Check {
        let target = "\(range(band("b4-minutes"))) min"
        let title = "user-review minutes"
        let problems = unreadable("review minutes")
        guard let ledger, !ledger.reviewMinutes.isEmpty else {
            guard problems.isEmpty else {
                return GateReport.Check(id: "B4", title: title, verdict: .notMeasured, figure: "unreadable `Review minutes`",
                                        target: target, evidence: problems, plans: [])
            }
            return notMeasured("B4", title, "no `Review minutes` in the ledger", target: target)
        }
        let values = pairs.compactMap { pair in (ledger.reviewMinutes[pair.id] ?? ledger.reviewMinutes["*"]).map { (pair.id, $0) } }
        // A range is in the band when both ends are.
        let out = values.filter { !within($0.1.low, band("b4-minutes")) || !within($0.1.high, band("b4-minutes")) }
        return GateReport.Check(id: "B4", title: title, verdict: out.isEmpty ? .pass : .fail,
                                figure: values.map { "\($0.0) \(Self.minutes($0.1))" }.joined(separator: "; "), target: target,
                                evidence: out.map { "\($0.0): \(Self.minutes($0.1)) min" } + problems, plans: [])
    }

    private func b5() -> GateReport.Check {
        let minimum = Int(band("b5-min-substantive").first ?? 1)
        let maximum = Int(band("b5-max-cosmetic").first ?? 5)
        let target = "≥ \(minimum) substantive, ≤ \(maximum) cosmetic"
        let problems = unreadable("advisor")
        guard let ledger, let substantive = ledger.substantive else {
            guard problems.isEmpty else {
                return GateReport.Check(id: "B5", title: "advisor signal", verdict: .notMeasured, figure: "unreadable `Advisor signal`",
                                        target: target, evidence: problems, plans: [])
            }
            return notMeasured("B5", "advisor signal", "no `Advisor signal` in the ledger", target: target)
        }
        let cosmetic = ledger.cosmetic ?? 0
        return GateReport.Check(id: "B5", title: "advisor signal", verdict: substantive >= minimum && cosmetic <= maximum ? .pass : .fail,
                                figure: "\(substantive) substantive, \(cosmetic) cosmetic", target: target, evidence: problems, plans: [])
    }

    private func b6() -> GateReport.Check {
        let target = range(band("b6"))
        let measured = pairs.filter { $0.baselineDocument != nil }
        guard !measured.isEmpty else { return notMeasured("B6", "Status flips to review", "no baseline versions", target: target) }
        let flips = measured.filter { $0.current.status == "review" && $0.baselineStatus != "review" }
        return GateReport.Check(id: "B6", title: "Status flips to review", verdict: within(Double(flips.count), band("b6")) ? .pass : .fail,
                                figure: "\(flips.count) flips", target: target,
                                evidence: flips.map { "\($0.id): `\($0.baselineStatus ?? "?")` → `review`" }, plans: [])
    }
}
