import XCTest
@testable import DocsAuditCore

/// A footnote defined between two items of a bullet header (rust-rfcs 3668 annotates its `Feature Name` so) ends the
/// list in the parse; the items after it are still the header.
final class BulletHeaderFootnoteTests: XCTestCase {
    private let config = """
        kinds:
          - name: rfc
            paths: ["text/*.md"]
            number: {from: file-name}
            header:
              form: bullets
              fields:
                Start Date: {required: true}
                RFC PR: {identity: 'rfcs#(\\d+)'}
          - name: other
            paths: ["**"]
        """

    func testListsThatOnlyFootnoteDefinitionsSeparateAreOneHeader() throws {
        try RuleHarness.assert("header/missing-field", [
            "text/0001-note.md": "- Feature Name: `x`[^note]\n[^note]: Renamed.\n- Start Date: 2020-01-01\n"
                + "- RFC PR: rfcs#1\n\n## Summary\n\nText.\n",
            // A paragraph between two lists is not a footnote: the second list is not the header.
            "text/0002-prose.md": "↓- Feature Name: `x`\n\nSome text.\n\n- Start Date: 2020-01-01\n\n## Summary\n",
        ], messages: ["header has no `Start Date` field (every rfc needs it)"], config: config)
        try RuleHarness.assert("header/identity", [
            "text/0003-note.md": "- Feature Name: `x`[^a]\n[^a]: One.\n[^b]: Two.\n- RFC PR: ↓rfcs#4\n"
                + "- Start Date: 2020-01-01\n\n## Summary\n",
        ], messages: ["RFC PR names 4 but this document is number 0003"], config: config)
    }
}
