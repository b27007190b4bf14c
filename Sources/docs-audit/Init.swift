import ArgumentParser
import DocsAuditCore

/// `docs-audit init`: inspect a corpus and write a commented starter profile.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Inspect a corpus and write a commented starter docs-audit.yml to edit.",
        // Wrapped by hand: ArgumentParser prints the usage on one line (help must read at 80 columns).
        usage: """
        docs-audit init [--root <dir>] [--output <file>] [--force]
        """,
        discussion: """
        init reads every Markdown file once and proposes, each with the evidence
        it came from: a kind per folder of numbered files (with its number and
        header form), ID families for frequent ID-like tokens, and the Mermaid
        graphs that graph rules should check. It never overwrites a file unless
        --force is given, and never writes through a symbolic link.

        Examples:
          docs-audit init --root .              # writes ./docs-audit.yml
          docs-audit init --root docs --output - | less
          docs-audit init --root . --force      # replaces an existing docs-audit.yml
        """)

    @Option(name: .long, help: ArgumentHelp("The corpus root: the folder whose Markdown files are inspected.",
                                            valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp(
        "Where to write the profile (default: <root>/docs-audit.yml); - for standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace an existing regular file.")
    var force = false

    func run() throws {
        let target = output ?? (root.hasSuffix("/") ? root : root + "/") + ProfileLoader.corpusConfigName
        let toStdout = output == "-"
        if !toStdout { try CorpusInspector.checkTarget(target, force: force) }
        let text = try CorpusInspector.starterProfile(root: root, profile: try ProfileLoader.defaultProfile())
        if toStdout {
            try Output.write(text)
            return
        }
        try SafeWrite.write(Array(text.utf8), to: target, what: "the profile")
        try Output.error("wrote \(target): a starter profile; edit it, then run `docs-audit lint --root \(root)`")
    }
}
