import XCTest
@testable import DocsAuditCore

/// Link checks added for issue 14: slug suggestions.
final class LinkRuleTests: XCTestCase {
    func testMissingAnchorNamesTheNearestSlugOnlyWhenItIsNear() throws {
        try RuleHarness.assert("links/missing-anchor", [
            "docs/a.md": "# A\n\n↓[x](b.md#43-queue-drain) ↓[y](b.md#rejected-was-kept) ↓[z](b.md#something-else-entirely)\n",
            "docs/b.md": "# B\n\n## 44. Queue drain\n\n## Rejected — was kept\n",
        ], messages: [
            "link to b.md#43-queue-drain: no heading or anchor `43-queue-drain` in docs/b.md (did you mean #44-queue-drain?)",
            "link to b.md#rejected-was-kept: no heading or anchor `rejected-was-kept` in docs/b.md "
                + "(did you mean #rejected--was-kept?)",
            "link to b.md#something-else-entirely: no heading or anchor `something-else-entirely` in docs/b.md",
        ])
        XCTAssertEqual(SlugSuggestions.editDistance(Array("kitten".utf8), Array("sitting".utf8)), 3)
        XCTAssertEqual(SlugSuggestions.editDistance([], Array("abc".utf8)), 3)
    }

    func testFrozenTreesReportOnlyLinksAnchorsAndCitesAtTheirOwnSeverity() throws {
        let files = [
            "docs/archive/old.md": "# Old\n\nPR #7, BL-404, ↓[gone](MEMORY), ↓[b](../b.md#nope) and ↓Plan-001:2.\n",
            "docs/b.md": "# B\n",
            "docs/plans/001-a.md": "# Plan-001: A\n\n| Field | Value |\n| --- | --- |\n| **Status** | `draft` |\n",
        ]
        let marked = RuleHarness.mark(files)
        let corpus = try Fixture.corpus(marked.files)
        let archived = Linter.lint(corpus).filter { $0.file.hasPrefix("docs/archive/") }
        XCTAssertEqual(archived.map(\.rule), ["links/missing-file", "links/missing-anchor", "cites/line-range"])
        XCTAssertEqual(archived.map(\.severity), [.warning, .warning, .warning])
        XCTAssertEqual(archived.map(\.column), marked.markers.map(\.column))
        let errors = Linter.lint(try Fixture.corpus(marked.files, config: "corpus:\n  frozen-links: error\n"))
        XCTAssertEqual(errors.filter { $0.file.hasPrefix("docs/archive/") }.map(\.severity), [.error, .error, .error])
        let off = Linter.lint(try Fixture.corpus(marked.files, config: "corpus:\n  frozen-links: off\n"))
        XCTAssertEqual(off.filter { $0.file.hasPrefix("docs/archive/") }.map(\.rule), [])
        XCTAssertThrowsError(try Fixture.corpus(marked.files, config: "corpus:\n  frozen-links: loud\n"))
    }
}
