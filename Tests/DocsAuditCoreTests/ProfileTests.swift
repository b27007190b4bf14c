import XCTest
@testable import DocsAuditCore

final class ProfileTests: XCTestCase {
    func testEmbeddedDefaultMatchesRulesDefaultYml() throws {
        let here = URL(fileURLWithPath: #filePath)
        let file = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules/default.yml")
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(DefaultProfileText.yaml + "\n", onDisk, "rules/default.yml changed: run `make embed`")
    }

    func testDefaultProfileLoadsAndClassifiesPaths() throws {
        let profile = try ProfileLoader.defaultProfile()
        XCTAssertEqual(profile.kind(of: "docs/plans/024-rust-pty-sidecar.md"), "plan")
        XCTAssertEqual(profile.kind(of: "docs/plans/000-plan-template.md"), "template")
        XCTAssertEqual(profile.kind(of: "docs/decisions/013-reserved.md"), "adr")
        XCTAssertEqual(profile.kind(of: "docs/architecture/contracts/error-contracts.md"), "contract")
        XCTAssertEqual(profile.kind(of: "docs/architecture/cross-plan-dependencies.md"), "dependency-map")
        XCTAssertEqual(profile.kind(of: "README.md"), "other")
        XCTAssertTrue(profile.corpus.frozen.contains { $0.matches("docs/archive/backlog-archive.md") })
        XCTAssertTrue(profile.corpus.exclude.contains { $0.matches("docs/reference/paseo/x.md") })
    }

    func testCorpusConfigOverridesKeysAndKeepsTheRest() throws {
        var profile = try ProfileLoader.defaultProfile()
        try ProfileLoader.apply(yaml: "graph:\n  file: docs/map.md\nids:\n  plan: '\\bPL-(\\d+)'\n", file: "docs-audit.yml", to: &profile)
        XCTAssertEqual(profile.graph.file, "docs/map.md")
        XCTAssertEqual(profile.id("plan")?.source, "\\bPL-(\\d+)")
        XCTAssertNotNil(profile.id("invariant"), "families the config does not name stay")
        XCTAssertNotNil(profile.graph.entryHeading)
    }

    private func configError(_ yaml: String) -> ConfigError? {
        var profile = (try? ProfileLoader.defaultProfile()) ?? Profile()
        do {
            try ProfileLoader.apply(yaml: yaml, file: "docs-audit.yml", to: &profile)
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            return nil
        }
    }

    func testUnknownKeyNamesFileLineAndKey() throws {
        let error = try XCTUnwrap(configError("version: 1\ngraph:\n  fiel: x\n"))
        XCTAssertEqual(error.file, "docs-audit.yml")
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.key, "graph.fiel")
        XCTAssertTrue(error.message.hasPrefix("unknown key"), error.message)
    }

    func testBadRegexAndBadYamlAndWrongTypes() throws {
        let regex = try XCTUnwrap(configError("plans:\n  task-heading: '^(T\\d+'\n"))
        XCTAssertEqual(regex.line, 2)
        XCTAssertEqual(regex.key, "plans.task-heading")
        XCTAssertTrue(regex.message.contains("not a valid regular expression"))
        let yaml = try XCTUnwrap(configError("graph: [unclosed\n"))
        XCTAssertTrue(yaml.message.hasPrefix("invalid YAML"), yaml.message)
        XCTAssertEqual(yaml.line, 2)
        let type = try XCTUnwrap(configError("corpus:\n  max-file-bytes: lots\n"))
        XCTAssertEqual(type.key, "corpus.max-file-bytes")
        let version = try XCTUnwrap(configError("version: 2\n"))
        XCTAssertTrue(version.message.contains("unsupported profile version"))
    }

    func testGlobs() {
        XCTAssertTrue(Glob("docs/plans/[0-9][0-9][0-9]-*.md").matches("docs/plans/001-a.md"))
        XCTAssertFalse(Glob("docs/plans/[0-9][0-9][0-9]-*.md").matches("docs/plans/sub/001-a.md"))
        XCTAssertTrue(Glob("**/*.md").matches("README.md"))
        XCTAssertTrue(Glob("**/*.md").matches("a/b/c.md"))
        XCTAssertTrue(Glob("docs/**").matches("docs/x/y.md"))
        XCTAssertFalse(Glob("docs/*.md").matches("docs/x/y.md"))
        XCTAssertTrue(Glob("a?c.md").matches("abc.md"))
        XCTAssertTrue(Glob("[!x]*.md").matches("a.md"))
    }
}

final class PatternTests: XCTestCase {
    func testLiteralHintsNeverChangeWhatMatches() throws {
        XCTAssertEqual(Pattern.literalHint(#"\bPlan-(\d{3})\b"#).map { String(decoding: $0, as: UTF8.self) }, "Plan-")
        XCTAssertEqual(Pattern.literalHint(#"\]\(([^)]+)\):(\d+)"#).map { String(decoding: $0, as: UTF8.self) }, "](")
        XCTAssertEqual(Pattern.literalHint(#"^Files?:"#).map { String(decoding: $0, as: UTF8.self) }, "File")
        XCTAssertNil(Pattern.literalHint(#"\bT(\d+)"#), "one character is not worth a search")
        XCTAssertNil(Pattern.literalHint(#"(Plan|Spec)-\d"#))
        let files = try Pattern("^Files?:")
        XCTAssertTrue(files.test("File: x"))
        XCTAssertTrue(files.test("Files: x"))
        XCTAssertFalse(files.test("Fil: x"))
        let link = try Pattern(#"\]\(([^)\s#]+\.md)\):(\d+)"#)
        XCTAssertEqual(link.firstMatch(in: "[Plan](../p.md):12")?[2], "12")
        XCTAssertNil(link.firstMatch(in: "no link here: 12"))
    }
}
