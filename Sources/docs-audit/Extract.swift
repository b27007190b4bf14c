import ArgumentParser
import DocsAuditCore
import DocsAuditReporters

/// `docs-audit extract`: the whole corpus as one typed model.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the corpus model: documents, plans, tasks, registries, the next-steps DAG, links.",
        // Wrapped by hand: ArgumentParser prints the usage on one line (help must read at 80 columns).
        usage: """
        docs-audit extract [--root <dir>] [--config <file>] [--cache-dir <dir>]
                           [--no-cache] [--format <format>]
        """,
        discussion: """
        Prints one JSON document (schema in docs/model.md, versioned by its
        schemaVersion field) or, with --format text, a summary of what was found. Files
        that cannot be read are listed under "problems" and make the exit code 1; the
        rest of the model is still printed.

        Examples:
          docs-audit extract --root . > model.json
          docs-audit extract --root . --format text
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: json or text.")
    var format: Format = .json

    func run() throws {
        let problems: [InputProblem]
        switch format {
        case .json:
            // Written document by document, from the analyses alone (the texts are dropped as files are
            // analysed): at 100 times the corpus the whole JSON is several hundred MB, the texts as much again.
            let parts = ModelParts(try corpus.loadCorpus(keepingText: false))
            problems = parts.skeleton.problems
            try ModelJSONStream.write(parts) { try Output.write(bytes: $0) }
        case .text:
            let model = Extractor.extract(try corpus.loadCorpus(keepingText: false))
            problems = model.problems
            try Output.write(ModelTextReporter.render(model))
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
