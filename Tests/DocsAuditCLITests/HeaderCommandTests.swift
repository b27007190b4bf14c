import Foundation
import XCTest

/// Headers and numbers declared per kind, end to end: the built binary on a corpus whose header is a bullet list
/// and whose numbers come from file names, and config errors in the new keys.
final class HeaderCommandTests: XCTestCase {
    private let config = """
        kinds:
          - name: rfc
            paths: ["text/*.md"]
            number: {from: file-name}
            header:
              form: bullets
              fields:
                Start Date: {required: true, pattern: '\\d{4}-\\d{2}-\\d{2}'}
                RFC PR: {required: true, identity: 'rust-lang/rfcs#(\\d+)'}

        """

    func testBulletHeadersAreCheckedAgainstTheFileNumber() throws {
        let root = try CLI.folder([
            "docs-audit.yml": Data(config.utf8),
            "text/0042-answer.md": Data("""
                - Start Date: 2014-3-11
                - RFC PR: [rust-lang/rfcs#41](https://github.com/rust-lang/rfcs/pull/41)

                ## Summary

                """.utf8),
            "text/0043-fine.md": Data("""
                * Start Date: 2014-03-11
                * RFC PR: [rust-lang/rfcs#43](https://github.com/rust-lang/rfcs/pull/43)

                ## Summary

                """.utf8),
            "text/0044-bare.md": Data("## Summary\n\nNo header.\n".utf8),
        ])
        let result = try CLI.run(["lint", "--root", root.path, "--no-cache"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
            text/0042-answer.md:1:15: warning: Start Date `2014-3-11` does not match `\\d{4}-\\d{2}-\\d{2}` [header/field-value]
            text/0042-answer.md:2:11: error: RFC PR names 41 but this document is number 0042 [header/identity]
            text/0044-bare.md:1:1: error: no bullets header: every rfc needs `Start Date`, `RFC PR` [header/missing-field]

            """)
        XCTAssertEqual(result.stderr, "docs-audit: 2 errors, 1 warning in 2 files\n")
    }

    func testHeaderKeysAreValidatedWithTheirPlace() throws {
        let cases: [(String, String)] = [
            ("kinds:\n  - name: a\n    paths: ['*.md']\n    header: {form: list}\n",
             "docs-audit.yml:4:20: kinds[0].header.form: expected table, bullets, front-matter or none, found `list`"),
            ("kinds:\n  - name: a\n    paths: ['*.md']\n    number: {from: field}\n",
             "docs-audit.yml:4:13: kinds[0].number: number.from: field needs number.field"),
            ("kinds:\n  - name: a\n    paths: ['*.md']\n    header:\n      fields:\n        X: {requird: true}\n",
             "docs-audit.yml:6:13: kinds[0].header.fields.X.requird: unknown key"),
        ]
        try CLI.assertConfigErrors(cases)
    }
}
