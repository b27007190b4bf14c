import XCTest
@testable import DocsAuditCore

/// One test per form of suppression comment: what it covers, and when suppressions/unused reports it.
final class SuppressionBranchTests: XCTestCase {
    private func tags(_ text: String) throws -> [String] {
        Linter.lint(try Fixture.corpus(["docs/a.md": text])).filter { $0.rule == "tags/ephemeral" }.map(\.subject)
    }

    func testNextLineSkipsBlankLinesAndCoversOnlyThatLine() throws {
        let text = "# A\n\n<!-- docs-audit-disable-next-line tags/ephemeral -- kept -->\n\nPR #1 here.\n\n"
            + "PR #2 there.\n"
        XCTAssertEqual(try tags(text), ["PR #2"])
        try RuleHarness.assert("suppressions/unused", ["docs/a.md": text], messages: [])
    }

    func testNextLineForAnotherRuleSuppressesNothing() throws {
        let text = "# A\n\n↓<!-- docs-audit-disable-next-line graph/cycle -->\nPR #1 here.\n"
        XCTAssertEqual(try tags(text.replacingOccurrences(of: "↓", with: "")), ["PR #1"])
        try RuleHarness.assert("suppressions/unused", ["docs/a.md": text],
                               messages: ["docs-audit-disable-next-line for graph/cycle suppresses nothing"])
    }

    func testDisableLineInline() throws {
        let text = "# A\n\nPR #1 here. <!-- docs-audit-disable-line tags/ephemeral -->\n\n"
            + "PR #2 there. <!-- docs-audit-disable-line -->\n"
        try RuleHarness.assert("suppressions/unused", ["docs/a.md": text], messages: [])
        XCTAssertEqual(try tags(text.replacingOccurrences(of: "↓", with: "")), [])
        let unused = "# A\n\nPlain. ↓<!-- docs-audit-disable-line tags/ephemeral -->\n"
        let (marked, findings) = try RuleHarness.findings("suppressions/unused", ["docs/a.md": unused])
        XCTAssertEqual(findings.map(\.message), ["docs-audit-disable-line for tags/ephemeral suppresses nothing"])
        XCTAssertEqual(findings.map(\.line), marked.markers.map(\.line))
    }

    func testRangeCoversUntilEnable() throws {
        let text = """
        # A

        <!-- docs-audit-disable tags/ephemeral -->
        PR #1 inside.
        <!-- docs-audit-enable tags/ephemeral -->

        PR #2 after.

        ↓<!-- docs-audit-disable tags/ephemeral -->
        Nothing here.
        <!-- docs-audit-enable tags/ephemeral -->
        """
        XCTAssertEqual(try tags(text.replacingOccurrences(of: "↓", with: "")), ["PR #2"])
        try RuleHarness.assert("suppressions/unused", ["docs/a.md": text],
                               messages: ["docs-audit-disable for tags/ephemeral suppresses nothing"])
    }

    func testRangeWithoutEnableRunsToTheEndOfTheFile() throws {
        let text = "# A\n\nPR #1 before.\n\n<!-- docs-audit-disable tags/ephemeral -->\n\nPR #2 after.\n\n"
            + "PR #3 later.\n"
        XCTAssertEqual(try tags(text), ["PR #1"])
    }

    func testFileLevelWithoutRulesCoversEveryRuleOrIsReportedForEveryRule() throws {
        XCTAssertEqual(try tags("# A\n\nPR #1\n\n<!-- docs-audit-disable-file -->\n"), [])
        try RuleHarness.assert("suppressions/unused",
            ["docs/a.md": "# A\n\nPlain.\n\n↓<!-- docs-audit-disable-file -->\n"],
                               messages: ["docs-audit-disable-file for every rule suppresses nothing"])
    }

    func testOneDirectiveForSeveralRulesIsUsedOnceAnyOfThemIs() throws {
        let text = "# A\n\n<!-- docs-audit-disable-next-line graph/cycle, tags/ephemeral -->\nPR #1 here.\n"
        XCTAssertEqual(try tags(text), [])
        try RuleHarness.assert("suppressions/unused", ["docs/a.md": text], messages: [])
    }

    func testSuppressedFindingsInFrozenTreesLeaveTheCommentUnreported() throws {
        // Frozen trees are never reported on, so their suppressions are not judged either.
        let text = "# Old\n\n<!-- docs-audit-disable-next-line graph/cycle -->\nPlain.\n"
        try RuleHarness.assert("suppressions/unused", ["docs/archive/old.md": text], messages: [])
    }
}
