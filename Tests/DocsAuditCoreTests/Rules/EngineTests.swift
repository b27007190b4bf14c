import XCTest
@testable import DocsAuditCore

final class EngineTests: XCTestCase {
    private let twoTags = "# A\n\n## S\n\nPR #1 here.\n\nPR #2 there.\n"

    private func lint(_ files: [String: String], config: String? = nil) throws -> [Finding] {
        Linter.lint(try Fixture.corpus(files, config: config))
    }

    func testSuppressionForms() throws {
        let text = """
        # A

        <!-- docs-audit-disable-next-line tags/ephemeral -- provenance kept on purpose -->

        PR #1 is suppressed.

        PR #2 is reported. <!-- docs-audit-disable-line graph/cycle -->

        <!-- docs-audit-disable tags/ephemeral -->
        PR #3 suppressed.
        PR #4 suppressed.
        <!-- docs-audit-enable tags/ephemeral -->

        PR #5 reported.
        """
        let findings = try lint(["docs/a.md": text])
        XCTAssertEqual(findings.filter { $0.rule == "tags/ephemeral" }.map(\.subject), ["PR #2", "PR #5"])
        XCTAssertEqual(findings.filter { $0.rule == "suppressions/unused" }.map(\.message),
                       ["docs-audit-disable-line for graph/cycle suppresses nothing"])
        XCTAssertEqual(findings.filter { $0.rule == "suppressions/unused" }.map(\.line), [7])
    }

    func testFileLevelSuppressionWithoutRulesCoversEverything() throws {
        let findings = try lint(["docs/a.md": "<!-- docs-audit-disable-file -->\n" + twoTags])
        XCTAssertEqual(findings, [])
    }

    func testSeverityConfigOverridesAndOff() throws {
        let config = """
        rules:
          tags/ephemeral: info
        overrides:
          - paths: ["docs/quiet/**"]
            rules:
              tags/ephemeral: off
        """
        let findings = try lint(["docs/a.md": twoTags, "docs/quiet/b.md": twoTags], config: config)
        XCTAssertEqual(findings.map(\.file), ["docs/a.md", "docs/a.md"])
        XCTAssertEqual(findings.map(\.severity), [.info, .info])
        XCTAssertFalse(Linter.fails(findings), "info findings never fail a run")
    }

    func testUnknownRuleInConfigIsAConfigError() {
        XCTAssertThrowsError(try lint(["docs/a.md": twoTags], config: "rules:\n  tags/ephemerl: off\n")) { error in
            let config = error as? ConfigError
            XCTAssertEqual(config?.key, "rules.tags/ephemerl")
            XCTAssertEqual(config?.line, 2)
        }
    }

    func testFrozenTreesAreReadButNotReported() throws {
        let findings = try lint(["docs/archive/old.md": twoTags, "docs/a.md": "# A\n\nSee BL-001.\n",
                                 "docs/archive/backlog-archive.md": "# Archive\n\n### BL-001: Old\n\n- Status: `completed`\n"])
        XCTAssertEqual(findings, [], "archive tags are not reported; BL-001 defined there resolves")
    }

    func testBaselineIsCountAwareAndIgnoresLines() throws {
        let before = try lint(["docs/a.md": twoTags])
        let baseline = Baseline(findings: before)
        XCTAssertEqual(baseline.entries.map(\.count), [1, 1])
        let moved = try lint(["docs/a.md": "# A\n\nIntro.\n\n## S\n\nPR #1 here.\n\nPR #2 there.\n\nPR #2 again.\n"])
        let fresh = baseline.filter(moved)
        XCTAssertEqual(fresh.map(\.subject), ["PR #2"], "moved lines stay baselined; a second PR #2 is new")
        XCTAssertEqual(fresh.first?.line, 11)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json").path
        try baseline.write(file)
        XCTAssertEqual(try Baseline.read(file), baseline)
    }

    func testNarrowingKeepsFindingsCausedByTheNamedFiles() throws {
        let findings = try lint([
            "docs/a.md": "# A\n\n[b](b.md#old-heading)\n",
            "docs/b.md": "# B\n\n## New Heading\n",
            "docs/c.md": "# C\n\nPR #1\n",
        ])
        XCTAssertEqual(Linter.narrow(findings, to: ["docs/b.md"]).map(\.rule), ["links/missing-anchor"])
        XCTAssertEqual(Linter.narrow(findings, to: ["docs/c.md"]).map(\.rule), ["tags/ephemeral"])
    }

    func testEveryRuleIsRegisteredDocumentedAndDistinct() throws {
        let ids = RuleCatalog.descriptions.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        for rule in RuleCatalog.descriptions {
            XCTAssertNotNil(rule.id.range(of: #"^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression), rule.id)
            XCTAssertFalse(rule.summary.isEmpty || rule.help.isEmpty, rule.id)
        }
        let here = URL(fileURLWithPath: #filePath)
        let docs = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        XCTAssertEqual(text, RuleDocumentation.markdown(), "docs/rules.md is stale: docs-audit rules --format markdown > docs/rules.md")
    }

    func testDeterministicOrderAcrossRuns() throws {
        let files = ["docs/a.md": twoTags, "docs/b.md": "# B\n\n[x](#nope)\n"]
        let first = try lint(files)
        for _ in 0..<5 { XCTAssertEqual(try lint(files), first) }
    }
}
