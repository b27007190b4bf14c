import Foundation
import XCTest

/// Runs the built `docs-audit` binary and captures what a user would see.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The `docs-audit` binary next to the test bundle.
    static var binary: URL {
        // On Linux the test bundle is an executable in the products folder; on macOS it is a folder in it.
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        let candidates = [bundle.appendingPathComponent("docs-audit"),
                          bundle.deletingLastPathComponent().appendingPathComponent("docs-audit")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    /// The analysis cache the tests' runs share: a temporary folder, never the user's own cache.
    static let cacheDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("docs-audit-cli-cache-\(ProcessInfo.processInfo.processIdentifier)").path

    /// Runs the tool with `arguments`, optionally as another user (`prefix` such as setpriv), with
    /// `environment` laid over the test's own (the cache folder defaults to `cacheDirectory`), in the folder
    /// `directory` when given; `executable` runs another copy of the tool.
    static func run(_ arguments: [String], prefix: [String] = [], environment: [String: String] = [:],
                    timeout: TimeInterval = 60, in directory: URL? = nil, executable: URL? = nil) throws -> CLIResult {
        let binary = executable ?? binary
        let process = Process()
        if let directory { process.currentDirectoryURL = directory }
        var merged = ProcessInfo.processInfo.environment
        merged["DOCS_AUDIT_CACHE_DIR"] = cacheDirectory
        merged.merge(environment) { _, new in new }
        process.environment = merged
        if prefix.isEmpty {
            process.executableURL = binary
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [binary.path] + arguments
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain both pipes while the process runs so large outputs cannot block it.
        let collector = PipeCollector(out: out, err: err)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                XCTFail("docs-audit \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        let (stdout, stderr) = collector.finish()
        return CLIResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// A fresh folder with `files` (path → bytes).
    /// Runs `git -C root ARGUMENTS` with a fixed identity and fixed dates (so commit IDs, and reports that cite
    /// them, are byte-stable); a failing git command fails the calling test.
    static func git(_ root: URL, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
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
        XCTAssertEqual(process.terminationStatus, 0, "git " + arguments.joined(separator: " "), file: file, line: line)
    }

    /// Lints a folder holding `a.md` and each case's `docs-audit.yml`: each must exit 2, print nothing on
    /// stdout, and name the expected place and problem on stderr.
    static func assertConfigErrors(_ cases: [(yaml: String, expected: String)],
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        for (yaml, expected) in cases {
            let root = try folder(["a.md": Data("# A\n".utf8), "docs-audit.yml": Data(yaml.utf8)])
            let result = try run(["lint", "--root", root.path])
            XCTAssertEqual(result.status, 2, yaml, file: file, line: line)
            XCTAssertEqual(result.stdout, "", yaml, file: file, line: line)
            XCTAssertTrue(result.stderr.contains(expected), "\(result.stderr) should contain \(expected)",
                          file: file, line: line)
        }
    }

    static func folder(_ files: [String: Data]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    /// The project root (for Examples/).
    static var projectRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

private final class BundleMarker {}

/// Reads two pipes on background threads.
private final class PipeCollector: @unchecked Sendable {
    private var outData = Data()
    private var errData = Data()
    private let group = DispatchGroup()

    init(out: Pipe, err: Pipe) {
        group.enter()
        DispatchQueue.global().async {
            self.outData = out.fileHandleForReading.readDataToEndOfFile()
            self.group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            self.errData = err.fileHandleForReading.readDataToEndOfFile()
            self.group.leave()
        }
    }

    func finish() -> (String, String) {
        group.wait()
        return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
