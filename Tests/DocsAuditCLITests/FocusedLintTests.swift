import Foundation
import XCTest

/// A pre-commit run (`lint` naming files, `lint --staged`) checks only where its findings can come from, and
/// still reports what the edit breaks elsewhere: links into a renamed heading or a deleted file.
final class FocusedLintTests: XCTestCase {
    private func repository() throws -> URL {
        let root = try CLI.folder([
            "docs/a.md": Data("# A\n\nSee [b](b.md#topic).\n".utf8),
            "docs/b.md": Data("# B\n\n## Topic\n\nText.\n".utf8),
            "docs/c.md": Data("# C\n\nSee [d](d.md) and [e](e.md#part).\n".utf8),
            "docs/d.md": Data("# D\n".utf8),
            "docs/e.md": Data("# E\n\n## Part\n".utf8),
        ])
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-qm", "base"])
        // Staged: b's heading renamed, d deleted. Not staged: e's heading renamed too.
        try Data("# B\n\n## Subject\n\nText.\n".utf8).write(to: root.appendingPathComponent("docs/b.md"))
        try CLI.git(root, ["add", "docs/b.md"])
        try CLI.git(root, ["rm", "-q", "docs/d.md"])
        try Data("# E\n\n## Parts\n".utf8).write(to: root.appendingPathComponent("docs/e.md"))
        return root
    }

    func testStagedRunReportsTheLinksItsChangesBreakElsewhere() throws {
        let root = try repository()
        let staged = try CLI.run(["lint", "--root", root.path, "--staged", "--no-cache"])
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(staged.stdout, """
        docs/a.md:3:5: error: link to b.md#topic: no heading or anchor `topic` in docs/b.md [links/missing-anchor]
        docs/c.md:3:5: error: link to d.md: docs/d.md does not exist [links/missing-file]

        """)
        XCTAssertTrue(staged.stderr.hasSuffix("docs-audit: 2 errors in 2 files\n"), staged.stderr)
    }

    /// A staged `git mv` is a deletion and an addition: the links into the old name are reported.
    func testStagedRunReportsTheLinksIntoAFileItRenamed() throws {
        let root = try repository()
        try CLI.git(root, ["reset", "-q", "--hard"])
        try CLI.git(root, ["mv", "docs/e.md", "docs/e2.md"])
        let staged = try CLI.run(["lint", "--root", root.path, "--staged", "--no-cache"])
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(staged.stdout, """
        docs/c.md:3:19: error: link to e.md#part: docs/e.md does not exist [links/missing-file]

        """)
    }

    /// The hook runs on every commit: when no Markdown file of the corpus is staged (only other files, or
    /// Markdown outside the root or in an excluded folder), `lint --staged` exits 0 without reading the corpus,
    /// whatever the corpus holds; once one is, the corpus is read.
    func testAStagedRunWithNoMarkdownOfTheCorpusStagedDoesNotReadIt() throws {
        let root = try CLI.folder([
            "docs/a.md": Data("# A\n\nSee [b](b.md).\n".utf8),
            "docs/b.md": Data("# B\n".utf8),
            "docs/docs-audit.yml": Data("version: 1\ncorpus:\n  exclude: [vendor/**]\n".utf8),
        ])
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-qm", "base"])
        // The working tree breaks the link; nothing of the corpus is staged.
        try FileManager.default.removeItem(at: root.appendingPathComponent("docs/b.md"))
        func lintStaged(_ extra: [String] = []) throws -> CLIResult {
            try CLI.run(["lint", "--root", root.appendingPathComponent("docs").path, "--staged"] + extra,
                        environment: ["DOCS_AUDIT_TIMINGS": "1"])
        }
        let skipped = "timing: no Markdown file of the corpus is staged: the corpus is not loaded"
        let nothing = try lintStaged()
        XCTAssertEqual([nothing.stdout, String(nothing.status)], ["", "0"], nothing.stderr)
        XCTAssertTrue(nothing.stderr.contains(skipped), nothing.stderr)
        XCTAssertFalse(nothing.stderr.contains("read and analyse"), nothing.stderr)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs/vendor"),
                                                withIntermediateDirectories: true)
        for (path, text) in [("notes.txt", "x\n"), ("README.md", "# R\n\n[x](gone.md)\n"),
                             ("docs/vendor/v.md", "# V\n\n[x](gone.md)\n"), ("docs/c.txt", "c\n")] {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
            try CLI.git(root, ["add", path])
        }
        let others = try lintStaged(["--format", "json"])
        XCTAssertEqual(others.status, 0, others.stderr)
        XCTAssertTrue(others.stdout.contains("\"findings\" : [\n\n  ]") || others.stdout.contains("\"findings\" : []"),
                      others.stdout)
        XCTAssertTrue(others.stderr.contains(skipped), others.stderr)
        XCTAssertFalse(others.stderr.contains("read and analyse"), others.stderr)
        // Staging the deletion of b.md reads the corpus and reports the link into it.
        try CLI.git(root, ["rm", "-q", "--cached", "docs/b.md"])
        let deleted = try lintStaged()
        XCTAssertEqual(deleted.status, 1, deleted.stderr)
        XCTAssertEqual(deleted.stdout, "a.md:3:5: error: link to b.md: b.md does not exist [links/missing-file]\n")
        XCTAssertTrue(deleted.stderr.contains("read and analyse"), deleted.stderr)
    }

    func testNamedRunReportsItsFilesAndTheLinksIntoThemOnly() throws {
        let root = try repository()
        let named = try CLI.run(["lint", "--root", root.path, "--no-cache", root.appendingPathComponent("docs/e.md").path])
        XCTAssertEqual(named.status, 1, named.stderr)
        XCTAssertEqual(named.stdout, """
        docs/c.md:3:19: error: link to e.md#part: no heading or anchor `part` in docs/e.md (did you mean #parts?) [links/missing-anchor]

        """)
        let whole = try CLI.run(["lint", "--root", root.path, "--no-cache"])
        XCTAssertEqual(whole.status, 1, whole.stderr)
        XCTAssertEqual(whole.stdout.split(separator: "\n").count, 3, whole.stdout)
        XCTAssertTrue(whole.stdout.contains(named.stdout), whole.stdout)
    }

    /// The example corpus as a git repository whose plan 001 renamed its invariant I-001-1 (staged), which
    /// plan 003 still cites.
    private func exampleWithARemovedInvariant() throws -> (root: URL, plan: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLI.projectRoot.appendingPathComponent("Examples/corpus"), to: root)
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-qm", "base"])
        let plan = root.appendingPathComponent("docs/plans/001-sync-core.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        XCTAssertTrue(text.contains("### I-001-1 — "))
        try Data(text.replacingOccurrences(of: "### I-001-1 — ", with: "### I-001-9 — ").utf8).write(to: plan)
        try CLI.git(root, ["add", "docs/plans/001-sync-core.md"])
        return (root, plan.path)
    }

    func testAStagedRunReportsTheReferencesElsewhereToAnIDItRemoved() throws {
        let (root, plan) = try exampleWithARemovedInvariant()
        defer { try? FileManager.default.removeItem(at: root) }
        let cited = "docs/plans/003-desktop-client.md:23:74: error: I-001-1 is defined nowhere [ids/undefined-reference]"
        let whole = try CLI.run(["lint", "--root", root.path, "--no-cache"])
        XCTAssertTrue(whole.stdout.contains(cited), whole.stdout)
        for arguments in [["--staged"], [plan], ["--staged", plan]] {
            let narrowed = try CLI.run(["lint", "--root", root.path, "--no-cache"] + arguments)
            XCTAssertEqual(narrowed.status, 1, "\(arguments): \(narrowed.stderr)")
            XCTAssertTrue(narrowed.stdout.contains(cited), "\(arguments): \(narrowed.stdout)")
            // Everything else it reports is in plan 001, as the whole run reports it.
            for line in narrowed.stdout.split(separator: "\n") where !line.hasPrefix("docs/plans/003-") {
                XCTAssertTrue(line.hasPrefix("docs/plans/001-sync-core.md:"), String(line))
                XCTAssertTrue(whole.stdout.contains(line), String(line))
            }
        }
        // The JSON names the file whose change removed the definition.
        let json = try CLI.run(["lint", "--root", root.path, "--no-cache", "--staged", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"docs/plans/001-sync-core.md\""), json.stdout)
    }

    /// A task in another plan that verifies the removed invariant (a warning) is reported too, tied to the file.
    func testAStagedRunReportsTheTasksElsewhereThatVerifyAnIDItRemoved() throws {
        let (root, plan) = try exampleWithARemovedInvariant()
        defer { try? FileManager.default.removeItem(at: root) }
        let task = "docs/plans/003-desktop-client.md:23:1: warning: task T-003p-1-1 verifies I-001-1, which is defined "
            + "nowhere [tasks/traceability]"
        let whole = try CLI.run(["lint", "--root", root.path, "--no-cache"])
        XCTAssertTrue(whole.stdout.contains(task), whole.stdout)
        for arguments in [["--staged"], [plan]] {
            let narrowed = try CLI.run(["lint", "--root", root.path, "--no-cache"] + arguments)
            XCTAssertTrue(narrowed.stdout.contains(task), "\(arguments): \(narrowed.stdout)")
        }
    }

    /// A spec that loses an acceptance criterion breaks the tasks elsewhere that cite it: a pre-commit run naming
    /// the spec reports them, each tied to the spec, as the whole run does.
    func testARunNamingASpecReportsTheTasksElsewhereCitingACriterionItLost() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: CLI.projectRoot.appendingPathComponent("Examples/corpus"), to: root)
        let spec = root.appendingPathComponent("docs/specs/001-sync-core.md")
        let text = try String(contentsOf: spec, encoding: .utf8)
        let lost = "- [ ] AC3 — A deleted note stays deleted after any device reconnects.\n"
        XCTAssertTrue(text.contains(lost))
        try Data(text.replacingOccurrences(of: lost, with: "").utf8).write(to: spec)
        let cites = "docs/plans/001-sync-core.md:74:1: warning: task T2.1 cites Spec-001 AC3, but Spec-001 has 2 "
            + "acceptance criteria [tasks/traceability]"
        let whole = try CLI.run(["lint", "--root", root.path, "--no-cache"])
        XCTAssertTrue(whole.stdout.contains(cites), whole.stdout)
        let narrowed = try CLI.run(["lint", "--root", root.path, "--no-cache", spec.path, "--format", "json"])
        XCTAssertEqual(narrowed.status, 1, narrowed.stderr)
        XCTAssertTrue(narrowed.stdout.contains("Spec-001 has 2 acceptance criteria"), narrowed.stdout)
        XCTAssertTrue(narrowed.stdout.contains("\"related\" : [\n        \"docs/specs/001-sync-core.md\""), narrowed.stdout)
    }

    func testANamedFolderStandsForTheFilesUnderItAndTheRootForTheWholeCorpus() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try CLI.run(["lint", "--root", root.path, "--no-cache"])
        XCTAssertEqual(whole.status, 1, whole.stderr)
        let everything = try CLI.run(["lint", "--root", root.path, "--no-cache", root.path])
        XCTAssertEqual(everything.status, 1, everything.stderr)
        XCTAssertEqual(everything.stdout, whole.stdout)
        let folder = try CLI.run(["lint", "--root", root.path, "--no-cache", root.appendingPathComponent("docs").path])
        XCTAssertEqual(folder.stdout, whole.stdout)
        let files = try CLI.run(["lint", "--root", root.path, "--no-cache"]
            + ["a.md", "b.md", "c.md", "e.md"].map { root.appendingPathComponent("docs/" + $0).path })
        XCTAssertEqual(folder.stdout, files.stdout)
    }
}
