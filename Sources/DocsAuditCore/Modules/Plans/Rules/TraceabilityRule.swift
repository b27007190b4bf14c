/// A task that traces to no acceptance criterion or invariant (gate G4), or cites one that does not exist.
struct TraceabilityRule: ModuleRule {
    let module = ProfileModule.plans
    let description = RuleDescription(
        id: "tasks/traceability", severity: .warning,
        summary: "a task traces to no spec criterion or invariant, or cites one that does not exist",
        help: """
        Gate G4: every task carries a Spec coverage or a Verifies invariant that is not `none`, and what it cites
        resolves (a spec's ninth acceptance criterion needs nine criteria in that spec; an invariant ID needs a
        definition).
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        let definitions = context.definitions
        let acCounts = Dictionary(context.model.specs.map { spec in
            (context.profile.label(kind: "spec", number: spec.number), spec.acceptanceCriteria.count)
        }, uniquingKeysWith: max)
        let spec = context.profile.id("spec")
        let invariant = context.profile.id("invariant")
        var hits: [RuleHit] = []
        for plan in context.plans {
            for task in plan.allTasks {
                let coverage = meaningful(task.specCoverage)
                let verifies = meaningful(task.verifiesInvariant)
                if coverage == nil && verifies == nil {
                    hits.append(RuleHit(path: plan.path, line: task.line,
                                        message: "task \(task.id) traces to no spec criterion or invariant (Spec coverage: \(task.specCoverage ?? "absent"); Verifies invariant: \(task.verifiesInvariant ?? "absent"))",
                                        subject: task.id))
                    continue
                }
                if let coverage, let spec {
                    hits += acceptanceCites(coverage, task: task, plan: plan, spec: spec, counts: acCounts)
                        .map { hit, cited in
                            var tied = hit
                            tied.related = cause(cited, of: plan, in: context)
                            return tied
                        }
                }
                if let verifies, let invariant {
                    for match in invariant.matches(in: verifies) {
                        guard let id = match[0], !definitions.isDefined(id) else { continue }
                        hits.append(RuleHit(path: plan.path, line: task.line,
                                            message: "task \(task.id) verifies \(id), which is defined nowhere",
                                            subject: "\(task.id)->\(id)", related: cause(id, of: plan, in: context)))
                    }
                }
            }
        }
        return hits
    }

    /// In a narrowed run, the named file whose change breaks what a task in another file cites: the file that
    /// defined a removed ID, or the one that holds (or held) a cited spec (`LintFocus`); none otherwise.
    private func cause(_ cited: String, of plan: PlanModel, in context: LintContext) -> [String] {
        guard let focus = context.focus,
              let path = focus.removedDefinitions[cited] ?? focus.namedSpecs[cited], path != plan.path else { return [] }
        return [path]
    }

    /// The field value unless absent or `none…`.
    private func meaningful(_ value: String?) -> String? {
        guard let value = value?.trimmed, !value.isEmpty,
              !value.lowercased().hasPrefix("none") else { return nil }
        return value
    }

    /// `Spec-001 AC1, AC3` → each ACk must exist in Spec-001 (a bare `ACk` inherits the last spec named). Each
    /// hit comes with the spec it cites.
    private func acceptanceCites(_ text: String, task: PlanTask, plan: PlanModel, spec: Pattern,
                                 counts: [String: Int]) -> [(RuleHit, String)] {
        var hits: [(RuleHit, String)] = []
        var current: String?
        let tokens = text.split(whereSeparator: { " ,;()+".contains($0) })
        for token in tokens {
            let word = String(token)
            if let id = spec.firstMatch(in: word)?[0] {
                current = id
                if counts[id] == nil {
                    hits.append((RuleHit(path: plan.path, line: task.line,
                                         message: "task \(task.id) cites \(id), which does not exist",
                                         subject: "\(task.id)->\(id)"), id))
                    current = nil
                }
            } else if word.hasPrefix("AC"), let number = Int(word.dropFirst(2)), let id = current, let count = counts[id], number > count {
                hits.append((RuleHit(path: plan.path, line: task.line,
                                     message: "task \(task.id) cites \(id) AC\(number), but \(id) has \(count) acceptance criteria",
                                     subject: "\(task.id)->\(id) AC\(number)"), id))
            }
        }
        return hits
    }
}

import FoundationEssentials
