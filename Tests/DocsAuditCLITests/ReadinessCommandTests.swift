import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `gates`, `report`, `graph` and `sync` run as a user would, on the passing gate scenario
/// (Tests/Fixtures/Gates, built into a git repository here).
final class ReadinessCommandTests: XCTestCase {
    static let fixtures = CLI.projectRoot.appendingPathComponent("Tests/Fixtures/Gates")

    private func git(_ root: URL, _ arguments: [String]) throws {
        try CLI.git(root, arguments)
    }

    private func copyTree(_ source: URL, into target: URL) throws {
        let fm = FileManager.default
        for file in fm.enumerator(atPath: source.path)?.compactMap({ $0 as? String }) ?? [] where !file.hasPrefix("ledger") {
            var isDirectory: ObjCBool = false
            let from = source.appendingPathComponent(file)
            guard fm.fileExists(atPath: from.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let to = target.appendingPathComponent(file)
            try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fm.removeItem(at: to)
            try fm.copyItem(at: from, to: to)
        }
    }

    private func scenario() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try copyTree(Self.fixtures.appendingPathComponent("base"), into: root)
        try git(root, ["init", "-q"])
        try git(root, ["add", "-A"])
        try git(root, ["commit", "-qm", "docs: base corpus"])
        try git(root, ["commit", "-q", "--allow-empty", "-m", "docs(repo): apply Tier 1 plan-readiness audit (#15)"])
        try git(root, ["tag", "tier-2-baseline"])
        try copyTree(Self.fixtures.appendingPathComponent("pass"), into: root)
        return root
    }

    /// Tests/Fixtures/Gates/audit-pr built into a repository: the Tier 1 audit tagged `-complete`, then the
    /// Tier 2 baseline tag, then the audit's working copy.
    private func auditPR() throws -> URL {
        let scenario = Self.fixtures.appendingPathComponent("audit-pr")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("audit-pr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try copyTree(Self.fixtures.appendingPathComponent("base"), into: root)
        try git(root, ["init", "-q"])
        try git(root, ["add", "-A"])
        try git(root, ["commit", "-qm", "docs: base corpus"])
        try copyTree(scenario.appendingPathComponent("baseline"), into: root)
        try git(root, ["add", "-A"])
        try git(root, ["commit", "-qm", "docs: Tier 1 audit"])
        try git(root, ["tag", "plan-readiness-audit-tier-1-complete"])
        try git(root, ["tag", "plan-readiness-audit-tier-2-baseline"])
        try copyTree(scenario.appendingPathComponent("change"), into: root)
        return root
    }

    func testAuditPullRequestReportGoldenFiles() throws {
        let root = try auditPR()
        let ledger = Self.fixtures.appendingPathComponent("audit-pr/ledger").path
        let base = ["report", "--root", root.path, "--baseline", "plan-readiness-audit-tier-2-baseline", "--tier", "2", "--ledger", ledger]
        let markdown = try CLI.run(base + ["--pr-body"])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertEqual(markdown.stderr, "")
        XCTAssertTrue(markdown.stdout.hasPrefix("# Ready — Tier 2: every measured gate passes (G7 not measured)\n"), markdown.stdout)
        try assertGolden(markdown.stdout, "report-audit-pr.md")
        let output = root.appendingPathComponent("report.html").path
        let html = try CLI.run(base + ["--format", "html", "--graphs", "mermaid", "-o", output])
        XCTAssertEqual(html.status, 0, html.stderr)
        try assertGolden(try String(contentsOfFile: output, encoding: .utf8), "report-audit-pr.html")
        let gates = try CLI.run(["gates", "--root", root.path, "--baseline", "plan-readiness-audit-tier-2-baseline", "--plans", "002",
                                 "--ledger", ledger])
        XCTAssertEqual(gates.status, 0, gates.stdout + gates.stderr)
        XCTAssertTrue(gates.stdout.contains("G6 previous tier's audit committed: tag plan-readiness-audit-tier-1-complete"), gates.stdout)
        XCTAssertTrue(gates.stdout.contains("B4 user-review minutes: Plan-002 45–75"), gates.stdout)
        XCTAssertTrue(gates.stdout.hasPrefix("gates for Plan-002 against plan-readiness-audit-tier-2-baseline (working tree)\n"
            + "ready: every measured gate passes\n"
            + "lint against the baseline: 1 new (obligations/reciprocity 1), 0 fixed, 4 already there\n"), gates.stdout)
    }

    /// A Tier whose findings would fill more than a pull-request body: `--pr-body` cuts rows and says so.
    func testPRBodyStaysUnderGitHubsLimit() throws {
        let root = try auditPR()
        let plan = root.appendingPathComponent("docs/plans/002-relay.md")
        var text = try String(contentsOf: plan, encoding: .utf8)
        let dangling = (1...1500).map { "See [gap \($0)](../specs/missing-\($0).md) for the long rationale of this dangling link." }
        text += "\n## Notes\n\n" + dangling.joined(separator: "\n\n") + "\n"
        try Data(text.utf8).write(to: plan)
        let base = ["report", "--root", root.path, "--baseline", "plan-readiness-audit-tier-2-baseline", "--tier", "2"]
        let full = try CLI.run(base)
        XCTAssertEqual(full.status, 0, full.stderr)
        XCTAssertGreaterThan(full.stdout.utf16.count, 65_536, "the scenario must overflow a pull-request body")
        let body = try CLI.run(base + ["--pr-body"])
        XCTAssertEqual(body.status, 0, body.stderr)
        XCTAssertLessThan(body.stdout.utf16.count, 65_536)
        XCTAssertTrue(body.stdout.hasPrefix("# Not ready — Tier 2: G3 fails\n"), String(body.stdout.prefix(200)))
        XCTAssertNotNil(body.stdout.range(of: #"\*\*\d+ finding rows left out\*\* to stay under GitHub's 65536-character limit"#,
                                          options: .regularExpression), "says how much it left out")
        XCTAssertEqual(try CLI.run(base + ["--format", "html", "--pr-body"]).status, 2, "--pr-body is for Markdown")
    }

    private func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = CLI.projectRoot.appendingPathComponent("Tests/DocsAuditCLITests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["DOCS_AUDIT_RECORD"] != nil {
            try Data(actual.utf8).write(to: url)
            return
        }
        XCTAssertEqual(actual, try String(contentsOf: url, encoding: .utf8), "differs from Golden/\(name)", file: file, line: line)
    }

    func testGatesExitCodesAndFormats() throws {
        let root = try scenario()
        let ledger = Self.fixtures.appendingPathComponent("pass/ledger").path
        let base = ["gates", "--root", root.path, "--baseline", "tier-2-baseline", "--tier", "2", "--ledger", ledger]
        let text = try CLI.run(base)
        XCTAssertEqual(text.status, 0, text.stdout + text.stderr)
        XCTAssertTrue(text.stdout.contains("G6 previous tier's audit committed: commit "), text.stdout)
        let json = try CLI.run(base + ["--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["plans"] as? [String], ["Plan-002"])
        let failing = try CLI.run(["gates", "--root", root.path, "--baseline", "tier-2-baseline", "--tier", "1"])
        XCTAssertEqual(failing.status, 0, "tier 1 of the scenario passes every gate it can measure")
        XCTAssertEqual(try CLI.run(["gates", "--root", root.path, "--baseline", "tier-2-baseline"]).status, 2, "needs --tier or --plans")
        let badRef = try CLI.run(["gates", "--root", root.path, "--baseline", "nope", "--tier", "2"])
        XCTAssertEqual(badRef.status, 2)
        XCTAssertTrue(badRef.stderr.contains("nope: not a git revision"), badRef.stderr)
    }

    func testPlansOrTierNamingNothingExitTwoWithTheList() throws {
        let root = try scenario()
        let base = ["gates", "--root", root.path, "--baseline", "tier-2-baseline"]
        for plans in ["1", "999"] {
            let result = try CLI.run(base + ["--plans", plans])
            XCTAssertEqual(result.status, 2, "a typo in --plans is not a green run")
            XCTAssertEqual(result.stdout, "")
            XCTAssertEqual(result.stderr, "docs-audit: Plan-\(plans): not a plan in the corpus; plans: Plan-001, Plan-002 (--plans)\n")
        }
        let tier = try CLI.run(base + ["--tier", "9"])
        XCTAssertEqual(tier.status, 2)
        XCTAssertEqual(tier.stdout, "")
        XCTAssertEqual(tier.stderr,
                       "docs-audit: tier 9 is not in the build order (docs/architecture/cross-plan-dependencies.md); tiers: 1, 2 (--tier)\n")
        let report = try CLI.run(["report", "--root", root.path, "--baseline", "tier-2-baseline", "--plans", "999"])
        XCTAssertEqual(report.status, 2)
        XCTAssertTrue(report.stderr.contains("Plan-999: not a plan in the corpus"), report.stderr)
        let plans = try CLI.run(base + ["--plans", "002"])
        XCTAssertEqual(plans.status, 0, plans.stdout + plans.stderr)
        XCTAssertTrue(plans.stdout.contains("G6 previous tier's audit committed: commit "), "--plans finds the plans' tier for G6")
    }

    /// Mermaid and dot output hold one diagram each; `dot -Tsvg` turns the dot into one well-formed SVG.
    func testGraphWritesOneDiagramPerOutput() throws {
        let root = try scenario()
        for diagram in ["next-steps", "tiers"] {
            let mermaid = try CLI.run(["graph", "--root", root.path, "--format", "mermaid", "--graph", diagram])
            XCTAssertEqual(mermaid.status, 0, mermaid.stderr)
            XCTAssertEqual(mermaid.stdout.split(separator: "\n").filter { $0.hasPrefix("graph ") }.count, 1, mermaid.stdout)
            let dot = try CLI.run(["graph", "--root", root.path, "--format", "dot", "--graph", diagram])
            XCTAssertEqual(dot.status, 0, dot.stderr)
            XCTAssertEqual(dot.stdout.components(separatedBy: "digraph ").count - 1, 1, dot.stdout)
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else {
                throw XCTSkip("Graphviz is not installed (make deps installs it)")
            }
            let svg = try pipe(dot.stdout, through: ["dot", "-Tsvg"])
            let parser = XMLParser(data: svg)
            XCTAssertTrue(parser.parse(), "dot -Tsvg output of \(diagram) is not well-formed XML: \(String(describing: parser.parserError))")
            XCTAssertEqual(String(decoding: svg, as: UTF8.self).components(separatedBy: "<svg").count - 1, 1)
        }
        let wrong = try CLI.run(["graph", "--root", root.path, "--format", "dot", "--graph", "plans"])
        XCTAssertEqual(wrong.status, 2)
    }

    /// The real corpus's tier graph, laid out by Graphviz: each tier is one rank (its plans share a row, the
    /// rows run down in tier order) and no two boxes overlap.
    func testTierGraphOfTheRealCorpusHasOneRankPerTierAndNoOverlaps() throws {
        let corpus = CLI.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/ai-sidekicks")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            throw XCTSkip("the shared corpus is absent (../shared/corpora/ai-sidekicks)")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else {
            throw XCTSkip("Graphviz is not installed (make deps installs it)")
        }
        let dot = try CLI.run(["graph", "--root", corpus.path, "--format", "dot", "--graph", "tiers"])
        XCTAssertEqual(dot.status, 0, dot.stderr)
        let plain = String(decoding: try pipe(dot.stdout, through: ["dot", "-Tplain"]), as: UTF8.self)
        // `node NAME X Y WIDTH HEIGHT …`, in inches, Y growing upwards.
        var boxes: [String: (x: Double, y: Double, width: Double, height: Double)] = [:]
        for line in plain.split(separator: "\n") where line.hasPrefix("node ") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count > 5, let x = Double(fields[2]), let y = Double(fields[3]), let width = Double(fields[4]),
                  let height = Double(fields[5]) else { continue }
            boxes[fields[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))] = (x, y, width, height)
        }
        var tiers: [(tier: Int, plans: [String])] = []
        for block in dot.stdout.components(separatedBy: "subgraph cluster_").dropFirst() {
            guard let tier = Int(block.prefix { $0.isNumber }), let same = block.range(of: "rank=same; ") else { continue }
            let plans = block[same.upperBound...].prefix { $0 != "}" }.split(separator: ";").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            }.filter { !$0.isEmpty }
            tiers.append((tier, plans))
        }
        XCTAssertEqual(tiers.map(\.tier), Array(1...9))
        var previous = Double.infinity
        for (tier, plans) in tiers {
            let rows = Set(plans.compactMap { boxes[$0]?.y })
            XCTAssertEqual(rows.count, 1, "tier \(tier) spans \(rows.count) rows")
            let row = rows.first ?? 0
            XCTAssertLessThan(row, previous, "tier \(tier) is not below the tier before it")
            previous = row
        }
        let all = Array(boxes.values)
        for (index, a) in all.enumerated() {
            for b in all[(index + 1)...] {
                let apart = abs(a.x - b.x) * 2 >= a.width + b.width || abs(a.y - b.y) * 2 >= a.height + b.height
                XCTAssertTrue(apart, "two boxes overlap at \(a) and \(b)")
            }
        }
    }

    private func pipe(_ input: String, through command: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, command.joined(separator: " "))
        return data
    }

    func testReportGoldenFiles() throws {
        let root = try scenario()
        let ledger = Self.fixtures.appendingPathComponent("pass/ledger").path
        let base = ["report", "--root", root.path, "--baseline", "tier-2-baseline", "--tier", "2", "--ledger", ledger]
        let markdown = try CLI.run(base)
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        try assertGolden(markdown.stdout, "report-tier2.md")
        let output = root.appendingPathComponent("report.html").path
        let html = try CLI.run(base + ["--format", "html", "--graphs", "mermaid", "-o", output])
        XCTAssertEqual(html.status, 0, html.stderr)
        try assertGolden(try String(contentsOfFile: output, encoding: .utf8), "report-tier2.html")
    }

    func testHTMLReportEscapesCorpusText() throws {
        let root = try scenario()
        let plan = root.appendingPathComponent("docs/plans/002-relay.md")
        var text = try String(contentsOf: plan, encoding: .utf8)
        text = text.replacingOccurrences(of: "# Plan-002: Relay", with: "# Plan-002: Relay <script>alert(1)</script>")
            .replacingOccurrences(of: "Ordered replay.", with: "Ordered <img src=x onerror=alert(2)> replay.")
        try Data(text.utf8).write(to: plan)
        let html = try CLI.run(["report", "--root", root.path, "--baseline", "tier-2-baseline", "--tier", "2", "--format", "html"])
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertFalse(html.stdout.contains("<script>"), "corpus text must stay text")
        XCTAssertFalse(html.stdout.contains("<img"))
        XCTAssertTrue(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// Each Mermaid and dot output is one diagram (so it renders as a file on its own) with the scenario's
    /// nodes, classes and edge; the JSON parses and carries the derived sets.
    private func assertGraphFormats(_ root: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        func graph(_ extra: [String]) throws -> String {
            let result = try CLI.run(["graph", "--root", root.path] + extra)
            XCTAssertEqual(result.status, 0, extra.joined(separator: " "), file: file, line: line)
            XCTAssertEqual(result.stderr, "", file: file, line: line)
            return result.stdout
        }
        func headers(_ text: String, _ prefixes: [String]) -> [String] {
            text.split(separator: "\n").map(String.init).filter { row in prefixes.contains { row.hasPrefix($0) } }
        }
        let mermaid = try graph(["--format", "mermaid"])
        XCTAssertEqual(headers(mermaid, ["graph ", "flowchart "]), ["graph TB"], mermaid, file: file, line: line)
        for row in ["  NS01[\"NS-01: Plan-001 store\"]:::completed\n", "  NS02[\"NS-02: Plan-002 relay\"]:::ready\n",
                    "  NS01 --> NS02\n", "  classDef ready fill:"] {
            XCTAssertTrue(mermaid.contains(row), "\(row) in \(mermaid)", file: file, line: line)
        }
        XCTAssertFalse(mermaid.contains("subgraph"), "the tiers are their own view", file: file, line: line)
        let tiers = try graph(["--format", "mermaid", "--graph", "tiers"])
        XCTAssertEqual(headers(tiers, ["graph ", "flowchart "]), ["graph LR"], tiers, file: file, line: line)
        XCTAssertEqual(headers(tiers, ["  subgraph "]).count, 2, tiers, file: file, line: line)
        XCTAssertTrue(tiers.contains("  Plan001 --> Plan002\n"), tiers, file: file, line: line)
        let dot = try graph(["--format", "dot"])
        XCTAssertEqual(headers(dot, ["digraph ", "graph ", "strict "]), ["digraph nextsteps {"], dot, file: file, line: line)
        XCTAssertTrue(dot.hasSuffix("}\n"), dot, file: file, line: line)
        XCTAssertEqual(dot.filter { $0 == "{" }.count, dot.filter { $0 == "}" }.count, dot, file: file, line: line)
        XCTAssertTrue(dot.contains("  \"NS01\" -> \"NS02\";\n"), dot, file: file, line: line)
        let tierDot = try graph(["--format", "dot", "--graph", "tiers"])
        XCTAssertEqual(headers(tierDot, ["digraph ", "graph ", "strict "]), ["digraph tiers {"], tierDot, file: file, line: line)
        XCTAssertTrue(tierDot.contains("  \"Plan-001\" -> \"Plan-002\";\n"), tierDot, file: file, line: line)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try graph(["--format", "json"]).utf8)) as? [String: Any],
                                 file: file, line: line)
        XCTAssertEqual(json["ready"] as? [String], ["NS02"], file: file, line: line)
        XCTAssertEqual(json["completed"] as? [String], ["NS01"], file: file, line: line)
        XCTAssertEqual(json["blocked"] as? [String], [], file: file, line: line)
        XCTAssertEqual((json["edges"] as? [[String: String]])?.map { "\($0["from"] ?? "")->\($0["to"] ?? "")" }, ["NS01->NS02"],
                       file: file, line: line)
        XCTAssertEqual((json["nodes"] as? [[String: Any]])?.compactMap { $0["derivedClass"] as? String }, ["completed", "ready"],
                       file: file, line: line)
        let bad = try CLI.run(["graph", "--root", root.path, "--format", "dot", "--graph", "plans"])
        XCTAssertEqual(bad.status, 2, file: file, line: line)
        XCTAssertTrue(bad.stderr.contains("plans"), bad.stderr, file: file, line: line)
    }

    func testGraphAndSync() throws {
        let root = try scenario()
        let graph = try CLI.run(["graph", "--root", root.path])
        XCTAssertEqual(graph.status, 0)
        XCTAssertTrue(graph.stdout.contains("ready (1): NS02"), graph.stdout)
        try assertGraphFormats(root)
        let map = root.appendingPathComponent("docs/architecture/cross-plan-dependencies.md")
        let original = try String(contentsOf: map, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "NS02[NS-02: Plan-002 relay]:::ready", with: "NS02[NS-02: Plan-002 relay]:::blocked").utf8).write(to: map)
        let dryRun = try CLI.run(["sync", "--root", root.path, "--dry-run"])
        XCTAssertEqual(dryRun.status, 0)
        XCTAssertTrue(dryRun.stdout.contains("-  NS02[NS-02: Plan-002 relay]:::blocked\n+  NS02[NS-02: Plan-002 relay]:::ready"), dryRun.stdout)
        XCTAssertNotEqual(try String(contentsOf: map, encoding: .utf8), original, "a dry run writes nothing")
        let write = try CLI.run(["sync", "--root", root.path])
        XCTAssertEqual(write.status, 0)
        XCTAssertEqual(try String(contentsOf: map, encoding: .utf8), original, "sync restores exactly the derived class")
        XCTAssertEqual(try CLI.run(["sync", "--root", root.path, "--dry-run"]).stdout, "", "nothing left to change")
    }
}
