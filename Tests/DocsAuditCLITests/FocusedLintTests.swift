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
}
