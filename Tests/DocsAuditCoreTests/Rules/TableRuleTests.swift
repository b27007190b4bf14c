import XCTest
@testable import DocsAuditCore

/// Tables as GitHub renders them: short and long rows, lines that are no table, pipes in code spans.
final class TableRuleTests: XCTestCase {
    func testShortRowsAreInfoAndPaddedNotDropped() throws {
        let file = "# A\n\n| a | b | c |\n| --- | --- | --- |\n↓| 1 |\n| 1 | 2 | 3 |\n↓| 1 | 2 |\n"
        try RuleHarness.assert("tables/short-row", ["docs/a.md": file], messages: [
            "row has 1 cell, the header 3: GitHub pads it", "row has 2 cells, the header 3: GitHub pads it",
        ])
        let (_, findings) = try RuleHarness.findings("tables/short-row", ["docs/a.md": file])
        XCTAssertEqual(findings.map(\.severity), [.info, .info])
        let (_, long) = try RuleHarness.findings("tables/arity", ["docs/a.md": file])
        XCTAssertEqual(long.map(\.message), [], "short rows are not arity warnings")
    }

    /// cmark-gfm gives the header row of a table right after a paragraph line the paragraph's start line;
    /// the header is the line before the delimiter row.
    func testHeaderOfATableThatFollowsAParagraphLine() throws {
        let file = "# A\n\nSome prose line\n| a | b |\n| --- | --- |\n| 1 | 2 |\n↓| 1 | 2 | 3 |\n"
        try RuleHarness.assert("tables/arity", ["docs/a.md": file], messages: [
            "row has 3 cells, the header 2: GitHub drops the last 1",
        ])
        try RuleHarness.assert("tables/short-row", ["docs/a.md": file.replacingOccurrences(of: "↓", with: "")],
                               messages: [])
    }

    func testLinesThatGitHubDoesNotRenderAsATable() throws {
        try RuleHarness.assert("tables/not-rendered", ["docs/a.md": """
        # A

        ↓| flag | use | note |
        | --- | --- | --- | --- |
        | a | b | c |

        ↓| cmd | `<env | file>` |
        | --- | --- |

        ↓| x | y |
        | --- | |

        | fine | table |
        | :-- | --: |
        | 1 | 2 |

        Prose | with a pipe
        and a line with -- dashes |

        ↓| p | q |
        | --- | -:- |

        > ↓| q1 | q2 |
        > | --- |
        """], messages: [
            "not rendered as a table: the header has 3 cells, the delimiter row 4",
            "not rendered as a table: the header has 3 cells, the delimiter row 2 "
                + "(the `|` in code span `<env | file>` splits a cell: write `\\|`)",
            "not rendered as a table: delimiter cell 2 is empty",
            "not rendered as a table: delimiter cell 2 `-:-` is not dashes with optional colons",
            "not rendered as a table: the header has 2 cells, the delimiter row 1",
        ])
    }

    func testUnescapedPipeInACodeSpanInATableRow() throws {
        try RuleHarness.assert("tables/code-pipe", ["docs/a.md": """
        # A

        | flag | use |
        | --- | --- |
        | ↓`a | b` | x |
        | `a \\| b` | escaped |
        | `ok` | no pipe |

        Not a table: `a | b`.
        """], messages: ["`|` inside code span `a | b` splits the cell: write `a \\| b`"])
    }
}
