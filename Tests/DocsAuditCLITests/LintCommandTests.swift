import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

final class LintCommandTests: XCTestCase {
    private let files: [String: Data] = [
        "docs/a.md": Data("# A\n\n## S\n\n[b](b.md#old-heading) and PR #7.\n".utf8),
        "docs/b.md": Data("# B\n\n## New Heading\n".utf8),
    ]

    func testTextFindingsSortedWithSummaryAndExitOne() throws {
        let root = try CLI.folder(files)
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
        docs/a.md:5:1: error: link to b.md#old-heading: no heading or anchor `old-heading` in docs/b.md (did you mean #new-heading?) [links/missing-anchor]
        docs/a.md:5:27: warning: ephemeral pr-ref `PR #7` outside a provenance section [tags/ephemeral]

        """)
        XCTAssertEqual(result.stderr, "docs-audit: 1 error, 1 warning in 1 file\n")
    }

    func testTheCacheLivesOutsideTheCorpusAndNoCacheWritesNothing() throws {
        let root = try CLI.folder(files)
        let before = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-cli-own-\(UUID().uuidString)").path
        let fresh = try CLI.run(["lint", "--root", root.path, "--no-cache"], environment: ["DOCS_AUDIT_CACHE_DIR": cache])
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache), "--no-cache neither reads nor writes")
        let cold = try CLI.run(["lint", "--root", root.path], environment: ["DOCS_AUDIT_CACHE_DIR": cache])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("analyses-") }.count, 1,
                       "one folder for the corpus")
        let elsewhere = cache + "-flag"
        let warm = try CLI.run(["lint", "--root", root.path, "--cache-dir", elsewhere], environment: ["DOCS_AUDIT_CACHE_DIR": cache])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere).filter { $0.hasPrefix("analyses-") }.count, 1,
                       "--cache-dir wins over the variable")
        for result in [cold, warm] {
            XCTAssertEqual(result.status, fresh.status)
            XCTAssertEqual(result.stdout, fresh.stdout)
            XCTAssertEqual(result.stderr, fresh.stderr)
        }
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted(), before, "the corpus is never written")
        for folder in [cache, elsewhere] { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// The index is written on a background thread while the rules run; the process waits for it before it
    /// exits, so the next run finds every analysis (none parsed again) and prints the same.
    func testTheIndexWrittenInTheBackgroundIsCompleteWhenTheRunEnds() throws {
        var many = files
        for number in 0..<40 { many["docs/n\(number).md"] = Data("# N\(number)\n\n[a](a.md)\n".utf8) }
        let root = try CLI.folder(many)
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-cli-bg-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let environment = ["DOCS_AUDIT_CACHE_DIR": cache, "DOCS_AUDIT_TIMINGS": "1"]
        let first = try CLI.run(["lint", "--root", root.path], environment: environment)
        XCTAssertTrue(first.stderr.contains("timing: 0 of 42 analyses from the cache"), first.stderr)
        XCTAssertTrue(first.stderr.contains("timing: write the cache index"), "waited for: \(first.stderr)")
        // Naming a file, so the run loads every analysis rather than replaying the first run (`RunMemo`).
        let named = root.appendingPathComponent("docs/a.md").path
        let second = try CLI.run(["lint", "--root", root.path, named], environment: environment)
        XCTAssertTrue(second.stderr.contains("timing: 42 of 42 analyses from the cache"), second.stderr)
        XCTAssertEqual(second.stdout, first.stdout, "every finding is in docs/a.md")
        XCTAssertEqual(second.status, first.status)
    }

    func testEveryFormatAndSeveralReportsAtOnce() throws {
        let root = try CLI.folder(files)
        let sarif = root.appendingPathComponent("out.sarif").path
        let junit = root.appendingPathComponent("out.xml").path
        let result = try CLI.run(["lint", "--root", root.path, "--report", "sarif:\(sarif)", "--report", "junit:\(junit)",
                                  "--report", "json"])
        XCTAssertEqual(result.status, 1)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["rule"] as? String }, ["links/missing-anchor", "tags/ephemeral"])
        XCTAssertEqual(findings.first?["subject"] as? String, "docs/b.md#old-heading")
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarif))) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertTrue(try String(contentsOfFile: junit, encoding: .utf8).contains("failures=\"2\""))
        for format in ["github", "checkstyle", "junit", "sarif"] {
            let run = try CLI.run(["lint", "--root", root.path, "--format", format])
            XCTAssertEqual(run.status, 1, format)
            XCTAssertEqual(run.stderr, "", format)
        }
        try assertGitHub(try CLI.run(["lint", "--root", root.path, "--format", "github"]).stdout)
        try assertCheckstyle(try CLI.run(["lint", "--root", root.path, "--format", "checkstyle"]).stdout)
        try assertJUnit(try CLI.run(["lint", "--root", root.path, "--format", "junit"]).stdout)
        try assertJUnit(try String(contentsOfFile: junit, encoding: .utf8))
        let sarifRun = try CLI.run(["lint", "--root", root.path, "--format", "sarif"])
        try assertSARIF(Data(sarifRun.stdout.utf8))
        try assertSARIF(Data(contentsOf: URL(fileURLWithPath: sarif)))
        let bad = try CLI.run(["lint", "--root", root.path, "--report", "yaml:x"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("unknown report format `yaml`"), bad.stderr)
    }

    func testBaselineRoundTrip() throws {
        let root = try CLI.folder(files)
        let baseline = root.appendingPathComponent("baseline.json").path
        let write = try CLI.run(["lint", "--root", root.path, "--write-baseline", baseline])
        XCTAssertEqual(write.status, 0)
        XCTAssertEqual(write.stderr, "docs-audit: wrote 2 findings to \(baseline)\n")
        let clean = try CLI.run(["lint", "--root", root.path, "--baseline", baseline])
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "")
        try Data("# A\n\nIntro moves lines.\n\n## S\n\n[b](b.md#old-heading) and PR #7 and PR #8.\n".utf8)
            .write(to: root.appendingPathComponent("docs/a.md"))
        let fresh = try CLI.run(["lint", "--root", root.path, "--baseline", baseline])
        XCTAssertEqual(fresh.status, 1)
        XCTAssertEqual(fresh.stdout, "docs/a.md:7:37: warning: ephemeral pr-ref `PR #8` outside a provenance section [tags/ephemeral]\n")
        let missing = try CLI.run(["lint", "--root", root.path, "--baseline", "/nonexistent.json"])
        XCTAssertEqual(missing.status, 2)
    }

    func testNamedPathsReportWhatTheyCause() throws {
        let root = try CLI.folder(files)
        let onlyB = try CLI.run(["lint", "--root", root.path, root.appendingPathComponent("docs/b.md").path])
        XCTAssertEqual(onlyB.status, 1)
        XCTAssertEqual(onlyB.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(onlyB.stdout.contains("[links/missing-anchor]"), "the heading in b.md breaks a link in a.md")
        let outside = try CLI.run(["lint", "--root", root.path, "/etc/hostname"])
        XCTAssertEqual(outside.status, 2)
    }

    func testStagedReadsTheIndex() throws {
        let root = try CLI.folder(["docs/a.md": Data("# A\n\nclean\n".utf8)])
        func git(_ arguments: String...) throws {
            try CLI.git(root, arguments)
        }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-qm", "base")
        try Data("# A\n\nstaged PR #9\n".utf8).write(to: root.appendingPathComponent("docs/a.md"))
        try git("add", "docs/a.md")
        try Data("# A\n\nworking tree is clean again\n".utf8).write(to: root.appendingPathComponent("docs/a.md"))
        let working = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(working.status, 0, working.stdout)
        let staged = try CLI.run(["lint", "--root", root.path, "--staged"])
        XCTAssertEqual(staged.status, 1)
        XCTAssertEqual(staged.stdout, "docs/a.md:3:8: warning: ephemeral pr-ref `PR #9` outside a provenance section [tags/ephemeral]\n")
    }

    func testRulesAndExplain() throws {
        let rules = try CLI.run(["rules"])
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.contains("graph/dangling-edge"))
        let explain = try CLI.run(["explain", "graph/cycle"])
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.hasPrefix("graph/cycle (default: error)"), explain.stdout)
        XCTAssertEqual(explain.stderr, "")
        // The examples of rules/examples/graph/cycle.yml, markers and expected finding included.
        for line in ["Reported — the edge C --> A closes a cycle:", "  docs/sketch.md:", "      1️⃣  C --> A",
                     "  1️⃣ “cycle: A --> B --> C --> A”", "Passes — a DAG:"] {
            XCTAssertTrue(explain.stdout.contains("\n" + line + "\n"), "missing line `\(line)` in:\n\(explain.stdout)")
        }
        let unknown = try CLI.run(["explain", "graph/nope"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no rule `graph/nope`"), unknown.stderr)
    }

    func testInfoFindingsDoNotFail() throws {
        // A code folder absent from a docs-only copy (a path above the root is broken, not unverifiable).
        let root = try CLI.folder(["docs/a.md": Data("# A\n\n[code](../packages/x.ts)\n".utf8)])
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("info: cannot verify"), result.stdout)
    }
}
