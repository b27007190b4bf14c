import Foundation
import XCTest

/// Range endpoints on blank lines and tables as GitHub renders them, through the built binary.
final class CiteAndTableTests: XCTestCase {
    private let files: [String: Data] = [
        "docs/plans/001-a.md": Data("""
        # Plan-001: A

        | Field | Value |
        | --- | --- |
        | **Status** | `draft` |

        line seven
        line eight

        line ten

        """.utf8),
        "docs/b.md": Data("""
        # B

        See Plan-001:7-9 and Plan-001:7-8.

        | Flag | Use |
        | --- | --- | --- |

        | Flag | Use |
        | --- | --- |
        | `<env | file>` | where |
        | short |

        """.utf8),
    ]

    func testEndpointAndTableFindings() throws {
        let root = try CLI.folder(files)
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
        docs/b.md:3:5: error: cite Plan-001:7-9: end line 9 of 7-9 is blank in docs/plans/001-a.md, \
        nearest non-blank line 8 [cites/line-range]
        docs/b.md:5:1: warning: not rendered as a table: the header has 2 cells, the delimiter row 3 \
        [tables/not-rendered]
        docs/b.md:10:1: warning: row has 3 cells, the header 2: GitHub drops the last 1 [tables/arity]
        docs/b.md:10:3: warning: `|` inside code span `<env | file>` splits the cell: write `<env \\| file>` \
        [tables/code-pipe]
        docs/b.md:11:1: info: row has 1 cell, the header 2: GitHub pads it [tables/short-row]

        """)
        // The folder is not in git: cites/drift says once that it skipped, and finds nothing.
        XCTAssertEqual(result.stderr, "docs-audit: info: cites/drift skipped: \(root.path) is not in a git repository\n"
                       + "docs-audit: 1 error, 3 warnings, 1 info in 1 file\n")
    }

    func testFrozenTreesReportLinksAtWarningAndCanBeSwitchedOff() throws {
        var corpus = files
        corpus["docs/archive/old.md"] = Data("# Old\n\nPR #7 and [gone](MEMORY).\n".utf8)
        corpus["docs/b.md"] = Data("# B\n".utf8)
        let result = try CLI.run(["lint", "--root", try CLI.folder(corpus).path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
        docs/archive/old.md:3:11: warning: link to MEMORY: docs/archive/MEMORY does not exist [links/missing-file]

        """)
        XCTAssertEqual(result.stderr, "docs-audit: 1 warning in 1 file\n")
        corpus["docs-audit.yml"] = Data("corpus:\n  frozen-links: off\n".utf8)
        let off = try CLI.run(["lint", "--root", try CLI.folder(corpus).path])
        XCTAssertEqual(off.status, 0)
        XCTAssertEqual(off.stdout, "")
    }

    func testEndpointsSwitchOffAndABadValue() throws {
        var off = files
        off["docs-audit.yml"] = Data("cites:\n  endpoints: false\nrules:\n  tables/short-row: off\n".utf8)
        let quiet = try CLI.run(["lint", "--root", try CLI.folder(off).path])
        XCTAssertEqual(quiet.stdout.contains("cites/line-range"), false, quiet.stdout)
        XCTAssertEqual(quiet.stdout.contains("tables/short-row"), false, quiet.stdout)
        var bad = files
        bad["docs-audit.yml"] = Data("cites:\n  endpoints: sometimes\n".utf8)
        let result = try CLI.run(["lint", "--root", try CLI.folder(bad).path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("docs-audit.yml"), result.stderr)
        XCTAssertTrue(result.stderr.contains("cites.endpoints: expected true or false"), result.stderr)
    }

    func testReferenceLinksSiteRootsAndFragmentCase() throws {
        let root = "https://github.com/o/r/blob/main/"
        let corpus: [String: Data] = [
            "docs/a.md": Data("""
            # A

            ## Goal

            See [the review][rev-3], [home](\(root)docs/a.md#Goal) and [gone](\(root)docs/old.md).

            [rev-2]: reviews/002.md

            """.utf8),
            "docs-audit.yml": Data("links:\n  site-roots: [\"\(root)\"]\n".utf8),
        ]
        let result = try CLI.run(["lint", "--root", try CLI.folder(corpus).path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
        docs/a.md:5:5: warning: reference link [the review][rev-3]: no `[rev-3]: …` definition in this file \
        [links/undefined-reference]
        docs/a.md:5:26: error: link to \(root)docs/a.md#Goal: no heading or anchor `Goal` in docs/a.md \
        (did you mean #goal?) [links/missing-anchor]
        docs/a.md:5:86: error: link to \(root)docs/old.md: docs/old.md does not exist [links/missing-file]
        docs/a.md:7:1: info: definition [rev-2] is used by no link in this file [links/unused-definition]

        """)
        var insensitive = corpus
        insensitive["docs-audit.yml"] = Data("links:\n  site-roots: [\"\(root)\"]\n  fragment-case: insensitive\n".utf8)
        let relaxed = try CLI.run(["lint", "--root", try CLI.folder(insensitive).path])
        XCTAssertFalse(relaxed.stdout.contains("links/missing-anchor"), relaxed.stdout)
        XCTAssertTrue(relaxed.stdout.contains("links/missing-file"), relaxed.stdout)
    }
}
