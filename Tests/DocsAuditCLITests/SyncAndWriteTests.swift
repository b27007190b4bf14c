import Foundation
import XCTest

/// `sync` edits the right node by parsed position and keeps every byte it does not mean to change; every file
/// the CLI writes goes through symbolic links, never replaces a device or FIFO, and refuses what it must.
final class SyncAndWriteTests: XCTestCase {
    private static let mapPath = "docs/architecture/cross-plan-dependencies.md"

    /// A next-steps map with `graph` as its Mermaid body and one entry per (id, status, upstream).
    private func map(_ graph: String, _ entries: [(String, String, String)], ending: String = "\n") -> String {
        var lines = ["# Map", "", "## 6. Active Next Steps DAG", "", "```mermaid", "graph TB"]
        lines += graph.split(separator: "\n").map(String.init)
        lines += ["classDef ready fill:#9f9", "classDef blocked fill:#fcc", "classDef completed fill:#ccc", "```", ""]
        for (id, status, upstream) in entries {
            lines += ["### \(id): step \(id)", "", "- Status: `\(status)`", "- Upstream: \(upstream)", ""]
        }
        return lines.joined(separator: ending)
    }

    private func corpus(_ text: String) throws -> URL {
        try CLI.folder([Self.mapPath: Data(text.utf8)])
    }

    private func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    private func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".docs-audit-tmp.") }
    }

    // MARK: sync finds nodes by parsed position

    func testSyncEditsTheNodeItWasAskedToNotTheNextClassOnTheLine() throws {
        let root = try corpus(map("  NS05[five] --> NS06[six]:::ready",
                                  [("NS-05", "completed", "none"), ("NS-06", "todo", "NS-05")]))
        let result = try CLI.run(["sync", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOf: root.appendingPathComponent(Self.mapPath), encoding: .utf8)
        XCTAssertTrue(text.contains("\n  NS05[five]:::completed --> NS06[six]:::ready\n"), text)
        XCTAssertEqual(try CLI.run(["sync", "--root", root.path, "--dry-run"]).stdout, "", "nothing left to change")
    }

    func testSyncDoesNotTakeAnIDForThePrefixOfAnother() throws {
        let root = try corpus(map("  NS12[x]:::ready --> NS1[y]", [("NS-12", "todo", "none"), ("NS-1", "in_progress", "NS-12")]))
        let before = try CLI.run(["lint", "--root", root.path])
        XCTAssertTrue(before.stdout.contains("[graph/status-class]"), before.stdout)
        let result = try CLI.run(["sync", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("NS1 :::(none) → :::ready"), result.stderr)
        let text = try String(contentsOf: root.appendingPathComponent(Self.mapPath), encoding: .utf8)
        XCTAssertTrue(text.contains("\n  NS12[x]:::ready --> NS1[y]:::ready\n"), text)
        let after = try CLI.run(["lint", "--root", root.path])
        XCTAssertFalse(after.stdout.contains("[graph/status-class]"), after.stdout)
    }

    func testSyncSaysWhenANodeHasNoStatementToCarryItsClass() throws {
        let root = try corpus(map("  NS0[a]:::ready\n  class NS1 blocked", [("NS-0", "todo", "none"), ("NS-1", "todo", "none")]))
        let before = try bytes(root.appendingPathComponent(Self.mapPath))
        let result = try CLI.run(["sync", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: \(Self.mapPath):8: NS1 should be :::ready but has no node statement"),
                      result.stderr)
        XCTAssertEqual(try bytes(root.appendingPathComponent(Self.mapPath)), before, "nothing else to change")
    }

    // MARK: sync keeps bytes, mode, owner and links

    func testSyncKeepsBOMAndEveryLineEndingByteForByte() throws {
        let lf = map("  NS01[one]:::blocked\n  NS02[two]:::ready", [("NS-01", "todo", "none"), ("NS-02", "todo", "none")])
        // Mixed endings: CRLF on the first half of the lines, LF on the rest, and a CR-only line in the prose.
        let lines = lf.split(separator: "\n", omittingEmptySubsequences: false)
        var text = ""
        for (index, line) in lines.enumerated() {
            text += line
            if index < lines.count - 1 { text += index < lines.count / 2 ? "\r\n" : "\n" }
        }
        text += "A closing line.\rAnother after a lone CR.\n"
        let original = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let root = try CLI.folder([Self.mapPath: Data(original)])
        let result = try CLI.run(["sync", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let expected = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "NS01[one]:::blocked",
                                                                          with: "NS01[one]:::ready").utf8)
        XCTAssertEqual(try bytes(root.appendingPathComponent(Self.mapPath)), expected)
    }

    func testSyncRefusesAReadOnlyFileAndKeepsTheModeOfAWritableOne() throws {
        let root = try corpus(map("  NS01[one]:::blocked", [("NS-01", "todo", "none")]))
        let file = root.appendingPathComponent(Self.mapPath)
        let before = try bytes(file)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let refused = try CLI.run(["sync", "--root", root.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("cannot write the graph file: the file is read-only (mode 0444)"), refused.stderr)
        XCTAssertEqual(try bytes(file), before)
        XCTAssertEqual(try leftovers(in: file.deletingLastPathComponent()), [])

        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        if geteuid() == 0 { XCTAssertEqual(chown(file.path, 65534, 65534), 0) }
        let written = try CLI.run(["sync", "--root", root.path])
        XCTAssertEqual(written.status, 0, written.stderr)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        if geteuid() == 0 { XCTAssertEqual((attributes[.ownerAccountID] as? NSNumber)?.intValue, 65534) }
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).contains("NS01[one]:::ready"))
    }

    func testSyncWritesThroughASymlinkedGraphFile() throws {
        let text = map("  NS01[one]:::blocked", [("NS-01", "todo", "none")])
        let root = try CLI.folder(["real/map.md": Data(text.utf8)])
        let link = root.appendingPathComponent(Self.mapPath)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../../real/map.md")
        let result = try CLI.run(["sync", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "../../real/map.md")
        let target = root.appendingPathComponent("real/map.md")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8),
                       text.replacingOccurrences(of: "NS01[one]:::blocked", with: "NS01[one]:::ready"))
        XCTAssertEqual(try leftovers(in: link.deletingLastPathComponent()), [])
        XCTAssertEqual(try leftovers(in: target.deletingLastPathComponent()), [])
    }

    // MARK: sync during a concurrent edit or a signal

    /// Runs `sync` with the test barrier: `during` runs once the temporary file is complete, before the rename.
    private func syncWithBarrier(_ root: URL, during: @escaping @Sendable (Int32) -> Void) throws -> Process {
        let fifo = root.appendingPathComponent("../barrier-\(UUID().uuidString)").standardized.path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["sync", "--root", root.path]
        var environment = ProcessInfo.processInfo.environment
        environment["DOCS_AUDIT_CACHE_DIR"] = CLI.cacheDirectory
        environment["DOCS_AUDIT_TEST_SYNC_BARRIER"] = fifo
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        // Opening the FIFO for writing succeeds once sync has reached the barrier and opened it for reading.
        var fd: Int32 = -1
        let deadline = Date().addingTimeInterval(60)
        while fd < 0 && process.isRunning && Date() < deadline {
            fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd < 0 { Thread.sleep(forTimeInterval: 0.02) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0, "sync never reached the barrier")
        if fd >= 0 {
            during(pid)
            close(fd)
        } else if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        unlink(fifo)
        return process
    }

    func testSyncRefusesWhenTheFileChangesDuringTheRun() throws {
        let root = try corpus(map("  NS01[one]:::blocked", [("NS-01", "todo", "none")]))
        let file = root.appendingPathComponent(Self.mapPath)
        let edited = try String(contentsOf: file, encoding: .utf8) + "\nA line someone added meanwhile.\n"
        let process = try syncWithBarrier(root) { _ in
            try? Data(edited.utf8).write(to: file)
        }
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), edited, "the concurrent edit is kept")
        XCTAssertEqual(try leftovers(in: file.deletingLastPathComponent()), [])
        let message = try CLI.run(["sync", "--root", root.path, "--dry-run"])
        XCTAssertTrue(message.stdout.contains("+  NS01[one]:::ready"), "still to do: \(message.stdout)")
    }

    func testSyncKilledBeforeTheRenameLeavesNoTemporaryFile() throws {
        let root = try corpus(map("  NS01[one]:::blocked", [("NS-01", "todo", "none")]))
        let file = root.appendingPathComponent(Self.mapPath)
        let before = try bytes(file)
        let folder = file.deletingLastPathComponent()
        let sawTemporary = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        defer { sawTemporary.deallocate() }
        nonisolated(unsafe) let flag = sawTemporary
        let process = try syncWithBarrier(root) { pid in
            flag.pointee = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .contains { $0.hasPrefix(".cross-plan-dependencies.md.docs-audit-tmp.") }
            kill(pid, SIGTERM)
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTAssertTrue(sawTemporary.pointee, "the temporary file exists beside the target while sync waits")
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGTERM)
        XCTAssertEqual(try leftovers(in: folder), [])
        XCTAssertEqual(try bytes(file), before)
    }

    // MARK: reports and baselines

    func testReportsAndBaselinesWriteThroughSymlinksAndIntoFIFOs() throws {
        let root = try CLI.folder(["a.md": Data("# A\n\nSee [x](missing.md).\n".utf8)])
        let outside = try CLI.folder([:])
        let real = outside.appendingPathComponent("report.txt")
        try Data("old\n".utf8).write(to: real)
        let link = outside.appendingPathComponent("latest.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let lint = try CLI.run(["lint", "--root", root.path, "--report", "text:\(link.path)"])
        XCTAssertEqual(lint.status, 0, lint.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), real.path)
        XCTAssertTrue(try String(contentsOf: real, encoding: .utf8).contains("a.md:3:"), "the link's target is updated")

        let baseline = try CLI.run(["lint", "--root", root.path, "--write-baseline", link.path])
        XCTAssertEqual(baseline.status, 0, baseline.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), real.path)
        XCTAssertTrue(try String(contentsOf: real, encoding: .utf8).contains("\"entries\""))

        // A FIFO stands in for /dev/null: written to directly, never replaced by a regular file.
        let fifo = outside.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = UnsafeMutablePointer<[UInt8]>.allocate(capacity: 1)
        received.initialize(to: [])
        defer { received.deinitialize(count: 1); received.deallocate() }
        nonisolated(unsafe) let sink = received
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
                if count <= 0 { break }
                sink.pointee += buffer[0..<count]
            }
            close(fd)
        }
        reader.start()
        Thread.sleep(forTimeInterval: 0.3)
        let piped = try CLI.run(["lint", "--root", root.path, "--report", "json:\(fifo)"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        let deadline = Date().addingTimeInterval(20)
        while !reader.isFinished && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if !reader.isFinished {
            // The FIFO was never written (a regression replaced it): open it once to release the reader.
            let release = open(fifo, O_WRONLY | O_NONBLOCK)
            if release >= 0 { close(release) }
            XCTFail("the report never reached the FIFO")
        }
        XCTAssertTrue(String(decoding: received.pointee, as: UTF8.self).contains("links/"), "the reader got the report")
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        XCTAssertEqual(try leftovers(in: outside), [])
    }

    func testAFIFOWithoutAReaderEmptyNamesAndDirectoriesAreRefused() throws {
        let root = try CLI.folder(["a.md": Data("# A\n".utf8)])
        let outside = try CLI.folder([:])
        let fifo = outside.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let noReader = try CLI.run(["lint", "--root", root.path, "--report", "json:\(fifo)"], timeout: 20)
        XCTAssertEqual(noReader.status, 2)
        XCTAssertTrue(noReader.stderr.contains("\(fifo): cannot write the report: the FIFO has no reader"), noReader.stderr)

        let empty = try CLI.run(["lint", "--root", root.path, "--report", "sarif:"])
        XCTAssertEqual(empty.status, 2)
        XCTAssertEqual(empty.stdout, "")
        XCTAssertTrue(empty.stderr.contains("--report sarif:: the file name is empty"), empty.stderr)

        let emptyBaseline = try CLI.run(["lint", "--root", root.path, "--write-baseline", ""])
        XCTAssertEqual(emptyBaseline.status, 2)
        XCTAssertTrue(emptyBaseline.stderr.contains("--write-baseline: the file name is empty"), emptyBaseline.stderr)

        let folder = try CLI.run(["lint", "--root", root.path, "--report", "text:\(outside.path)"])
        XCTAssertEqual(folder.status, 2)
        XCTAssertTrue(folder.stderr.contains("cannot write the report: it is a directory"), folder.stderr)
    }
}
