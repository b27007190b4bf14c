/// Where each ID is defined, gathered once from the model for the ID rules.
struct Definitions {
    struct Site: Hashable {
        var path: String
        var line: Int
    }

    /// Definition sites by ID (`BL-108`, `I-024-1`, `Plan-024`, `NS-13a`, `T-024-1-2`, …).
    private(set) var sites: [String: [Site]] = [:]
    /// IDs whose family has a definition scope, for duplicate checks: family → IDs.
    private(set) var families: [String: [String]] = [:]

    init(_ model: CorpusModel) {
        for document in model.documents {
            guard let number = document.number else { continue }
            switch document.kind {
            case "plan": add("Plan-\(number)", family: "plan", document.path, 1)
            case "spec": add("Spec-\(number)", family: "spec", document.path, 1)
            case "adr": add("ADR-\(number)", family: "adr", document.path, 1)
            default: break
            }
        }
        for plan in model.plans {
            for invariant in plan.invariants { add(invariant.id, family: "invariant", plan.path, invariant.line) }
            for obligation in plan.obligations { add(obligation.id, family: "obligation", plan.path, obligation.line) }
            for task in plan.allTasks {
                // Dotted IDs (`T5.1`) are plan-local: scope them by plan.
                let id = task.id.hasPrefix("T-") ? task.id : "Plan-\(plan.number) \(task.id)"
                add(id, family: "task", plan.path, task.line)
            }
        }
        for item in model.backlog { add(item.id, family: "backlog", item.path, item.line) }
        if let next = model.nextSteps {
            for entry in next.entries {
                add(entry.id, family: "next-step", next.path, entry.line)
                for member in Self.rangeMembers(entry) { add(member, family: "next-step-member", next.path, entry.line) }
            }
        }
        for code in model.errorCodes { add(code.code, family: "error-code", code.path, code.line) }
    }

    private mutating func add(_ id: String, family: String, _ path: String, _ line: Int) {
        if sites[id] == nil { families[family, default: []].append(id) }
        sites[id, default: []].append(Site(path: path, line: line))
    }

    func isDefined(_ id: String) -> Bool { sites[id] != nil }

    /// `NS-15..NS-21` → NS-16 … NS-21 (the first member is the entry itself).
    static func rangeMembers(_ entry: NextStepEntry) -> [String] {
        guard let end = entry.rangeEnd,
              let low = Int(entry.id.dropFirst(3).prefix { $0.isNumber }),
              let high = Int(end.dropFirst(3).prefix { $0.isNumber }), low < high else { return [] }
        return ((low + 1)...high).map { "NS-" + TextFormat.zeroPadded($0, width: 2) }
    }
}

import FoundationEssentials
