@testable import DocsAuditCore
@testable import DocsAuditReporters
import Foundation
import XCTest

/// `extract`'s streamed JSON is the bytes the whole model's encoding was, whatever the piece size, on the example
/// corpus, on a corpus whose next-steps graph is not its first diagram, and on both real corpora when present.
final class ModelJSONStreamTests: XCTestCase {
    /// The project folder (two levels above this file's folder).
    private static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The old way: the whole model built, then encoded in one go.
    private func wholeEncoding(_ root: String, config: String? = nil) throws -> String {
        try JSONOutput.encode(Extractor.extract(try load(root, config: config, keepingText: true)))
    }

    /// The corpus as `extract` loads it: `config` (YAML) is given as `--config` would give it.
    private func load(_ root: String, config: String?, keepingText: Bool) throws -> Corpus {
        var configFile: String?
        if let config {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).yml")
            try Data(config.utf8).write(to: file)
            configFile = file.path
        }
        defer { if let configFile { try? FileManager.default.removeItem(atPath: configFile) } }
        let profile = try ProfileLoader.load(root: root, configFile: configFile)
        return try CorpusLoader.load(root: root, profile: profile, keepingText: keepingText)
    }

    /// A fresh folder holding `files` (relative path to text).
    private func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    /// The streamed bytes, as `extract` writes them (texts dropped while loading), and the pieces' sizes.
    private func streamed(_ root: String, config: String? = nil, chunkBytes: Int = 1 << 18) throws
        -> (text: String, pieces: [Int]) {
        let parts = ModelParts(try load(root, config: config, keepingText: false))
        var bytes: [UInt8] = []
        var pieces: [Int] = []
        try ModelJSONStream.write(parts, chunkBytes: chunkBytes) { piece in
            bytes += piece
            pieces.append(piece.count)
        }
        return (String(decoding: bytes, as: UTF8.self), pieces)
    }

    private func assertSameBytes(_ root: String, config: String? = nil, chunkSizes: [Int],
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let whole = try wholeEncoding(root, config: config)
        XCTAssertTrue(whole.hasPrefix("{\n  \""), file: file, line: line)
        for size in chunkSizes {
            let (text, pieces) = try streamed(root, config: config, chunkBytes: size)
            // Not XCTAssertEqual: a failure would print hundreds of KB; name the first differing line instead.
            if text != whole {
                let old = whole.split(separator: "\n", omittingEmptySubsequences: false)
                let new = text.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(old.count, new.count)
                XCTFail("\(root), pieces of \(size): line \(first + 1) differs: "
                        + "\(first < new.count ? String(new[first]) : "<end>") instead of "
                        + "\(first < old.count ? String(old[first]) : "<end>")", file: file, line: line)
            }
            XCTAssertTrue(pieces.dropLast().allSatisfy { $0 >= size }, "pieces of at least \(size) bytes",
                          file: file, line: line)
            XCTAssertTrue(pieces.allSatisfy { $0 > 0 }, file: file, line: line)
        }
    }

    func testTheExampleCorpusStreamsTheWholeEncodingsBytes() throws {
        let root = Self.project.appendingPathComponent("Examples/corpus").path
        try assertSameBytes(root, chunkSizes: [1 << 18, 1, 4_093])
        XCTAssertGreaterThan(try streamed(root, chunkBytes: 4_096).pieces.count, 10, "written in many pieces")
    }

    func testAiSidekicksStreamsTheWholeEncodingsBytes() throws {
        let root = Self.project.deletingLastPathComponent().appendingPathComponent("shared/corpora/ai-sidekicks").path
        guard FileManager.default.fileExists(atPath: root) else {
            throw XCTSkip("../shared/corpora/ai-sidekicks is absent: the streamed-extract comparison needs it "
                          + "beside the project")
        }
        try assertSameBytes(root, chunkSizes: [1 << 18, 65_537])
    }

    func testRustRFCsStreamsTheWholeEncodingsBytes() throws {
        let root = Self.project.deletingLastPathComponent().appendingPathComponent("shared/corpora/rust-rfcs").path
        guard FileManager.default.fileExists(atPath: root) else {
            throw XCTSkip("../shared/corpora/rust-rfcs is absent: the streamed-extract comparison needs it "
                          + "beside the project")
        }
        try assertSameBytes(root, config: "extends: rust-rfcs\n", chunkSizes: [1 << 18])
    }

    /// The next-steps graph's diagram index counts the diagrams of the documents before it; label cites resolve
    /// to files; an unreadable file is a problem; lists no document contributes to print empty.
    func testAGraphAfterAnotherDiagramCitesAndProblemsStreamTheSameBytes() throws {
        let flowchart = "```mermaid\ngraph TB\n  A --> B\n```\n"
        let root = try folder([
            "docs/a.md": "# A\n\n" + flowchart + "\nSee Plan-001:3 and `docs/a.md:1`.\n",
            "docs/architecture/cross-plan-dependencies.md": """
            # Cross-Plan Dependencies

            ## 6. Active Next Steps DAG

            ```mermaid
            graph TB
              NS01[NS-01: scaffold]:::ready
            ```

            ### NS-01: Scaffold

            - Status: `todo`

            """,
            "docs/plans/001-first.md": "# Plan-001: First\n\nOne.\n\nTwo.\n",
        ])
        try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: root.appendingPathComponent("docs/bad.md"))
        let whole = try wholeEncoding(root.path)
        XCTAssertTrue(whole.contains("\"diagram\" : 1"), "the graph's diagram comes after a.md's")
        XCTAssertTrue(whole.contains("\"target\" : \"docs/plans/001-first.md\""), "the label cite resolves")
        XCTAssertTrue(whole.contains("\"code\" : \"input/not-utf8\""))
        XCTAssertTrue(whole.contains("\"backlog\" : [\n\n  ],"), "an empty list")
        try assertSameBytes(root.path, chunkSizes: [1 << 18, 1])
    }

    /// A failing sink ends the writing at once, and its error reaches the caller (the CLI reports it, exit 2).
    func testASinkErrorStopsTheWriting() throws {
        struct Full: Error {}
        let parts = ModelParts(try load(Self.project.appendingPathComponent("Examples/corpus").path, config: nil,
                                        keepingText: false))
        var calls = 0
        XCTAssertThrowsError(try ModelJSONStream.write(parts, chunkBytes: 1_024) { _ in
            calls += 1
            if calls == 2 { throw Full() }
        }) { XCTAssertTrue($0 is Full) }
        XCTAssertEqual(calls, 2)
    }

    /// Without `keepingText` the loader keeps no document text, and the analyses are the same.
    func testALoadWithoutTextsKeepsTheAnalysesAndNoText() throws {
        let root = Self.project.appendingPathComponent("Examples/corpus").path
        let textless = try load(root, config: nil, keepingText: false)
        let full = try load(root, config: nil, keepingText: true)
        XCTAssertEqual(textless.documents.map(\.path), full.documents.map(\.path))
        XCTAssertTrue(textless.documents.allSatisfy { $0.source.text.isEmpty })
        XCTAssertTrue(full.documents.contains { !$0.source.text.isEmpty })
        XCTAssertEqual(try JSONOutput.encode(Extractor.extract(textless)),
                       try JSONOutput.encode(Extractor.extract(full)))
    }
}
