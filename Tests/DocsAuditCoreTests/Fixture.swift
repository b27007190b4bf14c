import Foundation
@testable import DocsAuditCore

/// Builds small corpora on disk from inline text, so tests exercise the real loader.
enum Fixture {
    /// A fresh temporary folder holding `files` (path → content).
    static func directory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// Loads and extracts `files` with the default profile (plus `config` YAML laid over it).
    static func model(_ files: [String: String], config: String? = nil) throws -> CorpusModel {
        try Extractor.extract(corpus(files, config: config))
    }

    static func corpus(_ files: [String: String], config: String? = nil) throws -> Corpus {
        var all = files
        if let config { all["docs-audit.yml"] = config }
        let root = try directory(all)
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        return try CorpusLoader.load(root: root.path, profile: profile)
    }

    /// One parsed document.
    /// The config error of `yaml` laid over the default profile as `docs-audit.yml`, or nil when it loads.
    static func configError(_ yaml: String) -> ConfigError? {
        var profile = (try? ProfileLoader.defaultProfile()) ?? Profile()
        do {
            try ProfileLoader.apply(yaml: yaml, file: "docs-audit.yml", to: &profile)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    static func document(_ text: String) -> MarkdownDocument { MarkdownDocument(path: "doc.md", text: text) }

    /// Runs `git -C root ARGUMENTS` with a fixed identity and fixed dates (so commit IDs are stable).
    static func git(_ root: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "-c", "user.email=audit@example.com", "-c", "user.name=audit",
                             "-c", "commit.gpgsign=false"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = "2026-01-01T00:00:00Z"
        environment["GIT_COMMITTER_DATE"] = "2026-01-01T00:00:00Z"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CorpusError("git \(arguments.joined(separator: " ")) failed") }
    }

    /// `git init`, add everything, commit.
    static func commitAll(_ root: URL, message: String) throws {
        try git(root, ["init", "-q"])
        try git(root, ["add", "-A"])
        try git(root, ["commit", "-qm", message])
    }

    /// The path of the shared real corpus, or nil when it is absent.
    static var realCorpus: String? {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/ai-sidekicks")
        return FileManager.default.fileExists(atPath: corpus.path) ? corpus.path : nil
    }
}
