import Foundation
import XCTest

/// `graphs:`, `registries.method-tables` and the `tags` exemptions as a user meets them: the built binary on a
/// small corpus of ordinary documents.
final class DeclaredScopeCommandTests: XCTestCase {
    /// An ordinary guide with a cyclic state flowchart, a `Method` table, another repository's PR in a
    /// research-sources row and `this PR` in a quoted question: nothing for the default profile to report.
    private let guide = """
    # Session guide

    ## States

    ```mermaid
    flowchart LR
      Idle[idle] --> Running[running]
      Running --> Idle
    ```

    ## HTTP API

    | Method | Path |
    | --- | --- |
    | `GET` | `/sessions` |

    ## Sources

    | Source | Link | Finding |
    | --- | --- | --- |
    | Node.js | [nodejs/node](https://github.com/nodejs/node) | PR #4765 fixed the same race |

    The reviewer asked: "does this PR also bump the schema?"

    """

    func testOrdinaryDocumentsAreCleanUnderTheDefaultProfile() throws {
        let root = try CLI.folder(["docs/guides/session.md": Data(guide.utf8)])
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "")
    }

    func testDeclaringTheGuideChecksItsGraphAndTable() throws {
        let config = """
        graphs:
          - paths: ['docs/guides/**']
        registries:
          method-tables:
            - paths: ['docs/guides/**']
              sections: ['^HTTP API$']
              header: '^Method$'
        tags:
          exempt-qualified: false
          exempt-quoted: false

        """
        let root = try CLI.folder(["docs/guides/session.md": Data(guide.utf8), "docs-audit.yml": Data(config.utf8)])
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
        docs/guides/session.md:8:1: error: cycle: Idle --> Running --> Idle [graph/cycle]
        docs/guides/session.md:15:4: error: method `GET` (row 1 of the registry at line 13) does not match \
        METHOD_NAME_FORMAT /^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$/ (profile fallback) [registry/method-name-format]
        docs/guides/session.md:21:61: warning: ephemeral pr-ref `PR #4765` outside a provenance section [tags/ephemeral]
        docs/guides/session.md:23:27: warning: ephemeral deictic `this PR` outside a provenance section [tags/ephemeral]

        """)
        XCTAssertEqual(result.stderr, "docs-audit: 2 errors, 2 warnings in 1 file\n")
    }

    func testABadTagFamilyIsAConfigError() throws {
        let config = "tags:\n  families:\n    pr-ref: {severity: info}\n"
        let root = try CLI.folder(["a.md": Data("# A\n".utf8), "docs-audit.yml": Data(config.utf8)])
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        let expected = "docs-audit.yml:3:13: tags.families.pr-ref: a tag family needs `pattern`\n"
        XCTAssertTrue(result.stderr.hasSuffix(expected), result.stderr)
    }
}
