import Foundation
import XCTest
@testable import DocsAuditCore
#if canImport(Glibc)
import Glibc
#endif

/// The cache folder is trusted only when it is the user's own and private, its index's analyses only when their
/// numbers fit the file, and its tool identity follows the executable's content.
final class CacheTrustTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-trust-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    private let files = ["docs/a.md": "# A\n\nSee [b](b.md#present).\n\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n",
                         "docs/b.md": "# B\n\n## Present\n\nPR #4 here.\n"]

    private func run(_ root: URL, cache: String?) throws -> Corpus {
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        return try CorpusLoader.load(root: root.path, profile: profile, cacheDirectory: cache)
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0)
        return info.st_mode & 0o777
    }

    func testANewCacheFolderIsPrivate() throws {
        let cache = scratch + "/new/cache"
        XCTAssertNil(AnalysisCache.prepare(directory: cache))
        XCTAssertEqual(mode(cache), 0o700)
        let root = try Fixture.directory(files)
        _ = try run(root, cache: cache)
        let folders = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("analyses-") }
        XCTAssertEqual(folders.count, 1)
        XCTAssertEqual(mode(cache + "/" + (folders.first ?? "")), 0o700)
        XCTAssertEqual(try run(root, cache: cache).reusedAnalyses, 2)
    }

    func testAnotherUsersOrAWritableFolderIsRefusedAndNotUsed() throws {
        let root = try Fixture.directory(files)
        let foreign = scratch + "/foreign"
        XCTAssertEqual(mkdir(foreign, 0o700), 0)
        try XCTSkipUnless(geteuid() == 0, "changing a folder's owner needs root")
        XCTAssertEqual(chown(foreign, 65534, 65534), 0)
        let shared = scratch + "/shared"
        XCTAssertEqual(mkdir(shared, 0o700), 0)
        XCTAssertEqual(chmod(shared, 0o777), 0)
        let group = scratch + "/group"
        XCTAssertEqual(mkdir(group, 0o700), 0)
        XCTAssertEqual(chmod(group, 0o770), 0)
        for folder in [foreign, shared, group] {
            let refusal = try XCTUnwrap(AnalysisCache.prepare(directory: folder), folder)
            XCTAssertTrue(refusal.contains(folder == foreign ? "owned by user 65534" : "other users can write to it"), refusal)
            XCTAssertEqual(try run(root, cache: folder).reusedAnalyses, 0)
            XCTAssertEqual(try run(root, cache: folder).reusedAnalyses, 0, "nothing was read from \(folder)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "nothing was written")
        }
    }

    func testASymlinkedCacheFolderIsRefusedAndNothingBehindItIsPruned() throws {
        let root = try Fixture.directory(files)
        let elsewhere = scratch + "/elsewhere"
        let realRoot = try XCTUnwrap(FileSystem.realPath(root.path))
        let name = "analyses-" + AnalysisCache.sha256Hex(Array(realRoot.utf8)).prefix(24)
        try FileManager.default.createDirectory(atPath: elsewhere + "/" + name, withIntermediateDirectories: true)
        let victim = elsewhere + "/" + name + "/" + String(repeating: "ab", count: 32) + ".json"
        try Data("someone else's file".utf8).write(to: URL(fileURLWithPath: victim))
        let link = scratch + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: elsewhere)
        XCTAssertEqual(AnalysisCache.prepare(directory: link), "it is a symbolic link")
        _ = try run(root, cache: link)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: victim)), Data("someone else's file".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere + "/" + name).count, 1)
        // A per-root folder that is a link inside a good cache folder is refused the same way.
        let good = scratch + "/good"
        XCTAssertNil(AnalysisCache.prepare(directory: good))
        try FileManager.default.createSymbolicLink(atPath: good + "/" + name, withDestinationPath: elsewhere + "/" + name)
        XCTAssertEqual(try run(root, cache: good).reusedAnalyses, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere + "/" + name).count, 1)
    }

    /// An index whose checksum is right but whose analyses hold numbers that do not fit their file (a line past
    /// its end, `Int.max` that later arithmetic would overflow on) is a miss for those files, whether the file is
    /// taken by its stamp or read and hashed.
    func testAForgedAnalysisIsAMiss() throws {
        let root = try Fixture.directory(files)
        let cache = scratch + "/cache"
        let fresh = Linter.run(try run(root, cache: nil)).findings
        _ = try run(root, cache: cache)
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let realRoot = try XCTUnwrap(FileSystem.realPath(root.path))
        let opened = AnalysisCache.open(directory: cache, realRoot: realRoot, profile: profile)
        let index = opened.readIndex(limit: 1 << 26)
        XCTAssertEqual(index.entries.count, 2)
        let forgeries: [(String) -> String] = [
            { $0.replacingOccurrences(of: "\"line\":3", with: "\"line\":9223372036854775807") },
            { $0.replacingOccurrences(of: "\"line\":3", with: "\"line\":300") },
            { $0.replacingOccurrences(of: "\"line\":3", with: "\"line\":-3") },
            { $0.replacingOccurrences(of: "\"column\":1", with: "\"column\":100000") },
            { $0.replacingOccurrences(of: "\"totalCheckMarkers\":0", with: "\"totalCheckMarkers\":9223372036854775807") },
        ]
        for startedAt in [Int64(0), AnalysisIndex.now() + 3_600_000_000_000] {
            for forge in forgeries {
                var changed = 0
                var records: [AnalysisIndex.Record] = []
                for (path, entry) in index.entries {
                    let size = try XCTUnwrap(FileSystem.size(realRoot + "/" + path))
                    let analysis = try XCTUnwrap(opened.analysis(entry, in: index, fileSize: size))
                    let json = String(decoding: try JSONEncoder().encode(analysis), as: UTF8.self)
                    let forged = forge(json)
                    if forged != json { changed += 1 }
                    let blob = AnalysisCache.blob(try JSONDecoder().decode(FileAnalysis.self, from: Data(forged.utf8)))
                    records.append(AnalysisIndex.Record(path: path, stamp: FileStamp.of(realRoot + "/" + path),
                                                        hash: Array(index.hash(of: entry)), blob: .new(blob)))
                }
                XCTAssertGreaterThan(changed, 0, "the forgery changed an analysis")
                opened.write(records, startedAt: startedAt, previous: index)
                let corpus = try run(root, cache: cache)
                XCTAssertEqual(corpus.reusedAnalyses, 2 - changed, "a forged analysis is a miss")
                XCTAssertEqual(Linter.run(corpus).findings, fresh)
            }
        }
        // An index that is a link to something huge is not followed, and is replaced.
        try FileManager.default.removeItem(atPath: opened.indexPath)
        try FileManager.default.createSymbolicLink(atPath: opened.indexPath, withDestinationPath: "/dev/zero")
        XCTAssertEqual(try run(root, cache: cache).reusedAnalyses, 0)
        XCTAssertEqual(FileSystem.entryType(opened.indexPath), .file)
    }

    func testTheToolIdentityFollowsTheExecutablesContent() throws {
        let binary = scratch + "/docs-audit"
        try Data("build one".utf8).write(to: URL(fileURLWithPath: binary))
        let memo = scratch + "/memo"
        XCTAssertNil(AnalysisCache.prepare(directory: memo))
        var hashed = 0
        let counting: (String) -> String? = { path in
            hashed += 1
            return ToolIdentity.contentHash(path)
        }
        let first = ToolIdentity.identity(executable: binary, memoFolder: memo, hash: counting)
        XCTAssertEqual(ToolIdentity.identity(executable: binary, memoFolder: memo, hash: counting), first)
        XCTAssertEqual(hashed, 1, "the second run reads the remembered hash")
        XCTAssertNotNil(ToolIdentity.contentHash(binary))
        // A rebuild of the same size, with the modification time put back.
        var info = stat()
        XCTAssertEqual(stat(binary, &info), 0)
        try Data("build two".utf8).write(to: URL(fileURLWithPath: binary))
        var times = [timespec(tv_sec: info.st_atim.tv_sec, tv_nsec: info.st_atim.tv_nsec),
                     timespec(tv_sec: info.st_mtim.tv_sec, tv_nsec: info.st_mtim.tv_nsec)]
        XCTAssertEqual(utimensat(AT_FDCWD, binary, &times, 0), 0)
        let second = ToolIdentity.identity(executable: binary, memoFolder: memo, hash: counting)
        XCTAssertNotEqual(second, first)
        XCTAssertEqual(hashed, 2)
        XCTAssertEqual(second, ToolIdentity.identity(executable: binary, memoFolder: nil))
        // Through the cache: entries written under one build are not read under the other.
        let root = try Fixture.directory(files)
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let realRoot = try XCTUnwrap(FileSystem.realPath(root.path))
        let one = AnalysisCache.open(directory: memo, realRoot: realRoot, profile: profile, tool: first)
        let two = AnalysisCache.open(directory: memo, realRoot: realRoot, profile: profile, tool: second)
        XCTAssertNotEqual(one.scope, two.scope)
    }

    func testPerRootFoldersUnusedForThirtyDaysAreRemoved() throws {
        let cache = scratch + "/cache"
        XCTAssertNil(AnalysisCache.prepare(directory: cache))
        let old = cache + "/analyses-0123456789abcdef01234567"
        let recent = cache + "/analyses-76543210fedcba9876543210"
        let other = cache + "/keep-me"
        for folder in [old, recent, other] {
            XCTAssertEqual(mkdir(folder, 0o700), 0)
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + String(repeating: "0", count: 64) + ".json"))
        }
        let longAgo = Date().timeIntervalSince1970 - 40 * 24 * 3600
        for folder in [old, other] {
            var times = [timeval(tv_sec: Int(longAgo), tv_usec: 0), timeval(tv_sec: Int(longAgo), tv_usec: 0)]
            XCTAssertEqual(utimes(folder, &times), 0)
        }
        // An old folder reached through a link is not removed, nor what it points to.
        let outside = scratch + "/outside"
        XCTAssertEqual(mkdir(outside, 0o700), 0)
        try FileManager.default.createSymbolicLink(atPath: cache + "/analyses-linked", withDestinationPath: outside)
        let root = try Fixture.directory(files)
        let corpus = try run(root, cache: cache)
        XCTAssertEqual(corpus.documents.count, 2)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: cache))
        XCTAssertFalse(left.contains("analyses-0123456789abcdef01234567"), "unused for 40 days")
        XCTAssertTrue(left.contains("analyses-76543210fedcba9876543210"), "used recently")
        XCTAssertTrue(left.contains("keep-me"), "not a per-root folder")
        XCTAssertTrue(left.contains("analyses-linked"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: outside))
    }
}
