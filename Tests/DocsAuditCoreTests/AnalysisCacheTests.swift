import Foundation
import XCTest
@testable import DocsAuditCore

/// The per-file analysis cache: a cached run reports exactly what a fresh one does, and an edit to any input
/// the analysis depends on (the file's bytes, its path, the profile, the tool) makes it analyse afresh.
final class AnalysisCacheTests: XCTestCase {
    private var cacheDirectory = ""

    override func setUpWithError() throws {
        cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-cache-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: cacheDirectory)
    }

    private func run(_ root: URL, cache: Bool = true) throws -> (corpus: Corpus, findings: [Finding], model: Data) {
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let corpus = try CorpusLoader.load(root: root.path, profile: profile, cacheDirectory: cache ? cacheDirectory : nil)
        let result = Linter.run(corpus)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (corpus, result.findings, try encoder.encode(result.model))
    }

    /// A plan with a tag inside its Tasks block (a hit whose severity the rule chose), a suppression, a bad
    /// table row, and a link into another file's missing heading.
    private let files = [
        "docs/plans/001-alpha.md": """
        # Plan-001: Alpha

        | Field | Value |
        | --- | --- |
        | Status | `approved` |

        ## Implementation Phase Sequence

        ### Phase 1 — Start

        #### Tasks

        - **T-001-1-1** Build it (per PR #12). **Files:** `a.rs`

        <!-- docs-audit-disable-next-line links/missing-anchor -- kept on purpose -->
        See [beta](../beta.md#gone).

        See [beta again](../beta.md#missing).

        | a | b |
        | --- | --- |
        | 1 | 2 | 3 |
        """,
        "docs/beta.md": "# Beta\n\n## Present\n\nText.\n",
    ]

    func testACachedRunReportsExactlyWhatAFreshRunDoes() throws {
        let fixture = try Fixture.directory(files)
        XCTAssertGreaterThan(try run(fixture, cache: false).findings.count, 2)
        for root in [fixture, Self.examples] {
            let fresh = try run(root, cache: false)
            let cold = try run(root)
            let warm = try run(root)
            XCTAssertFalse(fresh.corpus.documents.isEmpty)
            XCTAssertEqual(cold.corpus.reusedAnalyses, 0)
            XCTAssertEqual(warm.corpus.reusedAnalyses, warm.corpus.documents.count, "every file came from the cache")
            XCTAssertEqual(cold.findings, fresh.findings)
            XCTAssertEqual(warm.findings, fresh.findings)
            XCTAssertEqual(warm.model, fresh.model)
        }
    }

    func testAnEditToAnyInputInvalidatesItsEntry() throws {
        let root = try Fixture.directory(files)
        let plan = root.appendingPathComponent("docs/plans/001-alpha.md")
        let beta = root.appendingPathComponent("docs/beta.md")
        let first = try run(root)
        XCTAssertEqual(first.findings.filter { $0.rule == "links/missing-anchor" }.count, 1)
        XCTAssertEqual(try run(root).corpus.reusedAnalyses, 2)

        // The file's bytes: the heading the link wants appears, and only that file is analysed again.
        try Data("# Beta\n\n## Present\n\n## Missing\n".utf8).write(to: beta)
        let edited = try run(root)
        XCTAssertEqual(edited.corpus.reusedAnalyses, 1)
        XCTAssertEqual(edited.findings.filter { $0.rule == "links/missing-anchor" }.count, 0)
        XCTAssertEqual(edited.findings, try run(root, cache: false).findings)

        // One byte inside the plan (the tag leaves the Tasks block's wording): the plan is analysed again.
        let text = try String(contentsOf: plan, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "PR #12", with: "PR #13").utf8).write(to: plan)
        let tagged = try run(root)
        XCTAssertEqual(tagged.corpus.reusedAnalyses, 1)
        XCTAssertTrue(tagged.findings.contains { $0.subject == "PR #13" && $0.severity == .error })

        // The path: the same bytes under another name are not the same entry.
        try FileManager.default.moveItem(at: beta, to: root.appendingPathComponent("docs/gamma.md"))
        XCTAssertEqual(try run(root).corpus.reusedAnalyses, 1)

        // The profile: any change to the text applied, even a comment, and nothing is reused. (A config that
        // is empty or only comments changes no setting, so it is not a change.)
        let config = root.appendingPathComponent("docs-audit.yml")
        try Data("version: 1\n".utf8).write(to: config)
        XCTAssertEqual(try run(root).corpus.reusedAnalyses, 0)
        XCTAssertEqual(try run(root).corpus.reusedAnalyses, 2)
        try Data("version: 1 # a comment\n".utf8).write(to: config)
        XCTAssertEqual(try run(root).corpus.reusedAnalyses, 0)
        try Data("# only a comment\n".utf8).write(to: config)
        XCTAssertEqual(try run(root).corpus.reusedAnalyses, 0)
        XCTAssertEqual(try run(root).corpus.reusedAnalyses, 2)
    }

    func testAnotherToolBuildDoesNotReadTheIndex() throws {
        let root = try Fixture.directory(files)
        _ = try run(root)
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let realRoot = try XCTUnwrap(FileSystem.realPath(root.path))
        let mine = AnalysisCache.open(directory: cacheDirectory, realRoot: realRoot, profile: profile)
        XCTAssertEqual(mine.readIndex(limit: 1 << 26).entries.count, 2)
        let other = AnalysisCache.open(directory: cacheDirectory, realRoot: realRoot, profile: profile, tool: "0.0.0|other build")
        XCTAssertEqual(other.folder, mine.folder)
        XCTAssertNotEqual(other.scope, mine.scope)
        XCTAssertEqual(other.readIndex(limit: 1 << 26).entries.count, 0, "another scope's index is empty to this one")
    }

    func testADamagedIndexIsAMissNeverAnError() throws {
        let root = try Fixture.directory(files)
        let fresh = try run(root, cache: false)
        _ = try run(root)
        let folders = try FileManager.default.contentsOfDirectory(atPath: cacheDirectory).filter { $0.hasPrefix("analyses-") }
        XCTAssertEqual(folders.count, 1, "one folder per corpus")
        let folder = cacheDirectory + "/" + (folders.first ?? "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["index"], "one index file")
        let index = URL(fileURLWithPath: folder + "/index")
        let original = try Data(contentsOf: index)
        for damage in [{ (data: Data) in Data(data.prefix(data.count / 2)) }, { _ in Data("garbage".utf8) }, { _ in Data() },
                       { data in Data(data.map { $0 ^ 0x01 }) }] {
            try damage(original).write(to: index)
            let result = try run(root)
            XCTAssertEqual(result.corpus.reusedAnalyses, 0)
            XCTAssertEqual(result.findings, fresh.findings)
            XCTAssertEqual(result.model, fresh.model)
            XCTAssertEqual(try run(root).corpus.reusedAnalyses, 2, "a damaged index is replaced")
        }
        // An unwritable cache folder only costs the cache.
        let blocked = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-blocked-\(UUID().uuidString)")
        try Data("a file, not a folder".utf8).write(to: blocked)
        cacheDirectory = blocked.path + "/cache"
        XCTAssertEqual(try run(root).findings, fresh.findings)
        try? FileManager.default.removeItem(at: blocked)
        // Files no run reads any more drop out of the index; the previous format's entries are removed, other
        // files in the folder are not touched.
        let legacy = folder + "/" + String(repeating: "ab", count: 32) + ".json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: legacy))
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("docs/beta.md"))
        cacheDirectory = (folder as NSString).deletingLastPathComponent
        _ = try run(root)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: folder)), ["index", "notes.txt"])
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let cache = AnalysisCache.open(directory: cacheDirectory, realRoot: try XCTUnwrap(FileSystem.realPath(root.path)),
                                       profile: profile)
        XCTAssertEqual(Array(cache.readIndex(limit: 1 << 26).entries.keys), ["docs/plans/001-alpha.md"])
    }

    private static var examples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/corpus")
    }
}
