import ArgumentParser
import DocsAuditCore

/// `docs-audit config --print`: the effective profile, merged, with where each value came from.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective profile: the built-in one with docs-audit.yml laid over it.",
        usage: "docs-audit config --print [--root <dir>] [--config <file>]",
        discussion: """
        A corpus's docs-audit.yml extends a built-in profile (extends: default, the
        default; another rules/NAME.yml; or none) and is merged over it: mappings
        key by key, lists and scalars replace, `key: ~` removes an inherited key.
        --print writes the merged profile as YAML, each value followed by the file
        and line it came from (# rules/default.yml:42, # docs-audit.yml:7). A bad
        config is reported as by lint, with exit 2.

        Examples:
          docs-audit config --print --root .
          docs-audit config --print --config ci/docs-audit.yml
          docs-audit config --print --root . | grep 'docs-audit.yml:'
        """
    )

    @Flag(name: .long, help: "Print the effective profile as YAML.")
    var print = false

    @Option(name: .long, help: ArgumentHelp("The corpus root, where docs-audit.yml is looked for.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("The corpus config (default: <root>/docs-audit.yml when present).",
                                            valueName: "file"))
    var config: String?

    func validate() throws {
        guard print else { throw ValidationError("say what to show: --print writes the effective profile") }
    }

    func run() throws {
        let profile = try ProfileLoader.load(root: root, configFile: config)
        let header = "# The effective profile: " + profile.layers.map(shown).joined(separator: ", then ")
            + (profile.layers.count > 1 ? " laid over it" : "")
            + ". Each value says where it came from.\n"
        guard let tree = profile.tree else { return try Output.write(header + "{}\n") }
        try Output.write(header + YAMLPrinter.print(tree, name: shown))
    }

    /// A file as the comments name it: relative to the root when it is inside it.
    private func shown(_ file: String) -> String {
        var prefix = root
        while prefix.count > 1, prefix.hasSuffix("/") { prefix.removeLast() }
        prefix += prefix.hasSuffix("/") ? "" : "/"
        return file.hasPrefix(prefix) && file.count > prefix.count ? String(file.dropFirst(prefix.count)) : file
    }
}
