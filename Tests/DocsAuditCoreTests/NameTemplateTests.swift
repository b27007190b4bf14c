import XCTest
@testable import DocsAuditCore

/// Names modules build from numbers come from the profile's templates (`kinds[].label`,
/// `graph.node-entry-id`, `graph.backlog-node-item-id`), read with file:line:col on error.
final class NameTemplateTests: XCTestCase {
    func testRenderPadsAndReadsBack() throws {
        let label = try NameTemplate("Plan-{number}", keys: ["number"])
        XCTAssertEqual(label.render(["number": "024"]), "Plan-024")
        XCTAssertEqual(label.value(of: "number", in: "Plan-024"), "024")
        XCTAssertNil(label.value(of: "number", in: "Spec-024"))
        XCTAssertNil(label.value(of: "number", in: "Plan-"))
        let backlog = try NameTemplate("BL-{1:3}{2}", keys: ["1", "2"])
        XCTAssertEqual(backlog.render(groups: [nil, "7", "a"]), "BL-007a")
        XCTAssertEqual(backlog.render(groups: [nil, "1234", nil]), "BL-1234")
        let wrapped = try NameTemplate("RFC {number} (final)", keys: ["number"])
        XCTAssertEqual(wrapped.value(of: "number", in: "RFC 12 (final)"), "12")
        XCTAssertNil(wrapped.value(of: "number", in: "RFC 12 (draft)"))
    }

    func testBadTemplatesAreRefused() {
        for (source, message) in [("Plan-{nmber}", "unknown placeholder {nmber}"), ("Plan-{number", "no `}`"),
                                  ("Plan-}", "no `{`"), ("Plan-", "no placeholder"),
                                  ("X{number:0}", "width"), ("X{number:x}", "width")] {
            XCTAssertThrowsError(try NameTemplate(source, keys: ["number"]), source) { error in
                XCTAssertTrue((error as? TemplateError)?.message.contains(message) == true, "\(source): \(error)")
            }
        }
    }

    private func configError(_ yaml: String) -> ConfigError? {
        var profile = (try? ProfileLoader.defaultProfile()) ?? Profile()
        do {
            try ProfileLoader.apply(yaml: yaml, file: "docs-audit.yml", to: &profile)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    func testATemplateErrorNamesFileLineColumnAndKey() {
        let graph = configError("graph:\n  node-entry-id: 'NS-{one}'\n")
        XCTAssertEqual(graph?.description,
                       "docs-audit.yml:2:18: graph.node-entry-id: unknown placeholder {one} (expected {1}, {2}, {3}, "
                       + "{4}, {5}, {6}, {7}, {8}, {9}): NS-{one}")
        let kind = configError("kinds:\n  - name: plan\n    paths: ['p/*.md']\n    label: 'P-{n}'\n")
        XCTAssertEqual(kind?.description,
                       "docs-audit.yml:4:12: kinds[0].label: unknown placeholder {n} (expected {number}): P-{n}")
    }

    func testTheDefaultProfileSpellsItsNames() throws {
        let profile = try ProfileLoader.defaultProfile()
        XCTAssertEqual(profile.label(kind: "plan", number: "024"), "Plan-024")
        XCTAssertEqual(profile.label(kind: "spec", number: "001"), "Spec-001")
        XCTAssertEqual(profile.label(kind: "adr", number: "012"), "ADR-012")
        XCTAssertEqual(profile.number(kind: "plan", inLabel: "Plan-007"), "007")
        XCTAssertEqual(profile.number(kind: "plan", inLabel: "007"), "007")
        XCTAssertNil(profile.number(kind: "plan", inLabel: "Spec-007"))
        XCTAssertEqual(profile.graph.nodeEntryID?.render(groups: [nil, "13", "a"]), "NS-13a")
        XCTAssertEqual(profile.graph.backlogNodeItemID?.render(groups: [nil, "7", ""]), "BL-007")
    }

    func testAnotherProfileSpellingDrivesTheModules() throws {
        // A corpus whose plans are `PLAN 7` and whose next steps are nodes `STEP1` for entries `STEP-1`.
        let files = [
            "docs/plans/007-x.md": "# PLAN 7: X\n\n| Field | Value |\n| --- | --- |\n| **Status** | `approved` |\n",
            "docs/architecture/cross-plan-dependencies.md": """
            # Map

            ## 5. Canonical Build Order

            | Tier | Plans |
            | --- | --- |
            | 1 | PLAN 8 |

            ## 6. Active Next Steps DAG

            ```mermaid
            graph TB
              STEP1[one]:::ready
              STEP2[two]:::blocked
              STEP1 --> STEP2
            ```

            ### STEP-1: one

            - Status: `todo`
            - Upstream: none

            ### STEP-2: two

            - Status: `todo`
            - Upstream: STEP-1

            """,
        ]
        let config = """
        kinds:
          - name: plan
            paths: ["docs/plans/*.md"]
            title: '^PLAN (\\d+): (.+)$'
            label: 'PLAN {number}'
            statuses: [approved]
          - name: other
            paths: ["**"]
        ids:
          plan: '\\bPLAN (\\d+)\\b'
          next-step: '\\bSTEP-(\\d+)\\b'
        graph:
          entry-heading: '^(STEP-\\d+)(?:\\.\\.(STEP-\\d+))?:\\s+(.+)$'
          node-id: '^STEP(\\d+)$'
          node-entry-id: 'STEP-{1}'
        dependencies:
          tier-section: '^5\\. Canonical Build Order$'
        """
        let findings = Linter.lint(try Fixture.corpus(files, config: config))
        let lines = findings.map { "\($0.rule) \($0.message)" }
        XCTAssertTrue(lines.contains("deps/tier-order PLAN 7 is placed in no tier of the build order"), "\(lines)")
        XCTAssertFalse(lines.contains { $0.hasPrefix("graph/upstream-edges") }, "\(lines)")
        XCTAssertFalse(lines.contains { $0.hasPrefix("graph/entry-node-pairing") }, "\(lines)")
    }
}
