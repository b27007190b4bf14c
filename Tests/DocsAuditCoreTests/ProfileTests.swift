import XCTest
@testable import DocsAuditCore

final class ProfileTests: XCTestCase {
    /// A built-in profile that says `extends: none` stands alone when passed as a config file too: the same
    /// profile as `extends: NAME`, not that file laid over the default.
    func testBuiltInFilePassedAsConfigStandsAlone() throws {
        let (file, yaml) = try XCTUnwrap(BuiltInProfiles.text(of: "rust-rfcs"))
        let asFile = try ProfileLoader.load(yaml: yaml, file: file)
        let extended = try ProfileLoader.load(yaml: "extends: rust-rfcs\n", file: "docs-audit.yml")
        XCTAssertEqual(asFile.kinds.map(\.name), extended.kinds.map(\.name))
        XCTAssertEqual(Set(asFile.ids.keys), Set(extended.ids.keys))
        XCTAssertEqual(Set(asFile.tags.families.keys), Set(extended.tags.families.keys))
        XCTAssertNil(asFile.ids["plan"], "nothing of the default profile is inherited")
    }

    func testEveryRulesYmlIsEmbeddedAsItIsOnDisk() throws {
        let here = URL(fileURLWithPath: #filePath)
        let package = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let rules = package.appendingPathComponent("rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: rules.path)
            .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
        XCTAssertTrue(names.contains("default"))
        XCTAssertEqual(BuiltInProfiles.names.sorted(), names, "rules/*.yml changed: run `make embed`")
        for name in names {
            let onDisk = try String(contentsOf: rules.appendingPathComponent(name + ".yml"), encoding: .utf8)
            let embedded = try XCTUnwrap(BuiltInProfiles.text(of: name))
            XCTAssertEqual(embedded.file, "rules/\(name).yml")
            XCTAssertEqual(embedded.yaml + "\n", onDisk, "rules/\(name).yml changed: run `make embed`")
            XCTAssertNoThrow(try ProfileLoader.builtIn(name), "built-in profile \(name) loads")
        }
        XCTAssertEqual(DefaultProfileText.yaml, BuiltInProfiles.text(of: "default")?.yaml)
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

    private func configError(_ yaml: String) -> ConfigError? { Fixture.configError(yaml) }

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
        let version = try XCTUnwrap(configError("version: 3\n"))
        XCTAssertTrue(version.message.contains("unsupported profile version `3` (this tool reads 1 and 2)"),
                      version.message)
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
        func hints(_ source: String) -> [String]? {
            Pattern.literalHints(source)?.map { String(decoding: $0, as: UTF8.self) }
        }
        XCTAssertEqual(hints(#"\bPlan-(\d{3})\b"#), ["Plan-"])
        XCTAssertEqual(hints(#"\]\(([^)]+)\):(\d+)"#), ["]("])
        XCTAssertEqual(hints(#"^Files?:"#), ["File"])
        XCTAssertEqual(hints(#"\bT(\d+)"#), ["T"])
        XCTAssertEqual(hints(#"\.agents/tmp/[\w]"#), [".agents/tmp/"])
        XCTAssertEqual(hints(#"a.b"#), ["a"], "`.` is not a literal")
        XCTAssertEqual(hints(#"method|procedure"#), ["method", "procedure"], "a top-level | splits the pattern")
        XCTAssertNil(hints(#"\bnon-dep\b|\d+"#), "one branch without a literal")
        XCTAssertNil(hints(#"(?=Plan)Plan"#), "look-arounds are not groups")
        XCTAssertEqual(hints(#"ab\d"#), ["ab"], "a class escape is not a literal")
        XCTAssertNil(hints(#"\b\d+"#), "no leading literal")
        XCTAssertEqual(hints(#"\b(Plan|Spec|ADR)-(\d{3}):"#), ["Plan-", "Spec-", "ADR-"], "the literal after an all-literal group extends it")
        XCTAssertEqual(hints(#"(ab|c\.d)x"#), ["ab", "c.d"], "an escape makes an alternative not all literal: nothing is appended")
        XCTAssertEqual(hints(#"(ab|cd)x?"#), ["ab", "cd"], "an optional suffix is not appended")
        XCTAssertEqual(hints(#"\b(?:BL-0XX|I-NNN-\d+|Plan-NNN)\b"#), ["BL-0XX", "I-NNN-", "Plan-NNN"])
        XCTAssertNil(hints(#"(Plan|\d)-\d"#), "an alternative without a literal promises nothing")
        XCTAssertNil(hints(#"(Plan|Spec)?-\d"#), "an optional group promises nothing")
        XCTAssertNil(hints(#"(?i)method"#), "flags are not a group")
        XCTAssertEqual(hints(#"(ab[|(]|cd)x"#), ["ab", "cd"], "a class holding | and ( does not split the group")
        XCTAssertEqual(hints(#"(?:(?:W|I)-\d|T-\d)"#), nil)
        let labels = try Pattern(#"\b(Plan|Spec|ADR)-(\d{3}):(\d+)"#)
        XCTAssertEqual(labels.firstMatch(in: "see ADR-007:12 and")?[2], "007")
        XCTAssertNil(labels.firstMatch(in: "see Plan 007:12"))
        let files = try Pattern("^Files?:")
        XCTAssertTrue(files.test("File: x"))
        XCTAssertTrue(files.test("Files: x"))
        XCTAssertFalse(files.test("Fil: x"))
        let link = try Pattern(#"\]\(([^)\s#]+\.md)\):(\d+)"#)
        XCTAssertEqual(link.firstMatch(in: "[Plan](../p.md):12")?[2], "12")
        XCTAssertNil(link.firstMatch(in: "no link here: 12"))
    }
}

/// The literal pre-filter may only skip lines on which the regex cannot match. Checked for every pattern
/// the built-in profile compiles, over every line of our Markdown (and of the real corpus when present).
final class PatternHintSafetyTests: XCTestCase {
    func testPrefilterNeverDropsAMatchOfAnyProfilePattern() throws {
        let patterns = Self.patterns(in: try ProfileLoader.defaultProfile())
        XCTAssertGreaterThan(patterns.count, 50, "the profile's patterns were found by reflection")
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var roots = [project.appendingPathComponent("Examples").path, project.appendingPathComponent("Tests/Fixtures").path]
        if let real = Fixture.realCorpus { roots.append(real) }
        var lines = Set<String>()
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            for case let name as String in walker where name.hasSuffix(".md") {
                guard let text = try? String(contentsOfFile: root + "/" + name, encoding: .utf8) else { continue }
                text.split(separator: "\n").forEach { lines.insert(String($0)) }
            }
        }
        // Our own Markdown alone holds about 400 lines with about 300 matches; the real corpus many more.
        let real = Fixture.realCorpus != nil
        XCTAssertGreaterThan(lines.count, real ? 500 : 300)
        var checked = 0
        for pattern in patterns {
            for line in lines {
                let filtered = pattern.matches(in: line).map { $0.range() }
                let unfiltered = pattern.unfilteredMatches(in: line).map { $0.range() }
                XCTAssertEqual(filtered, unfiltered, "pattern \(pattern.source) on line: \(line)")
                checked += unfiltered.count
            }
        }
        XCTAssertGreaterThan(checked, real ? 1000 : 250, "the lines hold matches to compare")
    }

    /// Every `Pattern` reachable from `value`, found by reflection (structs, arrays, dictionaries, optionals).
    static func patterns(in value: Any) -> [Pattern] {
        if let pattern = value as? Pattern { return [pattern] }
        return Mirror(reflecting: value).children.flatMap { patterns(in: $0.value) }
    }
}
