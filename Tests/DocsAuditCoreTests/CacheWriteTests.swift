import Foundation
import XCTest
@testable import DocsAuditCore
#if canImport(Glibc)
import Glibc
#endif

/// How the cache writes cheaply and still safely: the index is a private file renamed into place (never written
/// through a link), an interrupted run's temporary files are cleaned up, and the tool identity of an ELF
/// executable is its build ID, read without hashing the whole file.
final class CacheWriteTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("docs-audit-write-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    private let files = ["docs/a.md": "# A\n\nSee [b](b.md#present).\n", "docs/b.md": "# B\n\n## Present\n\nText.\n"]

    private func run(_ root: URL, cache: String) throws -> Corpus {
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        return try CorpusLoader.load(root: root.path, profile: profile, cacheDirectory: cache)
    }

    private func entryFolder(_ cache: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache)
        let name = try XCTUnwrap(names.first { $0.hasPrefix("analyses-") })
        return cache + "/" + name
    }

    func testTheIndexIsAPrivateRegularFileAndNoTemporaryFileStays() throws {
        let root = try Fixture.directory(files)
        let cache = scratch + "/cache"
        XCTAssertEqual(try run(root, cache: cache).reusedAnalyses, 0)
        let folder = try entryFolder(cache)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(names, ["index"])
        for name in names {
            var info = stat()
            XCTAssertEqual(lstat(folder + "/" + name, &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG)
            XCTAssertEqual(info.st_mode & 0o777, 0o600)
        }
        XCTAssertEqual(try run(root, cache: cache).reusedAnalyses, 2)
    }

    func testAnIndexNameHeldByALinkIsReplacedNeverWrittenThrough() throws {
        let root = try Fixture.directory(files)
        let cache = scratch + "/cache"
        _ = try run(root, cache: cache)
        let folder = try entryFolder(cache)
        let outside = scratch + "/outside.json"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: outside))
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            try FileManager.default.removeItem(atPath: folder + "/" + name)
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: outside)
        }
        XCTAssertEqual(try run(root, cache: cache).reusedAnalyses, 0)
        XCTAssertEqual(try String(contentsOfFile: outside, encoding: .utf8), "keep me")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            XCTAssertEqual(FileSystem.entryType(folder + "/" + name), .file, name)
        }
        XCTAssertEqual(try run(root, cache: cache).reusedAnalyses, 2)
    }

    func testAnInterruptedWritesLeftoverIsRemovedOnceStaleAndAFreshOneKept() throws {
        let root = try Fixture.directory(files)
        let cache = scratch + "/cache"
        _ = try run(root, cache: cache)
        let folder = try entryFolder(cache)
        let stale = folder + "/.index" + SafeWrite.temporaryMarker + "AbC123"
        let fresh = folder + "/.index" + SafeWrite.temporaryMarker + "XyZ789"
        for path in [stale, fresh] { try Data("{\"cut".utf8).write(to: URL(fileURLWithPath: path)) }
        var times = [timespec(tv_sec: time(nil) - 7200, tv_nsec: 0), timespec(tv_sec: time(nil) - 7200, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, stale, &times, 0), 0)
        XCTAssertEqual(try run(root, cache: cache).reusedAnalyses, 2)
        XCTAssertNil(FileSystem.entryType(stale), "a temporary file two hours old is a leftover")
        XCTAssertEqual(FileSystem.entryType(fresh), .file, "a recent one may be a concurrent run's write")
    }

    func testAnELFExecutablesIdentityIsItsBuildIDWithoutHashingIt() throws {
        let executable = try XCTUnwrap(FileSystem.realPath("/proc/self/exe"))
        let readelf = Process()
        readelf.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/readelf"),
                          "readelf (binutils, installed by make deps) is needed to check the build ID")
        readelf.arguments = ["-n", executable]
        let pipe = Pipe()
        readelf.standardOutput = pipe
        try readelf.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        readelf.waitUntilExit()
        let line = try XCTUnwrap(output.split(separator: "\n").first { $0.contains("Build ID:") })
        let expected = String(try XCTUnwrap(line.split(separator: " ").last))
        XCTAssertEqual(BuildID.of(executable), expected)

        let memo = scratch + "/memo"
        XCTAssertNil(AnalysisCache.prepare(directory: memo))
        var hashed = 0
        let identity = ToolIdentity.identity(executable: executable, memoFolder: memo, hash: { _ in
            hashed += 1
            return nil
        })
        XCTAssertEqual(identity, [DocsAuditVersion.current, "build-id", expected].joined(separator: "|"))
        XCTAssertEqual(hashed, 0, "the whole executable is not hashed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: memo), [], "nothing to remember")
    }

    func testDamagedNotesHaveNoBuildIDAndNeverTrap() {
        func note(name: [UInt8], type: UInt32, descriptor: [UInt8], nameSize: UInt32? = nil,
                  descriptorSize: UInt32? = nil) -> [UInt8] {
            func le(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
            func pad(_ bytes: [UInt8]) -> [UInt8] { bytes + Array(repeating: 0, count: (4 - bytes.count % 4) % 4) }
            return le(nameSize ?? UInt32(name.count)) + le(descriptorSize ?? UInt32(descriptor.count)) + le(type)
                + pad(name) + pad(descriptor)
        }
        let gnu: [UInt8] = [0x47, 0x4E, 0x55, 0]
        let id = (0..<20).map { UInt8($0) }
        let property = note(name: gnu, type: 5, descriptor: [1, 2, 3, 4, 5, 6, 7, 8])
        XCTAssertEqual(BuildID.buildID(inNotes: property + note(name: gnu, type: 3, descriptor: id), alignment: 4), id)
        XCTAssertNil(BuildID.buildID(inNotes: note(name: gnu, type: 3, descriptor: [1, 2]), alignment: 4),
                     "a two-byte ID cannot tell builds apart")
        XCTAssertNil(BuildID.buildID(inNotes: note(name: Array("GNV\0".utf8), type: 3, descriptor: id), alignment: 4))
        XCTAssertNil(BuildID.buildID(inNotes: Array(note(name: gnu, type: 3, descriptor: id).prefix(30)), alignment: 4))
        let huge = note(name: gnu, type: 3, descriptor: id, descriptorSize: .max)
        XCTAssertNil(BuildID.buildID(inNotes: huge, alignment: 4))
        XCTAssertNil(BuildID.buildID(inNotes: note(name: gnu, type: 3, descriptor: id, nameSize: .max), alignment: 8))
        XCTAssertNil(BuildID.buildID(inNotes: [], alignment: 4))
        let notELF = scratch + "/not-elf"
        FileManager.default.createFile(atPath: notELF, contents: Data("\u{7F}ELF but not really".utf8))
        XCTAssertNil(BuildID.of(notELF))
        XCTAssertNil(BuildID.of(scratch + "/missing"))
    }
}
