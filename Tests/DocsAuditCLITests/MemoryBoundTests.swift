import Foundation
import XCTest

/// A file whose structure would take far more memory to parse than its size is reported, not parsed; an
/// ordinary large table is still parsed.
final class MemoryBoundTests: XCTestCase {
    func testADenseTableIsReportedNotParsed() throws {
        let rows = String(repeating: "| x | y | z |\n", count: 150_000)
        let root = try CLI.folder(["docs/dense.md": Data(("# D\n\n| a | b | c |\n| --- | --- | --- |\n" + rows).utf8),
                                   "docs/ok.md": Data("# OK\n".utf8)])
        let result = try CLI.run(["lint", "--root", root.path, "--no-cache"], timeout: 60)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
        docs/dense.md:1:1: error: not analysed: parsing it would take about 531 MiB (table cells, lines and inline \
        markup are dense), over the per-file bound of 96 times its size plus 64 MiB [input/too-large]

        """)
    }

    func testTheSameBytesInAFencedCodeBlockAreParsed() throws {
        let rows = String(repeating: "| x | y | z |\n", count: 150_000)
        let root = try CLI.folder(["docs/code.md": Data(("# C\n\n```text\n" + rows + "```\n").utf8)])
        let result = try CLI.run(["lint", "--root", root.path, "--no-cache"], timeout: 60)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}
