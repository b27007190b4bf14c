import Foundation
import XCTest
@testable import DocsAuditCore
#if canImport(Glibc)
import Glibc
#endif

/// The binary cache index: analyses survive the binary form unchanged, a damaged index or blob is a miss and
/// never a crash, and a file whose stamp is unchanged is taken from the index without being read.
final class AnalysisIndexTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-index-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    private let files = [
        "docs/a.md": "# A\n\nSee [b](b.md#present) and [gone](b.md#gone).\n\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n",
        "docs/b.md": "# B\n\n## Present\n\nPR #4 here, café ✓.\n",
    ]

    private func run(_ root: URL, cache: String?) throws -> (corpus: Corpus, findings: [Finding]) {
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let corpus = try CorpusLoader.load(root: root.path, profile: profile, cacheDirectory: cache)
        return (corpus, Linter.run(corpus).findings)
    }

    private static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    /// Sets the modification time of every file under `root` an hour back, out of the racy window.
    private func age(_ root: URL) throws {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let name = enumerator?.nextObject() as? String {
            var times = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
            XCTAssertEqual(utimensat(AT_FDCWD, root.path + "/" + name, &times, 0), 0)
        }
    }

    func testEveryAnalysisSurvivesTheBinaryForm() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/corpus")
        var roots = [try Fixture.directory(files), examples]
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/ai-sidekicks")
        if FileManager.default.fileExists(atPath: shared.path) { roots.append(shared) }
        var checked = 0
        for root in roots {
            let corpus = try run(root, cache: nil).corpus
            for (document, analysis) in zip(corpus.documents, corpus.analyses) {
                let decoded = try XCTUnwrap(AnalysisCache.roundTrip(analysis, fileSize: document.source.text.utf8.count))
                XCTAssertEqual(try Self.json(decoded), try Self.json(analysis), document.path)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10)
    }

    /// Every truncation and many bit flips of a real blob: the decoder throws or returns a value, never traps.
    func testDamagedBlobsNeverTrap() throws {
        let corpus = try run(try Fixture.directory(files), cache: nil).corpus
        let blob = AnalysisCache.blob(try XCTUnwrap(corpus.analyses.first))
        XCTAssertNotNil(AnalysisCache.decode(blob, in: 0..<blob.count, fileSize: 200))
        var decoded = 0
        for length in 0..<blob.count where AnalysisCache.decode(blob, in: 0..<length, fileSize: 200) != nil {
            decoded += 1
        }
        XCTAssertEqual(decoded, 0, "a truncated blob never decodes")
        var generator = SeededRandom(seed: 13)
        for _ in 0..<3000 {
            var damaged = blob
            for _ in 0...(generator.next() % 3) {
                let position = Int(generator.next() % UInt64(damaged.count))
                damaged[position] ^= UInt8(1 << (generator.next() % 8))
            }
            _ = AnalysisCache.decode(damaged, in: 0..<damaged.count, fileSize: 200)
        }
        // Lengths and counts that claim more than is there.
        for bytes: [UInt8] in [[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], [1, 0xFF, 0x7F], [0, 0xFF, 0xFF, 0x03],
                               Array(repeating: 0xFF, count: 40)] {
            XCTAssertNil(AnalysisCache.decode(bytes, in: 0..<bytes.count, fileSize: 10))
        }
    }

    /// Truncations and bit flips of the whole index file: the run reports exactly what a fresh one does.
    func testADamagedIndexFileIsAMissNeverACrash() throws {
        let root = try Fixture.directory(files)
        let cache = scratch + "/cache"
        let fresh = try run(root, cache: nil).findings
        _ = try run(root, cache: cache)
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let opened = AnalysisCache.open(directory: cache, realRoot: try XCTUnwrap(FileSystem.realPath(root.path)),
                                        profile: profile)
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: opened.indexPath)))
        XCTAssertEqual(AnalysisIndex.parse(original, scope: opened.scope).entries.count, 2)
        var generator = SeededRandom(seed: 14)
        var damages: [[UInt8]] = stride(from: 0, to: original.count, by: max(1, original.count / 40)).map { Array(original.prefix($0)) }
        for _ in 0..<40 {
            var damaged = original
            let position = Int(generator.next() % UInt64(damaged.count))
            damaged[position] ^= UInt8(1 << (generator.next() % 8))
            damages.append(damaged)
        }
        for damaged in damages {
            XCTAssertEqual(AnalysisIndex.parse(damaged, scope: opened.scope).entries.count, 0)
            try Data(damaged).write(to: URL(fileURLWithPath: opened.indexPath))
            let result = try run(root, cache: cache)
            XCTAssertEqual(result.corpus.reusedAnalyses, 0)
            XCTAssertEqual(result.findings, fresh)
        }
        XCTAssertEqual(try run(root, cache: cache).corpus.reusedAnalyses, 2, "the index was rewritten whole")
    }

    func testAFileWhoseStampIsUnchangedIsNotRead() throws {
        let root = try Fixture.directory(files)
        try age(root)
        let cache = scratch + "/cache"
        let fresh = try run(root, cache: nil)
        XCTAssertEqual(try run(root, cache: cache).corpus.unreadAnalyses, 0)
        let warm = try run(root, cache: cache)
        XCTAssertEqual(warm.corpus.reusedAnalyses, 2)
        XCTAssertEqual(warm.corpus.unreadAnalyses, 2, "both files taken by their stamp")
        XCTAssertEqual(warm.findings, fresh.findings)
        // Their texts are read on first use, the same as the analysed ones.
        for document in warm.corpus.documents {
            XCTAssertEqual(document.source.text, fresh.corpus.document(at: document.path)?.source.text)
        }
        // An edit: that file is read again (its stamp changed), the other is not.
        let b = root.appendingPathComponent("docs/b.md")
        try Data("# B\n\n## Present\n\n## Gone\n".utf8).write(to: b)
        let edited = try run(root, cache: cache)
        XCTAssertEqual(edited.corpus.reusedAnalyses, 1)
        XCTAssertEqual(edited.corpus.unreadAnalyses, 1)
        XCTAssertEqual(edited.findings, try run(root, cache: nil).findings)
        // Just written, b is racily clean: its content is hashed (a reuse), not trusted by its stamp.
        let again = try run(root, cache: cache)
        XCTAssertEqual(again.corpus.reusedAnalyses, 2)
        XCTAssertEqual(again.corpus.unreadAnalyses, 1)
        // A file rewritten with the same size and its modification time put back still changes its stamp
        // (the change time), so it is read.
        try age(root)
        _ = try run(root, cache: cache)
        var info = stat()
        XCTAssertEqual(stat(b.path, &info), 0)
        try Data("# B\n\n## Present\n\n## Lost\n".utf8).write(to: b)
        var times = [info.st_atim, info.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, b.path, &times, 0), 0)
        let restamped = try run(root, cache: cache)
        XCTAssertEqual(restamped.corpus.unreadAnalyses, 1)
        XCTAssertEqual(restamped.findings, try run(root, cache: nil).findings)
    }

    /// The index is written in pieces, never whole beside the previous one: any piece size gives the same bytes,
    /// which parse back; a write that fails part way leaves the previous index in place and no temporary file.
    func testTheIndexWrittenInPiecesIsTheSameIndex() throws {
        let root = try Fixture.directory(files)
        let cache = scratch + "/cache"
        _ = try run(root, cache: cache)
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let opened = AnalysisCache.open(directory: cache, realRoot: try XCTUnwrap(FileSystem.realPath(root.path)),
                                        profile: profile)
        let index = opened.readIndex(limit: 1 << 26)
        let records = index.entries.sorted { $0.key < $1.key }.map { path, entry in
            AnalysisIndex.Record(path: path, stamp: entry.stamp, hash: Array(index.hash(of: entry)),
                                 blob: .previous(entry.blob))
        }
        let whole = AnalysisIndex.serialize(records, scope: opened.scope, startedAt: 5_000_000_123, previous: index.bytes)
        XCTAssertEqual(AnalysisIndex.parse(whole, scope: opened.scope).entries.count, 2)
        for size in [1, 7, 8, 64, 100_000] {
            var pieces: [[UInt8]] = []
            XCTAssertTrue(AnalysisIndex.serialize(records, scope: opened.scope, startedAt: 5_000_000_123,
                                                  previous: index.bytes, pieceSize: size) { piece in
                pieces.append(Array(piece))
                return true
            })
            XCTAssertEqual(Array(pieces.joined()), whole, "pieces of \(size)")
            XCTAssertTrue(pieces.dropLast(2).allSatisfy { $0.count % 8 == 0 })
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: opened.indexPath))
        var emitted = 0
        XCTAssertFalse(CacheFolder.write(in: opened.folder, name: AnalysisIndex.fileName) { emit in
            AnalysisIndex.serialize(records, scope: opened.scope, startedAt: 0, previous: index.bytes,
                                    pieceSize: 16) { piece in
                emitted += 1
                return emitted < 3 && emit(piece)
            }
        })
        XCTAssertEqual(emitted, 3)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: opened.indexPath)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: opened.folder), [AnalysisIndex.fileName])
    }

    /// `cites/line-range` takes a cited document's blank lines from its facts: a warm run whose files are all
    /// taken by their stamp reads no corpus file, and reports what a fresh run does.
    func testACiteIsCheckedWithoutReadingTheCitedFile() throws {
        let root = try Fixture.directory([
            "docs/a.md": "# A\n\nSee [b](b.md):3, [b](b.md):4-6, [b](b.md):2-3 and [b](b.md):9.\n",
            "docs/b.md": "# B\n\ntext\n \n\t\nmore\n",
        ])
        try age(root)
        let cache = scratch + "/cache"
        let fresh = try run(root, cache: nil).findings
        XCTAssertEqual(fresh.filter { $0.rule == "cites/line-range" }.map(\.message), [
            "cite ](b.md):4-6: start line 4 of 4-6 is blank in docs/b.md, nearest non-blank line 3",
            "cite ](b.md):2-3: start line 2 of 2-3 is blank in docs/b.md, nearest non-blank line 3",
            "cite ](b.md):9: docs/b.md has 6 lines, not 9",
        ])
        _ = try run(root, cache: cache)
        let warm = try run(root, cache: cache)
        XCTAssertEqual(warm.corpus.unreadAnalyses, 2)
        XCTAssertEqual(warm.findings, fresh)
        XCTAssertEqual(warm.corpus.documents.filter(\.text.isLoaded).map(\.path), [], "no corpus file was read")
    }

    /// A run that changes nothing does not rewrite the index (a rewrite renames a new file into place, a new
    /// inode); one that re-analyses a file does.
    func testTheIndexIsRewrittenOnlyWhenSomethingChanged() throws {
        let root = try Fixture.directory(files)
        try age(root)
        let cache = scratch + "/cache"
        _ = try run(root, cache: cache)
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let opened = AnalysisCache.open(directory: cache, realRoot: try XCTUnwrap(FileSystem.realPath(root.path)),
                                        profile: profile)
        func inode() -> UInt64? {
            var info = stat()
            return stat(opened.indexPath, &info) == 0 ? UInt64(info.st_ino) : nil
        }
        let first = try XCTUnwrap(inode())
        XCTAssertEqual(try run(root, cache: cache).corpus.unreadAnalyses, 2)
        XCTAssertEqual(inode(), first, "nothing changed: not rewritten")
        try Data("# B\n\nchanged\n".utf8).write(to: root.appendingPathComponent("docs/b.md"))
        XCTAssertEqual(try run(root, cache: cache).corpus.reusedAnalyses, 1)
        XCTAssertNotEqual(inode(), first, "a file re-analysed: rewritten")
    }

    /// A text read after its analysis must be the analysed one: a file changed in between gives an empty text.
    func testALazyTextIsNeverAnotherThanTheAnalysedOne() throws {
        let root = try Fixture.directory(files)
        try age(root)
        let cache = scratch + "/cache"
        _ = try run(root, cache: cache)
        for cached in [true, false] {
            let corpus = try run(root, cache: cached ? cache : nil).corpus
            let path = root.appendingPathComponent("docs/b.md")
            let before = try String(contentsOf: path, encoding: .utf8)
            try Data("# Changed meanwhile\n".utf8).write(to: path)
            XCTAssertEqual(corpus.document(at: "docs/b.md")?.source.text, "")
            XCTAssertEqual(corpus.document(at: "docs/a.md")?.source.text, files["docs/a.md"])
            try Data(before.utf8).write(to: path)
            try age(root)
        }
    }
}
