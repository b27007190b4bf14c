import XCTest
@testable import DocsAuditCore

/// `rules:` in its mapping form: a hit outside its rule's kinds, paths or sections is dropped.
final class RuleScopeTests: XCTestCase {
    private static let files = [
        "docs/plans/001-a.md": """
            # Plan-001: a

            [x](gone1.md)

            ## Tasks

            ### Sub

            [y](gone2.md)

            ## Other

            [z](gone3.md)

            """,
        "docs/notes/b.md": "# B\n\n[w](gone4.md)\n",
        "docs/old/c.md": "# C\n\n## Tasks\n\n[v](gone5.md)\n",
    ]

    /// The `links/missing-file` findings as `file:line severity`, with `config` as the corpus's docs-audit.yml.
    private func missing(_ config: String) throws -> [String] {
        try Linter.lint(Fixture.corpus(Self.files, config: config)).filter { $0.rule == "links/missing-file" }
            .map { "\($0.file):\($0.line) \($0.severity.rawValue)" }
    }

    private let all = ["docs/notes/b.md:3 error", "docs/old/c.md:5 error", "docs/plans/001-a.md:3 error",
                       "docs/plans/001-a.md:9 error", "docs/plans/001-a.md:13 error"]

    func testWithoutScopeEveryHitStays() throws {
        XCTAssertEqual(try missing("version: 2\n"), all)
        XCTAssertEqual(try missing("rules:\n  links/missing-file: {}\n"), all, "an empty mapping narrows nothing")
    }

    func testKinds() throws {
        XCTAssertEqual(try missing("rules:\n  links/missing-file:\n    kinds: [plan]\n"),
                       ["docs/plans/001-a.md:3 error", "docs/plans/001-a.md:9 error", "docs/plans/001-a.md:13 error"])
        XCTAssertEqual(try missing("rules:\n  links/missing-file:\n    kinds: [other]\n"),
                       ["docs/notes/b.md:3 error", "docs/old/c.md:5 error"])
    }

    func testPaths() throws {
        XCTAssertEqual(try missing("rules:\n  links/missing-file:\n    paths: ['docs/notes/**', 'docs/old/*.md']\n"),
                       ["docs/notes/b.md:3 error", "docs/old/c.md:5 error"])
    }

    func testExcludePaths() throws {
        XCTAssertEqual(try missing("rules:\n  links/missing-file:\n    exclude-paths: ['docs/plans/**']\n"),
                       ["docs/notes/b.md:3 error", "docs/old/c.md:5 error"])
        let both = "rules:\n  links/missing-file:\n    paths: ['docs/**']\n    exclude-paths: ['docs/old/**']\n"
        XCTAssertEqual(try missing(both),
                       ["docs/notes/b.md:3 error", "docs/plans/001-a.md:3 error", "docs/plans/001-a.md:9 error",
                        "docs/plans/001-a.md:13 error"])
    }

    func testSectionsMatchAnyEnclosingHeading() throws {
        // Line 9 is under `### Sub`, itself under `## Tasks`; line 13 is under `## Other`, outside Tasks.
        XCTAssertEqual(try missing("rules:\n  links/missing-file:\n    sections: ['^Tasks$']\n"),
                       ["docs/old/c.md:5 error", "docs/plans/001-a.md:9 error"])
        XCTAssertEqual(try missing("rules:\n  links/missing-file:\n    sections: ['^Sub$', '^Plan-001']\n"),
                       ["docs/plans/001-a.md:3 error", "docs/plans/001-a.md:9 error", "docs/plans/001-a.md:13 error"])
    }

    func testSeverityInTheMappingForm() throws {
        XCTAssertEqual(try missing("rules:\n  links/missing-file:\n    severity: warning\n    kinds: [other]\n"),
                       ["docs/notes/b.md:3 warning", "docs/old/c.md:5 warning"])
        XCTAssertEqual(try missing("rules:\n  links/missing-file:\n    severity: off\n"), [])
    }

    func testOverridesUseTheMappingFormPerRule() throws {
        let config = """
            rules:
              links/missing-file:
                kinds: [plan]
            overrides:
              - paths: ['docs/plans/**']
                rules:
                  links/missing-file:
                    severity: info
                    sections: ['^Other$']
            """
        XCTAssertEqual(try missing(config), ["docs/plans/001-a.md:13 info"],
                       "in its paths the override's scope replaces the rule's")
        let scalar = "rules:\n  links/missing-file:\n    kinds: [plan]\n"
            + "overrides:\n  - paths: ['docs/plans/**']\n    rules:\n      links/missing-file: warning\n"
        XCTAssertEqual(try missing(scalar), ["docs/plans/001-a.md:3 warning", "docs/plans/001-a.md:9 warning",
                                             "docs/plans/001-a.md:13 warning"], "a severity alone keeps the scope")
    }

    func testBadScopesAreConfigErrors() throws {
        func error(_ yaml: String) throws -> ConfigError {
            do {
                _ = try ProfileLoader.load(yaml: yaml, file: "docs-audit.yml")
            } catch let error as ConfigError {
                return error
            }
            XCTFail("no error for \(yaml)")
            throw ConfigError(file: "", line: 0, column: 0, key: "", message: "")
        }
        let typo = try error("rules:\n  links/missing-file:\n    severty: warning\n")
        XCTAssertEqual(typo.key, "rules.links/missing-file.severty")
        XCTAssertEqual(typo.line, 3)
        XCTAssertTrue(typo.message.hasPrefix("unknown key `severty` (did you mean `severity`?) (expected one of: "
            + "severity, kinds, paths, exclude-paths, sections)"), typo.message)
        let pattern = try error("rules:\n  links/missing-file:\n    sections: ['(']\n")
        XCTAssertEqual(pattern.key, "rules.links/missing-file.sections[0]")
        let empty = try error("rules:\n  links/missing-file:\n    sections: ['']\n")
        XCTAssertTrue(empty.message.hasPrefix("an empty pattern matches everywhere"), empty.message)
        let level = try error("rules:\n  links/missing-file:\n    severity: fatal\n")
        XCTAssertEqual(level.message, "expected error, warning, info or off, found `fatal`")
    }

    func testEnclosingHeadings() {
        let headings = [HeadingFact(line: 1, level: 1, title: "T"), HeadingFact(line: 3, level: 2, title: "A"),
                        HeadingFact(line: 5, level: 4, title: "A.1"), HeadingFact(line: 8, level: 3, title: "A.2"),
                        HeadingFact(line: 10, level: 2, title: "B")]
        XCTAssertEqual(HeadingFact.enclosing(0, in: headings), [])
        XCTAssertEqual(HeadingFact.enclosing(1, in: headings), ["T"])
        XCTAssertEqual(HeadingFact.enclosing(6, in: headings), ["T", "A", "A.1"])
        XCTAssertEqual(HeadingFact.enclosing(9, in: headings), ["T", "A", "A.2"])
        XCTAssertEqual(HeadingFact.enclosing(11, in: headings), ["T", "B"])
    }
}
