import XCTest
@testable import DocsAuditCore

/// A link's place is its `[` in the source, even where cmark-gfm reports another: on a paragraph's continuation
/// line whose leading white space it stripped, and for link text that spans lines (reported where it ends).
final class LinkOpeningTests: XCTestCase {
    private func places(_ text: String) throws -> [String] {
        let model = try Fixture.model(["a.md": text])
        return model.links.map { "\($0.line):\($0.column) \($0.destination)" }
    }

    func testContinuationLinesKeepTheirLeadingWhiteSpace() throws {
        let text = """
            # T

            Some text here
              and [a link](b.md) on line two,
            \t[tabbed](c.md) and
                 **[strong](d.md)** and [`code`](e.md) and [*em*](f.md).

            """
        XCTAssertEqual(try places(text), ["4:7 b.md", "5:2 c.md", "6:8 d.md", "6:29 e.md", "6:48 f.md"])
    }

    func testLinkTextSpanningLinesIsPlacedWhereItOpens() throws {
        let text = """
            # T

            moved to another owner or been dropped.  (See the ["How dynamic drop
            semantics works"](g.md) appendix.
               See the [Program illustrating semantic impact of hidden drop
               flag](h.md) and [](i.md).

            """
        XCTAssertEqual(try places(text), ["3:51 g.md", "5:12 h.md", "6:20 i.md"])
    }

    func testPlacesThatNeedNoCorrectionStay() throws {
        let text = """
            # T

            [first](a1.md) in a paragraph, then in a list:

            - item
              continued [x](a2.md)

            > quote
            > more [q](a3.md)

            """
        XCTAssertEqual(try places(text), ["3:1 a1.md", "6:13 a2.md", "9:8 a3.md"])
    }

    func testImagesAreLinksToTheirFilesPlacedAtTheirMark() throws {
        let text = """
            # T

            ![first](a.png) then
              ![second](img/b.svg) and [![badge](c.png)](d.md) and ![web](https://example.com/e.png)

            """
        let model = try Fixture.model(["docs/a.md": text])
        XCTAssertEqual(model.links.map { "\($0.line):\($0.column) \($0.target ?? "-") \($0.image == true)" },
                       ["3:1 docs/a.png true", "4:3 docs/img/b.svg true", "4:28 docs/d.md false",
                        "4:29 docs/c.png true"])
    }

    /// Every link of a long indented continuation line is looked for near where it was reported, never across the
    /// whole line: 20,000 of them are placed in well under a second.
    func testManyMisplacedLinksOnOneLineStayLinear() throws {
        let count = 20_000
        let text = "# T\n\nstart\n    " + String(repeating: "[x](z.md) ", count: count) + "\n"
        let started = Date()
        let found = try places(text)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(found.count, count)
        XCTAssertEqual(found.first, "4:5 z.md")
        XCTAssertEqual(found.last, "4:\(5 + 10 * (count - 1)) z.md")
    }
}
