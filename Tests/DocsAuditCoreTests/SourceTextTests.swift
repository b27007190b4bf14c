import XCTest
@testable import DocsAuditCore

/// Lines are split as cmark-gfm splits them (LF, CRLF or CR) whichever path the split takes: the `memchr` path for
/// text without a carriage return, the byte loop otherwise.
final class SourceTextTests: XCTestCase {
    func testBothSplitsAgreeOnEveryMixOfLineEndings() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "\n", "\r", "\r\n", "", " "]
        var texts = ["", "\n", "\n\n", "a", "a\n", "a\nb", "\r", "a\r\nb\r\n", "a\rb", "é\n\n"]
        for _ in 0..<2_000 {
            texts.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined())
        }
        for text in texts {
            var copy = text
            let fast = copy.withUTF8 { SourceText.lineBounds(utf8: $0) }
            let loop = SourceText.lineBounds(Array(text.utf8))
            XCTAssertEqual(fast.map(\.start), loop.map(\.start), text.debugDescription)
            XCTAssertEqual(fast.map(\.end), loop.map(\.end), text.debugDescription)
        }
    }

    func testLinesOfTextWithoutCarriageReturns() {
        let source = SourceText("one\ntwo é\n\nfour")
        XCTAssertEqual(source.lineCount, 4)
        XCTAssertEqual((1...4).map { source.line($0).map(String.init) }, ["one", "two é", "", "four"])
        XCTAssertNil(source.line(5))
        XCTAssertEqual(SourceText("a\n").lineCount, 1)
        XCTAssertEqual(SourceText("").lineCount, 1)
    }

    /// Front-matter fences are read on bytes as they were on characters: trailing spaces and tabs only, nothing
    /// else around the three marks.
    func testFrontMatterFencesAreDecidedAsOnCharacters() {
        func byCharacters(_ line: Substring, opening: Bool) -> Bool {
            let text = String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            return text == "---" || (!opening && text == "...")
        }
        let lines = ["---", "--- ", "---\t \t", "...", "... ", " ---", "----", "--", "", "-- -", "---x", "--- \u{301}",
                     "\u{FEFF}---", "…", "---\u{A0}", "-\u{301}--", "..", "....", "—-", "\t---"]
        for line in lines {
            for opening in [true, false] {
                XCTAssertEqual(FrontMatter.isFence(Substring(line), opening: opening),
                               byCharacters(Substring(line), opening: opening), "\(line.debugDescription) \(opening)")
            }
        }
        XCTAssertEqual(FrontMatter.closingLine(in: SourceText("---\ntitle: x\n...  \nbody")), 3)
        XCTAssertNil(FrontMatter.closingLine(in: SourceText("--- x\ntitle: x\n---\n")))
    }
}
