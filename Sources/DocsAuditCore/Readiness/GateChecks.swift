import Foundation

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

    func g1() -> GateReport.Check {
        let plans = pairs.map { pair -> GateReport.PlanResult in
            guard let baseline = pair.baseline else {
                return GateReport.PlanResult(plan: pair.id, verdict: .notMeasured, figure: "new since the baseline", evidence: [])
            }
            let before = skeleton(baseline)
            let lost = before.subtracting(skeleton(pair.current)).sorted()
            return GateReport.PlanResult(plan: pair.id, verdict: lost.isEmpty ? .pass : .fail,
                                         figure: lost.isEmpty ? "\(before.count) anchors kept" : "\(lost.count) of \(before.count) anchors lost",
                                         evidence: lost.map { "lost \($0)" })
        }
        let lost = plans.reduce(0) { $0 + $1.evidence.count }
        return check("G1", "skeleton preserved", plans, figure: lost == 0 ? "additions-only" : "\(lost) anchors lost")
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
                                         figure: String(format: "%.2f× (<%.1f×); max %d step-entries/Phase (<%d)", ratio, ratioLimit, steps, stepLimit),
                                         evidence: evidence)
        }
        return check("G3", "size budget", plans,
                     figure: String(format: "ex-Tasks diff %.2f× (<%.1f×); max %d step-entries/Phase (<%d)", overallRatio, ratioLimit, overallSteps, stepLimit))
    }

    // MARK: G4, G5, G7 (lint rules over the tier's plans)

    private func findings(_ rule: String, in pair: PlanPair, where include: (Finding) -> Bool = { _ in true }) -> [Finding] {
        lint.filter { $0.rule == rule && $0.file == pair.current.path && include($0) }
    }

    func g4() -> GateReport.Check {
        let plans = pairs.map { pair -> GateReport.PlanResult in
            let hits = findings("tasks/traceability", in: pair)
            return GateReport.PlanResult(plan: pair.id, verdict: hits.isEmpty ? .pass : .fail,
                                         figure: "\(hits.count) of \(pair.current.allTasks.count) tasks untraced",
                                         evidence: hits.map { "line \($0.line): \($0.message)" })
        }
        let untraced = plans.reduce(0) { $0 + $1.evidence.count }
        let total = pairs.reduce(0) { $0 + $1.current.allTasks.count }
        return check("G4", "every task traces to a spec criterion or invariant", plans, figure: "\(untraced) of \(total) tasks untraced")
    }

    func g5() -> GateReport.Check {
        let plans = pairs.map { pair -> GateReport.PlanResult in
            // The tags rule marks hits inside Tasks blocks with the G5 wording; keep only PR numbers.
            let hits = findings("tags/ephemeral", in: pair) { $0.subject.hasPrefix("PR #") && $0.message.hasSuffix("(gate G5)") }
            return GateReport.PlanResult(plan: pair.id, verdict: hits.isEmpty ? .pass : .fail,
                                         figure: "\(hits.count) PR #N in Tasks blocks",
                                         evidence: hits.map { "line \($0.line): \($0.subject)" })
        }
        let count = plans.reduce(0) { $0 + $1.evidence.count }
        return check("G5", "no PR #N inside Tasks blocks", plans, figure: "\(count) PR #N refs in Tasks blocks")
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
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
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
                                figure: String(format: "avg %.1f; max-phase %d", average, maximum), target: target,
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
        let figure = blocking == 0 ? "\(authored):0" : String(format: "%.2f:1", ratio)
        return GateReport.Check(id: "B3", title: "Tasks authored to blocking findings", verdict: ratio >= minimum ? .pass : .fail,
                                figure: figure, target: target,
                                evidence: ["\(authored) tasks authored since the baseline", "\(blocking) blocking findings"], plans: [])
    }

    private func b4() -> GateReport.Check {
        let target = "\(range(band("b4-minutes"))) min"
        guard let ledger, !ledger.reviewMinutes.isEmpty else {
            return notMeasured("B4", "user-review minutes", "no `Review minutes` in the ledger", target: target)
        }
        let values = pairs.compactMap { pair in (ledger.reviewMinutes[pair.id] ?? ledger.reviewMinutes["*"]).map { (pair.id, $0) } }
        let out = values.filter { !within($0.1, band("b4-minutes")) }
        return GateReport.Check(id: "B4", title: "user-review minutes", verdict: out.isEmpty ? .pass : .fail,
                                figure: values.map { "\($0.0) \(Self.number($0.1))" }.joined(separator: "; "), target: target,
                                evidence: out.map { "\($0.0): \(Self.number($0.1)) min" }, plans: [])
    }

    private func b5() -> GateReport.Check {
        let minimum = Int(band("b5-min-substantive").first ?? 1)
        let maximum = Int(band("b5-max-cosmetic").first ?? 5)
        let target = "≥ \(minimum) substantive, ≤ \(maximum) cosmetic"
        guard let ledger, let substantive = ledger.substantive else {
            return notMeasured("B5", "advisor signal", "no `Advisor signal` in the ledger", target: target)
        }
        let cosmetic = ledger.cosmetic ?? 0
        return GateReport.Check(id: "B5", title: "advisor signal", verdict: substantive >= minimum && cosmetic <= maximum ? .pass : .fail,
                                figure: "\(substantive) substantive, \(cosmetic) cosmetic", target: target, evidence: [], plans: [])
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
