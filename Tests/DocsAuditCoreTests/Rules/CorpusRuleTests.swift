import XCTest
@testable import DocsAuditCore

final class CorpusRuleTests: XCTestCase {
    func testMethodNameFormatUsesTheCorpusDeclaration() throws {
        try RuleHarness.assert("registry/method-name-format", ["docs/architecture/contracts/api.md": """
        # API

        | Method | Type |
        | --- | --- |
        | `session.create` | RPC |
        | `↓runtime_node.attach` | RPC |
        | `↓textDocument.didOpen` | RPC |

        Events such as `runtime_node.online` are not methods.

        ```ts
        const METHOD_NAME_FORMAT = /^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$/;
        ```
        """], messages: [
            "method `runtime_node.attach` (row 2 of the registry at line 3) does not match METHOD_NAME_FORMAT /^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$/ (docs/architecture/contracts/api.md:12)",
            "method `textDocument.didOpen` (row 3 of the registry at line 3) does not match METHOD_NAME_FORMAT /^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$/ (docs/architecture/contracts/api.md:12)",
        ])
    }

    func testMethodNameFormatFallbackAndFlags() throws {
        let table = "| Method |\n| --- |\n| `Session.Create` |\n"
        let contract = "docs/architecture/contracts/a.md"
        try RuleHarness.assert("registry/method-name-format",
                               [contract: "# A\n\n" + table.replacingOccurrences(of: "| `Session", with: "| `↓Session")],
                               messages: ["method `Session.Create` (row 1 of the registry at line 3) does not match METHOD_NAME_FORMAT /^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$/ (profile fallback)"])
        let caseless = "# A\n\n\(table)\n```js\nconst METHOD_NAME_FORMAT = /^[a-z]+(\\.[a-z]+)+$/i;\n```\n"
        try RuleHarness.assert("registry/method-name-format", [contract: caseless], messages: [])
    }

    func testEphemeralTagsBySurface() throws {
        try RuleHarness.assert("tags/ephemeral", ["docs/plans/001-a.md": """
        # Plan-001: A

        ## Scope

        Fixed per ↓F-001-2-03 and ↓PR #12; see `↓.agents/tmp/notes.md` (protocol folder `.agents/tmp/` is fine).

        ### Phase 1 — One

        **Precondition:** PR #10 merged.

        #### Tasks

        - **T-001-1-1** Build (per ↓F-001-1-04; Codex PR #20 round 4). **Files:** `a.ts`

        ## Progress Log

        - PR #11 shipped T-001-1-1 (this commit).
        """], messages: [
            "ephemeral finding `F-001-2-03` outside a provenance section",
            "ephemeral pr-ref `PR #12` outside a provenance section",
            "ephemeral transient-path `.agents/tmp/notes.md` outside a provenance section",
            "ephemeral finding `F-001-1-04` inside a Tasks block (no-ephemeral-tags)",
        ])
        let corpus = try Fixture.corpus(["docs/plans/001-a.md": "# Plan-001: A\n\n#### Tasks\n\n- PR #3\n\n## Other\n\nPR #4\n"])
        let tags = Linter.lint(corpus).filter { $0.rule == "tags/ephemeral" }
        XCTAssertEqual(tags.map(\.severity), [.error, .warning], "inside Tasks is an error (G5), elsewhere the rule's severity")
    }

    func testLinksMissingFileAnchorAndUnverifiable() throws {
        try RuleHarness.assert("links/missing-anchor", [
            "docs/a.md": "# A\n\n## Goal\n\n[ok](#goal) ↓[bad](#goals) [x](b.md#two--words) ↓[y](b.md#two-words) [z](b.md#named)\n",
            "docs/b.md": "# B\n\n## Two + Words\n\n<a name=\"named\"></a>\n",
        ], messages: [
            "link to #goals: no heading or anchor `goals` in docs/a.md (did you mean #goal?)",
            "link to b.md#two-words: no heading or anchor `two-words` in docs/b.md (did you mean #two--words?)",
        ])
        let files = ["docs/a.md": "# A\n\n↓[gone](plans/009.md) [code](../packages/x.ts) [dir](plans/)\n", "docs/plans/001.md": "# P\n"]
        try RuleHarness.assert("links/missing-file", files, messages: ["link to plans/009.md: docs/plans/009.md does not exist"])
        try RuleHarness.assert("links/unverifiable", files.mapValues { $0.replacingOccurrences(of: "[code]", with: "↓[code]") }
            .mapValues { $0.replacingOccurrences(of: "↓[gone]", with: "[gone]") },
            messages: ["cannot verify packages/x.ts from this checkout"])
    }

    func testLineCites() throws {
        try RuleHarness.assert("cites/line-range", [
            "docs/plans/001-a.md": "# Plan-001: A\n\nline three\n\nline five\n",
            "docs/b.md": "# B\n\nSee Plan-001:3-5, ↓Plan-001:4, ↓Plan-001:99, ↓Plan-007:1, [P](plans/001-a.md):5 and `Plan-001:4` quoted.\n",
        ], messages: [
            "cite Plan-001:4: line 4 is blank in docs/plans/001-a.md, nearest non-blank line 5",
            "cite Plan-001:99: docs/plans/001-a.md has 5 lines, not 99",
            "cite Plan-007:1: Plan-007 matches no document",
        ])
    }

    func testLineCiteEndpoints() throws {
        let plan = "# Plan-001: A\n\nline three\nline four\n\n\nline seven\n\n"
        let files = [
            "docs/plans/001-a.md": plan,
            "docs/b.md": "# B\n\nSee Plan-001:3-4, ↓Plan-001:2-4, ↓Plan-001:3-6, ↓Plan-001:5-8 and ↓Plan-001:5-6.\n",
        ]
        try RuleHarness.assert("cites/line-range", files, messages: [
            "cite Plan-001:2-4: start line 2 of 2-4 is blank in docs/plans/001-a.md, nearest non-blank line 3",
            "cite Plan-001:3-6: end line 6 of 3-6 is blank in docs/plans/001-a.md, nearest non-blank line 7",
            "cite Plan-001:5-8: start line 5 and end line 8 of 5-8 are blank in docs/plans/001-a.md, "
                + "nearest non-blank lines 4 and 7",
            "cite Plan-001:5-6: lines 5-6 are blank in docs/plans/001-a.md, nearest non-blank line 4",
        ])
        // Off, only a range blank throughout is drift.
        let off = files.mapValues {
            $0.replacingOccurrences(of: "↓Plan-001:2-4", with: "Plan-001:2-4")
                .replacingOccurrences(of: "↓Plan-001:3-6", with: "Plan-001:3-6")
                .replacingOccurrences(of: "↓Plan-001:5-8", with: "Plan-001:5-8")
        }
        try RuleHarness.assert("cites/line-range", off, messages: [
            "cite Plan-001:5-6: lines 5-6 are blank in docs/plans/001-a.md, nearest non-blank line 4",
        ], config: "cites:\n  endpoints: false\n")
        XCTAssertThrowsError(try Fixture.corpus(files, config: "cites:\n  endpoints: maybe\n")) { error in
            XCTAssertTrue("\(error)".contains("expected true or false"), "\(error)")
        }
    }

    func testDuplicateDefinitionsAndUndefinedReferences() throws {
        let plan = """
        # Plan-001: A

        ## Invariants

        ### I-001-1 — one

        ↓### I-001-1 — again

        ## Notes

        Uses I-001-1, ↓I-001-7, I-001-1..1, ↓I-001-1..2, I-001-\\*, ↓CP-009-1, ↓BL-123, `I-001-9` quoted, placeholder BL-0XX.
        """
        let (_, duplicates) = try RuleHarness.findings("ids/duplicate-definition", ["docs/plans/001-a.md": plan])
        XCTAssertEqual(duplicates.map(\.message), ["I-001-1 is defined again (first at docs/plans/001-a.md:5)"])
        XCTAssertEqual(duplicates.map(\.line), [7])
        let (marked, undefined) = try RuleHarness.findings("ids/undefined-reference", ["docs/plans/001-a.md": plan])
        XCTAssertEqual(undefined.map(\.message), [
            "I-001-7 is defined nowhere", "I-001-1..2 is defined nowhere (I-001-2)", "CP-009-1 is defined nowhere",
            "BL-123 is defined nowhere",
        ])
        XCTAssertEqual(undefined.map(\.column), Array(marked.markers.dropFirst().map(\.column)))
    }

    func testStatusLifecycle() throws {
        let header = "| Field | Value |\n| --- | --- |\n"
        try RuleHarness.assert("plans/status", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n\(header)↓| **Status** | `shipped` |\n",
            "docs/plans/002-b.md": "# Plan-002: B\n\n\(header)↓| **Status** | `approved` (pending) |\n",
            "docs/plans/003-c.md": "↓# Plan-003: C\n\nNo header.\n",
            "docs/decisions/004-d.md": "# ADR-004: D\n\n\(header)| **Status** | `superseded` by [ADR-005](005-e.md) |\n",
            "docs/plans/005-e.md": "# Plan-005: E\n\n\(header)| **Status** | `completed` |\n",
        ], messages: [
            "Status `shipped` is not a plan status (expected one of draft, review, approved, completed)",
            "Status `approved (pending)` is not a lone code span (expected one of draft, review, approved, completed)",
            "no `| **Status** | … |` row in the header table",
        ])
    }

    func testTraceability() throws {
        let plan = """
        # Plan-001: A

        ## Implementation Phase Sequence

        ### Phase 1 — One

        #### Tasks

        ↓##### T1.1 — none and none

        **Files:** `a.ts` **Spec coverage:** none **Verifies invariant:** none (scaffold)

        ↓##### T1.2 — bad cites

        **Files:** `b.ts` **Spec coverage:** Spec-001 AC1, AC3 **Verifies invariant:** I-001-4

        ##### T1.3 — good

        **Files:** `c.ts` **Spec coverage:** Spec-001 AC2 **Verifies invariant:** none
        """
        try RuleHarness.assert("tasks/traceability", [
            "docs/plans/001-a.md": plan.replacingOccurrences(of: "↓##### T1.2", with: "↓↓##### T1.2"),
            "docs/specs/001-a.md": "# Spec-001: A\n\n## Acceptance Criteria\n\n- [ ] AC1 — one\n- [ ] AC2 — two\n",
        ], messages: [
            "task T1.1 traces to no spec criterion or invariant (Spec coverage: none; Verifies invariant: none (scaffold))",
            "task T1.2 cites Spec-001 AC3, but Spec-001 has 2 acceptance criteria",
            "task T1.2 verifies I-001-4, which is defined nowhere",
        ])
    }

    func testObligationReciprocity() throws {
        try RuleHarness.assert("obligations/reciprocity", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n## Cross-Plan Obligations\n\n↓### CP-001-1 — owed to Plan-002\n\n### CP-001-2 — owed to Plan-003\n",
            "docs/plans/002-b.md": "# Plan-002: B\n\nNothing about it.\n",
            "docs/plans/003-c.md": "# Plan-003: C\n\nWe consume CP-001-2.\n",
        ], messages: ["CP-001-1 names Plan-002, but docs/plans/002-b.md never mentions CP-001-1"])
    }

    func testTierOrderCarveOutsDeferralAndPlacement() throws {
        let map = """
        # Map

        ## 3. Inter-Plan Dependency Graph

        | Plan | Dependencies | Type |
        | --- | --- | --- |
        ↓| Plan-001 | Plan-003 (needed first) | declared |
        | Plan-002 | Plan-003 (lands later as an additive follow-up) | declared |
        | Plan-004 | Plan-005 (co-dep) | declared |

        ## 5. Canonical Build Order

        | Tier | Plans | Prerequisites |
        | --- | --- | --- |
        ↓| **1** | Plan-001, Plan-002 | none |
        | **2** | Plan-003, Plan-004 (partial — core) | Tier 1 |
        | **3** | Plan-005, Plan-004 (remainder) | Tier 2 |

        ### Plan-005 / Plan-004 Co-Dep Carve-Out (Tier 2 / Tier 3)
        """
        var files = ["docs/architecture/cross-plan-dependencies.md": map]
        for number in 1...6 { files["docs/plans/00\(number)-p.md"] = "# Plan-00\(number): P\n" }
        try RuleHarness.assert("deps/tier-order", files, messages: [
            "Plan-001 (tier 1) depends on Plan-003, which is not built before tier 2",
            "Plan-006 is placed in no tier of the build order",
        ])
    }

    func testTableArityCountsRawCellsRespectingEscapes() throws {
        try RuleHarness.assert("tables/arity", ["docs/a.md": """
        # A

        | a | b |
        | --- | --- |
        | 1 | 2 |
        ↓| 1 | 2 | 3 |
        | `x\\|y` | 2 |
        | only |
        ↓no | pipes | at edges
        """], messages: ["row has 3 cells, the header 2: GitHub drops the last 1",
                         "row has 3 cells, the header 2: GitHub drops the last 1"])
        XCTAssertEqual(TableSource.cellCount("a | b"), 2)
        XCTAssertEqual(TableSource.cellCount("| a | b |"), 2)
        XCTAssertEqual(TableSource.cellCount("| a \\| b |"), 1)
    }

    func testTableTotals() throws {
        try RuleHarness.assert("tables/total", ["docs/a.md": """
        # A

        ## Budget

        ↓The plan has 9 tasks in all.

        <!-- corpus:total-check column="Tasks" prose-total="tasks" -->
        | Phase | Tasks |
        | --- | --- |
        | 1 | 3 |
        | 2 | 4 |
        ↓| **Total** | 8 |
        """], messages: ["prose says 9 tasks, the `Tasks` column adds up to 7", "Total row says 8 for `Tasks`, the rows add up to 7"])
    }

    func testBacklogFields() throws {
        try RuleHarness.assert("backlog/fields", ["docs/backlog.md": """
        # Backlog

        ↓### BL-110: Thing

        - Status: `todo`
        ↓- Priority: `P3`

        ### BL-111: Complete

        - Status: `todo`
        - Priority: `P1`
        - References: none
        - Summary: s
        - Exit Criteria: e
        """], messages: ["BL-110 lacks References, Summary, Exit Criteria", "BL-110 Priority `P3` is not one of P0, P1, P2"])
    }
}
