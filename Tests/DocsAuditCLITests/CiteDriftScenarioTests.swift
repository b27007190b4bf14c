import Foundation
import XCTest

/// `cites/drift` through the built binary, on scenario git repositories: lines inserted above cited ranges
/// (reported with the new range, re-targeted by `fix`, then clean, then a no-op), a range end moved onto a blank
/// line, a cited block rewritten (stale, needs a person), a staged-only edit of a target (inbound), and the runs
/// where history cannot be asked: no git, a shallow clone, an untracked citing file, the check switched off.
final class CiteDriftScenarioTests: XCTestCase {
    /// Ten numbered lines after a title: `line N` is on line N + 2.
    private let target = "# Target\n\n" + (1...10).map { "line \($0)\n" }.joined()

    private func write(_ root: URL, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    private func read(_ root: URL, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    /// A repository with `files` committed once.
    private func repository(_ files: [String: String]) throws -> URL {
        let root = try CLI.folder(files.mapValues { Data($0.utf8) })
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-q", "-m", "start"])
        return root
    }

    /// The abbreviated ID of `revision` in `root`.
    private func commit(_ root: URL, _ revision: String = "HEAD") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "rev-parse", "--short=7", revision]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Cites of lines 3-5 (`line 1`…`line 3`) and 9 (`line 7`) of docs/target.md, committed; then two lines
    /// inserted at the top of the target and committed.
    private func insertedAbove() throws -> (root: URL, cited: String) {
        let root = try repository(["docs/target.md": target,
                                   "docs/cite.md": "# Cite\n\nSee [t](target.md):3-5 and [t](target.md):9.\n"])
        let cited = try commit(root)
        try write(root, "docs/target.md", "# Target\n\nnew a\nnew b\n" + target.dropFirst("# Target\n\n".count))
        try CLI.git(root, ["commit", "-q", "-am", "insert"])
        return (root, cited)
    }

    func testLinesInsertedAboveAreReportedFixedThenCleanThenANoOp() throws {
        let (root, cited) = try insertedAbove()
        let lint = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(lint.status, 1, lint.stderr)
        XCTAssertEqual(lint.stdout, """
            docs/cite.md:3:7: warning: content of docs/target.md:3-5 is now at 5-7 (moved since commit \(cited)) \
            [cites/drift]
            docs/cite.md:3:30: warning: content of docs/target.md:9 is now at 11 (moved since commit \(cited)) \
            [cites/drift]

            """)
        XCTAssertEqual(lint.stderr, "docs-audit: 2 warnings in 1 file\n")
        let fix = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(fix.status, 0, fix.stderr)
        XCTAssertEqual(fix.stderr, "docs-audit: fixed docs/cite.md:3:20 3-5 → 5-7\n"
                       + "docs-audit: fixed docs/cite.md:3:43 9 → 11\n" + "docs-audit: 2 fixed, 0 need a person\n")
        XCTAssertEqual(try read(root, "docs/cite.md"), "# Cite\n\nSee [t](target.md):5-7 and [t](target.md):11.\n")
        // The fixed line is not committed: it was written against the target as it is now.
        let clean = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual([clean.stdout, clean.stderr], ["", ""])
        XCTAssertEqual(clean.status, 0)
        try CLI.git(root, ["commit", "-q", "-am", "re-target"])
        let committed = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual([committed.stdout, committed.stderr], ["", ""])
        let again = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual([again.stdout, again.stderr], ["", ""])
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(try read(root, "docs/cite.md"), "# Cite\n\nSee [t](target.md):5-7 and [t](target.md):11.\n")
    }

    func testDryRunShowsTheRetargetingAndWritesNothing() throws {
        let (root, _) = try insertedAbove()
        let dry = try CLI.run(["fix", "--root", root.path, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, """
            --- a/docs/cite.md
            +++ b/docs/cite.md
            @@ -1,3 +1,3 @@
             # Cite
             
            -See [t](target.md):3-5 and [t](target.md):9.
            +See [t](target.md):5-7 and [t](target.md):11.

            """)
        XCTAssertEqual(try read(root, "docs/cite.md"), "# Cite\n\nSee [t](target.md):3-5 and [t](target.md):9.\n")
    }

    /// Its end is blank where it was, but drift knows where the content went: the drift alone is reported (the
    /// blank end's nearest non-blank line would send the reader to the wrong line), and fixing it settles both.
    func testARangeEndMovedOntoABlankLineIsReportedAsMovedAlone() throws {
        let text = "# Target\n\nintro\nother\nalpha\nbeta\ngamma\n\ndelta\n"
        let root = try repository(["docs/target.md": text, "docs/cite.md": "# Cite\n\nSee [t](target.md):5-7.\n"])
        let cited = try commit(root)
        try write(root, "docs/target.md", text.replacingOccurrences(of: "intro\n", with: ""))
        try CLI.git(root, ["commit", "-q", "-am", "drop the intro"])
        let lint = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(lint.status, 1)
        XCTAssertEqual(lint.stdout, """
            docs/cite.md:3:7: warning: content of docs/target.md:5-7 is now at 4-6 (moved since commit \(cited)) \
            [cites/drift]

            """)
        // The re-targeting settles the blank end too: nothing is left for a person.
        let fix = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(fix.status, 0, fix.stderr)
        XCTAssertEqual(fix.stderr, "docs-audit: fixed docs/cite.md:3:20 5-7 → 4-6\n"
                       + "docs-audit: 1 fixed, 0 need a person\n")
        XCTAssertEqual(try read(root, "docs/cite.md"), "# Cite\n\nSee [t](target.md):4-6.\n")
        let clean = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual([clean.stdout, clean.stderr], ["", ""])
    }

    func testARewrittenBlockIsStaleAndNeedsAPerson() throws {
        let root = try repository(["docs/target.md": target, "docs/cite.md": "# Cite\n\nSee [t](target.md):4-6.\n"])
        let cited = try commit(root)
        try write(root, "docs/target.md", target.replacingOccurrences(of: "line 2\nline 3\nline 4\n",
                                                                      with: "rewritten 2\nrewritten 3\nrewritten 4\n"))
        try CLI.git(root, ["commit", "-q", "-am", "rewrite"])
        let message = "content of docs/target.md:4-6 was rewritten or deleted since commit \(cited) "
            + "(stale: choose the lines it should cite now) [cites/drift]"
        let lint = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(lint.status, 1)
        XCTAssertEqual(lint.stdout, "docs/cite.md:3:7: warning: \(message)\n")
        let fix = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(fix.status, 1)
        XCTAssertEqual(fix.stdout, "")
        XCTAssertEqual(fix.stderr, "docs-audit: needs a person: docs/cite.md:3:7: warning: \(message) (the cited "
                       + "lines were rewritten or deleted: only a person can tell what the cite should point at now)\n"
                       + "docs-audit: 0 fixed, 1 needs a person (1 warning in 1 file)\n")
        XCTAssertEqual(try read(root, "docs/cite.md"), "# Cite\n\nSee [t](target.md):4-6.\n")
    }

    func testAStagedEditOfATargetReportsTheCitesIntoIt() throws {
        let root = try repository(["docs/target.md": target,
                                   "docs/cite.md": "# Cite\n\nSee [t](target.md):3-5.\n",
                                   "docs/other.md": "# Other\n\nUnrelated.\n"])
        let cited = try commit(root)
        try write(root, "docs/target.md", "# Target\n\nnew a\n" + target.dropFirst("# Target\n\n".count))
        try CLI.git(root, ["add", "docs/target.md"])
        // The working tree moves on after staging; --staged reads the index.
        try write(root, "docs/target.md", target)
        let staged = try CLI.run(["lint", "--root", root.path, "--staged"])
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(staged.stdout, "docs/cite.md:3:7: warning: content of docs/target.md:3-5 is now at 4-6 "
                       + "(moved since commit \(cited)) [cites/drift]\n")
        let working = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual([working.stdout, working.stderr], ["", ""], "the working tree's target is as committed")
        // Staging only an unrelated file reports nothing about the cite.
        try CLI.git(root, ["reset", "-q"])
        try write(root, "docs/other.md", "# Other\n\nStill unrelated.\n")
        try CLI.git(root, ["add", "docs/other.md"])
        let unrelated = try CLI.run(["lint", "--root", root.path, "--staged"])
        XCTAssertEqual([unrelated.stdout, unrelated.stderr], ["", ""])
        XCTAssertEqual(unrelated.status, 0)
    }

    func testOutsideGitTheCheckSaysSoOnceAndFindsNothing() throws {
        let root = try CLI.folder(["docs/target.md": Data(target.utf8),
                                   "docs/cite.md": Data("# Cite\n\n[t](target.md):3-5, [t](target.md):4\n".utf8),
                                   "docs/more.md": Data("# More\n\n[t](target.md):6\n".utf8)])
        let lint = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(lint.status, 0)
        XCTAssertEqual(lint.stdout, "")
        XCTAssertEqual(lint.stderr, "docs-audit: info: cites/drift skipped: \(root.path) is not in a git repository\n")
        try write(root, "docs-audit.yml", "cites:\n  drift: false\n")
        let off = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual([off.stdout, off.stderr], ["", ""], "switched off, the check says nothing")
        let noCites = try CLI.folder(["a.md": Data("# A\n\nNo cites here.\n".utf8)])
        let quiet = try CLI.run(["lint", "--root", noCites.path])
        XCTAssertEqual([quiet.stdout, quiet.stderr], ["", ""], "without line cites success stays quiet")
    }

    func testAShallowCloneIsSkippedWithOneLine() throws {
        let (source, _) = try insertedAbove()
        let clone = FileManager.default.temporaryDirectory
            .appendingPathComponent("docs-audit-shallow-\(UUID().uuidString)")
        try CLI.git(source, ["clone", "-q", "--depth", "1", "file://" + source.path, clone.path])
        let lint = try CLI.run(["lint", "--root", clone.path])
        XCTAssertEqual(lint.status, 0)
        XCTAssertEqual(lint.stdout, "")
        XCTAssertEqual(lint.stderr, "docs-audit: info: cites/drift skipped: \(clone.path) has shallow history "
                       + "(fetch it whole: git fetch --unshallow, or fetch-depth: 0 in CI)\n")
    }

    func testALinkedWorkTreeWhoseGitIsAFileIsAskedOfGit() throws {
        let (root, cited) = try insertedAbove()
        let linked = FileManager.default.temporaryDirectory
            .appendingPathComponent("docs-audit-linked-\(UUID().uuidString)")
        try CLI.git(root, ["worktree", "add", "-q", linked.path])
        let lint = try CLI.run(["lint", "--root", linked.appendingPathComponent("docs").path])
        XCTAssertEqual(lint.status, 1, lint.stderr)
        XCTAssertEqual(lint.stdout, "cite.md:3:7: warning: content of target.md:3-5 is now at 5-7 "
                       + "(moved since commit \(cited)) [cites/drift]\n"
                       + "cite.md:3:30: warning: content of target.md:9 is now at 11 "
                       + "(moved since commit \(cited)) [cites/drift]\n",
                       "the corpus root is a folder below the work tree's top")
    }

    func testUntrackedCitingFilesAreCountedAndTheRestStillChecked() throws {
        let (root, cited) = try insertedAbove()
        try write(root, "docs/new.md", "# New\n\n[t](target.md):3-5\n")
        try write(root, "docs/newer.md", "# Newer\n\n[t](target.md):5-7\n")
        let lint = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(lint.status, 1)
        XCTAssertTrue(lint.stdout.hasPrefix("docs/cite.md:3:7: warning: content of docs/target.md:3-5 is now at 5-7 "
                                            + "(moved since commit \(cited))"), lint.stdout)
        XCTAssertFalse(lint.stdout.contains("docs/new"), lint.stdout)
        XCTAssertEqual(lint.stderr, "docs-audit: info: cites/drift skipped 2 citing files that git has no history for "
                       + "(untracked or never committed)\ndocs-audit: 2 warnings in 1 file\n")
    }
}
