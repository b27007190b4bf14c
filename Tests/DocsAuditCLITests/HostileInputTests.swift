import Foundation
import XCTest

/// Input built to hurt: each case ends within its time bound, with a clear finding or error and no crash,
/// and nothing outside the corpus root is read.
final class HostileInputTests: XCTestCase {
    private func timed(_ arguments: [String], bound: TimeInterval, file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let started = Date()
        let result = try CLI.run(arguments, timeout: bound)
        XCTAssertLessThan(Date().timeIntervalSince(started), bound, "\(arguments) took too long", file: file, line: line)
        XCTAssertTrue([0, 1, 2].contains(result.status), "exit \(result.status): \(result.stderr)", file: file, line: line)
        return result
    }

    func testTenThousandNestedQuotesAndLists() throws {
        let lists = (0..<10_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        let root = try CLI.folder(["quotes.md": Data((String(repeating: ">", count: 10_000) + " deep\n").utf8),
                                   "lists.md": Data(lists.utf8)])
        let result = try timed(["lint", "--root", root.path], bound: 30)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("quotes.md:1:1: error: nesting deeper than 200 levels is flattened [input/parse]"), result.stdout)
    }

    func testHundredMegabyteFileIsRefusedNotRead() throws {
        let root = try CLI.folder(["ok.md": Data("# ok\n".utf8)])
        let big = root.appendingPathComponent("huge.md")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        let chunk = Data(String(repeating: "A line of prose in a huge file.\n", count: 32_768).utf8)
        for _ in 0..<(100 * 1_048_576 / chunk.count + 1) { handle.write(chunk) }
        try handle.close()
        let result = try timed(["lint", "--root", root.path], bound: 30)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("huge.md:1:1: error: cannot read: file is 10"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[input/too-large]"))
    }

    func testTotalColumnPastIntMaxIsReportedNotTrapped() throws {
        let table = "# T\n\n<!-- corpus:total-check column=\"Tasks\" -->\n| Phase | Tasks |\n| --- | --- |\n"
            + "| 1 | 9223372036854775807 |\n| 2 | 1 |\n| Total | 5 |\n"
        let root = try CLI.folder(["t.md": Data(table.utf8)])
        let result = try timed(["lint", "--root", root.path], bound: 10)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "t.md:7:1: error: the `Tasks` column adds up past 9223372036854775807; "
            + "its total cannot be checked [tables/total]\n")
        XCTAssertEqual(result.stderr, "docs-audit: 1 error in 1 file\n")
    }

    func testTenMegabyteLine() throws {
        let line = String(repeating: "word Plan-001 I-001-1 PR #1 [x](y.md#z) `a:1` ", count: 250_000)
        let root = try CLI.folder(["long.md": Data(("# Long\n\n" + line + "\n").utf8)])
        let result = try timed(["lint", "--root", root.path, "--format", "json"], bound: 120)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("\"rule\" : \"ids/undefined-reference\""))
    }

    func testFixOfTensOfThousandsOfLinksToOneMovedFileIsLinear() throws {
        // Every finding of a link written 50,000 times once carried the whole list of its edits, and each edit's
        // column was counted from the start of its line: `fix` ran for over ten minutes.
        let moved = String(repeating: "[x](b.md) ", count: 50_000) + "\n\n"
            + (0..<20_000).map { "[l\($0)]: b.md" }.joined(separator: "\n") + "\n"
        let renamed = String(repeating: "[y](c.md#old-name) ", count: 20_000) + "\n"
        let root = try CLI.folder(["docs/a.md": Data(("# A\n\n" + moved).utf8),
                                   "docs/r.md": Data(("# R\n\n" + renamed).utf8),
                                   "docs/b.md": Data("# B\n".utf8),
                                   "docs/c.md": Data("# C\n\n## Old name\n".utf8)])
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-q", "-m", "start"])
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs/sub"),
                                                withIntermediateDirectories: true)
        try CLI.git(root, ["mv", "docs/b.md", "docs/sub/b.md"])
        try Data("# C\n\n## New name\n".utf8).write(to: root.appendingPathComponent("docs/c.md"))
        let result = try timed(["fix", "--root", root.path], bound: 60)
        XCTAssertEqual(result.status, 0, String(result.stderr.suffix(500)))
        XCTAssertTrue(result.stderr.hasSuffix("docs-audit: 90000 fixed, 0 need a person\n"), String(result.stderr.suffix(500)))
        XCTAssertTrue(result.stderr.contains("fixed docs/a.md:3:499995 b.md → sub/b.md\n"))
        let a = String(decoding: try Data(contentsOf: root.appendingPathComponent("docs/a.md")), as: UTF8.self)
        XCTAssertEqual(a, "# A\n\n" + moved.replacingOccurrences(of: "b.md", with: "sub/b.md"))
        let r = String(decoding: try Data(contentsOf: root.appendingPathComponent("docs/r.md")), as: UTF8.self)
        XCTAssertEqual(r, "# R\n\n" + renamed.replacingOccurrences(of: "#old-name", with: "#new-name"))
    }

    func testThousandsOfSuppressionCommentsStayLinear() throws {
        // One HTML block of 8,000 comments (each once counted its line from the block's start: 25 s at 1,000), and
        // 16,000 suppressed findings (each once asked every directive: 63 s).
        let block = "<div>\n" + String(repeating: "<!-- docs-audit-disable-line links/missing-file -- x -->\n", count: 8_000)
            + "</div>\n"
        let many = (0..<16_000).map { "[x](missing-\($0).md) <!-- docs-audit-disable-line links/missing-file -->\n\n" }
            .joined()
        // 8,000 open `disable` ranges of other rules above 8,000 findings: each finding asked every range,
        // resolving its rule names each time (over ten minutes).
        let ranges = (0..<8_000).map { "<!-- docs-audit-disable rule-\($0) -->\n\n" }.joined()
            + (0..<8_000).map { "[z](absent-\($0).md)\n\n" }.joined()
        let root = try CLI.folder(["docs/block.md": Data(("# B\n\n" + block).utf8),
                                   "docs/many.md": Data(("# M\n\n" + many + "[y](gone.md)\n").utf8),
                                   "docs/ranges.md": Data(("# R\n\n" + ranges).utf8)])
        let result = try timed(["lint", "--root", root.path], bound: 60)
        XCTAssertEqual(result.status, 1, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        // Every suppression of the block is unused, at its own line; the one link left unsuppressed is reported.
        XCTAssertEqual(lines.filter { $0.hasPrefix("docs/block.md:") && $0.contains("[suppressions/unused]") }.count,
                       8_000)
        XCTAssertTrue(lines.contains("docs/block.md:8002:1: warning: docs-audit-disable-line for links/missing-file "
            + "suppresses nothing [suppressions/unused]"), String(result.stdout.suffix(300)))
        XCTAssertTrue(lines.contains("docs/many.md:32003:1: error: link to gone.md: docs/gone.md does not exist "
            + "[links/missing-file]"), String(result.stdout.suffix(300)))
        XCTAssertEqual(lines.filter { $0.hasPrefix("docs/ranges.md:") && $0.hasSuffix("[links/missing-file]") }.count, 8_000)
        XCTAssertEqual(lines.filter { $0.hasPrefix("docs/ranges.md:") && $0.hasSuffix("[suppressions/unused]") }.count,
                       8_000)
    }

    func testSyncOfThousandsOfNodesOnOneLineIsLinear() throws {
        // Every node drawn :::blocked while its entry says `todo` with nothing upstream, all on one line: each
        // node's class was once set by scanning and copying the whole line again (28 s at 1,000 nodes).
        let count = 4_000
        let ids = (1...count).map { String(format: "NS%02d", $0) }
        let line = "  " + ids.map { "\($0)[\($0): step]:::blocked" }.joined(separator: "; ")
        let entries = (1...count).map { "### NS-\(String(format: "%02d", $0)): step\n\n- Status: `todo`\n- Upstream: none\n" }
            .joined(separator: "\n")
        let map = "# Map\n\n## 6. Active Next Steps DAG\n\n```mermaid\ngraph TB\n\(line)\n```\n\n\(entries)"
        let root = try CLI.folder(["docs/architecture/cross-plan-dependencies.md": Data(map.utf8)])
        let result = try timed(["sync", "--root", root.path, "--dry-run"], bound: 60)
        XCTAssertEqual(result.status, 0, String(result.stderr.suffix(300)))
        let rewritten = result.stdout.split(separator: "\n").first { $0.hasPrefix("+  NS01[") }
        XCTAssertEqual(rewritten.map(String.init),
                       "+" + line.replacingOccurrences(of: ":::blocked", with: ":::ready"))
    }

    func testFixOfACustomRuleMatchedThousandsOfTimesOnOneLineIsLinear() throws {
        // Each match's fix was checked against the whole line rebuilt (46 s at 10,000 matches).
        let config = """
            custom-rules:
              - id: custom/gh
                severity: warning
                summary: GitHub is misspelt
                message: 'write GitHub, not {1}'
                forbid: '\\b(github)\\b'
                replacement: 'GitHub'

            """
        let line = Array(repeating: "é github", count: 20_000).joined(separator: " ")
        let root = try CLI.folder(["docs/a.md": Data(("# A\n\n" + line + "\n").utf8),
                                   "docs-audit.yml": Data(config.utf8)])
        let result = try timed(["fix", "--root", root.path], bound: 60)
        XCTAssertEqual(result.status, 0, String(result.stderr.suffix(300)))
        XCTAssertTrue(result.stderr.hasSuffix("docs-audit: 20000 fixed, 0 need a person\n"), String(result.stderr.suffix(300)))
        let fixed = String(decoding: try Data(contentsOf: root.appendingPathComponent("docs/a.md")), as: UTF8.self)
        XCTAssertEqual(fixed, "# A\n\n" + line.replacingOccurrences(of: "github", with: "GitHub") + "\n")
    }

    func testThousandsOfCitesOfALongBlankSpanAreLinear() throws {
        // Each cite once walked its whole span line by line (47 s for 2,000 cites of 50,000 lines).
        let cites = String(repeating: "See [b](blank.md):2-50001.\n\n", count: 4_000)
        let root = try CLI.folder(["docs/blank.md": Data(("# B\n" + String(repeating: "\n", count: 50_000) + "x\n").utf8),
                                   "docs/cites.md": Data(("# C\n\n" + cites).utf8)])
        let result = try timed(["lint", "--root", root.path], bound: 60)
        XCTAssertEqual(result.status, 1, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 4_000)
        XCTAssertEqual(lines.first.map(String.init), "docs/cites.md:3:7: error: cite ](blank.md):2-50001: lines 2-50001 "
            + "are blank in docs/blank.md, nearest non-blank line 1 [cites/line-range]")
    }

    func testFixWithThousandsOfRenamedHeadingsIsLinear() throws {
        // 8,000 headings renamed and one added under the same parent: each removed heading once filtered every
        // removed and added heading again (49 s). Too many alike to pair, so the link is left with its reason.
        let count = 8_000
        let old = "# A\n\n" + (0..<count).map { "## Old heading \($0)\n\ntext\n\n" }.joined()
        let root = try CLI.folder(["docs/a.md": Data(old.utf8), "docs/b.md": Data("# B\n\n[x](a.md#old-heading-0)\n".utf8)])
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-q", "-m", "start"])
        let new = "# A\n\n" + (0...count).map { "## New heading \($0)\n\ntext\n\n" }.joined()
        try Data(new.utf8).write(to: root.appendingPathComponent("docs/a.md"))
        let result = try timed(["fix", "--root", root.path, "--dry-run"], bound: 60)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("needs a person: docs/b.md:3:1: error: link to a.md#old-heading-0"),
                      result.stderr)
    }

    func testHundredThousandNodeGraphAndTenThousandNodeCycle() throws {
        let nodes = (0..<100_000).map { "  N\($0)[node \($0)]" }.joined(separator: "\n")
        let edges = (0..<99_999).map { "  N\($0) --> N\($0 + 1)" }.joined(separator: "\n")
        let cycle = (0..<10_000).map { "  C\($0)[c] --> C\(($0 + 1) % 10_000)" }.joined(separator: "\n")
        let root = try CLI.folder([
            "graph.md": Data("# G\n\n```mermaid\ngraph TB\n\(nodes)\n\(edges)\n```\n".utf8),
            "cycle.md": Data("# C\n\n```mermaid\ngraph TB\n\(cycle)\n```\n".utf8),
            // Every flowchart is a graph the graph rules check.
            "docs-audit.yml": Data("graphs:\n  - {}\n".utf8),
        ])
        let result = try timed(["lint", "--root", root.path], bound: 60)
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stdout.prefix(500).description)
        XCTAssertTrue(lines.first?.hasPrefix("cycle.md:10004:1: error: cycle: C0 --> C1") == true)
        XCTAssertTrue(lines.first?.contains("… 9981 more …") == true, "long cycles are shortened")
    }

    func testGraphOnAHundredThousandNodeChainIsLinear() throws {
        // Every node but the first is blocked: listing the blocked nodes once scanned every node for each (44 s).
        let chain = (0..<99_999).map { "  NS\($0)[s] --> NS\($0 + 1)[s]" }.joined(separator: "\n")
        let entries = (0..<100_000).map { "### NS-\($0): s\n\n- Status: `todo`\n" }.joined(separator: "\n")
        let map = "# Map\n\n## 6. Active Next Steps DAG\n\n```mermaid\ngraph TB\n\(chain)\n```\n\n\(entries)"
        let root = try CLI.folder(["docs/architecture/cross-plan-dependencies.md": Data(map.utf8)])
        let result = try timed(["graph", "--root", root.path], bound: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("100000 nodes, 99999 edges\nready (1): NS0\nblocked (99999):\n  NS1 — waits on NS0\n"),
                      String(result.stdout.prefix(300)))
        XCTAssertTrue(result.stdout.contains("  NS99999 — waits on NS99998\n"))
    }

    func testNulCrCrlfBomAndBadUTF8Heading() throws {
        var badHeading = Data("# Head ".utf8)
        badHeading.append(contentsOf: [0xFF, 0xFE])
        badHeading.append(Data("\n".utf8))
        let root = try CLI.folder([
            "nul.md": Data("# A\n\nx\u{0}y\n".utf8),
            "docs/crlf.md": Data("# A\r\n\r\nPR #1 here\r\n".utf8),
            "docs/cr.md": Data("# A\r\rPR #2 here\r".utf8),
            "docs/bom.md": Data([0xEF, 0xBB, 0xBF] + Array("# A\n\nPR #3 here\n".utf8)),
            "heading.md": badHeading,
        ])
        let result = try timed(["lint", "--root", root.path], bound: 10)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
        docs/bom.md:3:1: warning: ephemeral pr-ref `PR #3` outside a provenance section [tags/ephemeral]
        docs/cr.md:3:1: warning: ephemeral pr-ref `PR #2` outside a provenance section [tags/ephemeral]
        docs/crlf.md:3:1: warning: ephemeral pr-ref `PR #1` outside a provenance section [tags/ephemeral]
        heading.md:1:8: error: not valid UTF-8: bad byte at line 1, column 8 [input/not-utf8]
        nul.md:3:2: error: binary file: NUL byte at line 3, column 2 [input/binary]

        """)
    }

    func testLinksClimbingOutOfTheRootAreNeverRead() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("climb-\(UUID().uuidString)")
        let root = parent.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // A FIFO outside the root: any attempt to read it would block and time the test out.
        XCTAssertEqual(mkfifo(parent.appendingPathComponent("outside.md").path, 0o644), 0)
        try Data("# A\n\n[out](../outside.md#x), [deep](../../../../etc/passwd) and [../outside.md](../outside.md):3.\n".utf8)
            .write(to: root.appendingPathComponent("a.md"))
        let result = try timed(["lint", "--root", root.path], bound: 20)
        // Above the root (outside git, the corpus root stands for the repository's), GitHub cannot resolve them.
        XCTAssertEqual(result.status, 1, "links out of the root are broken on GitHub")
        XCTAssertTrue(result.stdout.contains("a.md:3:1: error: link to ../outside.md#x: it climbs above the repository root, "
            + "so GitHub cannot resolve it [links/missing-file]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("link to ../../../../etc/passwd: it climbs above"), result.stdout)
    }
}
