import XCTest
@testable import DocsAuditCore

/// Document numbers and headers as data (`kinds[].number`, `kinds[].header`): the decoder, the three header
/// forms, the number sources, and the `header/*` rules.
final class HeaderTests: XCTestCase {
    private func configError(_ yaml: String) -> ConfigError? { Fixture.configError(yaml) }

    private func kind(_ body: String) -> String {
        "kinds:\n  - name: rfc\n    paths: [\"text/*.md\"]\n" + body
    }

    // MARK: decoder

    func testUnknownKeysNameFileLineColumnAndKeyPath() throws {
        let number = try XCTUnwrap(configError(kind("    number: {from: file-name, patern: '(\\d+)'}\n")))
        XCTAssertEqual([number.file, "\(number.line):\(number.column)", number.key],
                       ["docs-audit.yml", "4:31", "kinds[0].number.patern"])
        XCTAssertTrue(number.message.hasPrefix("unknown key `patern` (did you mean `pattern`?) (expected one of: from, pattern, field)"), number.message)
        let field = try XCTUnwrap(configError(kind("    header:\n      fields:\n        RFC PR: {requird: true}\n")))
        XCTAssertEqual(["\(field.line):\(field.column)", field.key], ["6:18", "kinds[0].header.fields.RFC PR.requird"])
        XCTAssertTrue(field.message.hasPrefix("unknown key `requird` (did you mean `required`?) (expected one of: required, aliases, pattern, identity)"), field.message)
        let header = try XCTUnwrap(configError(kind("    header: {shape: table}\n")))
        XCTAssertEqual(header.key, "kinds[0].header.shape")
    }

    func testBadValuesAreConfigErrors() throws {
        let form = try XCTUnwrap(configError(kind("    header: {form: list}\n")))
        XCTAssertEqual([form.key, "\(form.line)"], ["kinds[0].header.form", "4"])
        XCTAssertEqual(form.message, "expected table, bullets, front-matter or none, found `list`")
        let from = try XCTUnwrap(configError(kind("    number: {from: path}\n")))
        XCTAssertEqual(from.message, "expected title, file-name or field, found `path`")
        let field = try XCTUnwrap(configError(kind("    number: {from: field}\n")))
        XCTAssertEqual(field.message, "number.from: field needs number.field (the header field holding the number)")
        let stray = try XCTUnwrap(configError(kind("    number: {from: file-name, field: RFC PR}\n")))
        XCTAssertEqual(stray.message, "number.field RFC PR is read only with from: field (from is file-name)")
        let regex = try XCTUnwrap(configError(kind("    header:\n      fields:\n        A: {identity: '(\\d+'}\n")))
        XCTAssertEqual(regex.key, "kinds[0].header.fields.A.identity")
        XCTAssertTrue(regex.message.hasPrefix("not a valid regular expression"), regex.message)
        let required = try XCTUnwrap(configError(kind("    header:\n      fields:\n        A: {required: yes}\n")))
        XCTAssertEqual(required.message, "expected true or false")
        let noForm = "    header:\n      form: none\n      fields: {A: {required: true}}\n"
        let none = try XCTUnwrap(configError(kind(noForm)))
        XCTAssertEqual(none.message, "header.fields need a header: form is none")
        let title = try XCTUnwrap(configError(kind("    number: {from: title}\n")))
        XCTAssertEqual(title.message, "number.from: title needs a pattern here or a title pattern in kind rfc")
    }

    func testDecodedKindKeepsFieldOrderAndDefaults() throws {
        var profile = try ProfileLoader.defaultProfile()
        try ProfileLoader.apply(yaml: kind("""
                number: {from: file-name}
                header:
                  form: bullets
                  fields:
                    Start Date:
                    RFC PR: {required: true, identity: 'rfcs#(\\d+)'}

            """), file: "docs-audit.yml", to: &profile)
        let rule = try XCTUnwrap(profile.kindRule("rfc"))
        XCTAssertEqual(rule.number.from, .fileName)
        XCTAssertNil(rule.number.pattern)
        XCTAssertEqual(rule.header.form, .bullets)
        XCTAssertEqual(rule.header.fields.map(\.name), ["Start Date", "RFC PR"])
        XCTAssertEqual(rule.header.fields.map(\.required), [false, true])
        XCTAssertEqual(rule.header.fields.last?.identity?.source, "rfcs#(\\d+)")
        let plan = try XCTUnwrap(try ProfileLoader.defaultProfile().kindRule("plan"))
        XCTAssertEqual(plan.number.from, .title)
        XCTAssertEqual(plan.header.form, .table)
    }

    // MARK: forms and numbers

    private let rfcConfig = """
        kinds:
          - name: rfc
            paths: ["text/*.md"]
            number: {from: file-name}
            header: {form: bullets}
          - name: note
            paths: ["notes/*.md"]
            number: {from: field, field: id, pattern: '^N-(\\d+)$'}
            header: {form: front-matter}
          - name: plan
            paths: ["docs/plans/*.md"]
            title: '^Plan-(\\d{3}): (.+)$'

        """

    private func document(_ path: String, _ text: String) throws -> DocumentInfo {
        let model = try Fixture.model([path: text], config: rfcConfig)
        return try XCTUnwrap(model.documents.first { $0.path == path })
    }

    private func fields(_ info: DocumentInfo) -> [String] {
        info.header.map { "\($0.name)=\($0.value)@\($0.line):\($0.column)" }
    }

    func testBulletHeaderWithoutATitleStripsMarkup() throws {
        let info = try document("text/0042-answer.md", """
            - Feature Name: `const_generics`
            - not a field
            - RFC PR: [rust-lang/rfcs#42](https://github.com/rust-lang/rfcs/pull/42)
            - **Start Date:** 2017-05-01
            - *Rust Issue*: none

            ## Summary

            - Later: not the header

            """)
        XCTAssertEqual(fields(info), ["Feature Name=const_generics@1:17", "RFC PR=rust-lang/rfcs#42@3:11",
                                      "Start Date=2017-05-01@4:19", "Rust Issue=none@5:17"])
        XCTAssertEqual(info.headerLine, 1)
        XCTAssertEqual(info.number, "0042", "from the file name")
        XCTAssertNil(info.title)
    }

    func testBulletHeaderUnderATitleButNotAfterASecondH1() throws {
        let titled = try document("text/0001-a.md", "# A\n\n* Start Date: 2014-03-11\n\n# Summary\n")
        XCTAssertEqual(fields(titled), ["Start Date=2014-03-11@3:15"])
        let sections = try document("text/0002-b.md", "Intro.\n\n# Summary\n\n- Start Date: 2014-03-11\n")
        XCTAssertEqual(fields(sections), [], "a list after a second H1 is in a section, not the header")
        XCTAssertNil(sections.headerLine)
        let levelTwoTitle = try document("text/0003-c.md", "## RFC: C\n\n- Start Date: 2021-10-07\n\n## Summary\n")
        XCTAssertEqual(fields(levelTwoTitle), ["Start Date=2021-10-07@3:15"], "a first heading of any level is a title")
        let underFrontMatter = try document("text/0005-e.md",
                                            "---\ntitle: E\n---\n\n- Start Date: 2022-09-21\n\n## Summary\n")
        XCTAssertEqual(fields(underFrontMatter), ["Start Date=2022-09-21@5:15"], "front matter is not the title")
        XCTAssertEqual(underFrontMatter.anchors, ["summary"], "nor a setext heading")
        let summaryFirst = try document("text/0004-d.md", "## Summary\n\nText.\n\n## Motivation\n\n- A: b\n")
        XCTAssertEqual(fields(summaryFirst), [], "the list of a later section is not the header")
    }

    /// The table's header row holds column titles, not a field (a new user saw `Field = Value` in every header).
    func testTableHeaderReadsBodyRowsWithValueColumns() throws {
        let info = try document("docs/plans/002-b.md", """
            # Plan-002: B

            | Field | Value |
            | --- | --- |
            | **Status** | `approved` |
            | **Date** | 2026-04-14 |

            ## Goal

            | **Owner** | later |
            | --- | --- |

            """)
        XCTAssertEqual(fields(info), ["Status=approved@5:16", "Date=2026-04-14@6:14"])
        XCTAssertEqual(info.number, "002")
        XCTAssertEqual(info.status, "approved", "the Status code span is still read from the raw cell")
        XCTAssertEqual(info.statusLine, 5)
    }

    func testFrontMatterIsReadFromTheLinesAndHiddenFromTheParse() throws {
        let text = "---\nid: N-0007\ntitle: \"A: note\"\ntags: [a, b]\nnested: {x: 1}\n---\n"
            + "# A note\n\nText.\n\n## Next\n"
        let info = try document("notes/a.md", text)
        XCTAssertEqual(fields(info), ["id=N-0007@2:5", "title=A: note@3:8", "tags=a, b@4:7"])
        XCTAssertEqual(info.headerLine, 1)
        XCTAssertEqual(info.number, "0007", "from the field, through the kind's pattern")
        XCTAssertEqual(info.title, "A note")
        XCTAssertEqual(info.anchors, ["a-note", "next"], "no setext heading made of the front matter")
        let markdown = MarkdownDocument(path: "notes/a.md", text: text, frontMatter: true)
        XCTAssertEqual(markdown.sections.map(\.headingLine), [7, 11], "later lines keep their numbers")
        XCTAssertEqual(markdown.source.text, text, "the source keeps the front matter")
        XCTAssertFalse(markdown.blocks.contains { $0.kind == .thematicBreak })
    }

    func testFrontMatterThatIsNotClosedOrNotYAMLGivesNoFields() throws {
        XCTAssertEqual(fields(try document("notes/a.md", "---\nid: N-1\n\n# Title\n")), [])
        XCTAssertNil(try document("notes/b.md", "---\nid: N-1\n\n# Title\n").headerLine, "unclosed: no front matter")
        let broken = try document("notes/c.md", "---\nid: [unclosed\n---\n# Title\n")
        XCTAssertEqual(fields(broken), [])
        XCTAssertEqual(broken.headerLine, 1)
        XCTAssertEqual(broken.title, "Title")
    }

    func testSplitReadsEachLabelShape() {
        func split(_ markdown: String) -> String? {
            let document = MarkdownDocument(path: "a.md", text: markdown)
            guard let item = document.blocks.first?.items.first, let lead = item.leadParagraph,
                  let (name, value) = DocumentHeader.split(lead.inlines) else { return nil }
            return "\(name)=\(Inline.plainText(of: value).trimmed)"
        }
        XCTAssertEqual(split("- Status: `draft`\n"), "Status=draft")
        XCTAssertEqual(split("- **Status:** `draft`\n"), "Status=draft")
        XCTAssertEqual(split("- **Status**: draft\n"), "Status=draft")
        XCTAssertEqual(split("- Empty:\n"), "Empty=")
        XCTAssertNil(split("- no colon here\n"))
        XCTAssertNil(split("- `code`: first\n"), "a code span before the colon is not a field name")
        XCTAssertNil(split("- : no name\n"))
    }

    // MARK: rules

    private let planConfig = """
        kinds:
          - name: plan
            paths: ["docs/plans/*.md"]
            title: '^Plan-(\\d{3}): (.+)$'
            statuses: [draft, approved]
            header:
              form: bullets
              fields:
                Status: {required: true}
                NNN: {required: true, identity: '^(\\d+)$'}
                Date: {pattern: '\\d{4}-\\d{2}-\\d{2}'}

        """

    func testMissingFieldIsReportedAtTheHeaderOrLineOne() throws {
        try RuleHarness.assert("header/missing-field", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n↓- Status: `draft`\n- Date: 2026-01-01\n",
            "docs/plans/002-b.md": "↓# Plan-002: B\n\nNo header.\n",
        ], messages: [
            "header has no `NNN` field (every plan needs it)",
            "no bullets header: every plan needs `Status`, `NNN`",
        ], config: planConfig)
    }

    func testFieldValueShowsValueAndPatternAndNeedsAWholeMatch() throws {
        try RuleHarness.assert("header/field-value", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n- Status: `draft`\n- NNN: 001\n- Date: ↓2026-01-01 (amended)\n",
            "docs/plans/002-b.md": "# Plan-002: B\n\n- Status: `draft`\n- NNN: 002\n- Date: **2026-01-02**\n",
        ], messages: ["Date `2026-01-01 (amended)` does not match `\\d{4}-\\d{2}-\\d{2}`"], config: planConfig)
    }

    func testIdentityComparesAsIntegers() throws {
        try RuleHarness.assert("header/identity", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n- Status: `draft`\n- NNN: `0001`\n",
            "docs/plans/002-b.md": "# Plan-002: B\n\n- Status: `draft`\n- NNN: ↓`001`\n",
            "docs/plans/003-c.md": "# Plan-003: C\n\n- Status: `draft`\n- NNN: ↓`three`\n",
            "docs/plans/004-d.md": "# Plan-004: D\n\n- Status: `draft`\n- NNN: ↓99999999999999999999999004\n",
        ], messages: [
            "NNN names 001 but this document is number 002",
            "NNN `three` does not match its identity pattern `^(\\d+)$`, so it cannot name this document's number 003",
            "NNN names 99999999999999999999999004 but this document is number 004",
        ], config: planConfig)
    }

    /// An alias counts as the field for every check; the field under its own name wins over an alias.
    func testAliasesCountAsTheFieldAndTheOwnNameWins() throws {
        let config = planConfig.replacingOccurrences(
            of: "NNN: {required: true, identity: '^(\\d+)$'}",
            with: "NNN: {required: true, aliases: [Number, No], identity: '^(\\d+)$'}")
        XCTAssertNotEqual(config, planConfig)
        try RuleHarness.assert("header/missing-field", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n- Status: `draft`\n- Number: 001\n",
            "docs/plans/002-b.md": "# Plan-002: B\n\n↓- Status: `draft`\n- Num: 002\n",
        ], messages: ["header has no `NNN` field (every plan needs it)"], config: config)
        try RuleHarness.assert("header/identity", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n- Status: `draft`\n- No: 7\n- NNN: 001\n",
            "docs/plans/002-b.md": "# Plan-002: B\n\n- Status: `draft`\n- Number: ↓003\n",
        ], messages: ["Number names 003 but this document is number 002"], config: config)
    }

    func testIntegerKeyDropsLeadingZerosOnly() {
        XCTAssertEqual(HeaderChecks.integerKey("0042"), "42")
        XCTAssertEqual(HeaderChecks.integerKey("000"), "0")
        XCTAssertEqual(HeaderChecks.integerKey("042a"), "042a")
        XCTAssertEqual(HeaderChecks.integerKey(""), "")
    }

    func testStatusIsReadThroughABulletHeader() throws {
        try RuleHarness.assert("plans/status", [
            "docs/plans/001-a.md": "# Plan-001: A\n\n- Status: `approved`\n- NNN: 001\n",
            "docs/plans/002-b.md": "# Plan-002: B\n\n- NNN: 002\n↓- Status: `shipped`\n",
        ], messages: ["Status `shipped` is not a plan status (expected one of draft, approved)"], config: planConfig)
    }
}
