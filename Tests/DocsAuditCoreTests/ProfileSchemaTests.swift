import XCTest
@testable import DocsAuditCore

/// Schema v2 loading: built-in profiles and `extends`, the one merge rule, unknown keys and clear messages.
final class ProfileSchemaTests: XCTestCase {
    private func load(_ yaml: String) throws -> Profile {
        try ProfileLoader.load(yaml: yaml, file: "docs-audit.yml")
    }

    private func configError(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> ConfigError? {
        do {
            _ = try load(yaml)
            XCTFail("expected a config error", file: file, line: line)
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            XCTFail("expected a ConfigError, got \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: extends

    func testAbsentExtendsIsTheDefaultProfile() throws {
        let plain = try load("graph:\n  file: docs/map.md\n")
        let explicit = try load("extends: default\ngraph:\n  file: docs/map.md\n")
        XCTAssertEqual(plain.graph.file, "docs/map.md")
        XCTAssertEqual(explicit.graph.file, "docs/map.md")
        XCTAssertEqual(plain.kind(of: "docs/plans/024-x.md"), "plan")
        XCTAssertEqual(explicit.kind(of: "docs/plans/024-x.md"), "plan")
        XCTAssertEqual(Set(plain.ids.keys), Set(explicit.ids.keys))
        let defaultText = try XCTUnwrap(BuiltInProfiles.text(of: "default")).yaml
        XCTAssertEqual(plain.sources, [defaultText, "graph:\n  file: docs/map.md\n"], "the cache keys on both texts")
    }

    func testExtendsNoneIsTheEngineAlone() throws {
        let text = "extends: none\nlinks:\n  fragment-case: insensitive\n"
        let profile = try load(text)
        XCTAssertTrue(profile.kinds.isEmpty)
        XCTAssertEqual(profile.kind(of: "docs/plans/024-x.md"), "other")
        XCTAssertTrue(profile.ids.isEmpty)
        XCTAssertNil(profile.id("plan"))
        XCTAssertTrue(profile.tags.families.isEmpty)
        XCTAssertNil(profile.plans.tasksHeading)
        XCTAssertNil(profile.graph.section)
        XCTAssertNil(profile.backlog.heading)
        XCTAssertNil(profile.dependencies.dependencySection)
        XCTAssertEqual(profile.links.fragmentCase, .insensitive)
        XCTAssertEqual(profile.sources, [text], "no built-in text went into it")
    }

    func testExtendsNoneLintsACorpusWithoutAnyFamily() throws {
        let corpus = try Fixture.corpus([
            "docs/plans/024-x.md": "# Plan-024: x\n\nSee Plan-999 and [gone](missing.md).\n",
        ], config: "extends: none\n")
        let findings = Linter.lint(corpus)
        XCTAssertEqual(findings.map(\.rule), ["links/missing-file"], "\(findings)")
    }

    func testUnknownBuiltInProfileListsTheKnownOnes() throws {
        let error = try XCTUnwrap(configError("version: 2\nextends: defualt\n"))
        XCTAssertEqual(error.file, "docs-audit.yml")
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 10)
        XCTAssertEqual(error.key, "extends")
        XCTAssertTrue(error.message.hasPrefix(
            "no built-in profile `defualt` (did you mean `default`?) (known: `default`"), error.message)
        XCTAssertTrue(error.message.hasSuffix("`none`)"), error.message)
        let list = try XCTUnwrap(configError("extends: [default]\n"))
        XCTAssertEqual(list.message, "expected a string")
    }

    func testEmbedScriptPicksUpEveryRulesYml() throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let copy = try Fixture.directory([
            "rules/default.yml": "version: 2\n",
            "rules/rust-rfcs.yml": "version: 2\nkinds: []\n",
            "rules/examples/x.yml": "not a profile\n",
            "Sources/DocsAuditCore/Engine/Profile/BuiltIn/GoneProfileText.swift": "// a profile since removed\n",
        ])
        let script = copy.appendingPathComponent("scripts/embed-default-profile.sh")
        let files = FileManager.default
        try files.createDirectory(at: script.deletingLastPathComponent(), withIntermediateDirectories: true)
        try files.copyItem(at: package.appendingPathComponent("scripts/embed-default-profile.sh"), to: script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let profiles = copy.appendingPathComponent("Sources/DocsAuditCore/Engine/Profile")
        let table = try String(contentsOf: profiles.appendingPathComponent("BuiltInProfileTable.swift"),
                               encoding: .utf8)
        XCTAssertTrue(table.contains(
            "(name: \"default\", file: \"rules/default.yml\", yaml: DefaultProfileText.yaml),"))
        XCTAssertTrue(table.contains(
            "(name: \"rust-rfcs\", file: \"rules/rust-rfcs.yml\", yaml: RustRfcsProfileText.yaml),"))
        XCTAssertFalse(table.contains("examples"))
        let rfcs = try String(contentsOf: profiles.appendingPathComponent("BuiltIn/RustRfcsProfileText.swift"),
                              encoding: .utf8)
        XCTAssertTrue(rfcs.contains(
            "enum RustRfcsProfileText {\n    static let yaml = ####\"\"\"\nversion: 2\nkinds: []\n\"\"\"####"))
        let gone = profiles.appendingPathComponent("BuiltIn/GoneProfileText.swift")
        XCTAssertFalse(files.fileExists(atPath: gone.path), "a profile no longer in rules/ is no longer embedded")
    }

    // MARK: the merge rule

    func testMappingsMergeListsAndScalarsReplace() throws {
        let profile = try load("""
            corpus:
              exclude: ["vendor/**"]
            tags:
              families:
                ticket: '\\bJIRA-\\d+'
            graph:
              ready-class: go
            """)
        XCTAssertEqual(profile.corpus.exclude.count, 1, "a list replaces the inherited list")
        XCTAssertTrue(profile.corpus.frozen.contains { $0.matches("docs/archive/x.md") }, "untouched keys stay")
        XCTAssertNotNil(profile.tags.families["ticket"])
        XCTAssertNotNil(profile.tags.families["pr-ref"], "tags.families merges with the inherited families")
        XCTAssertEqual(profile.graph.readyClass, "go")
        XCTAssertNotNil(profile.graph.entryHeading, "sibling keys of a merged mapping stay")
    }

    func testNullRemovesTheInheritedKey() throws {
        let profile = try load("""
            ids:
              placeholder: ~
            tags:
              families:
                deictic: null
            plans:
              tasks-heading:
            """)
        XCTAssertNil(profile.id("placeholder"))
        XCTAssertNotNil(profile.id("plan"))
        XCTAssertNil(profile.tags.families["deictic"])
        XCTAssertNotNil(profile.tags.families["pr-ref"])
        XCTAssertNil(profile.plans.tasksHeading, "the engine's default (nothing) applies again")
        XCTAssertNotNil(profile.plans.taskHeading)
        let quoted = try load("ids:\n  placeholder: '~'\n")
        XCTAssertEqual(quoted.id("placeholder")?.source, "~", "a quoted ~ is a string, here a pattern")
        XCTAssertNoThrow(try load("brand-new: ~\n"), "a null with nothing to remove is dropped")
    }

    func testMergedTreeKeepsEachValuesFileAndLine() throws {
        let profile = try load("version: 2\ngraph:\n  file: docs/map.md\n")
        let tree = try XCTUnwrap(profile.tree)
        let file = try XCTUnwrap(tree["graph"]?["file"])
        XCTAssertEqual(file.file, "docs-audit.yml")
        XCTAssertEqual(file.line, 3)
        let section = try XCTUnwrap(tree["graph"]?["section"])
        XCTAssertEqual(section.file, "rules/default.yml")
        let defaultText = try XCTUnwrap(BuiltInProfiles.text(of: "default")).yaml
        let lines = defaultText.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[section.line - 1].contains("section:"), String(lines[section.line - 1]))
    }

    func testErrorsInAMergedMappingNameTheOverlaysFile() throws {
        let error = try XCTUnwrap(configError("version: 2\ntags:\n  families:\n    ticket: '(unclosed'\n"))
        XCTAssertEqual(error.file, "docs-audit.yml")
        XCTAssertEqual(error.line, 4)
        XCTAssertEqual(error.key, "tags.families.ticket")
    }

    // MARK: unknown keys, rule IDs, empty patterns

    func testEditDistanceCountsASwapOfNeighboursAsOneStep() {
        XCTAssertEqual(DidYouMean.editDistance(Array("fiel"), Array("file")), 1)
        XCTAssertEqual(DidYouMean.editDistance(Array("ca"), Array("abc")), 3)
        XCTAssertEqual(DidYouMean.editDistance(Array("kitten"), Array("sitting")), 3)
        XCTAssertEqual(DidYouMean.editDistance(Array(""), Array("abc")), 3)
    }

    func testUnknownKeySuggestsTheNearestKnownOne() throws {
        let error = try XCTUnwrap(configError("graph:\n  fiel: x\n"))
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 3)
        XCTAssertEqual(error.key, "graph.fiel")
        XCTAssertTrue(error.message.hasPrefix("unknown key `fiel` (did you mean `file`?) (expected one of: file,"),
                      error.message)
        let top = try XCTUnwrap(configError("tag:\n  exempt: []\n"))
        XCTAssertTrue(top.message.hasPrefix("unknown key `tag` (did you mean `tags`?)"), top.message)
        let field = try XCTUnwrap(configError("plans:\n  task-fields:\n    step: ['Stage']\n    fils: ['Paths']\n"))
        XCTAssertEqual(field.line, 4)
        XCTAssertEqual(field.key, "plans.task-fields.fils")
        XCTAssertEqual(field.message, "unknown key `fils` (did you mean `files`?) (expected one of: files, "
            + "spec-coverage, verifies-invariant, step)")
        let far = try XCTUnwrap(configError("zzzzzz: 1\n"))
        XCTAssertTrue(far.message.hasPrefix("unknown key `zzzzzz` (expected one of:"), far.message)
    }

    func testUnknownRuleIDSuggestsTheNearestRule() throws {
        let error = try XCTUnwrap(configError("rules:\n  tables/arty: off\n"))
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 3)
        XCTAssertEqual(error.key, "rules.tables/arty")
        XCTAssertEqual(error.message,
                       "unknown rule ID `tables/arty` (did you mean `tables/arity`?) (see `docs-audit rules`)")
        let override = try XCTUnwrap(configError(
            "overrides:\n  - paths: [\"a/**\"]\n    rules:\n      tags/ephemeal: info\n"))
        XCTAssertEqual(override.line, 4)
        XCTAssertEqual(override.key, "overrides[0].rules.tags/ephemeal")
        XCTAssertTrue(override.message.contains("(did you mean `tags/ephemeral`?)"), override.message)
    }

    func testEmptyPatternIsAConfigError() throws {
        for yaml in ["plans:\n  task-heading: ''\n", "tags:\n  families:\n    x: \"\"\n",
                     "tags:\n  provenance-lines: ['']\n"] {
            let error = try XCTUnwrap(configError(yaml))
            XCTAssertTrue(error.message.hasPrefix(
                "an empty pattern matches everywhere: remove the key or write a pattern"), error.message)
            XCTAssertEqual(error.file, "docs-audit.yml")
        }
    }

    // MARK: versions

    func testVersionsOneAndTwoLoadAndOthersNameTheSupportedOnes() throws {
        XCTAssertEqual(try load("version: 2\n").version, 2)
        XCTAssertEqual(try load("version: 1\n").version, 1)
        XCTAssertEqual(try load("graph:\n  file: x.md\n").version, 2, "the default profile says 2")
        for bad in ["3", "0", "two", "1.5"] {
            let error = try XCTUnwrap(configError("version: \(bad)\n"))
            XCTAssertEqual(error.key, "version")
            XCTAssertEqual(error.message, "unsupported profile version `\(bad)` (this tool reads 1 and 2)")
        }
    }

    func testVersionOneMappingThatReplacedSaysWhatToWrite() throws {
        let error = try XCTUnwrap(configError("version: 1\ntags:\n  families:\n    pr-ref: '\\bPR #\\d+'\n"))
        XCTAssertEqual(error.line, 4)
        XCTAssertEqual(error.key, "tags.families")
        XCTAssertTrue(error.message.hasPrefix("in version 1 `tags.families` replaced the inherited mapping; from "
            + "version 2 on it merges with it, so the inherited `finding`, `dep-trace`, `deictic`, `transient-path` "
            + "would stay. Write `version: 2` and, to drop them as before, add `finding: ~`, `dep-trace: ~`, "
            + "`deictic: ~`, `transient-path: ~` under `tags.families`"), error.message)
        // Written as the message says, it loads with the version 1 meaning.
        let fixed = try load("""
            version: 2
            tags:
              families:
                pr-ref: '\\bPR #\\d+'
                finding: ~
                dep-trace: ~
                deictic: ~
                transient-path: ~
            """)
        XCTAssertEqual(Array(fixed.tags.families.keys), ["pr-ref"])
        // Naming every inherited name means the same in both versions: it loads.
        let status = try load("version: 1\ngraph:\n  status-classes:\n    todo: [ready]\n    in_progress: [ready]\n"
                              + "    blocked: [blocked]\n    completed: [completed]\n")
        XCTAssertEqual(status.graph.statusClasses["todo"], ["ready"])
        let partial = try XCTUnwrap(configError("version: 1\ngraph:\n  status-classes:\n    todo: [blocked]\n"))
        XCTAssertEqual(partial.key, "graph.status-classes")
    }

    /// No key of version 1 changed meaning but the replaced mappings: a v1 file setting a key of every section
    /// loads as it did.
    func testVersionOneFileOfEverySectionLoads() throws {
        let profile = try load("""
            version: 1
            corpus:
              exclude: ["vendor/**"]
              frozen-links: info
            kinds:
              - name: plan
                paths: ["design/[0-9][0-9][0-9]-*.md"]
                title: '^Plan-(\\d{3}): (.+)$'
                statuses: [draft, done]
            ids:
              plan: '\\bPlan-(\\d{3})\\b'
            header:
              status-field: State
            plans:
              tasks-heading: '^Tasks$'
            specs:
              acceptance-section: '^Acceptance$'
            registries:
              error-code-kinds: [contract, spec]
            graph:
              file: docs/map.md
            backlog:
              statuses: [open, closed]
            dependencies:
              file: docs/deps.md
            cites:
              endpoints: false
            links:
              fragment-case: insensitive
            tags:
              exempt-kinds: [template, plan]
            gates:
              review-file: REVIEWS.md
            rules:
              tables/arity: off
            overrides:
              - paths: ["docs/ops/**"]
                rules:
                  tags/ephemeral: info
            """)
        XCTAssertEqual(profile.version, 1)
        XCTAssertEqual(profile.kind(of: "design/001-a.md"), "plan")
        XCTAssertEqual(profile.header.statusField, "State")
        XCTAssertEqual(profile.graph.file, "docs/map.md")
        XCTAssertEqual(profile.dependencies.file, "docs/deps.md")
        XCTAssertEqual(profile.gates.reviewFile, "REVIEWS.md")
        XCTAssertEqual(profile.links.fragmentCase, .insensitive)
        XCTAssertFalse(profile.cites.endpoints)
        XCTAssertEqual(profile.overrides.count, 1)
        XCTAssertNotNil(profile.id("invariant"), "ids merged in version 1 too")
    }
}
