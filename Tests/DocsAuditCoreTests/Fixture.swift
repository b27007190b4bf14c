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
    static func document(_ text: String) -> MarkdownDocument { MarkdownDocument(path: "doc.md", text: text) }

    /// The path of the shared real corpus, or nil when it is absent.
    static var realCorpus: String? {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/ai-sidekicks")
        return FileManager.default.fileExists(atPath: corpus.path) ? corpus.path : nil
    }
}
