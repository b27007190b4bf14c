import Foundation
import XCTest

/// `ids.<family>` in a corpus's docs-audit.yml, through the built binary.
final class IDFamilyConfigTests: XCTestCase {
    func testBadFamiliesExitTwoNamingFileLineColumnAndKey() throws {
        let cases: [(String, String)] = [
            ("ids:\n  rfc:\n    pattern: 'x'\n    defind: []\n", "docs-audit.yml:4:5: ids.rfc.defind: unknown key"),
            ("ids:\n  rfc:\n    pattern: 'x'\n    defined:\n      - heading: '(x'\n",
             "docs-audit.yml:5:18: ids.rfc.defined[0].heading: not a valid regular expression: (x"),
            ("ids:\n  backlog:\n    reservations: ['reserved as']\n",
             "docs-audit.yml:3:20: ids.backlog.reservations[0]: a reservation phrase needs `{id}`"),
        ]
        try CLI.assertConfigErrors(cases)
    }

    func testAFamilyWrittenAsDataIsCheckedAndReservable() throws {
        let yaml = """
            ids:
              doc:
                pattern: '\\bDOC-(\\d+)\\b'
                canonical: 'DOC-{1}'
                numeric: true
                defined:
                  - heading: '^(DOC-\\d+):'
                reservations: ['\\breserved as\\s+{id}']

            """
        let root = try CLI.folder([
            "docs-audit.yml": Data(yaml.utf8),
            "a.md": Data("# A\n\n## DOC-1: one\n\n## DOC-01: again\n\nSee DOC-001, DOC-2 and DOC-3.\n".utf8),
            "b.md": Data("# B\n\nThe next one is reserved as DOC-3.\n".utf8),
        ])
        let result = try CLI.run(["lint", "--root", root.path, "--no-color"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
            a.md:5:1: error: DOC-1 is defined again (first at a.md:3) [ids/duplicate-definition]
            a.md:7:14: error: DOC-2 is defined nowhere [ids/undefined-reference]
            b.md:3:29: info: DOC-3 is reserved here and not defined yet [ids/reserved]

            """)
    }
}
