import XCTest
@testable import DocsAuditCore

/// Runs every rule's documented examples (rules/examples/<rule-id>.yml): a failing example yields exactly the
/// marked findings of its rule, a passing example none.
final class RuleExampleTests: XCTestCase {
    /// Input problems whose examples cannot be a text corpus: a file the tool cannot read, a dangling symlink,
    /// bytes that are not UTF-8, a NUL byte (which docs/rules.md would then carry), a tree cmark-gfm mangles.
    /// `cites/drift` needs git history, which a text corpus has not: its scenarios are git repositories built
    /// by CiteDriftScenarioTests.
    private let withoutExamples: Set = ["input/unreadable", "input/broken-link", "input/not-utf8", "input/binary", "input/parse",
                                        "cites/drift"]

    private var examplesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules/examples")
    }

    func testEveryRuleExampleBehavesAsLabelled() throws {
        var ran = 0
        for rule in RuleCatalog.descriptions where !withoutExamples.contains(rule.id) {
            XCTAssertTrue(rule.examples.contains { $0.failing }, "\(rule.id) has no failing example")
            XCTAssertTrue(rule.examples.contains { !$0.failing }, "\(rule.id) has no passing example")
            for example in rule.examples {
                for problem in try Self.mismatches(of: example, rule: rule.id) {
                    XCTFail("\(rule.id), \(example.failing ? "failing" : "passing") example “\(example.title)”: \(problem)")
                }
                ran += 1
            }
        }
        XCTAssertGreaterThanOrEqual(ran, 2 * (RuleCatalog.descriptions.count - withoutExamples.count))
    }

    /// What differs between the findings of `rule` in `example` and its markers, one line each.
    static func mismatches(of example: RuleExample, rule: String) throws -> [String] {
        let corpus = try Fixture.corpus(example.strippedFiles, config: example.config)
        var found = Linter.lint(corpus).filter { $0.rule == rule }
        var problems: [String] = []
        for marker in example.expectedMarkers {
            let fragment = example.findings[marker.number - 1]
            let place = "\(marker.path):\(marker.line):\(marker.column)"
            guard let index = found.firstIndex(where: {
                "\($0.file):\($0.line):\($0.column)" == place && $0.message.contains(fragment)
            }) else {
                let there = found.filter { "\($0.file):\($0.line):\($0.column)" == place }.map(\.message)
                problems.append("marker \(marker.number) at \(place) expects “\(fragment)”; found there: \(there)")
                continue
            }
            found.remove(at: index)
        }
        problems += found.map { "unexpected \($0.file):\($0.line):\($0.column): \($0.message)" }
        return problems
    }

    func testEmbeddedExamplesMatchTheFilesAndParse() throws {
        let urls = FileManager.default.enumerator(at: examplesFolder, includingPropertiesForKeys: nil)?.allObjects ?? []
        var onDisk: [String: String] = [:]
        for case let url as URL in urls where url.pathExtension == "yml" {
            let id = url.path.replacingOccurrences(of: examplesFolder.path + "/", with: "").replacingOccurrences(of: ".yml", with: "")
            onDisk[id] = try String(contentsOf: url, encoding: .utf8)
        }
        XCTAssertEqual(Set(onDisk.keys), Set(RuleExamplesText.files.keys), "rules/examples changed: run `make embed`")
        for (id, text) in onDisk {
            XCTAssertEqual(RuleExamplesText.files[id], text, "\(id): run `make embed`")
            XCTAssertNoThrow(try RuleExamples.parse(yaml: text, file: "rules/examples/\(id).yml"), id)
            XCTAssertNotNil(RuleCatalog.description(of: id), "rules/examples/\(id).yml names no rule")
        }
        for rule in RuleCatalog.descriptions where !withoutExamples.contains(rule.id) {
            XCTAssertEqual(rule.examples, try RuleExamples.parse(yaml: onDisk[rule.id] ?? "", file: rule.id), rule.id)
        }
    }

    func testMarkersAreStrippedAndPlacedInUTF8Columns() throws {
        let examples = try RuleExamples.parse(yaml: """
        failing:
          - title: two findings
            files:
              a.md: |
                # Ä 1️⃣x
                2️⃣y
            findings: [one, two]
        passing:
          - files:
              a.md: plain
        """, file: "t.yml")
        XCTAssertEqual(examples.map(\.failing), [true, false])
        XCTAssertEqual(examples[0].strippedFiles, ["a.md": "# Ä x\ny\n"])
        XCTAssertEqual(examples[0].expectedMarkers, [
            RuleExample.Marker(number: 1, path: "a.md", line: 1, column: 6),
            RuleExample.Marker(number: 2, path: "a.md", line: 2, column: 1),
        ])
    }

    func testMalformedExamplesAreConfigErrorsNamingTheFile() {
        let cases: [(String, String)] = [
            ("failing:\n  - files:\n      a.md: \"1️⃣x\"\n    findings: [one, two]\n", "marks findings"),
            ("passing:\n  - files:\n      a.md: \"1️⃣x\"\n", "no markers"),
            ("failing:\n  - findings: [one]\n", "needs `files`"),
            ("reported: []\n", "unknown key"),
            ("failing: [\n", "invalid YAML"),
        ]
        for (yaml, expected) in cases {
            XCTAssertThrowsError(try RuleExamples.parse(yaml: yaml, file: "rules/examples/x/y.yml"), yaml) { error in
                guard let error = error as? ConfigError else { return XCTFail("not a ConfigError: \(error)") }
                XCTAssertEqual(error.file, "rules/examples/x/y.yml")
                XCTAssertTrue(error.message.contains(expected), "\(error.message) does not say \(expected)")
            }
        }
    }
}
