import XCTest
@testable import DocsAuditCore

final class SectionTests: XCTestCase {
    func testSectionsRunToTheNextHeadingOfSameOrHigherLevel() {
        let doc = Fixture.document("""
        # Plan
        ## Phase Sequence
        ### Phase 1 — Scaffold
        #### Tasks
        ##### T1.1 — First
        body
        ##### T1.2 — Second
        #### Notes
        ## Progress Log
        """)
        let byTitle = Dictionary(uniqueKeysWithValues: doc.sections.map { ($0.title, $0) })
        XCTAssertEqual(byTitle["Tasks"]?.range.lines, 4...7, "the Tasks block keeps its ##### task headings")
        XCTAssertEqual(byTitle["Phase 1 — Scaffold"]?.range.lines, 3...8)
        XCTAssertEqual(byTitle["Plan"]?.range.lines, 1...9)
        XCTAssertEqual(byTitle["T1.1 — First"].flatMap { $0.parent.map { doc.sections[$0].title } }, "Tasks")
        XCTAssertEqual(doc.section(containing: 6)?.title, "T1.1 — First")
        XCTAssertEqual(doc.sectionPath(containing: 6).map(\.level), [1, 2, 3, 4, 5])
    }

    func testHeadingsInsideCodeFencesAreNotSections() {
        let doc = Fixture.document("# Real\n\n```md\n### BL-0XX: Template\n```\n")
        XCTAssertEqual(doc.sections.map(\.title), ["Real"])
    }
}
