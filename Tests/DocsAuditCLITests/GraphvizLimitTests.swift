import Foundation
import XCTest

/// The HTML report's Graphviz step: a time limit with a fallback to Mermaid source and a note in the page,
/// and no `dot` left running after a timeout or after docs-audit is killed.
final class GraphvizLimitTests: XCTestCase {
    /// A corpus with a next-steps graph, inside a git repository with a `base` tag (report needs a baseline).
    private func corpus(nodes: Int = 3) throws -> URL {
        let lines = (0..<nodes).map { "  NS\($0)[step \($0)] --> NS\($0 + 1)[step \($0 + 1)]" }.joined(separator: "\n")
        let root = try CLI.folder([
            "docs/backlog.md": Data("# Next steps\n\n```mermaid\ngraph TB\n\(lines)\n```\n".utf8),
            // `--plans 001` must name a plan that exists.
            "docs/plans/001-core.md": Data("# Plan-001: Core\n".utf8),
        ])
        for arguments in [["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"], ["tag", "base"]] {
            try CLI.git(root, arguments)
        }
        return root
    }

    /// A fake `dot` that records its process ID, then sleeps (in a child of its own, as a wrapper would).
    private func sleepingDot(in folder: URL) throws -> (tool: String, pidFile: String) {
        let pidFile = folder.appendingPathComponent("dot.pid").path
        let tool = folder.appendingPathComponent("fake-dot").path
        try Data("#!/bin/sh\nsleep 300 &\necho $! > '\(pidFile)'\nwait\n".utf8).write(to: URL(fileURLWithPath: tool))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool)
        return (tool, pidFile)
    }

    private func isRunning(_ pidFile: String) throws -> Bool {
        let text = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int32(text) else { return false }
        // A killed child that nobody reaped yet is a zombie: count it as gone.
        let status = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return kill(pid, 0) == 0 && !status.contains(") Z ")
    }

    func testSlowGraphvizFallsBackToMermaidWithANote() throws {
        let root = try corpus()
        let fake = try sleepingDot(in: root)
        let started = Date()
        let result = try CLI.run(["report", "--root", root.path, "--baseline", "base", "--plans", "001", "--format", "html",
                                  "--graphviz-timeout", "1"], environment: ["DOCS_AUDIT_DOT": fake.tool], timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "generous hang guard: the limit is 1 s")
        XCTAssertTrue(result.stdout.contains("Graphviz did not finish within 1 s (--graphviz-timeout): Mermaid source shown instead."),
                      result.stdout)
        XCTAssertTrue(result.stdout.contains("<pre>graph TB"), result.stdout)
        XCTAssertFalse(try isRunning(fake.pidFile), "the fake dot's child must be killed with its group")
    }

    func testEnvironmentLimitIsValidated() throws {
        let root = try corpus()
        let result = try CLI.run(["report", "--root", root.path, "--baseline", "base", "--plans", "001", "--format", "html"],
                                 environment: ["DOCS_AUDIT_GRAPHVIZ_TIMEOUT": "soon"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("DOCS_AUDIT_GRAPHVIZ_TIMEOUT=soon: expected a number of seconds from 0.1 to 86400"),
                      result.stderr)
    }

    func testKillingDocsAuditKillsGraphviz() throws {
        let root = try corpus()
        let fake = try sleepingDot(in: root)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["report", "--root", root.path, "--baseline", "base", "--plans", "001", "--format", "html",
                             "--no-cache"]
        var environment = ProcessInfo.processInfo.environment
        environment["DOCS_AUDIT_DOT"] = fake.tool
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: fake.pidFile) || (try? isRunning(fake.pidFile)) != true {
            XCTAssertLessThan(Date(), deadline, "the fake dot never started")
            if Date() > deadline { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGTERM)
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertFalse(try isRunning(fake.pidFile), "dot must not outlive docs-audit")
    }

    func testSIGKILLOfDocsAuditStillEndsGraphviz() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("util-linux setpriv is not installed: a SIGKILL cannot be passed on")
        }
        let root = try corpus()
        // This fake dot becomes `sleep` itself (exec keeps the process ID and the parent-death signal).
        let pidFile = root.appendingPathComponent("dot.pid").path
        let tool = root.appendingPathComponent("fake-dot").path
        try Data("#!/bin/sh\necho $$ > '\(pidFile)'\nexec sleep 120\n".utf8).write(to: URL(fileURLWithPath: tool))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["report", "--root", root.path, "--baseline", "base", "--plans", "001", "--format", "html",
                             "--no-cache"]
        var environment = ProcessInfo.processInfo.environment
        environment["DOCS_AUDIT_DOT"] = tool
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while (try? isRunning(pidFile)) != true && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(try isRunning(pidFile), "the fake dot never started")
        kill(process.processIdentifier, SIGKILL)
        let gone = Date().addingTimeInterval(10)
        while (try? isRunning(pidFile)) == true && Date() < gone { Thread.sleep(forTimeInterval: 0.05) }
        let survived = try isRunning(pidFile)
        XCTAssertFalse(survived, "dot must not outlive a SIGKILLed docs-audit")
        if survived, let pid = Int32(try String(contentsOfFile: pidFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)) {
            kill(pid, SIGKILL)
        }
        process.waitUntilExit()
    }

    func testRealGraphvizDrawsSVG() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else {
            throw XCTSkip("Graphviz is not installed (apt-get install graphviz)")
        }
        let root = try corpus()
        let result = try CLI.run(["report", "--root", root.path, "--baseline", "base", "--plans", "001", "--format", "html",
                                  "--graphs", "svg", "--graphviz-timeout", "60"], environment: ["DOCS_AUDIT_DOT": ""])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("<svg"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Mermaid source shown instead"))
    }
}
