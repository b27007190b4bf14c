import XCTest
@testable import DocsAuditCore

/// ID families as profile data (`ids.<family>` mapping form): definitions, references, ranges, reservations.
final class IDFamilyTests: XCTestCase {
    /// A campaign plan that reserves IDs it is about to create (issue 10's two cases).
    private let campaign = """
        # Housekeeper

        | File | Change |
        | --- | --- |
        | `docs/architecture/cross-plan-dependencies.md` | Insert ↓NS-23 entry; mermaid node for NS-23 |

        The drift work is reserved as **↓BL-109** with its title below; BL-109 then tracks it.

        ### Task 1.1: Insert NS-23 entry into §6
        """
    private let backlog = "# Backlog\n\n### BL-108: Signing\n\n- Status: `todo`\n"

    func testReservationPhrasesAreDefinitionsToBe() throws {
        let files = ["docs/superpowers/plans/housekeeper.md": campaign, "docs/backlog.md": backlog]
        try RuleHarness.assert("ids/reserved", files, messages: [
            "NS-23 is reserved here and not defined yet", "BL-109 is reserved here and not defined yet",
        ])
        let (_, undefined) = try RuleHarness.findings("ids/undefined-reference", files)
        XCTAssertEqual(undefined.map(\.message), [], "references to a reserved ID are not undefined")
    }

    func testWithoutReservationsTheSameTextIsUndefined() throws {
        let files = ["docs/superpowers/plans/housekeeper.md": campaign, "docs/backlog.md": backlog]
        let config = "ids:\n  next-step: {reservations: []}\n  backlog: {reservations: []}\n"
        let (_, undefined) = try RuleHarness.findings("ids/undefined-reference", files, config: config)
        XCTAssertEqual(undefined.map(\.message), [
            "NS-23 is defined nowhere", "BL-109 is defined nowhere", "NS-23 is defined nowhere",
        ], "once per line and ID")
        let (_, reserved) = try RuleHarness.findings("ids/reserved", files, config: config)
        XCTAssertTrue(reserved.isEmpty)
    }

    func testAReservedIDThatExistsIsNotReported() throws {
        let files = ["docs/superpowers/plans/housekeeper.md": campaign.replacingOccurrences(of: "↓", with: ""),
                     "docs/backlog.md": backlog + "\n### BL-109: Drift\n\n- Status: `todo`\n"]
        let (_, reserved) = try RuleHarness.findings("ids/reserved", files)
        XCTAssertEqual(reserved.map(\.message), ["NS-23 is reserved here and not defined yet"])
    }

    /// A family written only as data: numbered documents define it, three spellings reference it.
    private let rfcConfig = """
        kinds:
          - name: rfc
            paths: ["text/*.md"]
            title: '^RFC (\\d+): (.+)$'
          - name: other
            paths: ["**"]
        ids:
          rfc:
            pattern: '\\bRFC ?#?(\\d{1,4})\\b|\\brust-lang/rfcs#(\\d+)'
            canonical: 'RFC-{*}'
            numeric: true
            defined:
              - document: {kinds: [rfc], id: 'RFC {number}'}
        """

    func testDocumentDefinedFamilyWithCanonicalNumericIDs() throws {
        let files = [
            "text/0042-a.md": "# RFC 0042: A\n\nSee RFC 7, RFC #42 and rust-lang/rfcs#0042, not ↓RFC 9999.\n",
            "text/0007-b.md": "# RFC 7: B\n",
            "text/0007-c.md": "# RFC 0007: C\n",
        ]
        try RuleHarness.assert("ids/undefined-reference", files, messages: ["RFC 9999 is defined nowhere"],
                               config: rfcConfig)
        let (_, duplicates) = try RuleHarness.findings("ids/duplicate-definition", files, config: rfcConfig)
        XCTAssertEqual(duplicates.map(\.message), ["RFC-7 is defined again (first at text/0007-b.md:1)"])
        let model = try Fixture.model(files, config: rfcConfig)
        XCTAssertEqual(model.references.filter { $0.family == "rfc" && $0.line == 3 }.map(\.identity),
                       ["RFC-7", "RFC-42", "RFC-42", "RFC-9999"])
        XCTAssertEqual(model.references.filter { $0.family == "rfc" && $0.line == 3 }.map(\.id),
                       ["RFC 7", "RFC #42", "rust-lang/rfcs#0042", "RFC 9999"])
        XCTAssertEqual(model.definitions.filter { $0.family == "rfc" }.map(\.id), ["RFC-7", "RFC-7", "RFC-42"])
    }

    func testRangesVariantsAndWildcards() throws {
        let plan = """
            # Plan-024: A

            ## Invariants

            ### I-024-1 — one

            ## Phase 1

            #### Tasks

            - **T-024-1-1** first
            - **T-024-1-2** second

            ## Notes

            Covers T-024-1-1..2, ↓T-024-1-1..3, I-024-\\*, ↓I-025-\\*, NS-13 and NS-17..NS-19 and ↓NS-30..NS-31.
            """
        let map = """
            # Map

            ## 6. Active Next Steps DAG

            ### NS-13a: one

            ### NS-17..NS-19: three
            """
        let files = ["docs/plans/024-a.md": plan, "docs/architecture/cross-plan-dependencies.md": map]
        try RuleHarness.assert("ids/undefined-reference", files, messages: [
            "T-024-1-1..3 is defined nowhere (T-024-1-3)", "I-025-\\* is defined nowhere (I-025-*)",
            "NS-30..NS-31 is defined nowhere (NS-30, NS-31)",
        ])
        let (_, duplicates) = try RuleHarness.findings("ids/duplicate-definition", files)
        XCTAssertTrue(duplicates.isEmpty, "range members are not duplicates")
    }

    func testFieldAndTableColumnSitesAndScannedKinds() throws {
        let config = """
            ids:
              req:
                pattern: '\\bREQ-(\\d+)\\b'
                defined:
                  - field: Requirements
                  - table-column: '^ID$'
                    sections: ['^Catalogue$']
                kinds: [spec]
            """
        let header = "| Field | Value |\n| --- | --- |\n| Requirements | REQ-1, REQ-2 |\n"
        let table = "| Name | ID |\n| --- | --- |\n| three | REQ-3 |\n| four | REQ-1 |\n"
        let files = [
            "docs/specs/001-a.md": "# Spec-001: A\n\n\(header)\n## Catalogue\n\n\(table)\nUses REQ-3 and ↓REQ-9.\n",
            "docs/specs/002-b.md": "# Spec-002: B\n\n## Other\n\n\(table)",
            "docs/a.md": "# A\n\nREQ-8 is not scanned outside specs.\n",
        ]
        try RuleHarness.assert("ids/undefined-reference", files, messages: ["REQ-9 is defined nowhere"], config: config)
        let model = try Fixture.model(files, config: config)
        XCTAssertEqual(model.definitions.filter { $0.family == "req" }.map { "\($0.id)@\($0.line)" },
                       ["REQ-1@5", "REQ-2@5", "REQ-3@11", "REQ-1@12"], "tables outside Catalogue define nothing")
        let (_, duplicates) = try RuleHarness.findings("ids/duplicate-definition", files, config: config)
        XCTAssertEqual(duplicates.map(\.message), ["REQ-1 is defined again (first at docs/specs/001-a.md:5)"])
    }

    func testLocalFamiliesAreCheckedPerFile() throws {
        let tasks = "## Phase 1\n\n#### Tasks\n\n##### T1.1 — one\n\n##### T1.2 — two\n"
        let files = [
            "docs/plans/001-a.md": "# Plan-001: A\n\n" + tasks,
            "docs/plans/002-b.md": "# Plan-002: B\n\n" + tasks + "\n##### T1.1 — again\n",
        ]
        let (_, duplicates) = try RuleHarness.findings("ids/duplicate-definition", files)
        XCTAssertEqual(duplicates.map { "\($0.file):\($0.line) \($0.message)" },
                       ["docs/plans/002-b.md:11 T1.1 is defined again (first at docs/plans/002-b.md:7)"])
    }

    func testReferencePlacesAndInlineCode() throws {
        let config = """
            ids:
              backlog:
                references: {in: [headings], inline-code: true}
            """
        let files = [
            "docs/backlog.md": backlog,
            "docs/a.md": "# A\n\n## About ↓BL-201\n\nProse BL-202 and a | table | is not scanned.\n\n"
                + "| x |\n| - |\n| BL-203 |\n",
            "docs/b.md": "# B `↓BL-204`\n",
        ]
        try RuleHarness.assert("ids/undefined-reference", files,
                               messages: ["BL-201 is defined nowhere", "BL-204 is defined nowhere"], config: config)
    }

    func testStringFormIsReferencesOnly() throws {
        let files = ["docs/a.md": "# A\n\nBL-999 and Plan-999.\n"]
        let config = "ids:\n  backlog: '\\bBL-(\\d{3})\\b'\n"
        let (_, undefined) = try RuleHarness.findings("ids/undefined-reference", files, config: config)
        XCTAssertEqual(undefined.map(\.message), ["Plan-999 is defined nowhere"],
                       "a pattern-only family is not checked")
        let model = try Fixture.model(files, config: config)
        XCTAssertEqual(model.references.map(\.id), ["Plan-999", "BL-999"])
    }

    func testFamilyRemovedWithNullIsNotScanned() throws {
        let model = try Fixture.model(["docs/a.md": "# A\n\nDT-001-x and BL-999.\n"], config: "ids:\n  dep-trace: ~\n")
        XCTAssertEqual(model.references.map(\.id), ["BL-999"])
    }

    private func configError(_ yaml: String) -> ConfigError? {
        var profile = (try? ProfileLoader.defaultProfile()) ?? Profile()
        do {
            try ProfileLoader.apply(yaml: yaml, file: "docs-audit.yml", to: &profile)
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return nil
        }
    }

    func testBadFamiliesAreConfigErrorsWithPlaceAndKey() throws {
        let cases: [(String, Int, String, String)] = [
            ("ids:\n  rfc:\n    pattern: 'x'\n    defind: []\n", 4, "ids.rfc.defind", "unknown key"),
            ("ids:\n  rfc:\n    numeric: true\n", 3, "ids.rfc", "a family needs a pattern"),
            ("ids:\n  rfc: ''\n", 2, "ids.rfc", "an empty pattern matches everywhere"),
            ("ids:\n  rfc:\n    pattern: '(x'\n", 3, "ids.rfc.pattern", "not a valid regular expression"),
            ("ids:\n  backlog:\n    reservations: ['reserved as']\n", 3, "ids.backlog.reservations[0]",
             "needs `{id}`"),
            ("ids:\n  backlog:\n    references: {in: [prose, code]}\n", 3, "ids.backlog.references.in[1]",
             "expected prose, headings or tables, found `code`"),
            ("ids:\n  backlog:\n    defined:\n      - heading: '^x'\n        bullet: '^y'\n", 4,
             "ids.backlog.defined[0]",
             "exactly one of: document, heading, field, table-column, bullet"),
            ("ids:\n  backlog:\n    defined:\n      - heading: '^x'\n        section: ['^y']\n", 5,
             "ids.backlog.defined[0].section", "unknown key"),
            ("ids:\n  backlog:\n    defined:\n      - document: {kinds: [plan]}\n", 4, "ids.backlog.defined[0]",
             "needs `id`"),
            ("ids:\n  backlog:\n    wildcard-of: nothing\n", 2, "ids", "`nothing`, which is not an ID family"),
        ]
        for (yaml, line, key, message) in cases {
            let error = try XCTUnwrap(configError(yaml), yaml)
            XCTAssertEqual(error.file, "docs-audit.yml", yaml)
            XCTAssertEqual(error.line, line, yaml)
            XCTAssertEqual(error.key, key, yaml)
            XCTAssertTrue(error.message.contains(message), "\(yaml): \(error.message)")
        }
    }
}
