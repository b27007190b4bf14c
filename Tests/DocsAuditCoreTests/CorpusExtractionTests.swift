import XCTest
@testable import DocsAuditCore

final class CorpusExtractionTests: XCTestCase {
    func testMethodRegistryAndDeclaredFormat() throws {
        let model = try Fixture.model(["docs/architecture/contracts/api.md": """
        # API

        ### JSON-RPC Method-Name Registry

        | Method | Procedure type | Notes |
        | --- | --- | --- |
        | `session.create` | RPC | new |
        | `runtime_node.attach` | RPC | bad |
        | no code here | RPC | skipped |

        ```ts
        // the format
        const METHOD_NAME_FORMAT = /^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$/u;
        ```

        | Event | Payload |
        | --- | --- |
        | `runtime_node.online` | not a registry |
        """])
        let tables = model.methodRegistries.tables
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables[0].rows.map(\.name), ["session.create", "runtime_node.attach"])
        XCTAssertEqual(tables[0].rows.map(\.line), [7, 8])
        XCTAssertEqual(tables[0].section, "JSON-RPC Method-Name Registry")
        let format = try XCTUnwrap(model.methodRegistries.formats.first)
        XCTAssertEqual(format.source, "^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$")
        XCTAssertEqual(format.flags, "u")
        XCTAssertEqual(format.line, 13)
    }

    func testErrorCodesTakeTheirNamespaceSectionInContractsOnly() throws {
        let table = "| Code | Description |\n| --- | --- |\n| `session.not_found` | gone |\n| `data.type` | header-like |\n"
        let model = try Fixture.model([
            "docs/architecture/contracts/errors.md": "# Errors\n\n## Error Codes\n\n### Session\n\n\(table)",
            "docs/plans/001-a.md": "# Plan-001: A\n\n## Error Codes\n\n\(table)",
        ])
        XCTAssertEqual(model.errorCodes.map(\.code), ["session.not_found", "data.type"])
        XCTAssertEqual(model.errorCodes.map(\.namespace), ["Session", "Session"])
        XCTAssertEqual(model.errorCodes.map(\.path), ["docs/architecture/contracts/errors.md", "docs/architecture/contracts/errors.md"])
    }

    func testBacklogHeadingsFieldsAndArchiveRows() throws {
        let model = try Fixture.model([
            "docs/backlog.md": """
            # Backlog

            ## Item Template

            ```md
            ### BL-0XX: Template
            ```

            ## Active Items

            ### BL-108: Signing evidence

            - Status: `todo`
            - Priority: `P2`
            - References: [Plan-024](plans/024-x.md)
            """,
            "docs/archive/backlog-archive.md": """
            # Archive

            ## Completed: 2026-04-15

            | ID | Title | Deliverable |
            | --- | --- | --- |
            | BL-001 | Accept ADRs | done |

            #### BL-038: Write ADR-015

            - Status: `completed`
            """,
        ])
        XCTAssertEqual(model.backlog.map(\.id), ["BL-001", "BL-038", "BL-108"])
        XCTAssertEqual(model.backlog.map(\.archived), [true, true, false])
        XCTAssertEqual(model.backlog.map(\.status), ["completed", "completed", "todo"])
        XCTAssertEqual(model.backlog.map(\.form), ["table-row", "heading", "heading"])
        XCTAssertEqual(model.backlog.last?.priority, "P2")
        XCTAssertEqual(model.backlog.last?.fields.map(\.key), ["Status", "Priority", "References"])
    }

    func testDependencyAndTierTables() throws {
        let model = try Fixture.model(["docs/architecture/cross-plan-dependencies.md": """
        # Map

        ## 3. Inter-Plan Dependency Graph

        | Plan | Dependencies | Type |
        | --- | --- | --- |
        | Plan-002 | Plan-001 (session tables), Plan-007 (scope **exclusion** — confirmed non-dep) | spec-declared |
        | Plan-024 | None upstream-as-blocker. Plan-001 obligations. Forward: Plan-005 (Tier 4) consumes it. | declared |
        | Plan-012 | Spec-024 (per below — Plan-027 owns the V1 implementation) | declared |

        ## 5. Canonical Build Order

        | Tier | Plans | Prerequisites |
        | --- | --- | --- |
        | **1** | Plan-001, Plan-007 (partial-deliverable only — see carve-out, Tier 4 later) | none |
        | **4** | Plan-007 (remainder — `run.*`; Tier 1 partial already shipped), Plan-025 (remaining steps) | Tier 1 |

        ### Plan-007 Substrate Carve-Out (Tier 1 / Tier 4)

        ### Plan-025 / Plan-018 Symmetric Co-Dep Carve-Out (Tier 5)
        """])
        let rows = model.dependencies.rows
        XCTAssertEqual(rows.map(\.plan), ["Plan-002", "Plan-024", "Plan-012"])
        XCTAssertEqual(rows[0].upstream, ["Plan-001"])
        XCTAssertEqual(rows[0].mentioned, ["Plan-007"])
        XCTAssertEqual(rows[1].upstream, [], "a cell that opens with None names no upstream")
        XCTAssertEqual(rows[1].mentioned, ["Plan-005", "Plan-001"])
        XCTAssertEqual(rows[2].upstream, [])
        XCTAssertEqual(rows[2].mentioned, ["Plan-027"])
        let tiers = model.dependencies.tiers
        XCTAssertEqual(tiers.map(\.tier), [1, 4])
        XCTAssertEqual(tiers[0].plans.map(\.plan), ["Plan-001", "Plan-007"])
        XCTAssertEqual(tiers[0].plans.map(\.slice), ["whole", "partial"])
        XCTAssertEqual(tiers[1].plans.map(\.slice), ["remainder", "remainder"], "classified from the parenthetical's head")
        XCTAssertEqual(model.dependencies.carveOuts.map(\.plans), [["Plan-007"], ["Plan-025", "Plan-018"]])
        XCTAssertEqual(model.dependencies.carveOuts.first?.slug, "plan-007-substrate-carve-out-tier-1--tier-4")
    }

    func testLinksCitesReferencesAndAnchors() throws {
        let model = try Fixture.model([
            "docs/plans/024-sidecar.md": """
            # Plan-024: Sidecar

            ## Goal

            <a id="goal-anchor"></a>See [map](../architecture/map.md#5-build-order), [self](#goal), [web](https://example.com),
            and Plan-024:3-4, [Plan-001](./001-core.md):10, `packages/a/src/x.ts:24,35`.
            Invariants I-024-1, I-024-1..3, I-024-\\* and test I-024-3-T1; placeholder BL-0XX; PR #12.

            ```text
            I-999-9 in code is not prose
            ```
            """,
            "docs/plans/001-core.md": "# Plan-001: Core\n",
        ])
        let links = model.links
        XCTAssertEqual(links.map(\.destination), ["../architecture/map.md#5-build-order", "#goal", "./001-core.md"])
        XCTAssertEqual(links.map(\.target), ["docs/architecture/map.md", nil, "docs/plans/001-core.md"])
        XCTAssertEqual(links.map(\.fragment), ["5-build-order", "goal", nil])
        XCTAssertEqual(links.first?.line, 5)
        XCTAssertEqual(links.first?.column, 29)
        XCTAssertEqual(model.cites.map(\.form), ["label-colon", "link-colon", "code-pin"])
        XCTAssertEqual(model.cites.map(\.target), ["docs/plans/024-sidecar.md", "docs/plans/001-core.md", "packages/a/src/x.ts"])
        XCTAssertEqual(model.cites.map(\.ranges), [[LineSpan(start: 3, end: 4)], [LineSpan(start: 10, end: 10)],
                                                  [LineSpan(start: 24, end: 24), LineSpan(start: 35, end: 35)]])
        let invariants = model.references.filter { $0.family.hasPrefix("invariant") }.map { "\($0.family):\($0.id)" }
        XCTAssertEqual(invariants, ["invariant:I-024-1", "invariant:I-024-1..3", "invariant-wildcard:I-024-\\*"],
                       "I-024-3-T1 is a test ID, code blocks are not prose")
        XCTAssertEqual(model.references.first { $0.id == "I-024-1..3" }?.range, true, "a range is one reference")
        XCTAssertFalse(model.references.contains { $0.id == "BL-0XX" })
        let anchors = try XCTUnwrap(model.documents.first { $0.path.hasPrefix("docs/plans/024") }?.anchors)
        XCTAssertEqual(anchors, ["plan-024-sidecar", "goal", "goal-anchor"])
    }
}
