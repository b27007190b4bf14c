import Foundation
import XCTest

/// Standard streams that are closed, full or broken, and untrusted text on its way to a terminal or a CI log:
/// a clear message and exit 2 instead of a trap, and one line per finding whatever the corpus holds.
final class OutputSafetyTests: XCTestCase {
    /// Runs the binary through `sh -c` with `redirection` applied to it (`>&-`, `>/dev/full`, `2>&-`).
    private func run(_ arguments: [String], redirection: String) throws -> CLIResult {
        try CLI.run(arguments, prefix: ["/bin/sh", "-c", "exec \"$0\" \"$@\" \(redirection)"])
    }

    private func corpusWithFinding() throws -> URL {
        try CLI.folder(["a.md": Data("# A\n\n[x](#nowhere)\n".utf8)])
    }

    private func assertNoTrap(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr, file: file, line: line)
        XCTAssertFalse(result.stdout.contains("Fatal error"), result.stdout, file: file, line: line)
        XCTAssertFalse(result.stderr.contains("crashed"), result.stderr, file: file, line: line)
    }

    func testClosedStandardOutput() throws {
        let root = try corpusWithFinding()
        let result = try run(["lint", "--root", root.path], redirection: ">&-")
        assertNoTrap(result)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stderr, "docs-audit: cannot write to standard output: Bad file descriptor (EBADF)\n")
    }

    func testFullStandardOutputForEveryCommand() throws {
        let root = try corpusWithFinding()
        let commands = [["lint", "--root", root.path], ["lint", "--root", root.path, "--format", "sarif"],
                        ["extract", "--root", root.path], ["graph", "--root", root.path], ["rules"],
                        ["explain", "links/missing-anchor"], ["--help"], ["--version"]]
        for command in commands {
            let result = try run(command, redirection: ">/dev/full")
            assertNoTrap(result)
            XCTAssertEqual(result.status, 2, "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr, "docs-audit: cannot write to standard output: No space left on device (ENOSPC)\n",
                           "\(command)")
        }
    }

    /// The gate scenario's base corpus in a git repository tagged `base`, its graph out of sync (NS02 marked
    /// completed), so `sync --dry-run` has a diff to print.
    private func gitCorpus() throws -> URL {
        let fixture = CLI.projectRoot.appendingPathComponent("Tests/Fixtures/Gates/base/docs")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("output-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: root.appendingPathComponent("docs"))
        let map = root.appendingPathComponent("docs/architecture/cross-plan-dependencies.md")
        let text = try String(contentsOf: map, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "relay]:::ready", with: "relay]:::completed").utf8).write(to: map)
        for arguments in [["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"], ["tag", "base"]] {
            try CLI.git(root, arguments)
        }
        return root
    }

    func testFullStandardOutputForGitCommands() throws {
        let root = try gitCorpus()
        let readiness = ["--root", root.path, "--baseline", "base", "--plans", "001"]
        let commands = [["gates"] + readiness, ["gates"] + readiness + ["--format", "json"], ["report"] + readiness,
                        ["report"] + readiness + ["--format", "html", "--graphs", "mermaid"],
                        ["sync", "--root", root.path, "--dry-run"]]
        for command in commands {
            XCTAssertEqual(try CLI.run(command).status == 2, false, "\(command) runs when its output can be written")
            let result = try run(command, redirection: ">/dev/full")
            assertNoTrap(result)
            XCTAssertEqual(result.status, 2, "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr, "docs-audit: cannot write to standard output: No space left on device (ENOSPC)\n",
                           "\(command)")
        }
        let closed = try run(["gates"] + readiness, redirection: ">&-")
        assertNoTrap(closed)
        XCTAssertEqual(closed.status, 2)
        XCTAssertEqual(closed.stderr, "docs-audit: cannot write to standard output: Bad file descriptor (EBADF)\n")
    }

    func testClosedStandardErrorIsReportedOnStandardOutput() throws {
        let root = try corpusWithFinding()
        let result = try run(["lint", "--root", root.path], redirection: "2>&-")
        assertNoTrap(result)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.hasPrefix("a.md:3:1: error: "), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("docs-audit: cannot write to standard error: Bad file descriptor (EBADF)\n"),
                      result.stdout)
        let config = try run(["lint", "--root", root.path + "/missing"], redirection: "2>/dev/full")
        assertNoTrap(config)
        XCTAssertEqual(config.status, 2)
        XCTAssertTrue(config.stdout.contains("cannot write to standard error: No space left on device (ENOSPC)"), config.stdout)
    }

    func testBrokenPipeWithSigpipeIgnoredIsEPIPE() throws {
        // A parent that ignores SIGPIPE passes that on: the write then fails with EPIPE.
        let script = "trap '' PIPE; ( sleep 0.3; \"$0\" \"$@\"; echo \"rc=$?\" >&2 ) | head -c 0"
        let result = try CLI.run(["rules"], prefix: ["/bin/sh", "-c", script])
        assertNoTrap(result)
        XCTAssertEqual(result.stderr, "docs-audit: cannot write to standard output: Broken pipe (EPIPE)\nrc=2\n")
    }

    func testPipeClosedByHeadStillEndsBySigpipe() throws {
        // Unchanged behaviour: SIGPIPE keeps its default action, so `| head` ends the run quietly (128 + 13).
        let script = "( sleep 0.3; \"$0\" \"$@\"; echo \"rc=$?\" >&2 ) | head -c 0"
        let result = try CLI.run(["rules"], prefix: ["/bin/sh", "-c", script])
        XCTAssertEqual(result.stderr, "rc=141\n")
    }
}
