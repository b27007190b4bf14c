import XCTest
@testable import DocsAuditCore

final class TaskExtractionTests: XCTestCase {
    private func plan(_ body: String) throws -> PlanModel {
        let text = """
        # Plan-042: Example

        | Field | Value |
        | --- | --- |
        | **Status** | `approved` |

        ## Implementation Phase Sequence

        \(body)
        """
        let model = try Fixture.model(["docs/plans/042-example.md": text])
        return try XCTUnwrap(model.plans.first)
    }

    func testShapeAHeadingWithInlineBoldFields() throws {
        let plan = try plan("""
        ### Phase 1 — Scaffold

        **Precondition:** Phase 0 merged.

        #### Tasks

        ##### T1.1 — `client.ts` transport

        **Files:** `src/client.ts`, `test/client.test.ts` **Spec coverage:** Spec-001 AC1, AC3 **Verifies invariant:** none (wrapper)

        ##### T1.2 — second

        **File:** `src/b.ts` **Spec coverage:** none **Verifies invariant:** I-042-1
        """)
        let phase = try XCTUnwrap(plan.phases.first)
        XCTAssertEqual(phase.id, "1")
        XCTAssertEqual(phase.title, "Scaffold")
        XCTAssertEqual(phase.precondition, "Phase 0 merged.")
        let tasks = plan.allTasks
        XCTAssertEqual(tasks.map(\.id), ["T1.1", "T1.2"])
        XCTAssertEqual(tasks.map(\.shape), [.headingFields, .headingFields])
        XCTAssertEqual(tasks[0].title, "client.ts transport")
        XCTAssertEqual(tasks[0].files, ["src/client.ts", "test/client.test.ts"])
        XCTAssertEqual(tasks[0].specCoverage, "Spec-001 AC1, AC3")
        XCTAssertEqual(tasks[0].verifiesInvariant, "none (wrapper)")
        XCTAssertEqual(tasks[1].files, ["src/b.ts"], "`File:` is accepted as well as `Files:`")
        XCTAssertEqual(tasks[1].verifiesInvariant, "I-042-1")
        XCTAssertEqual(tasks[0].line, 15)
    }

    func testShapeBBulletWithBoldFields() throws {
        let plan = try plan("""
        ### Phase 2: Framing

        #### Tasks

        - **T-042-2-1** Implement framing. **Files:** `src/framing.rs`, `tests/roundtrip.rs`. **Constants:** `MAX = 8`. **Spec coverage:** ADR-009 §Decision. **Verifies invariant:** none (framing).
        - **T-042-2-2** Define types. **Files:** `src/protocol.rs`. **Spec coverage:** ADR-019 §Decision item 1. **Verifies invariant:** I-042-2.
        """)
        let tasks = plan.allTasks
        XCTAssertEqual(tasks.map(\.id), ["T-042-2-1", "T-042-2-2"])
        XCTAssertEqual(tasks[0].shape, .bulletFields)
        XCTAssertEqual(tasks[0].title, "Implement framing.")
        XCTAssertEqual(tasks[0].files, ["src/framing.rs", "tests/roundtrip.rs"])
        XCTAssertEqual(tasks[0].specCoverage, "ADR-009 §Decision.")
        XCTAssertEqual(tasks[0].fields.map(\.label), ["Files", "Constants", "Spec coverage", "Verifies invariant"])
        XCTAssertEqual(plan.phases.first?.id, "2")
    }

    func testShapeCParenthesisedFieldList() throws {
        let plan = try plan("""
        ### Phase 1 — Bootstrap

        #### Tasks

        - **T-042p-1-1** (Files: `src/defaults.ts`; Verifies invariant: I-042-1 + I-042-2; Spec coverage: Spec-027 rows 4 + 10) — Implement the loader (with `load(config)`).
        - **T-042p-1-2** (Files: `src/tests.ts`; Verifies all I-042-1..5 at Tier 1 scope) — Author the suite.
        - **T-042p-1-3** (Files: `src/c.ts`) — Verify the surface. **Spec coverage:** Spec-007 §Acceptance Criteria.
        """)
        let tasks = plan.allTasks
        XCTAssertEqual(tasks.map(\.id), ["T-042p-1-1", "T-042p-1-2", "T-042p-1-3"])
        XCTAssertEqual(tasks[2].title, "Verify the surface.")
        XCTAssertEqual(tasks[2].specCoverage, "Spec-007 §Acceptance Criteria.", "bold fields after a shape-C description count")
        XCTAssertEqual(tasks[0].shape, .bulletParenthesised)
        XCTAssertEqual(tasks[0].files, ["src/defaults.ts"])
        XCTAssertEqual(tasks[0].verifiesInvariant, "I-042-1 + I-042-2")
        XCTAssertEqual(tasks[0].specCoverage, "Spec-027 rows 4 + 10")
        XCTAssertEqual(tasks[0].title, "Implement the loader (with load(config)).")
        XCTAssertEqual(tasks[1].verifiesInvariant, "Verifies all I-042-1..5 at Tier 1 scope")
        XCTAssertNil(tasks[1].specCoverage)
    }

    func testShapeDHeadingWithOneBulletPerField() throws {
        let plan = try plan("""
        ### Phase 3 — Renderer

        #### Tasks

        ##### T3.1 — `runtime-node.ts`: attach

        - **Files:** `src/runtime-node.ts`
        - **Step:** write the failing test
        - **Step 2:** make it pass
        - **Spec coverage:** Spec-003 line 53
        - **Verifies invariant:** none (substrate)
        - [ ] **Step 3:** refactor
        """)
        let task = try XCTUnwrap(plan.allTasks.first)
        XCTAssertEqual(task.shape, .headingBullets)
        XCTAssertEqual(task.files, ["src/runtime-node.ts"])
        XCTAssertEqual(task.steps.map(\.text), ["write the failing test", "make it pass", "refactor"])
        XCTAssertEqual(task.steps.map(\.checked), [nil, nil, false])
        XCTAssertEqual(task.specCoverage, "Spec-003 line 53")
    }

    func testPhasesOnlyUnderPhaseSectionsAndTestGroupingsIgnored() throws {
        let plan = try plan("""
        ### Phase 1 — Real

        ## Test And Verification Plan

        #### Phase 1 — a test grouping, not a phase

        | ID | Test |
        | --- | --- |
        | C1 | contract test |

        - **W-042p-1-T1** load before bind
        """)
        XCTAssertEqual(plan.phases.map(\.id), ["1"])
        XCTAssertEqual(plan.testIDs.map(\.id), ["C1", "W-042p-1-T1"])
    }

    func testInvariantsObligationsHeaderAndSections() throws {
        let text = """
        # Plan-042: Example

        | Field | Value |
        | --- | --- |
        | **Status** | `review` |
        | **Required ADRs** | [ADR-019: Sidecar](../decisions/019-sidecar.md), [ADR-009](../decisions/009-wire.md) |

        ## Invariants

        ### I-042-1 — Locks are ordered

        **Why load-bearing.** Deadlocks.

        ## Cross-Plan Obligations

        ### CP-042-1 — Handler owed to [Plan-001](./001-core.md) Phase 5

        **Resolution.** Plan-001 ships it.

        ### CP-042-2 — Telemetry suite

        Plan-020 consumes it; Plan-042 only emits.

        ## Target Areas

        - `packages/sidecar/` — the crate (`portable-pty ≥ 0.9`)
        - `packages/contracts/src/pty.ts`

        ## Preconditions

        - [x] Paired spec is approved
        - [ ] Required ADRs are accepted
        """
        let model = try Fixture.model(["docs/plans/042-example.md": text])
        let plan = try XCTUnwrap(model.plans.first)
        XCTAssertEqual(plan.status, "review")
        XCTAssertEqual(plan.number, "042")
        XCTAssertEqual(plan.invariants.map(\.id), ["I-042-1"])
        XCTAssertEqual(plan.invariants.first?.title, "Locks are ordered")
        XCTAssertEqual(plan.obligations.map(\.id), ["CP-042-1", "CP-042-2"])
        XCTAssertEqual(plan.obligations.map(\.counterparties), [["Plan-001"], ["Plan-020"]])
        XCTAssertEqual(plan.requiredADRs, ["ADR-019", "ADR-009"])
        XCTAssertEqual(plan.targetAreas.map(\.path), ["packages/sidecar/", "packages/contracts/src/pty.ts"])
        XCTAssertEqual(plan.preconditions.map(\.checked), [true, false])
        XCTAssertEqual(model.documents.first?.statusLine, 5)
    }
}
