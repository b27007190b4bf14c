import Foundation
import XCTest

/// Every number README.md states about the project, held to what produces it: the binary (`rules`, the
/// formats, `--version`, `gates`, a lint of the demo and of the real corpus), scripts/inject.py's injection
/// table, scripts/mutants.json, rules/examples, the Makefile and scripts/bench.sh. A README that drifts fails
/// here. (The binary's size needs a release build, which the tests do not make: `make stage` prints it.)
final class ReadmeNumbersTests: XCTestCase {
    private static let words = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                "eight": 8, "nine": 9, "ten": 10]

    private var readme: String {
        get throws {
            // Lines are joined, so a sentence the README wraps is matched whole.
            try String(contentsOf: CLI.projectRoot.appendingPathComponent("README.md"), encoding: .utf8)
                .replacingOccurrences(of: "\n", with: " ")
        }
    }

    /// The captures of `pattern` in the README, as numbers (digits or a word); fails when it is not there.
    private func stated(_ pattern: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Int] {
        let text = try readme
        let regex = try NSRegularExpression(pattern: pattern)
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else {
            XCTFail("README.md no longer says /\(pattern)/", file: file, line: line)
            return []
        }
        return (1..<match.numberOfRanges).compactMap { index in
            Range(match.range(at: index), in: text).flatMap { range in
                let value = String(text[range])
                return Int(value) ?? Self.words[value]
            }
        }
    }

    private func project(_ path: String) throws -> String {
        try String(contentsOf: CLI.projectRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// Runs `executable` with `arguments` in the project root, expecting exit `status` (nil: any); its standard
    /// output.
    private func output(_ executable: String, _ arguments: [String], in directory: URL = CLI.projectRoot,
                        status: Int32? = 0) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if let status { XCTAssertEqual(process.terminationStatus, status, "\(executable) \(arguments)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every Debian package the Makefile installs (`APT_PACKAGES`) is named in the README.
    func testEveryPackageTheMakefileInstallsIsNamed() throws {
        let makefile = try project("Makefile")
        let packages = makefile.split(separator: "\n").filter { $0.hasPrefix("APT_PACKAGES") }
            .flatMap { $0.split(separator: "=", maxSplits: 1).last?.split(separator: " ") ?? [] }
        XCTAssertGreaterThan(packages.count, 5)
        let text = try readme
        for package in packages { XCTAssertTrue(text.contains("`\(package)`"), "README.md does not name \(package)") }
    }

    func testRulesExamplesFormatsAndVersion() throws {
        let rules = try CLI.run(["rules"]).stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        let examples = FileManager.default.enumerator(atPath: CLI.projectRoot.appendingPathComponent("rules/examples")
            .path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yml") } ?? []
        XCTAssertEqual(try stated(#"fields: (\d+) rules \(`docs-audit rules`\), (\d+) of them with examples"#),
                       [rules.count, examples.count])
        XCTAssertEqual(try stated(#"the other (\w+), five kinds of unreadable input and `cites/drift`"#),
                       [rules.count - examples.count])
        XCTAssertEqual(rules.filter { $0.hasPrefix("input/") && !examples.contains($0 + ".yml") }.count, 5)
        // The formats, as `lint --format` lists them when given another.
        let unknown = try CLI.run(["lint", "--format", "none"]).stderr
        let listed = unknown.range(of: "(expected ").map { unknown[$0.upperBound...].prefix { $0 != ")" } }
        XCTAssertEqual(try readme.contains("Formats (\(listed ?? "?")) are in"), true, "formats: \(unknown)")
        let version = try CLI.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(try readme.contains("uses: OWNER/docs-audit@v\(version)`"), version)
    }

    func testDemoDefectsAndTheirFindings() throws {
        let script = try project("scripts/demo-defects.sh")
        let plantings = script.split(separator: "\n").filter { $0.hasPrefix("printf ") || $0.hasPrefix("sed -i ") }
        let copy = try CLI.folder([:]).appendingPathComponent("corpus")
        _ = try output("bash", ["scripts/demo-defects.sh", "Examples/corpus", copy.path])
        let lint = try CLI.run(["lint", "--root", copy.path, "--no-cache", "--format", "json"])
        XCTAssertEqual(lint.status, 1, lint.stderr)
        let findings = lint.stdout.components(separatedBy: "\"rule\" :").count - 1
        XCTAssertEqual(try stated(#"a copy of it with (\w+) planted defects \((\w+) findings"#),
                       [plantings.count, findings])
    }

    func testInjectionsMutantsFuzzAndBench() throws {
        let counts = try output("python3", ["-c", """
            import sys; sys.path.insert(0, "scripts"); import inject
            print(len(inject.INJECTIONS), sum(1 for i in inject.INJECTIONS if not i.git))
            """]).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertEqual(counts.count, 2)
        XCTAssertEqual(try stated(#"`make inject` \((\d+) exact defects injected into a copy of the real corpus, "#
                                  + #"one at a time: (\d+) into a plain folder and (\d+) into a git work tree"#),
                       [counts.first ?? -1, counts.last ?? -1, (counts.first ?? 0) - (counts.last ?? 0)])
        // Mutants: how many, over how many rules, and how many `--check` finds stale.
        let mutants = try JSONSerialization.jsonObject(with: Data(try project("scripts/mutants.json").utf8))
            as? [[String: Any]] ?? []
        let rules = try CLI.run(["rules"]).stdout.split(separator: "\n").count
        // `--check` exits 1 while a mutant is stale.
        let check = try output("python3", ["scripts/mutate.py", "--check"], status: nil).split(separator: "\n")
            .filter { $0.hasPrefix("stale ") }.count
        XCTAssertEqual(try stated(#"\((\d+) source mutants covering (\d+) of the (\d+) rules, against the tests "#
                                  + #"and the injections; `scripts/mutate.py --check` finds (\d+) "#),
                       [mutants.count, Set(mutants.compactMap { $0["rule"] as? String }).count, rules, check])
        // `make fuzz`: SECONDS_TO_FUZZ's default, in minutes.
        let seconds = try project("Makefile").range(of: #"SECONDS_TO_FUZZ:-(\d+)"#, options: .regularExpression)
            .flatMap { match in try Int(project("Makefile")[match].drop { !$0.isNumber }) }
        XCTAssertEqual(try stated(#"AddressSanitizer, (\d+) minutes"#), [(seconds ?? 0) / 60])
        // `make bench`: the peers it installs (not hyperfine or cmark-gfm, the floor) and the scaled sizes.
        let bench = try project("scripts/bench.sh")
        let peers = bench.split(separator: "\n").filter { $0.hasPrefix("for pair in ") }
            .flatMap { $0.split(separator: " ").filter { $0.contains(":") } }
            .filter { !$0.hasPrefix("hyperfine:") && !$0.hasPrefix("cmark-gfm:") }
        let scales = bench.split(separator: "\n").first { $0.hasPrefix("scales=") }
        let scaled = scales?.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } ?? []
        XCTAssertEqual(try stated(#"the cmark-gfm CLI and (\w+) peer linters at 1×, rumdl also at (\d+)× and (\d+)×"#),
                       [peers.count] + scaled)
        XCTAssertTrue(peers.contains { $0.hasPrefix("rumdl:") }, "\(peers)")
    }

    func testGatesAndBands() throws {
        let root = try CLI.folder([:])
        let fixtures = CLI.projectRoot.appendingPathComponent("Tests/Fixtures/Gates")
        _ = try output("cp", ["-R", fixtures.appendingPathComponent("base").path + "/.", root.path])
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-qm", "docs: base corpus"])
        try CLI.git(root, ["commit", "-q", "--allow-empty", "-m",
                           "docs(repo): apply Tier 1 plan-readiness audit (#15)"])
        try CLI.git(root, ["tag", "tier-2-baseline"])
        let gates = try CLI.run(["gates", "--root", root.path, "--baseline", "tier-2-baseline", "--tier", "2",
                                 "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(gates.stdout.utf8)) as? [String: Any] ?? [:]
        func ids(_ key: String, _ prefix: String) -> [Int] {
            ((json[key] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
                .filter { $0.hasPrefix(prefix) }.compactMap { Int($0.dropFirst()) }
        }
        let gateNumbers = ids("gates", "G")
        let bandNumbers = ids("bands", "B")
        XCTAssertEqual(gateNumbers, Array(1...(gateNumbers.max() ?? 1)), gates.stdout)
        XCTAssertEqual(bandNumbers, Array(1...(bandNumbers.max() ?? 1)), gates.stdout)
        XCTAssertEqual(try stated(#"readiness gates G1–G(\d+) and bands B1–B(\d+)"#),
                       [gateNumbers.count, bandNumbers.count])
        // The task shapes extract knows.
        let model = try project("Sources/DocsAuditCore/Engine/Model/PlanModel.swift")
        let shapes = model.components(separatedBy: "public enum Shape").dropFirst().first?
            .prefix { $0 != "}" }.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces)
                .hasPrefix("case ") }.count
        XCTAssertEqual(try stated(#"tasks in all (\w+) shapes"#), [shapes ?? -1])
    }

    /// The real corpus (skipped when absent) as a plain folder and as a git work tree: defects (errors and
    /// warnings) and unverifiable links (info).
    func testRealCorpusCounts() throws {
        let corpus = CLI.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/ai-sidekicks")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            throw XCTSkip("../shared/corpora/ai-sidekicks is absent: the README's real-corpus counts are not checked")
        }
        func counts(_ root: URL) throws -> (defects: Int, info: Int) {
            let lint = try CLI.run(["lint", "--root", root.path, "--no-cache", "--format", "json"], timeout: 300)
            let json = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any] ?? [:]
            let severities = ((json["findings"] as? [[String: Any]]) ?? []).compactMap { $0["severity"] as? String }
            return (severities.filter { $0 != "info" }.count, severities.filter { $0 == "info" }.count)
        }
        let copy = try CLI.folder([:]).appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: corpus, to: copy)
        let plain = try counts(copy)
        try CLI.git(copy, ["init", "-q"])
        try CLI.git(copy, ["add", "-A"])
        try CLI.git(copy, ["commit", "-qm", "corpus"])
        let git = try counts(copy)
        XCTAssertEqual(try stated(#"On the real corpus, a plain folder, it reports (\d+) defects \(and (\d+) "#
                                  + #"unverifiable links at info"#), [plain.defects, plain.info])
        XCTAssertEqual(try stated(#"the same files as a git work tree give (\d+),"#), [git.defects])
        XCTAssertEqual(git.info, 0, "in git, no link is unverifiable: the README says they are broken")
    }
}
