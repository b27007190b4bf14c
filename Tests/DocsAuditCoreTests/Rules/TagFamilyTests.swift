import XCTest
@testable import DocsAuditCore

/// `tags.families` with a severity, and the exemptions `exempt-qualified`, `exempt-quoted`,
/// `exempt-dated-notes`.
final class TagFamilyTests: XCTestCase {
    private let rule = "tags/ephemeral"
    private let research = "docs/architecture/research.md"

    // MARK: exempt-qualified (on in the default profile)

    func testAPRNumberOfAnotherRepositoryInAResearchSourcesRowIsNotEphemeral() throws {
        let text = """
        # Research

        ## Sources

        | Source | Link | Finding |
        | --- | --- | --- |
        | Node.js | [nodejs/node](https://github.com/nodejs/node) | PR #4765 fixed the same race |
        | Ours | [notes](../notes.md) | ↓PR #12 changed the retry |
        | Node.js | <https://github.com/nodejs/node/issues/1> | per ↓F-001-2-03 the race stays |
        """
        try RuleHarness.assert(rule, [research: text], messages: [
            "ephemeral pr-ref `PR #12` outside a provenance section",
            "ephemeral finding `F-001-2-03` outside a provenance section",
        ])
    }

    func testARowLinkingToTheCorpusOwnRepositoryIsNotAnotherRepository() throws {
        let text = """
        # Research

        | Source | Link | Finding |
        | --- | --- | --- |
        | Ours | [here](https://github.com/acme/docs/pull/9) | ↓PR #9 changed the retry |
        """
        try RuleHarness.assert(rule, [research: text],
                               messages: ["ephemeral pr-ref `PR #9` outside a provenance section"],
                               config: "links:\n  site-roots: ['https://github.com/acme/docs/blob/main/']\n")
    }

    func testOwnerRepoBeforeOrInsideTheTagAndLinkTextQualifyIt() throws {
        let text = """
        # Research

        The fix mirrors nodejs/node PR #4765 and (rust-lang/rust#1234), see [PR #77](https://github.com/a/b/pull/77).

        Our own ↓#88 and docs/plans/x ↓#89 are ours.
        """
        let config = "tags:\n  families:\n    pr-ref: '\\bPR #\\d+'\n"
            + "    issue-ref: '(?:[\\w.-]+/[\\w.-]+)?(?<!PR )#\\d+'\n"
        let (_, findings) = try RuleHarness.findings(rule, [research: text], config: config)
        XCTAssertEqual(findings.map(\.message), [
            "ephemeral issue-ref `#88` outside a provenance section",
            "ephemeral issue-ref `#89` outside a provenance section",
        ])
    }

    // MARK: exempt-quoted (on in the default profile)

    func testThisPRInsideAQuotedQuestionOrABlockquoteIsNotEphemeral() throws {
        let text = """
        # Research

        ## Review

        The reviewer asked: "does this PR also bump the schema?" and we said no.

        She wrote “should this commit wait?” first; `"` in code opens nothing, so ↓this PR is ours.

        > Will this PR land before the freeze?
        > Asked in the design review.

        > [!NOTE]
        > ↓this PR renames the flag.

        "Quoted" first, then ↓this PR outside the quotes.
        """
        try RuleHarness.assert(rule, [research: text], messages: [
            "ephemeral deictic `this PR` outside a provenance section",
            "ephemeral deictic `this PR` outside a provenance section",
            "ephemeral deictic `this PR` outside a provenance section",
        ])
    }

    func testEachExemptionIsASwitch() throws {
        let text = """
        # Research

        | Source | Link | Finding |
        | --- | --- | --- |
        | Node.js | [nodejs/node](https://github.com/nodejs/node) | ↓PR #4765 fixed the same race |

        The reviewer asked: "does ↓this PR also bump the schema?"
        """
        try RuleHarness.assert(rule, [research: text], messages: [
            "ephemeral pr-ref `PR #4765` outside a provenance section",
            "ephemeral deictic `this PR` outside a provenance section",
        ], config: "tags:\n  exempt-qualified: false\n  exempt-quoted: false\n")
    }

    // MARK: exempt-dated-notes (off in the default profile)

    private let plan = """
    # Plan-001: A

    ### Phase 1 — One

    #### Tasks

    - **T-001-1-1** Scaffold the crate ↓(2026-06-02, PR #137). **Files:** `a.rs`
    """

    func testADatedNoteInATasksBlockIsExemptOnlyWhenTheSwitchIsOn() throws {
        let (marked, findings) = try RuleHarness.findings(rule, ["docs/plans/001-a.md": plan])
        XCTAssertEqual(findings.map(\.message), ["ephemeral pr-ref `PR #137` inside a Tasks block (gate G5)"])
        XCTAssertEqual(findings.map(\.severity), [.error])
        XCTAssertEqual(findings.first?.line, marked.markers.first?.line)
        let config = "tags:\n  exempt-dated-notes: '\\(\\d{4}-\\d{2}-\\d{2},\\s*PR #\\d+\\)'\n"
        let (_, exempt) = try RuleHarness.findings(rule, ["docs/plans/001-a.md": plan], config: config)
        XCTAssertEqual(exempt.map(\.message), [])
        let (_, off) = try RuleHarness.findings(rule, ["docs/plans/001-a.md": plan],
                                                config: "tags:\n  exempt-dated-notes: false\n")
        XCTAssertEqual(off.count, 1)
    }

    // MARK: per-family severity

    func testAFamilySeverityAppliesOutsideTasksBlocksAndOffDropsTheFamily() throws {
        let text = plan + "\n## Notes\n\nReworked after PR #41 per F-001-1-04.\n"
        let config = """
        tags:
          families:
            pr-ref: {pattern: '\\bPR #\\d+', severity: info}
            finding: {pattern: '\\bF-\\d{3}-\\d+-\\d+\\b', severity: off}
        """
        let (_, findings) = try RuleHarness.findings(rule, ["docs/plans/001-a.md": text], config: config)
        XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.message)" }, [
            "error ephemeral pr-ref `PR #137` inside a Tasks block (gate G5)",
            "info ephemeral pr-ref `PR #41` outside a provenance section",
        ])
    }

    // MARK: decoding

    private func configError(_ yaml: String) -> ConfigError? {
        var profile = (try? ProfileLoader.defaultProfile()) ?? Profile()
        do {
            try ProfileLoader.apply(yaml: yaml, file: "docs-audit.yml", to: &profile)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    func testTheDefaultProfileSwitches() throws {
        let tags = try ProfileLoader.defaultProfile().tags
        XCTAssertTrue(tags.exemptions.qualified)
        XCTAssertTrue(tags.exemptions.quoted)
        XCTAssertNil(tags.exemptions.datedNotes)
        XCTAssertTrue(tags.familySeverities.isEmpty, "the default families take the rule's severity")
    }

    func testBadFamiliesAndSwitchesAreConfigErrorsWithTheKeyPath() throws {
        let noPattern = try XCTUnwrap(configError("tags:\n  families:\n    pr-ref: {severity: info}\n"))
        XCTAssertEqual(noPattern.key, "tags.families.pr-ref")
        XCTAssertEqual(noPattern.message, "a tag family needs `pattern`")
        let badKey = try XCTUnwrap(configError("tags:\n  families:\n    pr-ref: {pattern: 'PR', level: info}\n"))
        XCTAssertEqual(badKey.key, "tags.families.pr-ref.level")
        XCTAssertEqual(badKey.message, "unknown key `level` (expected one of: pattern, severity)")
        let badSeverity = try XCTUnwrap(
            configError("tags:\n  families:\n    pr-ref: {pattern: 'PR', severity: loud}\n"))
        XCTAssertEqual(badSeverity.key, "tags.families.pr-ref.severity")
        XCTAssertEqual(badSeverity.message, "expected error, warning, info or off, found `loud`")
        let empty = try XCTUnwrap(configError("tags:\n  families:\n    pr-ref: ''\n"))
        XCTAssertEqual(empty.key, "tags.families.pr-ref")
        XCTAssertTrue(empty.message.hasPrefix("an empty pattern matches everywhere"), empty.message)
        let matchesNothing = try XCTUnwrap(configError("tags:\n  families:\n    pr-ref: 'x*'\n"))
        XCTAssertTrue(matchesNothing.message.contains("matches empty text"), matchesNothing.message)
        let notBool = try XCTUnwrap(configError("tags:\n  exempt-quoted: sometimes\n"))
        XCTAssertEqual(notBool.key, "tags.exempt-quoted")
        XCTAssertEqual(notBool.line, 2)
        let badNote = try XCTUnwrap(configError("tags:\n  exempt-dated-notes: '(\\d{4}'\n"))
        XCTAssertEqual(badNote.key, "tags.exempt-dated-notes")
        XCTAssertTrue(badNote.message.contains("not a valid regular expression"), badNote.message)
    }

    /// The string form still loads (version 2: it merges with the inherited families); a version 1 file that
    /// sets families is told exactly what to write, since v1 replaced the mapping.
    func testStringFamiliesLoadAndV1FilesAreToldWhatChanged() throws {
        var profile = try ProfileLoader.defaultProfile()
        try ProfileLoader.apply(yaml: "version: 2\ntags:\n  families:\n    pr-ref: '\\bPR #\\d+'\n",
                                file: "docs-audit.yml", to: &profile)
        XCTAssertEqual(profile.tags.families["pr-ref"]?.source, "\\bPR #\\d+")
        XCTAssertNotNil(profile.tags.families["finding"], "version 2 merges with the inherited families")
        XCTAssertNil(profile.tags.familySeverities["pr-ref"])
        let v1 = try XCTUnwrap(configError("version: 1\ntags:\n  families:\n    pr-ref: '\\bPR #\\d+'\n"))
        XCTAssertEqual(v1.key, "tags.families")
        XCTAssertTrue(v1.message.contains("add `finding: ~`"), v1.message)
    }
}
