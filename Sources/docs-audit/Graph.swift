import ArgumentParser
import DocsAuditCore
import DocsAuditReporters

/// `docs-audit graph`: the next-steps DAG with its derived state, and the tier graph.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the next-steps DAG's derived state: ready, blocked (and by what), completed, order, critical path.",
        discussion: """
        The state of each node is derived from its detail entry's Status and its upstream edges, not read from
        its drawn class. The cross-plan graph (§3 dependencies over §5 tiers) follows in text and JSON; Mermaid
        and dot hold one diagram each, the next steps or (--view tiers) the tiers.

        Examples:
          docs-audit graph --root .
          docs-audit graph --root . --format mermaid > graph.mmd
          docs-audit graph --root . --format dot | dot -Tsvg > graph.svg
          docs-audit graph --root . --format dot --view tiers | dot -Tsvg > tiers.svg
        """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "text, mermaid, dot or json.")
    var format: GraphRenderer.Format = .text

    @Option(help: "The diagram of a mermaid or dot output: next-steps or tiers.")
    var view: GraphRenderer.View = .nextSteps

    func run() throws {
        let loaded = try corpus.loadCorpus()
        let context = LintContext(corpus: loaded, model: Extractor.extract(loaded))
        Output.write(try GraphRenderer.render(DerivedGraph.derive(context), format: format, view: view))
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
            Output.write(UnifiedDiff.make(result.original, result.updated, path: result.path))
            return
        }
        try GraphSync.write(result, root: corpus.root)
        for change in result.changes { Output.error(change) }
    }
}

extension GraphRenderer.Format: ExpressibleByArgument {}
extension GraphRenderer.View: ExpressibleByArgument {}
