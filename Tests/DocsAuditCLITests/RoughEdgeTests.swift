import Foundation
import XCTest

/// The command-line rough edges of issue 12, each as a new user meets it.
final class RoughEdgeTests: XCTestCase {
    private let files: [String: Data] = [
        "docs/a.md": Data("# A\n\n## S\n\nÉté: [b](b.md#old-heading) and PR #7.\n".utf8),
        "docs/b.md": Data("# B\n\n## New Heading\n".utf8),
        "notes.md": Data("# Notes\n".utf8),
    ]

    /// Runs the tool with `directory` as its current folder (GNU env -C).
    private func run(in directory: URL, _ arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments, prefix: ["/usr/bin/env", "-C", directory.path])
    }

    func testStagedOutsideAGitRepositoryIsOneLineAndExitTwo() throws {
        let root = try CLI.folder(files)
        let result = try CLI.run(["lint", "--root", root.path, "--staged"],
                                 environment: ["GIT_CEILING_DIRECTORIES": root.deletingLastPathComponent().path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "docs-audit: --staged needs a git repository, and \(root.path) is not inside "
            + "the work tree of one\n")
    }

    func testANamedPathThatDoesNotExistIsAnErrorNamingIt() throws {
        let root = try CLI.folder(files)
        let result = try run(in: root, ["lint", "--root", ".", "docs/plans/nonexistent.md"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        let real = root.resolvingSymlinksInPath().path
        XCTAssertTrue(result.stderr.hasPrefix("docs-audit: Error: docs/plans/nonexistent.md: no such file "
            + "(\(real)/docs/plans/nonexistent.md: paths are relative to the current folder \(real))\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Usage: docs-audit lint"), result.stderr)
    }

    func testPathsAreRelativeToTheCurrentFolderAndErrorsShowLintsUsage() throws {
        let root = try CLI.folder(files)
        let docs = root.appendingPathComponent("docs")
        // From inside docs/, `a.md` is docs/a.md of the corpus at `..`.
        let inside = try run(in: docs, ["lint", "--root", "..", "a.md", "--no-cache"])
        XCTAssertEqual(inside.status, 1, inside.stderr)
        XCTAssertTrue(inside.stdout.hasPrefix("docs/a.md:5:6: error:"), inside.stdout)
        // From the root, notes.md is outside the corpus root docs/.
        let outside = try run(in: root, ["lint", "--root", "docs", "notes.md"])
        XCTAssertEqual(outside.status, 2)
        let real = root.resolvingSymlinksInPath().path
        XCTAssertTrue(outside.stderr.hasPrefix("docs-audit: Error: notes.md is not inside the corpus root \(real)/docs "
            + "(\(real)/notes.md: paths are relative to the current folder \(real))\n"), outside.stderr)
        XCTAssertTrue(outside.stderr.contains("Usage: docs-audit lint [--root <dir>]"), outside.stderr)
        XCTAssertFalse(outside.stderr.contains("<subcommand>"), outside.stderr)
    }

    func testColumnsAreCodePointsInEveryFormat() throws {
        let root = try CLI.folder(files)
        // `Été: [` puts the link at code point 6, UTF-8 byte 8.
        let text = try CLI.run(["lint", "--root", root.path])
        XCTAssertTrue(text.stdout.hasPrefix("docs/a.md:5:6: error: link to b.md#old-heading"), text.stdout)
        let github = try CLI.run(["lint", "--root", root.path, "--format", "github"])
        XCTAssertTrue(github.stdout.hasPrefix("::error file=docs/a.md,line=5,col=6,"), github.stdout)
        let checkstyle = try CLI.run(["lint", "--root", root.path, "--format", "checkstyle"])
        XCTAssertTrue(checkstyle.stdout.contains("line=\"5\" column=\"6\""), checkstyle.stdout)
        let json = try CLI.run(["lint", "--root", root.path, "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let findings = try XCTUnwrap(document?["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.first?["column"] as? Int, 6)
        let sarif = try CLI.run(["lint", "--root", root.path, "--format", "sarif"])
        XCTAssertTrue(sarif.stdout.contains("\"startColumn\" : 6"), sarif.stdout)
    }

    func testGitHubAnnotationsPutErrorsFirst() throws {
        // The warning (line 3) sorts before the error (line 5); the error still comes first.
        let root = try CLI.folder([
            "docs/a.md": Data("# A\n\nSee PR #7.\n\n[b](b.md#old-heading)\n".utf8),
            "docs/b.md": Data("# B\n".utf8),
        ])
        let result = try CLI.run(["lint", "--root", root.path, "--format", "github"])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, result.stdout)
        XCTAssertTrue(lines.first?.hasPrefix("::error file=docs/a.md,line=5,") == true, result.stdout)
        XCTAssertTrue(lines.last?.hasPrefix("::warning file=docs/a.md,line=3,") == true, result.stdout)
    }

    func testNoColorIsHonouredOnATerminalAndTheFlagsOverrideIt() throws {
        let root = try CLI.folder(files)
        let red = "\u{1B}[31merror"
        func onTerminal(_ arguments: [String], _ environment: [String: String]) throws -> CLIResult {
            // python3's pty gives the tool a terminal for standard output.
            try CLI.run(arguments, prefix: ["/usr/bin/env", "python3", "-c",
                                            "import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)"],
                        environment: environment)
        }
        guard (try? CLI.run([], prefix: ["/usr/bin/env", "python3", "-c", "import pty"]))?.status == 0 else {
            throw XCTSkip("python3 with pty is needed to give docs-audit a terminal")
        }
        let lint = ["lint", "--root", root.path]
        XCTAssertTrue(try onTerminal(lint, ["NO_COLOR": ""]).stdout.contains(red), "colour on a terminal")
        XCTAssertFalse(try onTerminal(lint, ["NO_COLOR": "1"]).stdout.contains(red), "NO_COLOR=1 turns it off")
        XCTAssertFalse(try onTerminal(lint, ["NO_COLOR": "1"]).stdout.contains("\u{1B}["), "no escape at all")
        XCTAssertTrue(try onTerminal(lint + ["--color"], ["NO_COLOR": "1"]).stdout.contains(red), "--color wins")
        XCTAssertFalse(try onTerminal(lint + ["--no-color"], ["NO_COLOR": ""]).stdout.contains(red), "--no-color wins")
        XCTAssertFalse(try CLI.run(lint, environment: ["NO_COLOR": ""]).stdout.contains(red), "no colour in a pipe")
    }

    func testHelpWrapsCleanlyAtEightyColumns() throws {
        for command in [[], ["lint"], ["extract"], ["graph"], ["sync"], ["fix"], ["gates"], ["report"], ["rules"],
                        ["explain"]] {
            let narrow = try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"])
            XCTAssertEqual(narrow.status, 0, narrow.stderr)
            for line in narrow.stdout.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 80, "\(command): \(line)")
            }
            // Example lines are never re-wrapped: the same at 80 columns as at 200.
            let wide = try CLI.run(command + ["--help"], environment: ["COLUMNS": "200"])
            let examples = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("  docs-audit ") } }
            XCTAssertFalse(examples(narrow.stdout).isEmpty, "\(command) has examples")
            XCTAssertEqual(examples(narrow.stdout), examples(wide.stdout), "\(command)")
        }
    }

    /// Every subcommand the top-level help lists (so a new one is covered too): no help line past 80 columns,
    /// and the prose above the usage written within 80 columns, so ArgumentParser never re-wraps it raggedly
    /// (at 200 columns it must read line for line as at 80). The one-line abstract is ArgumentParser's to wrap.
    func testEveryCommandsHelpIsWrappedByHandWithinEightyColumns() throws {
        let top = try CLI.run(["--help"], environment: ["COLUMNS": "80"])
        let listed = top.stdout.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) } ?? []
        XCTAssertTrue(listed.contains("fix") && listed.contains("config") && listed.count >= 11, "\(listed)")
        for command in [[]] + listed.map({ [$0] }) {
            let narrow = try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"])
            XCTAssertEqual(narrow.status, 0, narrow.stderr)
            for line in narrow.stdout.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 80, "\(command): \(line)")
            }
            let wide = try CLI.run(command + ["--help"], environment: ["COLUMNS": "200"])
            let prose = { (text: String) in
                text.components(separatedBy: "\nUSAGE:").first?.split(separator: "\n", omittingEmptySubsequences: false)
                    .drop { !$0.isEmpty } ?? []
            }
            for line in prose(wide.stdout) {
                XCTAssertLessThanOrEqual(line.count, 80, "\(command) is re-wrapped at 80 columns: \(line)")
            }
            XCTAssertEqual(Array(prose(wide.stdout)), Array(prose(narrow.stdout)), "\(command)")
        }
    }

    func testDidYouMeanForRulesAndFormats() throws {
        let rule = try CLI.run(["explain", "graph/danglng-edge"])
        XCTAssertEqual(rule.status, 2)
        XCTAssertTrue(rule.stderr.hasPrefix("docs-audit: Error: no rule `graph/danglng-edge` (did you mean "
            + "`graph/dangling-edge`?) (see `docs-audit rules`)\nUsage: docs-audit explain <rule>"), rule.stderr)
        let bare = try CLI.run(["explain", "dangling-edge"])
        XCTAssertTrue(bare.stderr.contains("(did you mean `graph/dangling-edge`?)"), bare.stderr)
        let nothing = try CLI.run(["explain", "completely-different"])
        XCTAssertEqual(nothing.status, 2)
        XCTAssertFalse(nothing.stderr.contains("did you mean"), nothing.stderr)
        // `explain` takes a category too: a mistyped one is suggested as such, exit 2; the category lists its rules.
        for (typed, meant) in [("linkz", "links"), ("grpah", "graph"), ("link", "links"), ("tabels", "tables")] {
            let category = try CLI.run(["explain", typed])
            XCTAssertEqual(category.status, 2, typed)
            XCTAssertTrue(category.stderr.hasPrefix("docs-audit: Error: no rule or category `\(typed)` (did you mean "
                + "`\(meant)`?) (see `docs-audit rules`)\n"), category.stderr)
        }
        let typoInRule = try CLI.run(["explain", "link/missing-file"])
        XCTAssertEqual(typoInRule.status, 2)
        XCTAssertTrue(typoInRule.stderr.hasPrefix("docs-audit: Error: no rule `link/missing-file` (did you mean "
            + "`links/missing-file`?)"), typoInRule.stderr)
        let links = try CLI.run(["explain", "links"])
        XCTAssertEqual(links.status, 0, links.stderr)
        // The rules `rules` lists under links/, in its order, each with its severity and summary.
        let listed = try CLI.run(["rules"]).stdout.split(separator: "\n").filter { $0.hasPrefix("links/") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        let lines = links.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "links: \(listed.count) rules (`docs-audit explain RULE` for one)")
        XCTAssertEqual(lines.dropFirst(2).filter { !$0.isEmpty }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }, listed)
        XCTAssertGreaterThan(listed.count, 2)
        let format = try CLI.run(["lint", "--format", "txt"])
        XCTAssertEqual(format.status, 2)
        XCTAssertTrue(format.stderr.contains("unknown report format `txt` (did you mean `text`?)"), format.stderr)
        let report = try CLI.run(["lint", "--report", "sarf:out.sarif"])
        XCTAssertEqual(report.status, 2)
        XCTAssertTrue(report.stderr.contains("unknown report format `sarf` (did you mean `sarif`?)"), report.stderr)
    }

    func testTheDemoPlantsDefectsInACopyAndLeavesTheExamplesClean() throws {
        let examples = CLI.projectRoot.appendingPathComponent("Examples/corpus")
        let copy = try CLI.folder([:]).appendingPathComponent("corpus")
        let script = Process()
        script.executableURL = CLI.projectRoot.appendingPathComponent("scripts/demo-defects.sh")
        script.arguments = [examples.path, copy.path]
        try script.run()
        script.waitUntilExit()
        XCTAssertEqual(script.terminationStatus, 0)
        let planted = try CLI.run(["lint", "--root", copy.path, "--no-cache"])
        XCTAssertEqual(planted.status, 1)
        for rule in ["[links/missing-anchor]", "[tags/ephemeral]", "[graph/dangling-edge]"] {
            XCTAssertTrue(planted.stdout.contains(rule), "\(rule) in \(planted.stdout)")
        }
        let clean = try CLI.run(["lint", "--root", examples.path, "--no-cache"])
        XCTAssertEqual(clean.status, 0, clean.stdout)
        XCTAssertEqual(clean.stdout, "")
    }
}
