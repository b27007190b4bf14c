import Foundation
import XCTest

/// Rules a corpus's docs-audit.yml defines, through the built binary: listed, explained, reported in every
/// format, suppressed and baselined like the built-in ones; a bad one is a config error, a hostile pattern a
/// bounded finding.
final class CustomRuleCLITests: XCTestCase {
    private let config = """
    custom-rules:
      - id: custom/no-todo
        severity: warning
        summary: a TODO is left in the text
        help: Finish it or move it to the backlog.
        message: 'TODO left: {0}'
        forbid: '\\bTODO\\b'
        replacement: 'TO-DO'

    """

    private func corpus(_ files: [String: String], config: String? = nil) throws -> URL {
        var all = files.mapValues { Data($0.utf8) }
        all["docs-audit.yml"] = Data((config ?? self.config).utf8)
        return try CLI.folder(all)
    }

    private var examples: String { CLI.projectRoot.appendingPathComponent("Examples/custom-rules.yml").path }

    func testRulesListsTheProfilesOwnRules() throws {
        let root = try corpus(["a.md": "# A\n"])
        let listed = try CLI.run(["rules", "--root", root.path])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stderr, "")
        let line = try XCTUnwrap(listed.stdout.split(separator: "\n").first { $0.hasPrefix("custom/no-todo ") })
        XCTAssertEqual(line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "),
                       "custom/no-todo warning a TODO is left in the text")
        let fromFile = try CLI.run(["rules", "--config", examples])
        XCTAssertTrue(fromFile.stdout.contains("\ncustom/github-spelling "), fromFile.stdout)
        XCTAssertTrue(fromFile.stdout.contains("\ncustom/status-code-span "), fromFile.stdout)
        let builtIn = try CLI.run(["rules", "--root", CLI.projectRoot.path])
        XCTAssertFalse(builtIn.stdout.contains("custom/"), builtIn.stdout)
    }

    func testExplainShowsTheRuleAndRunsItsExamples() throws {
        let explained = try CLI.run(["explain", "custom/github-spelling", "--config", examples])
        XCTAssertEqual(explained.status, 0, explained.stderr)
        XCTAssertEqual(explained.stderr, "")
        XCTAssertTrue(explained.stdout.hasPrefix("custom/github-spelling (default: warning)\n\nGitHub is misspelt.\n\n"
                                                 + "The product is written GitHub."), explained.stdout)
        XCTAssertTrue(explained.stdout.contains("Reported — a lower-case product name in prose:"), explained.stdout)

        let broken = config + """
            examples:
              failing:
                - title: marked one column off
                  files:
                    a.md: "# A\\n\\nx 1️⃣y TODO\\n"
                  findings: [TODO left]

        """
        let root = try corpus(["a.md": "# A\n"], config: broken)
        let failing = try CLI.run(["explain", "custom/no-todo", "--root", root.path])
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.stdout.hasPrefix("custom/no-todo (default: warning)\n"), failing.stdout)
        XCTAssertEqual(failing.stderr, """
            docs-audit: custom/no-todo: failing example “marked one column off”: marker 1 at a.md:3:3 expects \
            “TODO left”; found there: []
            docs-audit: custom/no-todo: failing example “marked one column off”: unexpected a.md:3:5: \
            TODO left: TODO

            """)

        let scoped = config.replacingOccurrences(of: "    replacement: 'TO-DO'\n", with: """
                replacement: 'TO-DO'
                scope:
                  kinds: [plan, spec]
                  in: [prose, table-cells]
                  sections: ['^Tasks$']

            """)
        let defined = try CLI.run(["explain", "custom/no-todo", "--root", try corpus(["a.md": "# A\n"],
                                                                                       config: scoped).path])
        XCTAssertEqual(defined.status, 0, defined.stderr)
        XCTAssertEqual(defined.stdout, """
            custom/no-todo (default: warning)

            a TODO is left in the text.

            Finish it or move it to the backlog.

            Defined in the profile:

              forbid:      \\bTODO\\b
              replacement: TO-DO
              message:     TODO left: {0}
              in:          prose, table-cells
              kinds:       plan, spec
              sections:    ^Tasks$

            """)

        let unknown = try CLI.run(["explain", "custom/no-tod", "--root", root.path])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.hasPrefix(
            "docs-audit: Error: no rule `custom/no-tod` (did you mean `custom/no-todo`?)"), unknown.stderr)
    }

    func testEveryFormatReportsTheCustomFindingAndSARIFDescribesTheRule() throws {
        let root = try corpus(["docs/a.md": "# A\n\nStill TODO here.\n"])
        let text = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(text.status, 1)
        XCTAssertEqual(text.stdout, "docs/a.md:3:7: warning: TODO left: TODO [custom/no-todo]\n")
        for (format, expected) in [("json", "\"rule\" : \"custom/no-todo\""),
                                   ("github", "::warning file=docs/a.md,line=3,col=7,title=custom/no-todo::TODO left"),
                                   ("junit", "custom/no-todo at 3:7"),
                                   ("checkstyle", "source=\"docs-audit.custom/no-todo\"")] {
            let result = try CLI.run(["lint", "--root", root.path, "--format", format])
            XCTAssertEqual(result.status, 1, format)
            XCTAssertTrue(result.stdout.contains(expected), "\(format): \(result.stdout)")
        }
        let sarif = try CLI.run(["lint", "--root", root.path, "--format", "sarif"])
        XCTAssertEqual(sarif.status, 1)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let index = try XCTUnwrap(rules.firstIndex { $0["id"] as? String == "custom/no-todo" })
        XCTAssertEqual((rules[index]["shortDescription"] as? [String: Any])?["text"] as? String,
                       "a TODO is left in the text")
        XCTAssertEqual((rules[index]["help"] as? [String: Any])?["text"] as? String,
                       "Finish it or move it to the backlog.")
        let result = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        XCTAssertEqual(result["ruleId"] as? String, "custom/no-todo")
        XCTAssertEqual(result["ruleIndex"] as? Int, index)
    }

    func testACustomFindingIsSuppressedAndBaselinedLikeABuiltInOne() throws {
        let root = try corpus(["a.md": """
            # A

            <!-- docs-audit-disable-next-line custom/no-todo -- tracked in BL-1 -->
            Known TODO.

            Another TODO.
            """])
        let first = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(first.stdout, "a.md:6:9: warning: TODO left: TODO [custom/no-todo]\n")
        let baseline = root.appendingPathComponent("baseline.json").path
        let written = try CLI.run(["lint", "--root", root.path, "--write-baseline", baseline])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stderr, "docs-audit: wrote 1 finding to \(baseline)\n")
        let quiet = try CLI.run(["lint", "--root", root.path, "--baseline", baseline])
        XCTAssertEqual(quiet.status, 0, quiet.stdout)
        XCTAssertEqual(quiet.stdout, "")
        // A new TODO elsewhere is not in the baseline.
        try Data("# B\n\nA new TODO.\n".utf8).write(to: root.appendingPathComponent("b.md"))
        let fresh = try CLI.run(["lint", "--root", root.path, "--baseline", baseline])
        XCTAssertEqual(fresh.status, 1)
        XCTAssertEqual(fresh.stdout, "b.md:3:7: warning: TODO left: TODO [custom/no-todo]\n")
    }

    func testSeveritiesAndTheCacheFollowTheProfile() throws {
        let root = try corpus(["a.md": "# A\n\nTODO.\n"], config: "rules:\n  custom/no-todo: error\n" + config)
        let cache = root.appendingPathComponent(".cache").path
        let first = try CLI.run(["lint", "--root", root.path, "--cache-dir", cache])
        XCTAssertEqual(first.stdout, "a.md:3:1: error: TODO left: TODO [custom/no-todo]\n")
        // Same files, a changed rule: the cached analysis of a.md must not be reused.
        let changed = config.replacingOccurrences(of: "'TODO left: {0}'", with: "'finish {0}'")
        try Data(changed.utf8).write(to: root.appendingPathComponent("docs-audit.yml"))
        let second = try CLI.run(["lint", "--root", root.path, "--cache-dir", cache])
        XCTAssertEqual(second.stdout, "a.md:3:1: warning: finish TODO [custom/no-todo]\n")
    }

    func testBadCustomRulesAreConfigErrors() throws {
        let cases: [(String, String)] = [
            ("custom-rules:\n  - id: links/mine\n    summary: s\n    forbid: a\n",
             "docs-audit.yml:2:9: custom-rules[0].id: `links/mine`: links/ is a built-in category; name custom rules "
             + "custom/… or another namespace of your own"),
            ("custom-rules:\n  - id: custom/x\n    summary: s\n    forbid: '(a'\n",
             "docs-audit.yml:4:13: custom-rules[0].forbid: not a valid regular expression: (a (missing closing "
             + "parenthesis"),
            ("custom-rules:\n  - id: custom/x\n    summary: s\n    forbid: 'colou?r'\n    replacement: color\n",
             "docs-audit.yml:5:18: custom-rules[0].replacement: the replacement is not idempotent: the forbid "
             + "pattern still matches `color`, so the fix would be reported again"),
        ]
        for (yaml, expected) in cases {
            let root = try corpus(["a.md": "# A\n"], config: yaml)
            for command in [["lint"], ["rules"], ["explain", "graph/cycle"]] {
                let result = try CLI.run(command + ["--root", root.path])
                XCTAssertEqual(result.status, 2, yaml)
                XCTAssertEqual(result.stdout, "")
                XCTAssertTrue(result.stderr.hasPrefix("docs-audit: config error: "), result.stderr)
                XCTAssertTrue(result.stderr.contains(expected), "\(result.stderr)\nshould contain\n\(expected)")
            }
        }
    }

    /// A custom pattern that backtracks exponentially is stopped for the file and reported once; a stopped
    /// `require` pattern does not turn every item into a finding.
    func testAHostileCustomPatternEndsInAPatternLimitFinding() throws {
        let line = String(repeating: "a", count: 30) + "!\n"
        for check in ["forbid", "require"] {
            let hostile = "custom-rules:\n  - id: custom/slow\n    summary: s\n    \(check): '(a+)+$'\n"
            let root = try corpus(["a.md": "# A\n\n" + String(repeating: line + "\n", count: 200)], config: hostile)
            let started = Date()
            let result = try CLI.run(["lint", "--root", root.path, "--no-cache"], timeout: 20)
            XCTAssertLessThan(Date().timeIntervalSince(started), 20)
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertEqual(result.stdout, "a.md:1:1: error: pattern custom-rules[0].\(check) `(a+)+$` ran past the "
                           + "match limit; it was not applied to the rest of this file [input/pattern-limit]\n")
        }
    }

    /// The shipped example rules run on the example corpus without false alarms.
    func testTheExampleRulesLeaveTheExampleCorpusClean() throws {
        let root = CLI.projectRoot.appendingPathComponent("Examples/corpus").path
        let result = try CLI.run(["lint", "--root", root, "--config", examples, "--no-cache"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}
