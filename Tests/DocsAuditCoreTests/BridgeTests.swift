import XCTest
@testable import DocsAuditCore

final class BridgeTests: XCTestCase {
    func testBlocksCarryKindsAndOneBasedPositions() {
        let doc = Fixture.document("# Title\n\nSome *text* here.\n\n```mermaid title\ngraph TB\n```\n\n<!-- note -->\n\n---\n")
        XCTAssertEqual(doc.blocks.map(\.kind), [
            .heading(level: 1), .paragraph, .codeBlock(info: "mermaid title", fenced: true), .htmlBlock, .thematicBreak,
        ])
        XCTAssertEqual(doc.blocks[1].range.start, SourcePosition(line: 3, utf8Column: 1))
        XCTAssertEqual(doc.blocks[2].codeLanguage, "mermaid")
        XCTAssertEqual(doc.blocks[2].literal, "graph TB\n")
        XCTAssertEqual(doc.blocks[2].contentStartLine, 6)
        XCTAssertEqual(doc.blocks[3].literal, "<!-- note -->\n")
        XCTAssertEqual(doc.blocks[1].plainText, "Some text here.")
    }

    func testIndentedCodeIsNotFenced() {
        let doc = Fixture.document("para\n\n    code line\n")
        XCTAssertEqual(doc.blocks.last?.kind, .codeBlock(info: "", fenced: false))
    }

    func testTablesKeepCellsAndEscapedPipes() {
        let doc = Fixture.document("| a | b |\n| --- | --- |\n| `x\\|y` | 2 |\n")
        guard let table = doc.blocks.first else { return XCTFail("no table") }
        XCTAssertEqual(table.kind, .table)
        XCTAssertEqual(table.tableRows.map(\.kind), [.tableRow(isHeader: true), .tableRow(isHeader: false)])
        XCTAssertEqual(table.tableRows[1].cells.map(\.plainText), ["x|y", "2"])
        XCTAssertEqual(table.tableRows[1].range.start.line, 3)
        XCTAssertEqual(table.tableRows[1].cells[1].range.start.utf8Column, 11)
    }

    func testTaskListItemsCarryTheirCheckbox() {
        let doc = Fixture.document("- [x] done\n- [ ] open\n- plain\n")
        let items = doc.blocks.first?.items ?? []
        XCTAssertEqual(items.map(\.taskMark), [TaskMark(checked: true), TaskMark(checked: false), nil])
        XCTAssertEqual(items.map { $0.leadParagraph?.plainText }, ["done", "open", "plain"])
    }

    func testAutolinksFallBackToTheBlockPositionAndStrikethroughSurvives() {
        let doc = Fixture.document("intro\n\nSee https://example.com and ~~gone~~ [doc](a.md#x).\n")
        let inlines = doc.blocks[1].inlines
        let links = Inline.links(in: inlines)
        XCTAssertEqual(links.count, 2)
        XCTAssertEqual(links[0].kind, .link(destination: "https://example.com", title: ""))
        XCTAssertEqual(links[0].start.line, 3, "bare URLs have no position in cmark-gfm; they take the paragraph's")
        XCTAssertEqual(links[1].start, SourcePosition(line: 3, utf8Column: 38))
        XCTAssertTrue(inlines.contains { $0.kind == .strikethrough })
    }

    func testColumnsAreUTF8Bytes() {
        let doc = Fixture.document("é [x](y.md)\n")
        let link = Inline.links(in: doc.blocks[0].inlines).first
        XCTAssertEqual(link?.start.utf8Column, 4, "é is two bytes")
    }

    func testCRLFAndCRLineEndingsNumberLinesLikeCmark() {
        let crlf = Fixture.document("# A\r\n\r\ntext\r\n")
        XCTAssertEqual(crlf.blocks.last?.range.start.line, 3)
        XCTAssertEqual(crlf.source.line(3), "text")
        let cr = Fixture.document("# A\r\rtext\r")
        XCTAssertEqual(cr.blocks.last?.range.start.line, 3)
        XCTAssertEqual(cr.source.lineCount, 3)
    }

    func testDeepNestingIsFlattenedWithAProblemNotACrash() {
        let text = String(repeating: ">", count: 1000) + " deep\n"
        let doc = Fixture.document(text)
        XCTAssertEqual(doc.parseProblems.count, 1)
        XCTAssertTrue(doc.parseProblems[0].message.contains("flattened"))
        let paragraphs = doc.blocks.flatMap(\.descendantsAndSelf).filter { $0.kind == .paragraph }
        XCTAssertEqual(paragraphs.map(\.plainText), ["deep"])
    }
}
