import XCTest
@testable import DocsAuditCore

/// The PCRE2 engine behind `Pattern`: Unicode classes as ICU had them, byte ranges and columns on
/// multi-byte text, ICU's iteration over empty matches, and bounded matching.
final class PatternEngineTests: XCTestCase {
    func testUnicodeClassesAndCaseFolding() throws {
        XCTAssertEqual(try Pattern(#"\w+"#).firstMatch(in: "— café au lait")?[0], "café")
        XCTAssertEqual(try Pattern(#"\d+"#).firstMatch(in: "x ٤٢ y")?[0], "٤٢", "\\d is any decimal digit")
        XCTAssertNil(try Pattern(#"\bé"#).firstMatch(in: "café"), "é is a word character, so no boundary before it")
        XCTAssertEqual(try Pattern("(?i)ÉTÉ").firstMatch(in: "un été")?[0], "été")
        XCTAssertEqual(try Pattern("ärger", caseInsensitive: true).firstMatch(in: "ÄRGER")?[0], "ÄRGER")
        XCTAssertNil(try Pattern("^a.b$").firstMatch(in: "a\u{2028}b"), "a Unicode line separator ends a line")
    }

    func testRangesAndColumnsAreUTF8() throws {
        let match = try XCTUnwrap(try Pattern(#"Plan-(\d{3})"#).firstMatch(in: "ünïcödé → Plan-042"))
        XCTAssertEqual(match.utf8Column(), 17)
        XCTAssertEqual(match.byteRange(1), 21..<24)
        XCTAssertEqual(match[1], "042")
        XCTAssertEqual(match.count, 2)
        let optional = try XCTUnwrap(try Pattern("(x)?y").firstMatch(in: "y"))
        XCTAssertNil(optional[1], "a group that took no part has no range")
    }

    func testEmptyMatchesAdvanceOneCharacterAsUnderICU() throws {
        let ranges = try Pattern("a*").matches(in: "bääaab").map { $0.byteRange() }
        XCTAssertEqual(ranges, [0..<0, 1..<1, 3..<3, 5..<7, 7..<7, 8..<8])
    }

    func testAnOverrunStopsThePatternForTheRestOfTheFile() throws {
        let hostile = try Pattern("(a+b?)+$")
        let line = String(repeating: "a", count: 30) + "!"
        XCTAssertEqual(hostile.matches(in: "aab").map { $0.byteRange() }, [0..<3], "outside a file pass it matches")
        let budget = PatternBudget()
        PatternBudget.$current.withValue(budget) {
            XCTAssertTrue(hostile.matches(in: line).isEmpty)
            XCTAssertEqual(budget.stopped.map(\.source), ["(a+b?)+$"])
            XCTAssertTrue(hostile.matches(in: "aab").isEmpty, "stopped for the rest of the file")
            XCTAssertEqual(try? Pattern("b$").matches(in: "aab").count, 1, "other patterns still run")
        }
        XCTAssertTrue(hostile.matches(in: line).isEmpty, "outside a pass an overrun finds nothing, boundedly")
        XCTAssertEqual(hostile.matches(in: "aab").count, 1, "and stops nothing")
    }

    /// `METHOD_NAME_FORMAT` is a JavaScript regex: ASCII classes, `$` only at the end, `\u` escapes.
    func testJavaScriptRegexKeepsJavaScriptMeaning() throws {
        let format = try JavaScriptRegex.translate(source: #"^[a-z]+\.\w+(\/\d+)?$"#, flags: "")
        XCTAssertTrue(format.test("session.create/2"))
        XCTAssertFalse(format.test("session.créer"), "\\w is ASCII in JavaScript")
        XCTAssertFalse(format.test("session.create/٢"), "\\d is ASCII in JavaScript")
        XCTAssertFalse(format.test("session.create\n"), "$ is the very end without the m flag")
        XCTAssertTrue(try JavaScriptRegex.translate(source: #"^\u0041\u{42}$"#, flags: "u").test("AB"))
        XCTAssertTrue(try JavaScriptRegex.translate(source: "^abc$", flags: "i").test("ABC"))
        XCTAssertTrue(try JavaScriptRegex.translate(source: "^b$", flags: "m").test("a\nb"))
    }

    func testTheBuiltInTransientPathFamily() throws {
        let pattern = try XCTUnwrap(try ProfileLoader.defaultProfile().tags.families["transient-path"])
        func tags(_ line: String) -> [String] { pattern.matches(in: line).compactMap { $0[0] } }
        XCTAssertEqual(tags("see .agents/tmp/notes.md."), [".agents/tmp/notes.md"])
        XCTAssertEqual(tags("see .agents/tmp/a/b.md.bak and .agents/tmp/c.yml"),
                       [".agents/tmp/a/b.md", ".agents/tmp/c.yml"])
        XCTAssertEqual(tags("the folder .agents/tmp/ and .agents/tmp/plan-NNN/x.md"), [])
        XCTAssertEqual(tags(".agents/tmp/plan-NNN/.agents/tmp/x.md"), [".agents/tmp/x.md"], "after the placeholder")
        XCTAssertEqual(tags(".agents/tmp/x.md/.agents/tmp/tier-K.md"), [], "a placeholder later in the run")
        XCTAssertEqual(tags(".agents/tmp/x.md-N-y"), [], "`-N-` anywhere in the run")
    }
}
