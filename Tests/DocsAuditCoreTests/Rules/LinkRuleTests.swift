import XCTest
@testable import DocsAuditCore

/// Link checks added for issue 14: slug suggestions.
final class LinkRuleTests: XCTestCase {
    func testMissingAnchorNamesTheNearestSlugOnlyWhenItIsNear() throws {
        try RuleHarness.assert("links/missing-anchor", [
            "docs/a.md": "# A\n\n↓[x](b.md#43-queue-drain) ↓[y](b.md#rejected-was-kept) "
                + "↓[z](b.md#something-else-entirely)\n",
            "docs/b.md": "# B\n\n## 44. Queue drain\n\n## Rejected — was kept\n",
        ], messages: [
            "link to b.md#43-queue-drain: no heading or anchor `43-queue-drain` in docs/b.md "
                + "(did you mean #44-queue-drain?)",
            "link to b.md#rejected-was-kept: no heading or anchor `rejected-was-kept` in docs/b.md "
                + "(did you mean #rejected--was-kept?)",
            "link to b.md#something-else-entirely: no heading or anchor `something-else-entirely` in docs/b.md",
        ])
        XCTAssertEqual(SlugSuggestions.editDistance(Array("kitten".utf8), Array("sitting".utf8)), 3)
        XCTAssertEqual(SlugSuggestions.editDistance([], Array("abc".utf8)), 3)
    }

    /// Outside git (a docs-only copy), an image whose whole folder is absent is unverifiable; one in a folder the
    /// copy has, or a link to a Markdown file anywhere in a tree the copy has, is missing.
    func testImagesAreCheckedAndAnImageInAnAbsentFolderIsUnverifiable() throws {
        let files = [
            "docs/a.md": "# A\n\n↓![gone](img/gone.png) ![here](img/here.png) ![far](0001-x/diagram.svg) "
                + "↓[doc](0001-x/notes.md)\n",
            "docs/img/here.png": "png",
        ]
        try RuleHarness.assert("links/missing-file", files, messages: [
            "image img/gone.png: docs/img/gone.png does not exist",
            "link to 0001-x/notes.md: docs/0001-x/notes.md does not exist",
        ])
        let unverifiable = try Linter.lint(Fixture.corpus(files)).filter { $0.rule == "links/unverifiable" }
        XCTAssertEqual(unverifiable.map(\.message), ["cannot verify docs/0001-x/diagram.svg from this checkout"])
    }

    func testAnyElementsIDIsAnAnchorButOnlyAnAnchorsName() throws {
        // rust-rfcs' 0048-traits.md numbers its notes with `<span id="7"></span>`: GitHub and mdBook keep the id.
        try RuleHarness.assert("links/missing-anchor", [
            "docs/a.md": "# A\n\n[s](b.md#7) [d](b.md#box) [a](b.md#named) ↓[i](b.md#field) ↓[x](b.md#other)\n",
            "docs/b.md": "# B\n\n<span id=\"7\"></span>\n\n<div class=\"x\" id='box'>\n\ntext\n\n</div>\n\n"
                + "Inline <a name=\"named\"></a> and <input name=\"field\"> and <span data-id=\"other\"></span>.\n",
        ], messages: [
            "link to b.md#field: no heading or anchor `field` in docs/b.md",
            "link to b.md#other: no heading or anchor `other` in docs/b.md",
        ])
    }

    func testALinkThatClimbsAboveTheRootIsBrokenNotUnverifiable() throws {
        let text = "# Plan-001: A\n\n[memory](../../../.claude/memory/x.md), [code](../../packages/x.ts), "
            + "[P](../../../x.md):3\n"
        func marked(_ markers: [String: String]) -> [String: String] {
            var file = text
            for (old, new) in markers { file = file.replacingOccurrences(of: old, with: new) }
            return ["docs/plans/001-a.md": file, "docs/b.md": "# B\n"]
        }
        try RuleHarness.assert("links/missing-file", marked(["[memory]": "↓[memory]", "[P]": "↓[P]"]), messages: [
            "link to ../../../.claude/memory/x.md: it climbs above the repository root, so GitHub cannot resolve it",
            "link to ../../../x.md: it climbs above the repository root, so GitHub cannot resolve it",
        ])
        try RuleHarness.assert("cites/line-range", marked(["[P]": "[P↓]"]),
                               messages: ["cite ](../../../x.md):3: ../x.md climbs above the repository root"])
        try RuleHarness.assert("links/unverifiable", marked(["[code]": "↓[code]"]),
                               messages: ["cannot verify packages/x.ts from this checkout"])
    }

    func testFrozenTreesReportOnlyLinksAnchorsAndCitesAtTheirOwnSeverity() throws {
        let files = [
            "docs/archive/old.md":
                "# Old\n\nPR #7, BL-404, ↓[gone](MEMORY), ↓[b](../b.md#nope) and ↓Plan-001:2.\n",
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

    private let referenceFixture = """
        # A

        See [the review][rev-3] and ↓[the audit][rev-4], [Rev-3][] and [x](y.md).
        ↓[gone][] here, `[code][nope]` not, \\[esc][nope] not, [^1] footnote.

        | a | b |
        | --- | --- |
        | ↓[cell][nope] | [short] |

        ```text
        [in][code]
        ```

        [rev-3]: reviews/003.md
        ¶[unused]: x.md
        [short]: s.md
        [^1]: footnote
        """

    func testReferenceLinksWithNoDefinition() throws {
        let file = referenceFixture.replacingOccurrences(of: "¶", with: "")
        try RuleHarness.assert("links/undefined-reference", ["docs/a.md": file], messages: [
            "reference link [the audit][rev-4]: no `[rev-4]: …` definition in this file",
            "reference link [gone][]: no `[gone]: …` definition in this file",
            "reference link [cell][nope]: no `[nope]: …` definition in this file",
        ])
    }

    func testDefinitionsNoLinkUses() throws {
        let file = referenceFixture.replacingOccurrences(of: "↓", with: "")
            .replacingOccurrences(of: "¶", with: "↓")
        try RuleHarness.assert("links/unused-definition", ["docs/a.md": file],
                               messages: ["definition [unused] is used by no link in this file"])
        let (_, findings) = try RuleHarness.findings("links/unused-definition", ["docs/a.md": file])
        XCTAssertEqual(findings.map(\.severity), [.info])
    }

    func testAnUnusedLabelDefinedTwiceIsReportedOnceAndSectionLabelsNever() throws {
        // CommonMark uses the first definition of a label; the second is reported once, at the first.
        try RuleHarness.assert("links/unused-definition", [
            "docs/a.md": "# A\n\nText.\n\n↓[old]: x.md\n[old]: y.md\n\n## Summary\n[summary]: #summary\n",
        ], messages: ["definition [old] is used by no link in this file"])
    }

    /// A definition cannot interrupt a paragraph: `[late]: z.md` after a line of text is text (cmark-gfm renders
    /// it as such), so it neither counts as an unused definition nor defines `[late]` for a use.
    func testALineOfAParagraphIsNotADefinition() throws {
        let file = "# A\n\n[early]: e.md\nSome text\n[late]: z.md\n\nSee [e][early] and ↓[z][late].\n"
        try RuleHarness.assert("links/undefined-reference", ["docs/a.md": file], messages: [
            "reference link [z][late]: no `[late]: …` definition in this file",
        ])
        try RuleHarness.assert("links/unused-definition", ["docs/a.md": file.replacingOccurrences(of: "↓", with: "")],
                               messages: [])
    }

    func testFragmentCaseIsAProfileChoice() throws {
        let files = ["docs/a.md": "# A\n\n## Goal\n\n↓[x](#Goal) ↓[y](#GOALS)\n"]
        try RuleHarness.assert("links/missing-anchor", files, messages: [
            "link to #Goal: no heading or anchor `Goal` in docs/a.md (did you mean #goal?)",
            "link to #GOALS: no heading or anchor `GOALS` in docs/a.md",
        ])
        try RuleHarness.assert("links/missing-anchor",
                               files.mapValues { $0.replacingOccurrences(of: "↓[x]", with: "[x]") },
                               messages: ["link to #GOALS: no heading or anchor `GOALS` in docs/a.md"],
                               config: "links:\n  fragment-case: insensitive\n")
        XCTAssertThrowsError(try Fixture.corpus(files, config: "links:\n  fragment-case: loose\n"))
    }

    func testSiteRootLinksAreCheckedLikeRelativeOnes() throws {
        let root = "https://github.com/o/r/blob/main/"
        let files = [
            "docs/a.md": "# A\n\n[ok](\(root)docs/b.md#two) ↓[gone](\(root)docs/c.md) "
                + "↓[frag](\(root)docs/b.md#three) "
                + "[other](https://github.com/o/other/blob/main/docs/c.md)\n",
            "docs/b.md": "# B\n\n## Two\n",
        ]
        let config = "links:\n  site-roots: [\"https://github.com/o/r/blob/main\"]\n"
        try RuleHarness.assert("links/missing-file",
                               files.mapValues { $0.replacingOccurrences(of: "↓[frag]", with: "[frag]") },
                               messages: ["link to \(root)docs/c.md: docs/c.md does not exist"], config: config)
        try RuleHarness.assert("links/missing-anchor",
                               files.mapValues { $0.replacingOccurrences(of: "↓[gone]", with: "[gone]") },
                               messages: ["link to \(root)docs/b.md#three: no heading or anchor `three` in docs/b.md"],
                               config: config)
        let (_, none) = try RuleHarness.findings("links/missing-file", files)
        XCTAssertEqual(none.count, 0, "without site-roots, URLs are not checked")
    }
}
