import XCTest
@testable import DocsAuditCore

/// The pieces of `docs-audit fix` below the CLI: edits applied byte for byte and refused when they overlap,
/// and a heading's identity across a rename.
final class FixPlanningTests: XCTestCase {
    private func edit(_ line: Int, _ column: Int, _ length: Int, _ text: String) -> TextEdit {
        TextEdit(path: "a.md", line: line, column: column, length: length, replacement: text)
    }

    func testEditsChangeOnlyTheirBytesAndKeepEveryLineEnding() {
        let text = "one\r\ntwo é three\rfour\nfive"
        let outcome = TextEditApplier.apply([edit(2, 8, 5, "THREE"), edit(1, 1, 3, "1"), edit(4, 5, 0, "!"),
                                             edit(1, 1, 3, "1")], to: text)
        XCTAssertEqual(outcome.text, "1\r\ntwo é THREE\rfour\nfive!")
        XCTAssertEqual(outcome.applied.count, 3, "an identical edit counts once")
        XCTAssertTrue(outcome.refused.isEmpty)
    }

    func testOverlappingEditsAndEditsOffTheirLineAreRefused() {
        let text = "abcdef\nxyz\n"
        let outcome = TextEditApplier.apply([edit(1, 2, 3, "X"), edit(1, 4, 2, "Y"), edit(1, 6, 0, "+"),
                                             edit(1, 6, 0, "-"), edit(2, 3, 2, "across the ending"),
                                             edit(9, 1, 1, "past the end"), edit(2, 1, 1, "Z")], to: text)
        XCTAssertEqual(outcome.text, "abcdef\nZyz\n")
        XCTAssertEqual(outcome.applied, [edit(2, 1, 1, "Z")])
        XCTAssertEqual(Set(outcome.refused.map(\.reason)), [
            "it overlaps another fix at line 1",
            "its place (line 2, column 3) is not in the file",
            "its place (line 9, column 1) is not in the file",
        ])
        XCTAssertEqual(outcome.refused.count, 6)
    }

    func testARenamedHeadingIsFoundByItsPositionInTheOutline() {
        let old = Fixture.document("# A\n\n## Goals\n\n### Old Name\n\n## Risks\n").sections
        let new = Fixture.document("# A\n\n## Goals\n\n### New Name\n\n## Risks\n").sections
        XCTAssertEqual(HeadingRenames.match(old, new), ["old-name": "new-name"])
    }

    func testWhenTheOutlineChangedShapeOnlyAnUnambiguousRenameCounts() {
        let old = Fixture.document("# A\n\n## Goals\n\n### Old Name\n\n## Risks\n").sections
        let added = Fixture.document("# A\n\n## Intro\n\n## Goals\n\n### New Name\n\n## Risks\n\n## More\n").sections
        XCTAssertEqual(HeadingRenames.match(old, added), ["old-name": "new-name"],
                       "the only gone level-3 heading under Goals and the only new one there")
        let twoNew = Fixture.document("# A\n\n## Goals\n\n### New\n\n### Other\n\n## Risks\n").sections
        XCTAssertEqual(HeadingRenames.match(old, twoNew), [:], "two candidates: a person decides")
        let moved = Fixture.document("# A\n\n## Goals\n\n## Risks\n\n### New Name\n\n## More\n").sections
        XCTAssertEqual(HeadingRenames.match(old, moved), [:], "under another parent: not the same heading")
    }
}
