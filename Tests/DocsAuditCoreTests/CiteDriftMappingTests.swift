import XCTest
@testable import DocsAuditCore

/// The pure pieces of `cites/drift`: a cited range mapped from an old text to a new one, where a cite's spans are
/// written on its line, and git blame's porcelain read back.
final class CiteDriftMappingTests: XCTestCase {
    private func map(_ old: [Substring], _ new: [Substring]) -> LineMap { LineMap(old: old, new: new) }

    private let old: [Substring] = ["# T", "", "intro", "", "alpha", "beta", "gamma", "", "delta", "epsilon"]

    func testLinesInsertedAboveMoveTheRange() {
        let new: [Substring] = ["# T", "", "intro", "added 1", "added 2", "", "alpha", "beta", "gamma", "", "delta",
                                "epsilon"]
        XCTAssertEqual(map(old, new).outcome(of: 5...7), .moved(start: 7, end: 9))
        XCTAssertEqual(map(old, new).outcome(of: 9...9), .moved(start: 11, end: 11))
        XCTAssertEqual(map(old, new).outcome(of: 3...3), .unchanged, "above the insertion nothing moves")
    }

    func testLinesDeletedAboveMoveTheRangeUp() {
        let new: [Substring] = ["# T", "", "alpha", "beta", "gamma", "", "delta", "epsilon"]
        XCTAssertEqual(map(old, new).outcome(of: 5...7), .moved(start: 3, end: 5))
    }

    func testAnEditBelowLeavesTheRangeAlone() {
        let new: [Substring] = ["# T", "", "intro", "", "alpha", "beta", "gamma", "", "delta changed", "epsilon",
                                "more"]
        XCTAssertEqual(map(old, new).outcome(of: 5...7), .unchanged)
    }

    func testALineInsertedInsideTheRangeWidensIt() {
        let new: [Substring] = ["# T", "", "intro", "", "alpha", "beta", "beta and a half", "gamma", "", "delta",
                                "epsilon"]
        XCTAssertEqual(map(old, new).outcome(of: 5...7), .moved(start: 5, end: 8))
    }

    func testARewrittenEndpointOrBlockIsStale() {
        let endpoint: [Substring] = ["# T", "", "intro", "", "alpha", "beta", "GAMMA rewritten", "", "delta", "epsilon"]
        XCTAssertEqual(map(old, endpoint).outcome(of: 5...7), .stale)
        let deleted: [Substring] = ["# T", "", "intro", "", "delta", "epsilon"]
        XCTAssertEqual(map(old, deleted).outcome(of: 5...7), .stale)
        XCTAssertEqual(map(old, deleted).outcome(of: 6...6), .stale)
    }

    func testMostLinesRewrittenBetweenKeptEndpointsIsStale() {
        let old: [Substring] = ["start", "one", "two", "three", "four", "end"]
        let new: [Substring] = ["new line", "start", "ONE", "TWO", "THREE", "four", "end"]
        XCTAssertEqual(map(old, new).outcome(of: 1...6), .moved(start: 2, end: 7),
                       "start, four and end kept: half the lines, still the same block")
        let mostly: [Substring] = ["new line", "start", "ONE", "TWO", "THREE", "FOUR", "end"]
        XCTAssertEqual(map(old, mostly).outcome(of: 1...6), .stale)
    }

    func testARangePastTheOldEndOrBlankThroughoutSaysNothing() {
        let new: [Substring] = ["added"] + old
        XCTAssertEqual(map(old, new).outcome(of: 9...12), .unknown)
        XCTAssertEqual(map(old, new).outcome(of: 2...2), .unknown)
        XCTAssertEqual(map(old, new).outcome(of: 0...1), .unknown)
    }

    func testEmptyTexts() {
        XCTAssertEqual(map([], ["a"]).outcome(of: 1...1), .unknown)
        XCTAssertEqual(map(["a"], []).outcome(of: 1...1), .stale)
    }

    private func cite(_ text: String, column: Int, ranges: [LineSpan]) -> LineCite {
        LineCite(form: "link-colon", text: text, path: "a.md", line: 1, column: column, target: "t.md", label: nil,
                 ranges: ranges)
    }

    func testSpansAreFoundOnTheLineAndRewrittenWithTheirDash() {
        let line: Substring = "See [t](t.md):10–12, 40 and more."
        let text = "](t.md):10–12, 40"
        let places = CiteSpans.places(of: cite(text, column: 7, ranges: [LineSpan(start: 10, end: 12),
                                                                         LineSpan(start: 40, end: 40)]), line: line)
        // The en dash is three bytes.
        XCTAssertEqual(places, [CiteSpans.Place(column: 15, length: 7, text: "10–12"),
                                CiteSpans.Place(column: 24, length: 2, text: "40")])
        XCTAssertEqual(CiteSpans.rewrite("10–12", to: LineSpan(start: 13, end: 15)), "13–15")
        XCTAssertEqual(CiteSpans.rewrite("40", to: LineSpan(start: 41, end: 41)), "41")
        XCTAssertEqual(CiteSpans.rewrite("7-7", to: LineSpan(start: 9, end: 9)), "9-9")
    }

    func testSpansNotWrittenWhereTheCiteSaysGiveNoPlaces() {
        let line: Substring = "See [t](t.md):10-12."
        XCTAssertNil(CiteSpans.places(of: cite("](t.md):10-12", column: 3, ranges: [LineSpan(start: 10, end: 12)]),
                                      line: line))
        XCTAssertNil(CiteSpans.places(of: cite("](t.md):10-12", column: 7, ranges: [LineSpan(start: 10, end: 13)]),
                                      line: line))
        XCTAssertNil(CiteSpans.places(of: cite("](t.md):10-12", column: 7, ranges: []), line: nil))
    }

    func testPorcelainGivesEachFinalLineItsCommit() {
        let hash = String(repeating: "ab", count: 20)
        let zero = String(repeating: "0", count: 40)
        let output = """
        \(hash) 3 5 2
        author someone
        summary a line that could look like 1 2 3
        filename a.md
        \tcontent five
        \(hash) 4 6
        \tcontent six
        \(zero) 9 9 1
        author Not Committed Yet
        \tcontent nine

        """
        let parsed = GitHistory.parsePorcelain(Array(output.utf8))
        XCTAssertEqual(parsed.count, 3)
        XCTAssertEqual(parsed[5], .some(hash))
        XCTAssertEqual(parsed[6], .some(hash))
        XCTAssertEqual(parsed[9], .some(nil))
        XCTAssertEqual(GitHistory.runs(of: [9, 3, 4, 5, 3, 0, 12]), [3...5, 9...9, 12...12])
    }
}
