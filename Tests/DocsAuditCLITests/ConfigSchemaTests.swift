import Foundation
import XCTest

/// Schema v2 configs through the binary: bad ones exit 2 naming file:line:col and the key path.
final class ConfigSchemaTests: XCTestCase {
    private func lint(config: String, file: StaticString = #filePath, line: UInt = #line) throws -> (CLIResult, URL) {
        let root = try CLI.folder([
            "docs-audit.yml": Data(config.utf8),
            "docs/a.md": Data("# A\n\nText.\n".utf8),
        ])
        return (try CLI.run(["lint", "--root", root.path, "--no-cache"]), root)
    }

    func testBadConfigsExitTwoNamingFileLineColumnAndKey() throws {
        let cases: [(config: String, place: String, message: String)] = [
            ("extends: defualt\n", "1:10: extends",
             "no built-in profile `defualt` (did you mean `default`?) (known: `default`"),
            ("version: 2\ngraph:\n  fiel: x.md\n", "3:3: graph.fiel", "unknown key `fiel` (did you mean `file`?)"),
            ("rules:\n  tables/arty: off\n", "2:3: rules.tables/arty",
             "unknown rule ID `tables/arty` (did you mean `tables/arity`?) (see `docs-audit rules`)"),
            // A category is no rule ID here: the config says so and names one of its rules.
            ("rules:\n  links: off\n", "2:3: rules.links", "unknown rule ID `links`: `links` is a category, and rules "
             + "are set one by one, such as `links/missing-file` (see `docs-audit explain links`)"),
            ("plans:\n  task-heading: ''\n", "2:17: plans.task-heading",
             "an empty pattern matches everywhere: remove the key or write a pattern (`~` removes an inherited one)\n"),
            // In a list item nothing is inherited, so `~` is not offered.
            ("custom-rules:\n  - id: custom/x\n    summary: s\n    help: h\n    message: m\n    forbid: ''\n",
             "6:13: custom-rules[0].forbid", "an empty pattern matches everywhere: remove the key or write a pattern\n"),
            ("version: 7\n", "1:10: version", "unsupported profile version `7` (this tool reads 1 and 2)"),
            ("version: 1\ntags:\n  families:\n    pr-ref: 'PR #\\d+'\n", "4:5: tags.families",
             "in version 1 `tags.families` replaced the inherited mapping; from version 2 on it merges with it"),
        ]
        for (config, place, message) in cases {
            let (result, root) = try lint(config: config)
            XCTAssertEqual(result.status, 2, config)
            XCTAssertEqual(result.stdout, "", config)
            let expected = "docs-audit: config error: \(root.path)/docs-audit.yml:\(place): \(message)"
            XCTAssertTrue(result.stderr.hasPrefix(expected), "\(config)\n\(result.stderr)\nexpected: \(expected)")
        }
    }

    func testExtendsNoneRunsTheEngineAlone() throws {
        let root = try CLI.folder([
            "docs-audit.yml": Data("extends: none\n".utf8),
            "docs/plans/024-x.md": Data("# Plan-024: x\n\nSee Plan-999 and [gone](missing.md).\n".utf8),
        ])
        let link = "docs/plans/024-x.md:3:18: error: link to missing.md: docs/plans/missing.md does not exist "
            + "[links/missing-file]\n"
        let result = try CLI.run(["lint", "--root", root.path, "--no-cache"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, link, "no kinds, no ID families: only the generic link rule")
        XCTAssertEqual(result.stderr, "docs-audit: 1 error in 1 file\n")
        // The same corpus on the default profile: a plan without a header, an undefined plan ID.
        try FileManager.default.removeItem(at: root.appendingPathComponent("docs-audit.yml"))
        let byDefault = try CLI.run(["lint", "--root", root.path, "--no-cache"])
        XCTAssertEqual(byDefault.stdout, "docs/plans/024-x.md:1:1: error: no `| **Status** | … |` row in the header "
            + "table [plans/status]\ndocs/plans/024-x.md:3:5: error: Plan-999 is defined nowhere "
            + "[ids/undefined-reference]\n" + link)
    }

    func testSectionScopeHoldsWhenTheAnalysisComesFromTheCache() throws {
        let root = try CLI.folder([
            "docs-audit.yml": Data("rules:\n  links/missing-file:\n    sections: ['^Tasks$']\n".utf8),
            "docs/a.md": Data("# A\n\n[x](gone1.md)\n\n## Tasks\n\n### Sub\n\n[y](gone2.md)\n".utf8),
        ])
        let cache = try CLI.folder([:]).appendingPathComponent("cache").path
        let arguments = ["lint", "--root", root.path, "--cache-dir", cache]
        let fresh = try CLI.run(arguments)
        XCTAssertEqual(fresh.status, 1, fresh.stderr)
        XCTAssertEqual(fresh.stdout, "docs/a.md:9:1: error: link to gone2.md: docs/gone2.md does not exist "
            + "[links/missing-file]\n")
        let cached = try CLI.run(arguments)
        XCTAssertEqual(cached.stdout, fresh.stdout, "the headings come back with the cached analysis")
        XCTAssertEqual(cached.status, 1)
    }
}

/// `docs-audit config --print`: the merged profile with where each value came from.
final class ConfigPrintTests: XCTestCase {
    private static let overlay = """
        version: 2
        extends: none
        kinds:
          - name: rfc
            paths: ["text/[0-9][0-9][0-9][0-9]-*.md", 'text/*.markdown']
            title: '^RFC (\\d+): (.+)$'
          - name: other
            paths: ["**"]
        ids:
          rfc: '\\bRFC ?#?(\\d{1,4})\\b'
          quote: "it's"
        tags:
          families:
            pr-ref: '\\bPR #\\d+'
          exempt: []
        rules:
          tables/arity: off
        links:
          fragment-case: insensitive
          site-roots: ["https://example.com/o/r/blob/main/"]
          gone: ~
        """

    func testPrintGolden() throws {
        let root = try CLI.folder(["docs-audit.yml": Data(Self.overlay.utf8)])
        let result = try CLI.run(["config", "--print", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let url = CLI.projectRoot.appendingPathComponent("Tests/DocsAuditCLITests/Golden/config-print-none.yml")
        if ProcessInfo.processInfo.environment["DOCS_AUDIT_RECORD"] != nil {
            try Data(result.stdout.utf8).write(to: url)
        }
        XCTAssertEqual(result.stdout, try String(contentsOf: url, encoding: .utf8),
                       "differs from Golden/config-print-none.yml")
        XCTAssertEqual(try CLI.run(["config", "--print", "--root", root.path]).stdout, result.stdout, "deterministic")
        // The same file given with --config elsewhere is named as given.
        let elsewhere = try CLI.folder(["ci/audit.yml": Data(Self.overlay.utf8)])
        let config = elsewhere.appendingPathComponent("ci/audit.yml").path
        let named = try CLI.run(["config", "--print", "--root", root.path, "--config", config])
        XCTAssertEqual(named.status, 0)
        XCTAssertEqual(named.stdout, result.stdout.replacingOccurrences(of: "docs-audit.yml", with: config))
    }

    func testPrintOverTheDefaultNamesEachValuesFileAndLine() throws {
        let root = try CLI.folder(["docs-audit.yml": Data("version: 2\ngraph:\n  file: docs/map.md\n".utf8)])
        let result = try CLI.run(["config", "--print", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "# The effective profile: rules/default.yml, then docs-audit.yml laid over it. "
            + "Each value says where it came from.")
        XCTAssertTrue(lines.contains("version: 2  # docs-audit.yml:1"))
        XCTAssertTrue(lines.contains("  file: docs/map.md  # docs-audit.yml:3"))
        let defaultLines = try String(contentsOf: CLI.projectRoot.appendingPathComponent("rules/default.yml"),
                                      encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var checked = 0
        for line in lines where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
            guard let comment = line.range(of: "  # rules/default.yml:", options: .backwards),
                  let number = Int(line[comment.upperBound...]) else { continue }
            let key = line[..<comment.lowerBound].trimmingCharacters(in: .whitespaces).components(separatedBy: ":")[0]
            XCTAssertTrue(defaultLines[number - 1].contains("\(key):"), "\(line) ↔ \(defaultLines[number - 1])")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testPrintedProfileReadsBackAsTheSameProfile() throws {
        let root = try CLI.folder(["docs-audit.yml": Data("tags:\n  families:\n    deictic: ~\n".utf8)])
        let first = try CLI.run(["config", "--print", "--root", root.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stdout.contains("deictic"))
        let again = try CLI.folder(["docs-audit.yml": Data(("extends: none\n" + first.stdout).utf8)])
        let second = try CLI.run(["config", "--print", "--root", again.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        func values(_ text: String) -> [String] {
            text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
                line.range(of: "  # ", options: .backwards).map { String(line[..<$0.lowerBound]) } ?? String(line)
            }
        }
        XCTAssertEqual(values(second.stdout), values(first.stdout))
        XCTAssertGreaterThan(values(first.stdout).count, 100)
    }

    func testConfigErrorsAndUsage() throws {
        let root = try CLI.folder(["docs-audit.yml": Data("graph:\n  fiel: x\n".utf8)])
        let bad = try CLI.run(["config", "--print", "--root", root.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stdout, "")
        XCTAssertTrue(bad.stderr.hasPrefix("docs-audit: config error: \(root.path)/docs-audit.yml:2:3: graph.fiel: "
            + "unknown key `fiel` (did you mean `file`?)"), bad.stderr)
        let bare = try CLI.run(["config", "--root", root.path])
        XCTAssertEqual(bare.status, 2)
        XCTAssertTrue(bare.stderr.contains("say what to show: --print writes the effective profile"), bare.stderr)
        let help = try CLI.run(["config", "--help"], environment: ["COLUMNS": "80"])
        XCTAssertEqual(help.status, 0)
        for line in help.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 80, String(line)) }
        XCTAssertTrue(help.stdout.contains("  docs-audit config --print --root .\n"), help.stdout)
        XCTAssertTrue(help.stdout.contains("extends"), help.stdout)
    }
}
