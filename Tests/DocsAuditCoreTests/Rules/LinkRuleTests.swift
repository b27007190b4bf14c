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
}
