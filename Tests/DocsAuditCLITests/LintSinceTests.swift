import Foundation
import XCTest

/// `lint --since REF`: only the findings the change introduced, whatever moved or was renamed.
final class LintSinceTests: XCTestCase {
    private func git(_ root: URL, _ arguments: [String]) throws {
        try CLI.git(root, arguments)
    }

    private func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func testSinceReportsOnlyWhatTheChangeAddsThroughLineMovesAndRenames() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("since-\(UUID().uuidString)")
        try write(root, "docs/notes.md", "# Notes\n\nSee [the old page](old.md).\n")
        try write(root, "docs/other.md", "# Other\n\nSee [gone](gone.md).\n")
        // Excluded from the corpus (corpus.exclude: docs/reference/**): the baseline's tree leaves it out too.
        try write(root, "docs/reference/vendor.md", "# Vendor\n\nSee [theirs](missing.md).\n")
        try git(root, ["init", "-q"])
        try git(root, ["add", "-A"])
        try git(root, ["commit", "-qm", "base"])
        try git(root, ["tag", "base"])
        // The old finding moves down two lines in a renamed file; one new broken link; other.md's is fixed.
        try git(root, ["mv", "docs/notes.md", "docs/renamed-notes.md"])
        try write(root, "docs/renamed-notes.md", "# Notes\n\nIntro.\n\nMore.\n\nSee [the old page](old.md).\n\nAnd [new](new.md).\n")
        try write(root, "docs/other.md", "# Other\n\nNothing linked.\n")
        let result = try CLI.run(["lint", "--root", root.path, "--since", "base"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, result.stdout)
        XCTAssertTrue(result.stdout.hasPrefix("docs/renamed-notes.md:9:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("new.md"), result.stdout)
        XCTAssertTrue(result.stderr.hasPrefix("docs-audit: since base: 1 new, 1 fixed, 1 already there\n"), result.stderr)
        try write(root, "docs/renamed-notes.md", "# Notes\n\nIntro.\n\nMore.\n\nSee [the old page](old.md).\n")
        let clean = try CLI.run(["lint", "--root", root.path, "--since", "base"])
        XCTAssertEqual(clean.status, 0, "the finding that was already there does not fail the change")
        XCTAssertEqual(clean.stdout, "")
        XCTAssertEqual(clean.stderr, "docs-audit: since base: 0 new, 1 fixed, 1 already there\n")
        let bad = try CLI.run(["lint", "--root", root.path, "--since", "no-such-ref"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("no-such-ref: not a git revision"), bad.stderr)
    }
}
