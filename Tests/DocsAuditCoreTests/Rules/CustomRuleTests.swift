import XCTest
@testable import DocsAuditCore

/// Rules a profile defines (`custom-rules`): what each scope selects, forbid and require, messages, fixes,
/// and their place among the built-in rules (severities, overrides, suppressions).
final class CustomRuleTests: XCTestCase {
    /// The findings of `rule` when `files` are linted with `config` (a docs-audit.yml).
    private func findings(_ files: [String: String], config: String, rule: String = "custom/x") throws -> [Finding] {
        try Linter.lint(Fixture.corpus(files, config: config)).filter { $0.rule == rule }
    }

    /// `path:line:col: message` of each finding.
    private func places(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
    }

    private func rule(_ body: String) -> String {
        "custom-rules:\n  - id: custom/x\n    summary: found\n" + body
    }

    func testForbidInProseReportsEachMatchWithGroupsInTheMessageAndUTF8Columns() throws {
        let config = rule("""
            message: 'left {1} ({0})'
            forbid: '\\b(TODO|FIXME)\\b'
        """)
        let text = """
        # Title TODO

        Ä TODO and FIXME here
        - item TODO
        > quoted FIXME
        continued TODO

        ```
        TODO in code
        ```

        | a | b |
        | --- | --- |
        | TODO | x |
        """
        XCTAssertEqual(places(try findings(["a.md": text], config: config)), [
            "a.md:3:4: left TODO (TODO)", "a.md:3:13: left FIXME (FIXME)", "a.md:4:8: left TODO (TODO)",
            "a.md:5:10: left FIXME (FIXME)", "a.md:6:11: left TODO (TODO)",
        ])
    }

    func testHeadingsAreMatchedWithoutTheirMarkers() throws {
        let config = rule("""
            message: 'heading {0}'
            require: '^[A-Z]'
            scope:
              in: [headings]
        """)
        let text = "# good\n\n## Fine ##\n\nlower setext\n---\n\n### Closing #\n"
        XCTAssertEqual(places(try findings(["a.md": text], config: config)),
                       ["a.md:1:3: heading good", "a.md:5:1: heading lower setext"])
    }

    func testTableCellsAreBodyCellsAsWritten() throws {
        let config = rule("""
            require: '^`[a-z_]+`$'
            message: 'cell {0}'
            scope:
              in: [table-cells]
        """)
        let text = """
        # T

        | Name | Note |
        | --- | --- |
        | `ok_name` | `also_ok` |
        | Bad | `a\\|b` |
        """
        XCTAssertEqual(places(try findings(["a.md": text], config: config)),
                       ["a.md:6:3: cell Bad", "a.md:6:9: cell `a\\|b`"])
    }

    /// A kind with a bullet header: its fields are matched too, at their columns (a new user's rule over
    /// `Start Date` found nothing on rust-rfcs); the header table's title row is never a field.
    func testHeaderFieldsOfABulletHeaderAndNotTheTableTitleRow() throws {
        let config = """
            kinds:
              - name: rfc
                paths: ["text/*.md"]
                header: {form: bullets}
              - name: other
                paths: ["**"]
            """ + "\n" + rule("""
            require: '^\\d{4}-\\d{2}-\\d{2}$'
            message: 'date {0}'
            scope:
              in: [header-fields]
              header-fields: [Start Date, Field]
        """)
        let found = try findings([
            "text/0001-a.md": "- Feature Name: a\n- Start Date: 23-07-2014\n\n## Summary\n",
            "text/0002-b.md": "- Start Date: 2014-07-23\n",
            "notes.md": "# N\n\n| Field | Value |\n| --- | --- |\n| Start Date | 2014-07-23 |\n",
        ], config: config)
        XCTAssertEqual(places(found), ["text/0001-a.md:2:15: date 23-07-2014"])
    }

    func testHeaderFieldsAreTheHeaderTableValuesOfTheNamedFields() throws {
        let config = rule("""
            require: '^`[a-z]+`$'
            message: 'status {0}'
            scope:
              in: [header-fields]
              header-fields: [Status]
        """)
        let text = """
        # Plan-001: A

        | Field | Value |
        | --- | --- |
        | **Status** | **draft** |
        | **Owner** | Someone |

        ## Later

        | **Status** | not the header |
        | --- | --- |
        | **Status** | neither |
        """
        XCTAssertEqual(places(try findings(["docs/plans/001-a.md": text], config: config)),
                       ["docs/plans/001-a.md:5:16: status **draft**"])
    }

    func testTasksAreTheProfilesTasksBlocksAndNothingWithoutThem() throws {
        let body = """
            forbid: 'PR #\\d+'
            scope:
              in: [tasks]
        """
        let text = """
        # Plan-001: A

        Outside PR #1.

        #### Tasks

        - T1.1 — do it (PR #2)

        #### Notes

        PR #3 here.
        """
        XCTAssertEqual(places(try findings(["docs/plans/001-a.md": text], config: rule(body))),
                       ["docs/plans/001-a.md:7:19: found: `PR #2`"])  // `—` is three bytes
        // A profile that declares no Tasks blocks: the rule matches nothing.
        var profile = try ProfileLoader.defaultProfile()
        try ProfileLoader.apply(yaml: rule(body), file: "p.yml", to: &profile)
        XCTAssertEqual(DocumentAnalyzer.analyze(path: "docs/plans/001-a.md", text: text, profile: profile).1
            .documentHits["custom/x"]?.count, 1)
        profile.plans.tasksHeading = nil
        XCTAssertNil(DocumentAnalyzer.analyze(path: "docs/plans/001-a.md", text: text, profile: profile).1
            .documentHits["custom/x"])
    }

    func testKindsPathsExcludedPathsAndSectionsNarrowTheScope() throws {
        let config = rule("""
            forbid: 'TBD'
            scope:
              kinds: [plan, other]
              paths: ["docs/**"]
              exclude-paths: ["docs/archive-notes/**"]
              sections: ['^Open']
        """)
        let text = "# X\n\nTBD top\n\n## Open questions\n\n### Sub\n\nTBD nested\n\n## Closed\n\nTBD closed\n"
        let files = ["docs/plans/001-a.md": text, "docs/specs/001-a.md": text, "README.md": text,
                     "docs/archive-notes/n.md": text, "docs/n.md": text,
                     "docs/archive/old.md": text]  // frozen (corpus.frozen): never checked
        XCTAssertEqual(places(try findings(files, config: config)),
                       ["docs/n.md:9:1: found: `TBD`", "docs/plans/001-a.md:9:1: found: `TBD`"])
    }

    func testAReplacementBecomesTheHitsFixWithGroups() throws {
        let config = rule("""
            forbid: '\\b[Cc]olou?r (\\w+)'
            replacement: 'hue $1'
            scope:
              in: [prose, headings]
        """)
        let found = try findings(["a.md": "# Colour tone\n\nA é colour scheme.\n"], config: config)
        XCTAssertEqual(found.map(\.fix), [
            TextEdit(path: "a.md", line: 1, column: 3, length: 11, replacement: "hue tone"),
            TextEdit(path: "a.md", line: 3, column: 6, length: 13, replacement: "hue scheme"),
        ])
        // Applied, the edit leaves nothing for the rule to find.
        let fixed = try findings(["a.md": "# hue tone\n\nA é hue scheme.\n"], config: config)
        XCTAssertEqual(fixed, [])
    }

    func testAFixThatWouldBeReportedAgainIsNotAttached() throws {
        // `$1` is the word after "old"; when that word is itself "old", the result matches again.
        let config = rule("""
            forbid: '\\bold (\\w+)'
            replacement: '$1'
        """)
        let found = try findings(["a.md": "# A\n\nold old thing and old stuff\n"], config: config)
        XCTAssertEqual(found.map(\.column), [1, 19])
        XCTAssertEqual(found.map { $0.fix?.replacement }, [nil, "stuff"])
    }

    func testSeveritiesOverridesAndSuppressionsTreatCustomRulesLikeBuiltIns() throws {
        // `rules:` and `overrides:` stand before `custom-rules:`: the IDs resolve whatever the key order.
        let config = """
        rules:
          custom/x: error
        overrides:
          - paths: ["quiet/**"]
            rules:
              custom/x: off
        """ + "\n" + rule("    forbid: 'TBD'\n")
        let files = ["a.md": "# A\n\nTBD\n\n<!-- docs-audit-disable-next-line custom/x -- later -->\nTBD\n",
                     "quiet/b.md": "# B\n\nTBD\n"]
        let found = try Linter.lint(Fixture.corpus(files, config: config))
        XCTAssertEqual(found.filter { $0.rule == "custom/x" }.map { "\($0.file):\($0.line) \($0.severity)" },
                       ["a.md:3 error"])
        XCTAssertFalse(found.contains { $0.rule == "suppressions/unused" })
    }

    func testTheCatalogKnowsTheProfilesRules() throws {
        var profile = try ProfileLoader.defaultProfile()
        XCTAssertNil(RuleCatalog.description(of: "custom/x", in: profile))
        try ProfileLoader.apply(yaml: rule("    severity: info\n    forbid: 'x'\n"), file: "p.yml", to: &profile)
        XCTAssertEqual(RuleCatalog.description(of: "custom/x", in: profile)?.severity, .info)
        XCTAssertEqual(RuleCatalog.descriptions(for: profile).filter { $0.id == "custom/x" }.count, 1)
        XCTAssertEqual(RuleCatalog.rules(for: profile).count, RuleCatalog.rules.count + 1)
        XCTAssertFalse(RuleCatalog.descriptions.contains { $0.id == "custom/x" })
    }

    /// Each bad rule is a config error at its key, saying what is wrong.
    func testBadCustomRulesAreConfigErrorsWithPlaceAndKeyPath() throws {
        let head = "custom-rules:\n  - id: custom/x\n    summary: s\n"
        let cases: [(String, String)] = [
            ("custom-rules:\n  - id: Custom/X\n    summary: s\n    forbid: a\n",
             "p.yml:2:9: custom-rules[0].id: `Custom/X` is not a namespaced kebab-case rule ID"),
            ("custom-rules:\n  - id: no-namespace\n    summary: s\n    forbid: a\n",
             "p.yml:2:9: custom-rules[0].id: `no-namespace` is not a namespaced"),
            ("custom-rules:\n  - id: graph/mine\n    summary: s\n    forbid: a\n",
             "p.yml:2:9: custom-rules[0].id: `graph/mine`: graph/ is a built-in category"),
            ("custom-rules:\n  - id: tables/arity\n    summary: s\n    forbid: a\n",
             "p.yml:2:9: custom-rules[0].id: `tables/arity`: tables/ is a built-in category"),
            (head + "    forbid: a\n  - id: custom/x\n    summary: t\n    forbid: b\n",
             "p.yml:5:5: custom-rules[1]: custom rule custom/x is defined twice"),
            (head, "p.yml:2:5: custom-rules[0]: custom rule custom/x needs a `forbid` or a `require` pattern"),
            (head + "    forbid: a\n    require: b\n",
             "p.yml:5:14: custom-rules[0].require: a custom rule has either `forbid` or `require`, not both"),
            ("custom-rules:\n  - id: custom/x\n    forbid: a\n",
             "p.yml:2:5: custom-rules[0]: custom rule custom/x needs a one-line `summary`"),
            (head + "    forbid: '(unclosed'\n",
             "p.yml:4:13: custom-rules[0].forbid: not a valid regular expression: (unclosed"),
            (head + "    forbid: 'a*'\n", "p.yml:4:13: custom-rules[0].forbid: the pattern matches the empty string"),
            (head + "    forbid: '(a)'\n    message: 'x {2}'\n",
             "p.yml:5:14: custom-rules[0].message: the message names {2} but the forbid pattern has 1 group"),
            (head + "    require: '(a)'\n    message: 'x {1}'\n",
             "p.yml:5:14: custom-rules[0].message: the message names {1}: a require rule's message has only {0}"),
            (head + "    require: a\n    replacement: b\n",
             "p.yml:5:18: custom-rules[0].replacement: a replacement needs `forbid`"),
            (head + "    forbid: '(a)'\n    replacement: '$2'\n",
             "p.yml:5:18: custom-rules[0].replacement: the replacement names group 2 but the forbid pattern has 1"),
            (head + "    forbid: 'a'\n    replacement: 'US$'\n",
             "p.yml:5:18: custom-rules[0].replacement: `$` must be followed by a group number"),
            (head + "    forbid: 'colou?r'\n    replacement: 'color'\n",
             "p.yml:5:18: custom-rules[0].replacement: the replacement is not idempotent: the forbid pattern still "
             + "matches `color`"),
            (head + "    forbid: '(\\w)\\1'\n    replacement: '$1$1$1'\n    examples:\n      failing:\n"
             + "        - files:\n            a.md: \"1️⃣aa\"\n          findings: [x]\n",
             "p.yml:5:18: custom-rules[0].replacement: the replacement is not idempotent: the forbid pattern still "
             + "matches the fixed line `aa` of an example"),
            (head + "    forbid: a\n    scope:\n      where: [prose]\n",
             "p.yml:6:7: custom-rules[0].scope.where: unknown key"),
            (head + "    forbid: a\n    scope:\n      in: [prose, code]\n",
             "custom-rules[0].scope.in[1]: unknown place `code` (expected one of: prose, headings, table-cells, "
             + "header-fields, tasks)"),
            (head + "    forbid: a\n    scope:\n      header-fields: [Status]\n",
             "p.yml:6:22: custom-rules[0].scope.header-fields: header-fields needs `in` to include header-fields"),
            (head + "    forbid: a\n    severity: fatal\n",
             "p.yml:5:15: custom-rules[0].severity: expected error, warning, info or off, found `fatal`"),
            (head + "    forbid: a\n    examples:\n      passing:\n        - files: {a.md: x}\n          config: 'x'\n",
             "p.yml:8:11: custom-rules[0].examples.passing[0].config: a custom rule's examples run with the profile"),
            ("rules:\n  custom/y: error\n" + head + "    forbid: a\n",
             "p.yml:2:3: rules.custom/y: unknown rule ID `custom/y`"),
        ]
        for (yaml, expected) in cases {
            var profile = try ProfileLoader.defaultProfile()
            XCTAssertThrowsError(try ProfileLoader.apply(yaml: yaml, file: "p.yml", to: &profile), yaml) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)\n  should contain\n\(expected)")
            }
        }
    }

    /// Examples/custom-rules.yml loads over the default profile and each of its rules' examples holds.
    func testTheShippedExampleRulesLoadAndTheirExamplesHold() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/custom-rules.yml")
        var profile = try ProfileLoader.defaultProfile()
        try ProfileLoader.apply(yaml: String(contentsOf: url, encoding: .utf8), file: "custom-rules.yml", to: &profile)
        XCTAssertEqual(profile.customRules.map(\.description.id), ["custom/github-spelling", "custom/status-code-span"])
        for rule in profile.customRules {
            XCTAssertTrue(rule.description.examples.contains { $0.failing }, rule.description.id)
            XCTAssertTrue(rule.description.examples.contains { !$0.failing }, rule.description.id)
            XCTAssertEqual(CustomRuleExamples.mismatches(of: rule, profile: profile), [], rule.description.id)
        }
    }

    func testAnExampleThatDoesNotHoldIsReported() throws {
        var profile = try ProfileLoader.defaultProfile()
        try ProfileLoader.apply(yaml: rule("""
            forbid: 'TBD'
            examples:
              failing:
                - title: wrong column
                  files:
                    a.md: "# A\\n\\nx 1️⃣y TBD\\n"
                  findings: [found]
        """), file: "p.yml", to: &profile)
        let rule = try XCTUnwrap(profile.customRules.first)
        XCTAssertEqual(CustomRuleExamples.mismatches(of: rule, profile: profile), [
            "failing example “wrong column”: marker 1 at a.md:3:3 expects “found”; found there: []",
            "failing example “wrong column”: unexpected a.md:3:5: found: `TBD`",
        ])
    }

    /// A fix that would make a new match where it writes is no fix, on a short line and on a long one (where only
    /// a window around the replacement is looked at), also next to multi-byte text at the window's edge.
    func testSettlesOnShortAndLongText() throws {
        let pattern = try XCTUnwrap(try Pattern("ab"))
        for padding in [10, 5_000] {
            let prefix = String(repeating: "é", count: padding)
            let text = prefix + "a_b" + prefix
            let at = prefix.utf8.count + 1
            XCTAssertFalse(CustomRule.settles(pattern, in: text, replacing: at..<(at + 1), with: ""), "\(padding)")
            XCTAssertTrue(CustomRule.settles(pattern, in: text, replacing: at..<(at + 1), with: "-"), "\(padding)")
        }
        XCTAssertFalse(CustomRule.settles(pattern, in: "ab", replacing: 0..<9, with: ""))
    }
}
