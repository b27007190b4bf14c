import XCTest
@testable import DocsAuditCore

/// Each test here kills a mutant of scripts/mutants.json that survived the rest of the suite and the
/// injections (`make mutate`, docs/robustness.md): it pins the behaviour the mutant changed.
final class MutationKillTests: XCTestCase {
    private let classDefs = "  classDef ready fill:#9f9\n  classDef blocked fill:#fcc\n  classDef completed fill:#ccc"

    private func map(_ graph: String, _ entries: String) -> [String: String] {
        [MapFixture.path: MapFixture.map(graph: "graph TB\n\(graph)\n\(classDefs)", entries: entries)]
    }

    /// Mutant `dangling-edge-target-only`: an undeclared node at the start of an edge is reported too.
    func testDanglingEdgeFromAnUndeclaredSource() throws {
        try RuleHarness.assert("graph/dangling-edge", map("""
          NS12[NS-12: a]:::completed
        ↓  NS98 --> NS12
        """, MapFixture.entry("NS-12", status: "completed")),
            messages: ["edge NS98 --> NS12: NS98 is not declared in the graph"])
    }

    /// Mutant `undefined-class-every-use`: an undefined class is reported once, at its first use.
    func testUndefinedClassReportedOnceAtItsFirstUse() throws {
        try RuleHarness.assert("graph/undefined-class", map("""
        ↓  NS01[NS-01: a]:::redy
          NS02[NS-02: b]:::redy
        """, MapFixture.entry("NS-01", status: "todo") + "\n" + MapFixture.entry("NS-02", status: "todo")),
            messages: ["class `redy` (on NS01) has no classDef"])
    }

    /// Mutant `registry-format-same-file-only`: a registry whose file declares no METHOD_NAME_FORMAT uses the one
    /// declared elsewhere in the corpus, not the profile's fallback.
    func testMethodNameFormatDeclaredInAnotherFile() throws {
        try RuleHarness.assert("registry/method-name-format", [
            "docs/architecture/contracts/api.md": "# API\n\n| Method | Type |\n| --- | --- |\n| `↓session.create2` | RPC |\n",
            "docs/architecture/contracts/format.md": "# Format\n\n```ts\nconst METHOD_NAME_FORMAT = /^[a-z]+(\\.[a-z]+)+$/;\n```\n",
        ], messages: ["method `session.create2` (row 1 of the registry at line 3) does not match METHOD_NAME_FORMAT "
                      + "/^[a-z]+(\\.[a-z]+)+$/ (docs/architecture/contracts/format.md:4)"])
    }

    /// Mutant `missing-file-with-fragment`: a link with a #fragment to a file that does not exist is reported as a
    /// missing file (the anchor cannot be checked without it).
    func testMissingFileWithAFragment() throws {
        try RuleHarness.assert("links/missing-file", ["docs/a.md": "# A\n\n↓[gone](b.md#x)\n"],
                               messages: ["link to b.md#x: docs/b.md does not exist"])
    }

    /// Mutant `missing-anchor-percent`: a percent-encoded fragment is decoded before it is compared with the slugs.
    func testPercentEncodedFragmentIsDecoded() throws {
        try RuleHarness.assert("links/missing-anchor", [
            "docs/a.md": "# A\n\n[ok](b.md#caf%C3%A9) ↓[bad](b.md#th%C3%A9)\n",
            "docs/b.md": "# B\n\n## Café\n",
        ], messages: ["link to b.md#th%C3%A9: no heading or anchor `thé` in docs/b.md (did you mean #café?)"])
    }

    /// Mutant `total-smaller-passes`: a Total row smaller than the column's sum is reported, not only a larger one.
    func testTotalRowSmallerThanTheSum() throws {
        try RuleHarness.assert("tables/total", ["docs/a.md": """
        # A

        <!-- corpus:total-check column="Tasks" -->
        | Phase | Tasks |
        | --- | --- |
        | 1 | 3 |
        | 2 | 4 |
        ↓| Total | 6 |
        """], messages: ["Total row says 6 for `Tasks`, the rows add up to 7"])
    }

    /// Mutant `backlog-archived-too`: items in the backlog archive are history and are not checked for fields;
    /// the same defect in the live backlog is. The default profile also freezes docs/archive (its findings are
    /// dropped), so the archive is unfrozen here: the rule's own exemption is what is tested.
    func testArchivedBacklogItemsAreNotChecked() throws {
        try RuleHarness.assert("backlog/fields", [
            "docs/archive/backlog-archive-2025.md": "# Backlog archive\n\n### BL-050: Old thing\n\n- Status: `done-long-ago`\n",
            "docs/backlog.md": """
            # Backlog

            ### BL-110: Thing

            ↓- Status: `wip`
            - Priority: `P2`
            - References: x
            - Summary: y
            - Exit Criteria: z
            """,
        ], messages: ["BL-110 Status `wip` is not one of todo, in_progress, blocked, completed"],
            config: "corpus:\n  frozen: []\n")
    }

    /// Mutant `binary-first-byte-missed`: a NUL in a file's very first byte marks it binary like one further in.
    func testNulInTheFirstByte() throws {
        try RuleHarness.assert("input/binary", ["docs/a.md": "↓\u{0}# A\n", "docs/b.md": "# B\n\nok↓\u{0}\n"],
                               messages: ["binary file: NUL byte at line 1, column 1", "binary file: NUL byte at line 3, column 3"])
    }
}
