import DocsAuditCore

/// A human summary of an extracted model: what was found, counted, per kind.
public enum ModelTextReporter {
    public static func render(_ model: CorpusModel) -> String {
        var lines: [String] = []
        let kinds = Dictionary(grouping: model.documents, by: \.kind).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        lines.append("documents: \(model.documents.count) (" + kinds.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")")
        let tasks = model.plans.flatMap(\.allTasks)
        let blocks = model.plans.reduce(0) { $0 + $1.phases.reduce(0) { $0 + $1.tasksBlocks.count } + $1.looseTasksBlocks.count }
        lines.append("plans: \(model.plans.count), phases: \(model.plans.reduce(0) { $0 + $1.phases.count }), "
            + "tasks blocks: \(blocks), tasks: \(tasks.count)")
        lines.append("invariants: \(model.plans.reduce(0) { $0 + $1.invariants.count }), "
            + "obligations: \(model.plans.reduce(0) { $0 + $1.obligations.count })")
        lines.append("specs: \(model.specs.count), acceptance criteria: \(model.specs.reduce(0) { $0 + $1.acceptanceCriteria.count })")
        lines.append("method registries: \(model.methodRegistries.tables.count) tables, "
            + "\(model.methodRegistries.tables.reduce(0) { $0 + $1.rows.count }) rows, "
            + "\(model.methodRegistries.formats.count) METHOD_NAME_FORMAT declarations")
        lines.append("error codes: \(model.errorCodes.count)")
        if let next = model.nextSteps {
            let graph = next.diagram.flatMap { model.diagrams.indices.contains($0) ? model.diagrams[$0].graph : nil }
            lines.append("next steps: \(next.entries.count) entries, \(graph?.nodes.count ?? 0) nodes, "
                + "\(graph?.edges.count ?? 0) edges (\(VisibleText.escape(next.path)))")
        } else {
            lines.append("next steps: none")
        }
        lines.append("diagrams: \(model.diagrams.count)")
        lines.append("backlog items: \(model.backlog.count) (\(model.backlog.filter { !$0.archived }.count) active)")
        lines.append("dependencies: \(model.dependencies.rows.count) rows, \(model.dependencies.tiers.count) tiers")
        lines.append("links: \(model.links.count) (\(model.links.filter { $0.fragment != nil }.count) with a fragment), "
            + "line cites: \(model.cites.count), ID references: \(model.references.count)")
        if !model.problems.isEmpty {
            lines.append("problems: \(model.problems.count)")
            for problem in model.problems {
                lines.append("  \(VisibleText.escape(problem.path)):\(problem.line):\(problem.column): "
                    + "\(VisibleText.escape(problem.message)) [\(problem.code)]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
