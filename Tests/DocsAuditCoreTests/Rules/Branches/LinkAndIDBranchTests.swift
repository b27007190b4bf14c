import XCTest
@testable import DocsAuditCore

/// One test per reason a link, cite or ID rule fires and per exemption it honours.
final class LinkAndIDBranchTests: XCTestCase {
    /// Lints `files` in a folder that is a git work tree, and returns the marks and the findings of `rule`.
    private func inGitTree(_ rule: String, _ files: [String: String]) throws -> (RuleHarness.Marked, [Finding]) {
        let marked = RuleHarness.mark(files)
        let root = try Fixture.directory(marked.files)
        try Fixture.git(root, ["init", "-q"])
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let corpus = try CorpusLoader.load(root: root.path, profile: profile)
        return (marked, Linter.lint(corpus).filter { $0.rule == rule })
    }

    // MARK: links/missing-file

    func testMissingFileInATreeTheCopyHas() throws {
        try RuleHarness.assert("links/missing-file", [
            "docs/a.md": "# A\n\nSee ↓[gone](plans/009.md), [here](plans/001.md), [dir](plans/) and [web](https://example.com/x.md).\n",
            "docs/plans/001.md": "# P\n",
        ], messages: ["link to plans/009.md: docs/plans/009.md does not exist"])
    }

    func testMissingFileInAGitTreeChecksEveryTarget() throws {
        let (marked, findings) = try inGitTree("links/missing-file", [
            "docs/a.md": "# A\n\nSee ↓[code](../packages/x.ts).\n",
        ])
        XCTAssertEqual(findings.map { "\($0.file):\($0.line):\($0.column)" }, marked.markers.map { "\($0.path):\($0.line):\($0.column)" })
        XCTAssertEqual(findings.map(\.message), ["link to ../packages/x.ts: packages/x.ts does not exist"])
    }

    // MARK: links/unverifiable

    func testUnverifiableOutsideGitOncePerDocumentAndTarget() throws {
        try RuleHarness.assert("links/unverifiable", [
            "docs/a.md": "# A\n\n↓[code](../packages/x.ts) and [again](../packages/x.ts).\n",
        ], messages: ["cannot verify packages/x.ts from this checkout"])
    }

    func testLeavingTheRootIsAMissingFileNotUnverifiable() throws {
        // GitHub cannot resolve a link above the repository root, whatever the checkout holds (outside git, the
        // corpus root stands in for it): an error of links/missing-file, never unverifiable info.
        try RuleHarness.assert("links/unverifiable", ["docs/a.md": "# A\n\n[up](../../outside.md)\n"], messages: [])
        try RuleHarness.assert("links/missing-file", ["docs/a.md": "# A\n\n↓[up](../../outside.md)\n"],
                               messages: ["link to ../../outside.md: it climbs above the repository root, so GitHub cannot resolve it"])
    }

    func testNothingUnverifiableInAGitTree() throws {
        let (_, findings) = try inGitTree("links/unverifiable", ["docs/a.md": "# A\n\n[code](../packages/x.ts)\n"])
        XCTAssertEqual(findings.map(\.message), [])
    }

    // MARK: links/missing-anchor

    func testMissingAnchorInTheSameDocumentAndAnother() throws {
        try RuleHarness.assert("links/missing-anchor", [
            "docs/a.md": "# A\n\n## Goal\n\n[ok](#goal) ↓[bad](#goals) ↓[other](b.md#nope)\n",
            "docs/b.md": "# B\n",
        ], messages: [
            "link to #goals: no heading or anchor `goals` in docs/a.md (did you mean #goal?)",
            "link to b.md#nope: no heading or anchor `nope` in docs/b.md",
        ])
    }

    func testMissingAnchorAcceptsSlugsRepeatsExplicitAnchorsAndPercentEncoding() throws {
        try RuleHarness.assert("links/missing-anchor", [
            "docs/a.md": "# A\n\n[1](b.md#two--words) [2](b.md#notes-1) [3](b.md#named) [4](b.md#an-id) [5](b.md#%C3%A9t%C3%A9) [6](b.md#)\n",
            "docs/b.md": "# B\n\n## Two + Words\n\n## Notes\n\n## Notes\n\n## Été\n\n<a name=\"named\"></a>\n<a id=\"an-id\"></a>\n",
        ], messages: [])
    }

    func testMissingAnchorSkipsTargetsThatAreNotDocuments() throws {
        try RuleHarness.assert("links/missing-anchor", [
            "docs/a.md": "# A\n\n[code](src/x.ts#L10) [gone](c.md#top)\n", "docs/src/x.ts": "let x = 1\n",
        ], messages: [])
    }

    // MARK: cites/line-range

    private let plan = ["docs/plans/001-a.md": "# Plan-001: A\n\nline three\n\n\nline six\n"]

    func testCiteLabelMatchingNoDocument() throws {
        try RuleHarness.assert("cites/line-range", plan.merging(["docs/b.md": "# B\n\nSee ↓Spec-004:2.\n"]) { $1 },
                               messages: ["cite Spec-004:2: Spec-004 matches no document"])
    }

    func testCiteLinkToMissingFile() throws {
        // The default profile's link-colon pattern starts at the `]` of the link text, so the cite is quoted and
        // placed from there (the text is the finding's baseline subject, so it is left as it is).
        try RuleHarness.assert("cites/line-range",
            plan.merging(["docs/b.md": "# B\n\nSee [P↓](plans/009-x.md):3.\n"]) { $1 },
                               messages: ["cite ](plans/009-x.md):3: docs/plans/009-x.md does not exist"])
    }

    func testCitePastTheEndAndOnBlankLines() throws {
        try RuleHarness.assert("cites/line-range", plan.merging([
            "docs/b.md": "# B\n\nSee ↓Plan-001:7, ↓Plan-001:4-5, ↓Plan-001:2 and Plan-001:3-6.\n",
        ]) { $1 }, messages: [
            "cite Plan-001:7: docs/plans/001-a.md has 6 lines, not 7",
            "cite Plan-001:4-5: lines 4-5 are blank in docs/plans/001-a.md, nearest non-blank line 3",
            "cite Plan-001:2: line 2 is blank in docs/plans/001-a.md, nearest non-blank line 3",
        ])
    }

    func testCiteCodePinToAFileOnDisk() throws {
        try RuleHarness.assert("cites/line-range", [
            // A pin without a folder (`a.ts:99`) names no file it can find, so it is not checked.
            "docs/b.md": "# B\n\nSee ↓`src/a.ts:3`, `src/a.ts:1,2` and `a.ts:99`.\n", "src/a.ts": "let a = 1\nlet b = 2\n",
        ], messages: ["cite `src/a.ts:3`: src/a.ts has 2 lines, not 3"])
    }

    // MARK: ids/duplicate-definition

    func testDuplicateDocumentNumbers() throws {
        try RuleHarness.assert("ids/duplicate-definition", [
            "docs/plans/001-a.md": "# Plan-001: A\n", "docs/plans/001-b.md": "↓# Plan-001: B\n",
        ], messages: ["Plan-001 is defined again (first at docs/plans/001-a.md:1)"])
    }

    func testDuplicateAcrossFilesAndFamilies() throws {
        try RuleHarness.assert("ids/duplicate-definition", [
            "docs/backlog.md": "# Backlog\n\n### BL-108: One\n\n↓### BL-108: Two\n",
            "docs/plans/001-a.md": """
            # Plan-001: A

            ## Invariants

            ### I-001-1 — one

            ↓### I-001-1 — two

            ## Cross-Plan Obligations

            ### CP-001-1 — Plan-001 self

            ↓### CP-001-1 — Plan-001 again
            """,
        ], messages: [
            "BL-108 is defined again (first at docs/backlog.md:3)",
            "I-001-1 is defined again (first at docs/plans/001-a.md:5)",
            "CP-001-1 is defined again (first at docs/plans/001-a.md:11)",
        ])
    }

    func testDottedTaskIDsArePerPlan() throws {
        let tasks = "## Implementation Phase Sequence\n\n### Phase 1 — One\n\n#### Tasks\n\n##### T1.1 — a\n\n"
        try RuleHarness.assert("ids/duplicate-definition", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n" + tasks,
            "docs/plans/002-b.md": "# Plan-002: B\n\n" + tasks + "↓##### T1.1 — again\n",
        ], messages: ["T1.1 is defined again (first at docs/plans/002-b.md:9)"])
    }

    func testRangeMembersAreNotDuplicatesOfTheirOwnEntries() throws {
        try RuleHarness.assert("ids/duplicate-definition", [
            MapFixture.path: MapFixture.map(graph: "graph TB\n  NS15[a]\n  NS16[b]", entries: MapFixture.entry("NS-15..NS-17", status: "todo")
                + MapFixture.entry("NS-16", status: "todo")),
        ], messages: [])
    }

    // MARK: ids/undefined-reference

    func testUndefinedReferencePerFamily() throws {
        try RuleHarness.assert("ids/undefined-reference", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n## Invariants\n\n### I-001-1 — one\n",
            "docs/notes.md": """
            # Notes

            ↓Plan-009, ↓Spec-009, ↓ADR-009, ↓I-001-2, ↓CP-001-9, ↓T-001-1-1, ↓NS-09, ↓BL-999, ↓I-002-\\*, ↓T-001-1-1..2.
            """,
        ], messages: [
            "Plan-009 is defined nowhere", "Spec-009 is defined nowhere", "ADR-009 is defined nowhere",
            "I-001-2 is defined nowhere", "CP-001-9 is defined nowhere", "T-001-1-1 is defined nowhere",
            "NS-09 is defined nowhere", "BL-999 is defined nowhere", "I-002-\\* is defined nowhere (I-002-*)",
            "T-001-1-1..2 is defined nowhere (T-001-1-1, T-001-1-2)",
        ])
    }

    func testUndefinedReferenceExemptions() throws {
        try RuleHarness.assert("ids/undefined-reference", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n## Invariants\n\n### I-001-1 — one\n",
            "docs/notes.md": "# Notes\n\nPlan-001, I-001-1, I-001-1..1, I-001-\\*, `Plan-009` quoted, placeholders BL-0XX and Plan-NNN.\n",
            "docs/archive/old.md": "# Old\n\nPlan-009 was dropped.\n",
            "docs/plans/000-plan-template.md": "# Plan-000: Template\n\nSee Plan-009.\n",
        ], messages: [])
    }

    func testUndefinedReferenceOncePerLineAndID() throws {
        try RuleHarness.assert("ids/undefined-reference",
            ["docs/notes.md": "# Notes\n\n↓BL-999 and BL-999 again.\n\n↓BL-999\n"],
                               messages: ["BL-999 is defined nowhere", "BL-999 is defined nowhere"])
    }
}
