import Foundation
import XCTest

/// `docs-audit fix` after `git mv`, through the built binary on scenario git repositories: links into the moved
/// file, the moved file's own relative links, link reference definitions, only the destination rewritten, the
/// reasons given for what is left, and a second run that changes nothing.
final class MovedFileFixTests: XCTestCase {
    /// A committed repository with `files` (path → text), then `edit` applied to the working tree.
    private func repository(_ files: [String: String], edit: (URL) throws -> Void) throws -> URL {
        let root = try CLI.folder(files.mapValues { Data($0.utf8) })
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-q", "-m", "start"])
        try edit(root)
        return root
    }

    private func text(_ root: URL, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    /// `git mv` into a folder that may not exist yet.
    private func move(_ root: URL, _ from: String, _ to: String) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(to).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try CLI.git(root, ["mv", from, to])
    }

    /// Fixes `root`, checks the second run changes nothing and prints nothing, and returns the first run.
    private func fixTwice(_ root: URL, paths: [String], file: StaticString = #filePath,
                          line: UInt = #line) throws -> CLIResult {
        let first = try CLI.run(["fix", "--root", root.path])
        let snapshot = try paths.map { try text(root, $0) }
        let again = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(again.stderr, "", "a second run changes nothing", file: file, line: line)
        XCTAssertEqual(again.status, 0, again.stderr, file: file, line: line)
        XCTAssertEqual(try paths.map { try text(root, $0) }, snapshot, file: file, line: line)
        return first
    }

    /// Links into the moved file, from the root, a nested folder, with `./`, a fragment, a title or `<…>`.
    func testLinksIntoAFileMovedWithGitMvArePointedAtItsNewPlace() throws {
        let root = try repository([
            "a.md": "# A\n\nSee [n](notes/old.md#part) and [m](./notes/old.md \"t\").\n",
            "docs/x/b.md": "# B\n\n[n](../../notes/old.md) and [o](<../../notes/old.md>)\n",
            "notes/old.md": "# Old\n\n## Part\n",
        ]) { root in try self.move(root, "notes/old.md", "moved/new place.md") }
        let result = try fixTwice(root, paths: ["a.md", "docs/x/b.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, """
            docs-audit: fixed a.md:3:9 notes/old.md → moved/new%20place.md
            docs-audit: fixed a.md:3:36 ./notes/old.md → ./moved/new%20place.md
            docs-audit: fixed docs/x/b.md:3:5 ../../notes/old.md → ../../moved/new%20place.md
            docs-audit: fixed docs/x/b.md:3:34 ../../notes/old.md → ../../moved/new place.md
            docs-audit: 4 fixed, 0 need a person

            """)
        XCTAssertEqual(try text(root, "a.md"),
                       "# A\n\nSee [n](moved/new%20place.md#part) and [m](./moved/new%20place.md \"t\").\n")
        XCTAssertEqual(try text(root, "docs/x/b.md"),
                       "# B\n\n[n](../../moved/new%20place.md) and [o](<../../moved/new place.md>)\n")
        XCTAssertEqual(try CLI.run(["lint", "--root", root.path]).stdout, "")
    }

    /// An image is a link to its file: moving the file moves the image's source, and before the fix `lint`
    /// reports the image (a continuation line's image placed at its `![`).
    func testImagesOfAMovedFileArePointedAtItsNewPlace() throws {
        let root = try repository([
            "docs/a.md": "# A\n\nThe flow:\n  ![flow](img/flow.svg) and ![web](https://example.com/x.png)\n",
            "docs/img/flow.svg": "<svg/>\n",
        ]) { root in try self.move(root, "docs/img/flow.svg", "docs/diagrams/flow.svg") }
        let before = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(before.stdout, "docs/a.md:4:3: error: image img/flow.svg: docs/img/flow.svg does not exist "
            + "[links/missing-file]\n")
        let result = try fixTwice(root, paths: ["docs/a.md"])
        XCTAssertEqual(result.stderr, """
            docs-audit: fixed docs/a.md:4:11 img/flow.svg → diagrams/flow.svg
            docs-audit: 1 fixed, 0 need a person

            """)
        XCTAssertEqual(try text(root, "docs/a.md"),
                       "# A\n\nThe flow:\n  ![flow](diagrams/flow.svg) and ![web](https://example.com/x.png)\n")
    }

    /// A link to a folder whose files were all deleted is left, and says so (whatever else was deleted).
    func testALinkToAFolderThatWasEmptiedSaysSo() throws {
        let root = try repository([
            "docs/a.md": "# A\n\nSee [old](old) and [never](never/x.md).\n",
            "docs/old/deep/one.md": "# One\n",
            "docs/other.md": "# Other\n",
        ]) { root in
            try CLI.git(root, ["rm", "-rq", "docs/old"])
            try CLI.git(root, ["rm", "-q", "docs/other.md"])
        }
        let result = try CLI.run(["fix", "--root", root.path, "--dry-run"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("docs/a.md:3:5: error: link to old: docs/old does not exist [links/missing-file] "
            + "(the files of the folder docs/old were moved or deleted since the last commit; fix follows moves of "
            + "files, not of a folder)"), result.stderr)
        XCTAssertFalse(result.stderr.contains("the folder docs/never"), result.stderr)
    }

    /// `docs/a.md` → `docs/sub/a.md`: its relative links and definitions still point at the same files (one of
    /// them now names an existing file of the new folder, which no rule would notice); a link from the root,
    /// one into itself and every other byte (a CRLF line, a title, a fragment) stay as they were.
    func testAMovedFilesOwnRelativeLinksStillPointAtTheSameFiles() throws {
        let moved = "# A\n\nSee [b](b.md), [part](./b.md#part \"b.md\") and [self](a.md#a).\r\n"
            + "[root](/README.md), ![img](img/x.png) and [up](../README.md).\n\n"
            + "Use [ref] and [again][ref].\n\n[ref]: b.md#part \"b.md title\"\n[unused]: <../README.md>\n"
        let root = try repository([
            "README.md": "# R\n",
            "docs/a.md": moved,
            "docs/b.md": "# B\n\n## Part\n",
            "docs/img/x.png": "png",
            "docs/sub/b.md": "# Another B\n",
        ]) { root in try self.move(root, "docs/a.md", "docs/sub/a.md") }
        let result = try fixTwice(root, paths: ["docs/sub/a.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, """
            docs-audit: fixed docs/sub/a.md:3:9 b.md → ../b.md
            docs-audit: fixed docs/sub/a.md:3:23 ./b.md → ../b.md
            docs-audit: fixed docs/sub/a.md:4:28 img/x.png → ../img/x.png
            docs-audit: fixed docs/sub/a.md:4:48 ../README.md → ../../README.md
            docs-audit: fixed docs/sub/a.md:8:8 b.md → ../b.md
            docs-audit: fixed docs/sub/a.md:9:12 ../README.md → ../../README.md
            docs-audit: 6 fixed, 0 need a person

            """)
        XCTAssertEqual(try text(root, "docs/sub/a.md"), """
            # A

            See [b](../b.md), [part](../b.md#part "b.md") and [self](a.md#a).\r
            [root](/README.md), ![img](../img/x.png) and [up](../../README.md).

            Use [ref] and [again][ref].

            [ref]: ../b.md#part "b.md title"
            [unused]: <../../README.md>

            """)
    }

    /// Reference definitions into a moved file, used or not, are rewritten like inline links; a definition
    /// in a code block, and text that is no definition, are not.
    func testLinkReferenceDefinitionsIntoAMovedFileAreRewritten() throws {
        let readme = """
            # R

            [r]: ./docs/a.md#a
            Text that uses [it][r] right after its definition.

            [u]: docs/a.md "docs/a.md is unused"

            Not a definition, a paragraph's second line:
            [p]: docs/a.md

            ```
            [c]: docs/a.md
            ```

            """
        let root = try repository(["README.md": readme, "docs/a.md": "# A\n"]) { root in
            try self.move(root, "docs/a.md", "docs/sub/a.md")
        }
        let result = try fixTwice(root, paths: ["README.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, """
            docs-audit: fixed README.md:3:6 ./docs/a.md → ./docs/sub/a.md
            docs-audit: fixed README.md:6:6 docs/a.md → docs/sub/a.md
            docs-audit: 2 fixed, 0 need a person

            """)
        XCTAssertEqual(try text(root, "README.md"), readme
            .replacingOccurrences(of: "[r]: ./docs/a.md", with: "[r]: ./docs/sub/a.md")
            .replacingOccurrences(of: "[u]: docs/a.md", with: "[u]: docs/sub/a.md"))
    }

    /// Only the destination changes: not the link's text or title, not a longer path holding the old one
    /// (`bold.md`), not code; a link written across lines, on an indented continuation line (where cmark-gfm's
    /// column is off) or next to another link with the same text is rewritten where its destination is.
    func testOnlyTheDestinationIsRewritten() throws {
        let linking = """
            # L

            See [old.md here](old.md "old.md title") and [b](bold.md), `[c](old.md)`, old.md.
            A paragraph whose link text [runs across
            two lines](old.md) and
               an indented line with [old.md](old.md#x).

            """
        let root = try repository(["l.md": linking, "old.md": "# Old\n\n## X\n", "bold.md": "# Bold\n"]) { root in
            try self.move(root, "old.md", "new.md")
        }
        let result = try fixTwice(root, paths: ["l.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try text(root, "l.md"), """
            # L

            See [old.md here](new.md "old.md title") and [b](bold.md), `[c](old.md)`, old.md.
            A paragraph whose link text [runs across
            two lines](new.md) and
               an indented line with [old.md](new.md#x).

            """)
        XCTAssertEqual(result.stderr, """
            docs-audit: fixed l.md:3:19 old.md → new.md
            docs-audit: fixed l.md:5:12 old.md → new.md
            docs-audit: fixed l.md:6:35 old.md → new.md
            docs-audit: 3 fixed, 0 need a person

            """)
    }

    /// What is left says why: a move git does not know of (plain `mv`), a path never committed, a path that
    /// climbs out of the repository, and a moved file's line edited since the move (written for the new place).
    /// `--dry-run` says what it would fix and counts in the singular and the plural.
    func testWhatIsLeftSaysWhyAndDryRunCounts() throws {
        // Enough unchanged text for git to pair the moved file with its old path after the edit.
        let filler = (1...12).map { "Line \($0) of text that stays as it was.\n" }.joined()
        let root = try repository([
            "a.md": "# A\n\n[n](notes/new.md) [p](plain.md)\n\n[w](never.md) [u](../../../../../up.md)\n",
            "notes/new.md": "# New\n\n[b](b.md)\n\n[c](c.md)\n\n" + filler,
            "notes/b.md": "# B\n",
            "notes/c.md": "# C\n",
            "plain.md": "# Plain\n",
        ]) { root in
            try self.move(root, "notes/new.md", "notes/sub/new.md")
            try FileManager.default.moveItem(at: root.appendingPathComponent("plain.md"),
                                             to: root.appendingPathComponent("plain-moved.md"))
            // Written for the new place (a wrong one): fix leaves it.
            try Data(("# New\n\n[b](b.md)\n\n[c](../c.md) and [d](d.md)\n\n" + filler).utf8)
                .write(to: root.appendingPathComponent("notes/sub/new.md"))
        }
        let dry = try CLI.run(["fix", "--root", root.path, "--dry-run"])
        XCTAssertEqual(dry.status, 1, dry.stderr)
        XCTAssertEqual(dry.stderr, """
            docs-audit: would fix a.md:3:5 notes/new.md → notes/sub/new.md
            docs-audit: would fix notes/sub/new.md:3:5 b.md → ../b.md
            docs-audit: needs a person: a.md:3:19: error: link to plain.md: plain.md does not exist \
            [links/missing-file] (plain.md was deleted since the last commit and git pairs no new file with it: a \
            file moved with plain `mv` is paired once the new file is added with `git add`; a file changed too much \
            is not paired)
            docs-audit: needs a person: a.md:5:1: error: link to never.md: never.md does not exist \
            [links/missing-file] (never.md is not in the last commit either, and fix follows only moves made since \
            the last commit)
            docs-audit: needs a person: a.md:5:15: error: link to ../../../../../up.md: it climbs above the \
            repository root, so GitHub cannot resolve it [links/missing-file] (the path climbs above the repository \
            root; fix does not guess where it should point)
            docs-audit: needs a person: notes/sub/new.md:5:18: error: link to d.md: notes/sub/d.md does not exist \
            [links/missing-file] (the lines of notes/sub/new.md that write `d.md` were edited since the file moved, \
            so fix takes it as written for the new place)
            docs-audit: 2 would be fixed, 4 need a person (4 errors in 2 files)

            """)
        let one = try CLI.run(["fix", "--root", root.path, "--dry-run", root.appendingPathComponent("a.md").path])
        XCTAssertTrue(one.stderr.hasSuffix("docs-audit: 1 would be fixed, 3 need a person (3 errors in 1 file)\n"),
                      one.stderr)
        let real = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(real.status, 1, real.stderr)
        XCTAssertEqual(real.stderr.split(separator: "\n").filter { $0.contains("needs a person") },
                       dry.stderr.split(separator: "\n").filter { $0.contains("needs a person") })
        XCTAssertTrue(real.stderr.hasPrefix("""
            docs-audit: fixed a.md:3:5 notes/new.md → notes/sub/new.md
            docs-audit: fixed notes/sub/new.md:3:5 b.md → ../b.md

            """), real.stderr)
        XCTAssertTrue(real.stderr.hasSuffix("docs-audit: 2 fixed, 4 need a person (4 errors in 2 files)\n"))
    }

    /// A moved file's link that now names another existing file, whose rewrite overlaps another fix, is listed
    /// as needing a person with what the refused edit was; the finding whose fix it overlaps says so too.
    func testARefusedRewriteOfALinkNoFindingReportsIsListed() throws {
        let config = """
            custom-rules:
              - id: custom/b-link
                severity: warning
                summary: b.md is named
                help: Name it otherwise.
                message: 'b.md named: {0}'
                forbid: '\\(b\\.md'
                replacement: '(c.md'

            """
        let root = try repository([
            "docs-audit.yml": config,
            "docs/a.md": "# A\n\nSee [b](b.md).\n",
            "docs/b.md": "# B\n",
            "docs/sub/b.md": "# Another B\n",
            "docs/sub/c.md": "# C\n",
        ]) { root in try self.move(root, "docs/a.md", "docs/sub/a.md") }
        let result = try CLI.run(["fix", "--root", root.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stderr, """
            docs-audit: needs a person: docs/sub/a.md:3: the rewrite of the link `b.md` was refused: it overlaps \
            another fix at line 3
            docs-audit: needs a person: docs/sub/a.md:3:8: warning: b.md named: (b.md [custom/b-link] (its fix was \
            refused: it overlaps another fix at line 3)
            docs-audit: 0 fixed, 2 need a person (1 warning in 1 file)

            """)
        XCTAssertEqual(try text(root, "docs/sub/a.md"), "# A\n\nSee [b](b.md).\n")
    }

    /// Outside git a moved file cannot be told from a missing one; with no commit yet neither.
    func testWithoutACommitTheReasonSaysSo() throws {
        let files = ["a.md": Data("# A\n\n[x](docs/gone.md)\n".utf8), "docs/b.md": Data("# B\n".utf8)]
        let plain = try CLI.folder(files)
        XCTAssertTrue(try CLI.run(["fix", "--root", plain.path]).stderr.contains(
            "[links/missing-file] (the corpus is not in a git work tree, so a moved file cannot be told from a "
            + "missing one)\n"))
        let fresh = try CLI.folder(files)
        try CLI.git(fresh, ["init", "-q"])
        XCTAssertTrue(try CLI.run(["fix", "--root", fresh.path]).stderr.contains(
            "[links/missing-file] (the repository has no commit yet, so a moved file cannot be told from a "
            + "missing one)\n"))
    }
}
