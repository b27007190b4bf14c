import Foundation
import XCTest
@testable import DocsAuditCore

/// The standard-library stand-ins for Foundation's formatting and path helpers agree with Foundation.
final class TextFormatTests: XCTestCase {
    func testZeroPaddedMatchesPrintf() {
        for value in [0, 7, 42, 123, -5, -123] {
            XCTAssertEqual(TextFormat.zeroPadded(value, width: 2), String(format: "%02d", value))
            XCTAssertEqual(TextFormat.zeroPadded(value, width: 3), String(format: "%03d", value))
        }
    }

    func testFixedMatchesPrintf() {
        for value in [0.0, 1.5, 2.25, 0.125, 1.005, 12.3456, -0.004, -3.14159, 100, 1e6 + 0.5] {
            XCTAssertEqual(TextFormat.fixed(value, decimals: 2), String(format: "%.2f", value), "\(value)")
            XCTAssertEqual(TextFormat.fixed(value, decimals: 1), String(format: "%.1f", value), "\(value)")
        }
    }

    func testPercentDecodingMatchesFoundation() {
        for text in ["plain", "a%20b", "%C3%A9t%C3%A9", "50%", "%zz", "%C3", "%2F%2e"] {
            XCTAssertEqual(TextFormat.percentDecoded(text), text.removingPercentEncoding, text)
        }
    }

    /// As NSString's path methods answer (written out: Foundation on Linux traps on some of these).
    func testPathPieces() {
        let cases: [(path: String, parent: String, last: String)] = [
            ("a/b/c.md", "a/b", "c.md"), ("/a", "/", "a"), ("a", "", "a"), ("a/b/", "a", "b"),
            ("docs/plans/024-x.md", "docs/plans", "024-x.md"),
        ]
        for (path, parent, last) in cases {
            XCTAssertEqual(PathText.parent(path), parent, path)
            XCTAssertEqual(PathText.lastComponent(path), last, path)
        }
        XCTAssertEqual(PathText.join("a", "b"), "a/b")
        XCTAssertEqual(PathText.join("a/", "b"), "a/b")
    }

    func testReplacingEveryFindsScalarsInsideGraphemes() {
        XCTAssertEqual("a\r\nb".replacingEvery("\r", with: "%0D"), "a%0D\nb")
        XCTAssertEqual("a\r\nb".replacingEvery("\n", with: " "), "a\r b")
        XCTAssertEqual("x--y--".replacingEvery("--", with: "+"), "x+y+")
        XCTAssertEqual("none".replacingEvery("z", with: "y"), "none")
    }
}
