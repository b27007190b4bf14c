import Foundation
import XCTest

/// `docs-audit fix` through the built binary, on scenario git repositories: a renamed heading's links in three
/// files, custom-rule replacements, sync's graph rewrite; dry-run, byte preservation, idempotence, refusals.
final class FixCommandTests: XCTestCase {
    private let config = """
    custom-rules:
      - id: custom/no-todo
        severity: warning
        summary: a TODO is left in the text
        help: Finish it.
        message: 'TODO left: {0}'
        forbid: '\\bTODO\\b'
        replacement: 'TO-DO'

    """

    private func bytes(_ root: URL, _ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    private func write(_ root: URL, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    /// A committed repository with `files`, then `edit` applied to the working tree.
    private func repository(_ files: [String: Data], edit: (URL) throws -> Void) throws -> URL {
        let root = try CLI.folder(files)
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-q", "-m", "start"])
        try edit(root)
        return root
    }

    /// `a.md` has a heading renamed since the commit; b.md, docs/c.md (BOM, CRLF, mode 0755) and a.md itself
    /// link to its old slug; docs/c.md also holds a TODO the custom rule replaces.
    private func renamedHeadingRepository() throws -> URL {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let crlf = "# C\r\n\r\nSee [y](../a.md#old-name) and TODO.\r\n"
        let root = try repository([
            "docs-audit.yml": Data(config.utf8),
            "a.md": Data("# A\n\n## Intro\n\nBack to [it](#old-name).\n\n## Old Name\n\ntext\n".utf8),
            "b.md": Data("# B\n\nSee [x](a.md#old-name \"title\").\n".utf8),
            "docs/c.md": Data(bom + Array(crlf.utf8)),
        ]) { root in
            try self.write(root, "a.md", "# A\n\n## Intro\n\nBack to [it](#old-name).\n\n## New Name\n\ntext\n")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755],
                                              ofItemAtPath: root.appendingPathComponent("docs/c.md").path)
        return root
    }

    func testDryRunPrintsTheDiffAndChangesNothing() throws {
        let root = try renamedHeadingRepository()
        let before = try ["a.md", "b.md", "docs/c.md"].map { try bytes(root, $0) }
        let result = try CLI.run(["fix", "--root", root.path, "--dry-run"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, """
            docs-audit: would fix a.md:5:15 old-name → new-name
            docs-audit: would fix b.md:3:14 old-name → new-name
            docs-audit: would fix docs/c.md:3:17 old-name → new-name
            docs-audit: would fix docs/c.md:3:31 TODO → TO-DO
            docs-audit: 4 would be fixed, 0 need a person

            """)
        XCTAssertEqual(result.stdout, """
            --- a/a.md
            +++ b/a.md
            @@ -2,7 +2,7 @@
             
             ## Intro
             
            -Back to [it](#old-name).
            +Back to [it](#new-name).
             
             ## New Name
             
            --- a/b.md
            +++ b/b.md
            @@ -1,3 +1,3 @@
             # B
             
            -See [x](a.md#old-name "title").
            +See [x](a.md#new-name "title").
            --- a/docs/c.md
            +++ b/docs/c.md
            @@ -1,3 +1,3 @@
             # C\r
             \r
            -See [y](../a.md#old-name) and TODO.\r
            +See [y](../a.md#new-name) and TO-DO.\r

            """)
        XCTAssertEqual(try ["a.md", "b.md", "docs/c.md"].map { try bytes(root, $0) }, before)
    }

    func testFixRewritesLinksInEveryFileKeepsBytesAndASecondRunChangesNothing() throws {
        let root = try renamedHeadingRepository()
        let before = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(before.status, 1, before.stdout)
        XCTAssertTrue(before.stdout.contains("[links/missing-anchor]"), before.stdout)

        let result = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            docs-audit: fixed a.md:5:15 old-name → new-name
            docs-audit: fixed b.md:3:14 old-name → new-name
            docs-audit: fixed docs/c.md:3:17 old-name → new-name
            docs-audit: fixed docs/c.md:3:31 TODO → TO-DO
            docs-audit: 4 fixed, 0 need a person

            """)
        XCTAssertEqual(try bytes(root, "b.md"), Array("# B\n\nSee [x](a.md#new-name \"title\").\n".utf8))
        XCTAssertEqual(try bytes(root, "docs/c.md"),
                       [0xEF, 0xBB, 0xBF] + Array("# C\r\n\r\nSee [y](../a.md#new-name) and TO-DO.\r\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("docs/c.md").path)
        XCTAssertEqual((mode[.posixPermissions] as? NSNumber)?.intValue, 0o755)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter {
            $0.contains(".docs-audit-tmp.")
        }
        XCTAssertEqual(leftovers, [])

        let lint = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(lint.status, 0, lint.stdout)
        XCTAssertEqual(lint.stdout, "")

        let snapshot = try ["a.md", "b.md", "docs/c.md"].map { try bytes(root, $0) }
        let again = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "")
        XCTAssertEqual(again.stderr, "")
        XCTAssertEqual(try ["a.md", "b.md", "docs/c.md"].map { try bytes(root, $0) }, snapshot)
    }

    func testOneReadOnlyFileMeansNothingIsWritten() throws {
        let root = try renamedHeadingRepository()
        let readOnly = root.appendingPathComponent("docs/c.md").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
        let before = try ["a.md", "b.md", "docs/c.md"].map { try bytes(root, $0) }
        let result = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "docs-audit: docs/c.md: cannot write the fix: the file is read-only; make it "
                       + "writable first; nothing was written\n")
        XCTAssertEqual(try ["a.md", "b.md", "docs/c.md"].map { try bytes(root, $0) }, before)
    }

    func testNamedPathsFixOnlyTheirOwnFindings() throws {
        let root = try renamedHeadingRepository()
        let result = try CLI.run(["fix", "--root", root.path, root.appendingPathComponent("b.md").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "docs-audit: fixed b.md:3:14 old-name → new-name\n"
                       + "docs-audit: 1 fixed, 0 need a person\n")
        XCTAssertEqual(try bytes(root, "docs/c.md"),
                       [0xEF, 0xBB, 0xBF] + Array("# C\r\n\r\nSee [y](../a.md#old-name) and TODO.\r\n".utf8))
    }

    func testAHeadingThatIsGoneAndAnythingWithoutAFixNeedAPerson() throws {
        let root = try repository([
            "a.md": Data("# A\n\n## One\n\n## Two\n".utf8),
            "b.md": Data("# B\n\n[x](a.md#two) [y](a.md#nowhere)\n".utf8),
        ]) { root in
            try self.write(root, "a.md", "# A\n\n## One\n")
        }
        let before = try bytes(root, "b.md")
        let result = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            docs-audit: needs a person: b.md:3:1: error: link to a.md#two: no heading or anchor `two` in a.md \
            (did you mean #a?) [links/missing-anchor] (the heading `two` of a.md was removed or renamed since the \
            last commit, and fix cannot tell which heading, if any, took its place)
            docs-audit: needs a person: b.md:3:15: error: link to a.md#nowhere: no heading or anchor `nowhere` \
            in a.md [links/missing-anchor] (a.md had no heading `nowhere` at the last commit either, so no rename \
            since then explains the link)
            docs-audit: 0 fixed, 2 need a person (2 errors in 1 file)

            """)
        XCTAssertEqual(try bytes(root, "b.md"), before)
    }

    /// `fix` names columns as `lint` does, in Unicode code points: "é" and "—" are two and three UTF-8 bytes, one
    /// column each. Outside git, a missing anchor is not taken for a renamed heading, and the reason says why.
    func testColumnsAreCodePointsAsInLint() throws {
        let root = try CLI.folder([
            "docs-audit.yml": Data(config.utf8),
            "a.md": Data("# A\n\nDéjà — TODO.\n\nVoilà — [x](#nowhere).\n".utf8),
        ])
        let lint = try CLI.run(["lint", "--root", root.path, "--format", "text", "--no-color"])
        XCTAssertTrue(lint.stdout.contains("a.md:3:8: warning"), lint.stdout)
        XCTAssertTrue(lint.stdout.contains("a.md:5:9: error"), lint.stdout)
        let result = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stderr, """
            docs-audit: fixed a.md:3:8 TODO → TO-DO
            docs-audit: needs a person: a.md:5:9: error: link to #nowhere: no heading or anchor `nowhere` in a.md \
            [links/missing-anchor] (the corpus is not in a git work tree, so a renamed heading cannot be told from a \
            missing one)
            docs-audit: 1 fixed, 1 needs a person (1 error in 1 file)

            """)
    }

    /// Many leftovers end with a line that counts them and names the rules with the most.
    func testTheClosingLineCountsWhatNeedsAPersonByRule() throws {
        let links = (1...12).map { "[x\($0)](#gone-\($0))" }.joined(separator: "\n\n")
        let root = try CLI.folder(["a.md": Data("# A\n\n\(links)\n\nA TODO.\n".utf8),
                                   "docs-audit.yml": Data(config.utf8)])
        let result = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("docs-audit: needs a person: ") }.count, 12)
        XCTAssertEqual(lines.last, "docs-audit: 1 fixed, 12 need a person (12 errors in 1 file); "
                       + "most: links/missing-anchor 12")
    }

    func testOverlappingFixesAreRefusedAndFrozenFilesLeftAloneUnlessAsked() throws {
        let overlapping = config + """
          - id: custom/no-todo-here
            severity: warning
            summary: a TODO here
            help: Finish it.
            message: 'TODO here: {0}'
            forbid: 'TODO here'
            replacement: 'done here'

        """
        let root = try CLI.folder([
            "docs-audit.yml": Data(overlapping.utf8),
            "a.md": Data("# A\n\nStill TODO here.\n".utf8),
            "docs/archive/old.md": Data("# Old\n\nA TODO.\n".utf8),
        ])
        let result = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stderr, """
            docs-audit: needs a person: a.md:3:7: warning: TODO left: TODO [custom/no-todo] (its fix was refused: \
            it overlaps another fix at line 3)
            docs-audit: needs a person: a.md:3:7: warning: TODO here: TODO here [custom/no-todo-here] (its fix was \
            refused: it overlaps another fix at line 3)
            docs-audit: 0 fixed, 2 need a person (2 warnings in 1 file)

            """)
        XCTAssertEqual(try bytes(root, "a.md"), Array("# A\n\nStill TODO here.\n".utf8))
        XCTAssertEqual(try bytes(root, "docs/archive/old.md"), Array("# Old\n\nA TODO.\n".utf8))
    }

    func testFrozenFilesNeedIncludeFrozen() throws {
        let root = try repository([
            "a.md": Data("# A\n\n## Old\n".utf8),
            "docs/archive/old.md": Data("# Old\n\n[a](../../a.md#old)\n".utf8),
        ]) { root in
            try self.write(root, "a.md", "# A\n\n## New\n")
        }
        let plain = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(plain.status, 1, plain.stderr)
        XCTAssertEqual(plain.stderr, """
            docs-audit: needs a person: docs/archive/old.md:3:1: warning: link to ../../a.md#old: no heading or \
            anchor `old` in a.md (did you mean #a?) [links/missing-anchor] (docs/archive/old.md is in a frozen \
            tree (--include-frozen fixes it))
            docs-audit: 0 fixed, 1 needs a person (1 warning in 1 file)

            """)
        XCTAssertEqual(try bytes(root, "docs/archive/old.md"), Array("# Old\n\n[a](../../a.md#old)\n".utf8))
        let included = try CLI.run(["fix", "--root", root.path, "--include-frozen"])
        XCTAssertEqual(included.status, 0, included.stderr)
        XCTAssertEqual(try bytes(root, "docs/archive/old.md"), Array("# Old\n\n[a](../../a.md#new)\n".utf8))
    }

    func testFixAppliesSyncsGraphRewrite() throws {
        let path = "docs/architecture/cross-plan-dependencies.md"
        var lines = ["# Map", "", "## 6. Active Next Steps DAG", "", "```mermaid", "graph TB", "  NS01[one]:::blocked",
                     "classDef ready fill:#9f9", "classDef blocked fill:#fcc", "classDef completed fill:#ccc",
                     "```", ""]
        lines += ["### NS-01: step one", "", "- Status: `todo`", "- Upstream: none", ""]
        let root = try CLI.folder([path: Data(lines.joined(separator: "\n").utf8)])
        let lint = try CLI.run(["lint", "--root", root.path])
        XCTAssertTrue(lint.stdout.contains("[graph/blocked-without-open-upstream]"), lint.stdout)
        let result = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "docs-audit: fixed \(path):7:1   NS01[one]:::blocked →   NS01[one]:::ready\n"
                       + "docs-audit: 1 fixed, 0 need a person\n")
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            .contains("\n  NS01[one]:::ready\n"))
        let after = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(after.status, 0, after.stdout)
        XCTAssertEqual(try CLI.run(["fix", "--root", root.path, "--dry-run"]).stdout, "")
    }

    func testAPathOutsideTheRootIsAUsageError() throws {
        let root = try CLI.folder(["a.md": Data("# A\n".utf8)])
        let result = try CLI.run(["fix", "--root", root.path, "/etc/hostname"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("/etc/hostname is not inside the corpus root"), result.stderr)
    }
}
