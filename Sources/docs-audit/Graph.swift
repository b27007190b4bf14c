import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocsAuditCore
import DocsAuditReporters

/// `docs-audit graph`: the next-steps DAG with its derived state, and the tier graph.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Show the next-steps DAG's derived state: ready, blocked (and by what), completed, order, critical path.",
        // Wrapped by hand: ArgumentParser prints the usage on one line (help must read at 80 columns).
        usage: """
        docs-audit graph [--root <dir>] [--config <file>] [--cache-dir <dir>]
                         [--no-cache] [--format <format>] [--graph <graph>]
        """,
        discussion: """
        The state of each node is derived from its detail entry's Status and its
        upstream edges, not read from its drawn class. The cross-plan graph (§3
        dependencies over §5 tiers) follows.

        Examples:
          docs-audit graph --root .
          docs-audit graph --root . --format mermaid > graph.mmd
          docs-audit graph --root . --format dot | dot -Tsvg > graph.svg
          docs-audit graph --root . --format dot --graph tiers | dot -Tsvg > tiers.svg

        Mermaid and dot output hold one diagram each (--graph chooses), so each is
        valid input for its tool.
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
            if graph == .tiers && !context.profile.declares(.dependencies) {
                throw CorpusError("the profile declares no build order (no `dependencies` section) (--graph tiers)")
            }
            if graph == .nextSteps && !context.profile.declares(.graph) {
                throw CorpusError("the profile declares no next-steps graph (no `graph` section) (--graph next-steps)")
            }
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
        commandName: "sync",
        abstract: "Rewrite each next-step node's :::class and the ready-set sentence from the entries.",
        // Wrapped by hand: ArgumentParser prints the usage on one line (help must read at 80 columns).
        usage: """
        docs-audit sync [--root <dir>] [--config <file>] [--cache-dir <dir>]
                        [--no-cache] [--dry-run]
        """,
        discussion: """
        Only those spans change (a BOM, line endings, mode, owner and a symbolic link
        are kept); the write is atomic and refused (exit 2) when the file is read-only
        or changed while sync ran. With --dry-run nothing is written and the change is
        printed as a unified diff. Exit 0 when the file is already in sync or was
        rewritten.

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
        guard context.profile.declares(.graph) else {
            throw CorpusError("the profile declares no next-steps graph (no `graph` section): nothing to sync")
        }
        guard let result = GraphSync.plan(context) else {
            throw CorpusError("\(context.profile.graph.file): no next-steps graph to sync (graph.file, graph.section)")
        }
        for note in result.unplaced { try Output.error("warning: " + note) }
        guard result.changed else { return }
        if dryRun {
            try Output.write(UnifiedDiff.make(result.original, result.updated, path: result.path))
            return
        }
        // Test seam: with DOCS_AUDIT_TEST_SYNC_BARRIER naming a FIFO, the write pauses after its temporary file
        // is complete until a writer opens and closes the FIFO (tests edit the file or signal the process then).
        let barrier = ProcessInfo.processInfo.environment["DOCS_AUDIT_TEST_SYNC_BARRIER"].map { path in
            { Self.wait(at: path) }
        }
        try GraphSync.write(result, root: corpus.root, beforeCommit: barrier)
        for change in result.changes { try Output.error(change) }
    }

    /// Reads `path` to its end (a FIFO: until its writer closes it).
    private static func wait(at path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, 64) }) > 0 {}
        close(fd)
    }
}

extension GraphRenderer.Format: ExpressibleByArgument {}
extension GraphRenderer.Diagram: ExpressibleByArgument {}
