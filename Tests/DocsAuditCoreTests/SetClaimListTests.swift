import XCTest
@testable import DocsAuditCore

/// The list of a set claim as the corpus writes it.
final class SetClaimListTests: XCTestCase {
    private let id = try? Pattern(#"\bNS-(\d+)([a-z]?)\b"#)

    private func parse(_ text: String) throws -> (ids: [String], unreadable: String?) {
        SetClaimList.parse(text, id: try XCTUnwrap(id))
    }

    func testRangesSeparatorsAndPadding() throws {
        XCTAssertEqual(try parse("NS-09, NS-10, NS-17..NS-21, NS-29").ids,
                       ["NS-09", "NS-10", "NS-17", "NS-18", "NS-19", "NS-20", "NS-21", "NS-29"])
        XCTAssertEqual(try parse("NS-08–NS-10 and NS-13a + NS-14").ids, ["NS-08", "NS-09", "NS-10", "NS-13a", "NS-14"])
        XCTAssertEqual(try parse("NS-3 to NS-5, and NS-7").ids, ["NS-3", "NS-4", "NS-5", "NS-7"])
        XCTAssertNil(try parse("NS-01, NS-02").unreadable)
    }

    func testWhatCannotBeReadIsNamed() throws {
        XCTAssertEqual(try parse("NS-02 and friends").unreadable, "friends")
        XCTAssertEqual(try parse("NS-21..NS-17").unreadable, "NS-21..NS-17", "a range that runs backwards")
        XCTAssertEqual(try parse("NS-13a..NS-13c").unreadable, "NS-13a..NS-13c", "suffix letters make no range")
        XCTAssertEqual(try parse("NS-1..NS-99999").unreadable, "NS-1..NS-99999", "more than 500 IDs is read as a typo")
        XCTAssertEqual(try parse("NS-1..NS-500").ids.count, 500)
    }
}
