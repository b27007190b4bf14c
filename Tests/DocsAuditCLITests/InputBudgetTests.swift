import Foundation
import XCTest

/// `corpus.max-total-bytes` caps what one run reads; the cache folder is refused, with one line, when it is
/// not safe to trust.
final class InputBudgetTests: XCTestCase {
    func testFilesPastTheTotalBudgetAreReportedNotRead() throws {
        let body = "# T\n\n" + String(repeating: "prose\n", count: 100)
        let root = try CLI.folder([
            "docs-audit.yml": Data("version: 1\ncorpus:\n  max-total-bytes: 1500\n".utf8),
            "a.md": Data(body.utf8), "b.md": Data(body.utf8), "c.md": Data((body + "PR #5\n").utf8),
        ])
        let result = try CLI.run(["lint", "--root", root.path, "--no-cache"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
        c.md:1:1: error: not read: the files before it in path order already hold 1210 bytes, and this one's 611 would \
        pass corpus.max-total-bytes (1500) [input/too-large]

        """)
    }

    func testTheTotalBudgetIsValidated() throws {
        for value in ["0", "-1", "lots"] {
            let root = try CLI.folder(["docs-audit.yml": Data("version: 1\ncorpus:\n  max-total-bytes: \(value)\n".utf8),
                                       "a.md": Data("# A\n".utf8)])
            let result = try CLI.run(["lint", "--root", root.path])
            XCTAssertEqual(result.status, 2, value)
            XCTAssertTrue(result.stderr.contains("corpus.max-total-bytes"), result.stderr)
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testAnUntrustedCacheFolderIsRefusedWithOneLine() throws {
        let root = try CLI.folder(["docs/a.md": Data("# A\n\nstaged PR #3\n".utf8)])
        let shared = try CLI.folder([:]).appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        XCTAssertEqual(chmod(shared.path, 0o777), 0)
        let result = try CLI.run(["lint", "--root", root.path, "--cache-dir", shared.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "docs/a.md:3:8: warning: ephemeral pr-ref `PR #3` outside a provenance section [tags/ephemeral]\n")
        XCTAssertEqual(result.stderr, """
        docs-audit: warning: not using the cache folder \(shared.path): other users can write to it (mode 777); \
        running without the cache
        docs-audit: 1 warning in 1 file

        """)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: shared.path), [], "nothing written there")
        let fresh = shared.deletingLastPathComponent().appendingPathComponent("fresh")
        let first = try CLI.run(["lint", "--root", root.path, "--cache-dir", fresh.path])
        XCTAssertEqual(first.stderr, "docs-audit: 1 warning in 1 file\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: fresh.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o700)
    }
}
