import XCTest
@testable import DocsAuditCore

/// One test per reason a registry, tag, plan, task, dependency, table or backlog rule fires and per exemption
/// it honours.
final class DocumentRuleBranchTests: XCTestCase {
    private let fallback = "/^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$/ (profile fallback)"

    // MARK: registry/method-name-format

    func testMethodFormatFromAnotherDocumentWhenTheTableHasNone() throws {
        try RuleHarness.assert("registry/method-name-format", [
            "docs/architecture/contracts/a.md": "# A\n\n| Method |\n| --- |\n| `↓a.b` |\n",
            "docs/architecture/contracts/b.md": "# B\n\n```ts\nconst METHOD_NAME_FORMAT = /^[a-z]+\\.[a-z]+\\.[a-z]+$/;\n```\n",
        ], messages: ["method `a.b` (row 1 of the registry at line 3) does not match METHOD_NAME_FORMAT /^[a-z]+\\.[a-z]+\\.[a-z]+$/ (docs/architecture/contracts/b.md:4)"])
    }

    func testMethodFormatPrefersTheDocumentsOwnDeclaration() throws {
        try RuleHarness.assert("registry/method-name-format", [
            // a.md's declaration comes first in the corpus; z.md's own wins for its table.
            "docs/architecture/contracts/a.md": "# A\n\n```ts\nconst METHOD_NAME_FORMAT = /^x$/;\n```\n",
            "docs/architecture/contracts/z.md": "# Z\n\n| Method |\n| --- |\n| `a.b` |\n\n```ts\nconst METHOD_NAME_FORMAT = /^[a-z]+\\.[a-z]+$/;\n```\n",
        ], messages: [])
    }

    func testMethodFormatFallbackAndProcedureHeader() throws {
        try RuleHarness.assert("registry/method-name-format", [
            "docs/architecture/contracts/a.md": "# A\n\n| Procedure | Notes |\n| --- | --- |\n| `↓Session.Create` | x |\n| `session.create` | y |\n",
        ], messages: ["method `Session.Create` (row 1 of the registry at line 3) does not match METHOD_NAME_FORMAT " + fallback])
    }

    func testMethodFormatThatCannotBeTranslated() throws {
        try RuleHarness.assert("registry/method-name-format", [
            "docs/architecture/contracts/a.md": "# A\n\n| Method |\n| --- |\n| `a.b` |\n\n```ts\n↓const METHOD_NAME_FORMAT = /^[a-z]+$/q;\n```\n",
        ], messages: ["METHOD_NAME_FORMAT /^[a-z]+$/q cannot be read as a regular expression"])
    }

    func testMethodFormatIgnoresTablesThatAreNotRegistries() throws {
        try RuleHarness.assert("registry/method-name-format",
            ["docs/architecture/contracts/a.md": "# A\n\n| Event |\n| --- |\n| `Runtime_Node.Online` |\n"],
                               messages: [])
    }

    // MARK: tags/ephemeral

    private func tags(_ text: String, path: String = "docs/plans/001-a.md") -> [String: String] { [path: text] }

    func testEphemeralEachFamilyOutsideProvenance() throws {
        try RuleHarness.assert("tags/ephemeral", tags("""
        # Plan-001: A

        ## Scope

        ↓F-001-2-03, ↓DT-003-relay, ↓PR #12, ↓this commit and ↓.agents/tmp/notes.md.
        """), messages: [
            "ephemeral finding `F-001-2-03` outside a provenance section",
            "ephemeral dep-trace `DT-003-relay` outside a provenance section",
            "ephemeral pr-ref `PR #12` outside a provenance section",
            "ephemeral deictic `this commit` outside a provenance section",
            "ephemeral transient-path `.agents/tmp/notes.md` outside a provenance section",
        ])
    }

    func testEphemeralInsideTasksIsAnErrorByDefault() throws {
        let files = tags("# Plan-001: A\n\n#### Tasks\n\n- ↓PR #3 wires it\n")
        try RuleHarness.assert("tags/ephemeral",
            files, messages: ["ephemeral pr-ref `PR #3` inside a Tasks block (gate G5)"])
        let corpus = try Fixture.corpus(files.mapValues { $0.replacingOccurrences(of: "↓", with: "") })
        XCTAssertEqual(Linter.lint(corpus).filter { $0.rule == "tags/ephemeral" }.map(\.severity), [.error])
        let relaxed = try Fixture.corpus(files.mapValues { $0.replacingOccurrences(of: "↓", with: "") },
                                         config: "tags:\n  tasks-severity: info\n")
        XCTAssertEqual(Linter.lint(relaxed).filter { $0.rule == "tags/ephemeral" }.map(\.severity), [.info])
    }

    func testEphemeralProvenanceSurfaces() throws {
        try RuleHarness.assert("tags/ephemeral", tags("""
        # Plan-001: A

        ## Progress Log

        - PR #11 shipped (this commit), closing F-001-1-04.

        ## Decision Log

        ### Later

        PR #13 nested under a provenance section.

        ## Scope

        **Precondition:** PR #10 merged.

        | Failing Example | PR #14 |
        | --- | --- |

        Codex PR #20 round 4 asked for it; the folder `.agents/tmp/` and F-001-1-XX are placeholders.
        """), messages: [])
    }

    func testEphemeralExemptTreesRootFilesAndTemplates() throws {
        try RuleHarness.assert("tags/ephemeral", [
            "docs/archive/old.md": "# Old\n\nPR #1\n", "README.md": "# Readme\n\nPR #2\n",
            "docs/plans/000-plan-template.md": "# Plan-NNN: Template\n\nPR #3\n", "docs/superpowers/x.md": "# X\n\nPR #4\n",
        ], messages: [])
    }

    func testEphemeralSkipsCodeBlocks() throws {
        try RuleHarness.assert("tags/ephemeral",
            tags("# Plan-001: A\n\n## Scope\n\n```text\nPR #12\n```\n"), messages: [])
    }

    // MARK: plans/status

    private let header = "| Field | Value |\n| --- | --- |\n"

    func testStatusPerKindLifecycle() throws {
        try RuleHarness.assert("plans/status", [
            "docs/specs/001-a.md": "# Spec-001: A\n\n\(header)↓| **Status** | `accepted` |\n",
            "docs/decisions/002-b.md": "# ADR-002: B\n\n\(header)↓| **Status** | `approved` |\n",
            "docs/plans/003-c.md": "# Plan-003: C\n\n\(header)| **Status** | `completed` |\n",
        ], messages: [
            "Status `approved` is not a adr status (expected one of proposed, accepted, deprecated, superseded, reserved-skipped)",
            "Status `accepted` is not a spec status (expected one of draft, review, approved, superseded)",
        ])
    }

    func testStatusMissingRowAndAnnotatedValue() throws {
        try RuleHarness.assert("plans/status", [
            "docs/plans/001-a.md": "↓# Plan-001: A\n\n\(header)| **Owner** | me |\n",
            "docs/plans/002-b.md": "# Plan-002: B\n\n\(header)↓| **Status** | approved |\n",
        ], messages: [
            "no `| **Status** | … |` row in the header table",
            "Status `approved` is not a lone code span (expected one of draft, review, approved, completed)",
        ])
    }

    func testStatusExemptions() throws {
        try RuleHarness.assert("plans/status", [
            "docs/decisions/004-d.md": "# ADR-004: D\n\n\(header)| **Status** | `superseded` by [ADR-005](005-e.md) |\n",
            "docs/architecture/overview.md": "# Overview\n\nNo header table: architecture documents have no lifecycle.\n",
        ], messages: [])
    }

    // MARK: tasks/traceability

    private func planWithTasks(_ tasks: String) -> String {
        "# Plan-001: A\n\n## Implementation Phase Sequence\n\n### Phase 1 — One\n\n#### Tasks\n\n" + tasks
    }

    private let spec = ["docs/specs/001-a.md": "# Spec-001: A\n\n## Acceptance Criteria\n\n- [ ] AC1 — one\n- [ ] AC2 — two\n"]

    func testTraceabilityAbsentFields() throws {
        try RuleHarness.assert("tasks/traceability",
            spec.merging(["docs/plans/001-a.md": planWithTasks("↓##### T1.1 — a\n\n**Files:** `a.ts`\n")]) { $1 },
                               messages: ["task T1.1 traces to no spec criterion or invariant (Spec coverage: absent; Verifies invariant: absent)"])
    }

    func testTraceabilityUnknownSpecAndInheritedCriteria() throws {
        try RuleHarness.assert("tasks/traceability", spec.merging(["docs/plans/001-a.md": planWithTasks("""
        ↓↓##### T1.1 — a

        **Files:** `a.ts` **Spec coverage:** Spec-009 AC1; Spec-001 AC1, AC2, AC5 **Verifies invariant:** none
        """)]) { $1 }, messages: [
            "task T1.1 cites Spec-001 AC5, but Spec-001 has 2 acceptance criteria",
            "task T1.1 cites Spec-009, which does not exist",
        ])
    }

    func testTraceabilityEitherFieldSuffices() throws {
        try RuleHarness.assert("tasks/traceability", spec.merging(["docs/plans/001-a.md": planWithTasks("""
        ##### T1.1 — a

        **Files:** `a.ts` **Spec coverage:** none **Verifies invariant:** I-001-1

        ##### T1.2 — b

        **Files:** `b.ts` **Spec coverage:** Spec-001 AC2 **Verifies invariant:** none
        """) + "\n## Invariants\n\n### I-001-1 — one\n"]) { $1 }, messages: [])
    }

    // MARK: obligations/reciprocity

    func testReciprocityPerCounterpartyAndUnknownPlansSkipped() throws {
        try RuleHarness.assert("obligations/reciprocity", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n## Cross-Plan Obligations\n\n↓↓### CP-001-1 — Plan-002 and Plan-003 and Plan-009\n",
            "docs/plans/002-b.md": "# Plan-002: B\n",
            "docs/plans/003-c.md": "# Plan-003: C\n\nOnly CP-001-2 here.\n",
        ], messages: [
            "CP-001-1 names Plan-002, but docs/plans/002-b.md never mentions CP-001-1",
            "CP-001-1 names Plan-003, but docs/plans/003-c.md never mentions CP-001-1",
        ])
    }

    // MARK: deps/tier-order

    private func dependencyMap(rows: String, tiers: String, extra: String = "") -> [String: String] {
        var files = ["docs/architecture/cross-plan-dependencies.md": """
        # Map

        ## 3. Inter-Plan Dependency Graph

        | Plan | Dependencies | Type |
        | --- | --- | --- |
        \(rows)

        ## 5. Canonical Build Order

        | Tier | Plans | Prerequisites |
        | --- | --- | --- |
        \(tiers)
        \(extra)
        """]
        for number in 1...4 { files["docs/plans/00\(number)-p.md"] = "# Plan-00\(number): P\n" }
        return files
    }

    func testTierOrderLaterTierReported() throws {
        try RuleHarness.assert("deps/tier-order", dependencyMap(
            rows: "↓| Plan-001 | Plan-002 (events), Plan-003 (log) | declared |\n| Plan-004 | Plan-004 (self) | declared |",
            tiers: "| **1** | Plan-001, Plan-003, Plan-004 | none |\n| **2** | Plan-002 | Tier 1 |"),
            messages: ["Plan-001 (tier 1) depends on Plan-002, which is not built before tier 2"])
    }

    func testTierOrderSingleUpstreamCarveOut() throws {
        try RuleHarness.assert("deps/tier-order", dependencyMap(
            rows: "| Plan-001 | Plan-002 (events) | declared |",
            tiers: "| **1** | Plan-001, Plan-003, Plan-004 | none |\n| **2** | Plan-002 | Tier 1 |",
            extra: "\n### Plan-002 Bootstrap Carve-Out\n"), messages: [])
    }

    func testTierOrderDeferralAndPartialSlices() throws {
        try RuleHarness.assert("deps/tier-order", dependencyMap(
            rows: "| Plan-001 | Plan-002 (deferred to Tier 2), Plan-004 (core) | declared |\n| Plan-004 | Plan-003 (x) | declared |",
            tiers: "| **1** | Plan-001, Plan-004 (partial — core) | none |\n| **2** | Plan-002, Plan-003, Plan-004 (remainder) | Tier 1 |"),
            messages: [])
    }

    func testTierOrderIgnoresMentionsThatAreNotUpstreams() throws {
        // Plans inside parentheses, in a `non-dep` clause, after `Forward:`, or in a `None` cell are mentions.
        try RuleHarness.assert("deps/tier-order", dependencyMap(
            rows: "| Plan-001 | Plan-003 (uses Plan-002), Plan-002 (non-dep) Forward: Plan-004 | declared |\n"
                + "| Plan-003 | None (Plan-004 later) | declared |",
            tiers: "| **1** | Plan-001, Plan-003 | none |\n| **2** | Plan-002, Plan-004 | Tier 1 |"), messages: [])
    }

    func testTierOrderWithoutBuildOrderChecksNothing() throws {
        var files = dependencyMap(rows: "| Plan-001 | Plan-002 (x) | declared |", tiers: "")
        files["docs/architecture/cross-plan-dependencies.md"] = files["docs/architecture/cross-plan-dependencies.md"]?
            .replacingOccurrences(of: "## 5. Canonical Build Order", with: "## 5. Later")
        try RuleHarness.assert("deps/tier-order", files, messages: [])
    }

    func testTierOrderPlanInNoTierNamesItsFile() throws {
        let files = dependencyMap(rows: "| Plan-001 | Plan-002 (x) | declared |",
                                  tiers: "↓| **1** | Plan-002, Plan-003, Plan-004 | none |\n| **2** | Plan-001 | Tier 1 |")
        try RuleHarness.assert("deps/tier-order",
            files.mapValues { $0.replacingOccurrences(of: "↓", with: "") }, messages: [])
        let unplaced = files.merging(["docs/plans/005-p.md": "# Plan-005: P\n"]) { $1 }
        let (marked, findings) = try RuleHarness.findings("deps/tier-order", unplaced)
        XCTAssertEqual(findings.map(\.message), ["Plan-005 is placed in no tier of the build order"])
        XCTAssertEqual(findings.map(\.line), marked.markers.map(\.line))
        XCTAssertEqual(findings.map(\.related), [["docs/plans/005-p.md"]])
    }

    // MARK: tables/arity

    func testArityCountsEdgesEscapesAndCodeSpans() throws {
        try RuleHarness.assert("tables/arity", ["docs/a.md": """
        # A

        a | b
        --- | ---
        ↓1 | 2 | 3
        `x\\|y` | 2
        | 1 | 2 |
        """], messages: ["row has 3 cells, the header 2: GitHub drops the last 1"])
    }

    // MARK: tables/total

    func testTotalProseColonForm() throws {
        try RuleHarness.assert("tables/total", ["docs/a.md": """
        # A

        ## Budget

        ↓Tasks: 6, hours: 9.

        <!-- corpus:total-check column="Tasks" prose-total="Tasks" -->
        | Phase | Tasks |
        | --- | --- |
        | 1 | 3 |
        | 2 | 4 |
        | Total | 7 |
        """], messages: ["prose says 6 Tasks, the `Tasks` column adds up to 7"])
    }

    func testTotalMarkerNotFollowedByATable() throws {
        try RuleHarness.assert("tables/total",
            ["docs/a.md": "# A\n\n↓<!-- corpus:total-check column=\"Tasks\" -->\n\nJust prose.\n"],
                               messages: ["corpus:total-check is not followed by a table"])
    }

    func testTotalWithoutTotalRowOrProseLabelChecksNothingElse() throws {
        try RuleHarness.assert("tables/total", ["docs/a.md": """
        # A

        The plan has 99 tasks.

        <!-- corpus:total-check column="tasks" -->
        | Phase | Tasks |
        | --- | --- |
        | 1 | 3 |
        | 2 | n/a |
        """], messages: [])
    }

    // MARK: backlog/fields

    func testBacklogStatusOutsideTheDeclaredValues() throws {
        try RuleHarness.assert("backlog/fields", ["docs/backlog.md": """
        # Backlog

        ### BL-110: Thing

        ↓- Status: `done`
        - Priority: `P1`
        - References: none
        - Summary: s
        - Exit Criteria: e
        """], messages: ["BL-110 Status `done` is not one of todo, in_progress, blocked, completed"])
    }

    func testBacklogRequiredFieldsFromTheProfile() throws {
        try RuleHarness.assert("backlog/fields",
            ["docs/backlog.md": "# Backlog\n\n↓### BL-110: Thing\n\n- Status: `todo`\n"],
                               messages: ["BL-110 lacks Owner"], config: "backlog:\n  required-fields: [Status, Owner]\n")
    }

    func testBacklogSkipsArchivedAndTableItems() throws {
        let files = [
            "docs/archive/backlog-archive.md": "# Archive\n\n### BL-100: Old\n\n- Status: `shipped`\n",
            "docs/backlog.md": "# Backlog\n\n| ID | Status |\n| --- | --- |\n| BL-101 | `weird` |\n",
        ]
        try RuleHarness.assert("backlog/fields", files, messages: [])
        // Archived items are skipped by the rule itself, not only because the archive is frozen by default.
        try RuleHarness.assert("backlog/fields", files, messages: [], config: "corpus:\n  frozen: []\n")
    }
}
