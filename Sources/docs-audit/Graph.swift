import ArgumentParser
import DocsAuditCore
import DocsAuditReporters

/// `docs-audit graph`: the next-steps DAG with its derived state, and the tier graph.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the next-steps DAG's derived state: ready, blocked (and by what), completed, order, critical path.",
        discussion: """
        The state of each node is derived from its detail entry's Status and its upstream edges, not read from
        its drawn class. The cross-plan graph (§3 dependencies over §5 tiers) follows.

        Examples:
          docs-audit graph --root .
          docs-audit graph --root . --format mermaid > graph.mmd
          docs-audit graph --root . --format dot | dot -Tsvg > graph.svg
          docs-audit graph --root . --format dot --graph tiers | dot -Tsvg > tiers.svg

        Mermaid and dot output hold one diagram each (--graph chooses), so each is valid input for its tool.
        """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "text, mermaid, dot or json.")
    var format: GraphRenderer.Format = .text

    @Option(help: ArgumentHelp("The diagram mermaid and dot output hold: next-steps or tiers.", valueName: "diagram"))
    var graph: GraphRenderer.Diagram = .nextSteps

    func run() throws {
        let loaded = try corpus.loadCorpus()
        let context = LintContext(corpus: loaded, model: Extractor.extract(loaded))
        let derived = DerivedGraph.derive(context)
        if format == .mermaid || format == .dot {
            if graph == .tiers && derived.tiers.isEmpty {
                throw CorpusError("\(context.profile.dependencies.file): no build order tiers to draw (--graph tiers)")
            }
            if graph == .nextSteps && derived.path == nil {
                throw CorpusError("\(context.profile.graph.file): no next-steps graph to draw (--graph next-steps)")
            }
        }
        try Output.write(try GraphRenderer.render(derived, format: format, diagram: graph))
    }
}

/// `docs-audit sync`: rewrite the derivable parts of the graph file.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite each next-step node's :::class and the ready-set sentence from the entries.",
        discussion: """
        Only those spans change; the write is atomic. With --dry-run nothing is written and the change is
        printed as a unified diff. Exit 0 when the file is already in sync or was rewritten.

        Examples:
          docs-audit sync --root . --dry-run
          docs-audit sync --root .
        """)

    @OptionGroup var corpus: CorpusOptions

    @Flag(help: "Print the change as a unified diff; write nothing.")
    var dryRun = false

    func run() throws {
        let loaded = try corpus.loadCorpus()
        let context = LintContext(corpus: loaded, model: Extractor.extract(loaded))
        guard let result = GraphSync.plan(context) else {
            throw CorpusError("\(context.profile.graph.file): no next-steps graph to sync (graph.file, graph.section)")
        }
        guard result.changed else { return }
        if dryRun {
            try Output.write(UnifiedDiff.make(result.original, result.updated, path: result.path))
            return
        }
        try GraphSync.write(result, root: corpus.root)
        for change in result.changes { try Output.error(change) }
    }
}

extension GraphRenderer.Format: ExpressibleByArgument {}
extension GraphRenderer.Diagram: ExpressibleByArgument {}
