@testable import DocsAuditCore
import XCTest

/// The new path a link into a moved file gets, written relative to the linking file's folder.
final class MovedFileLinksTests: XCTestCase {
    func testTheNewPathIsWrittenRelativeToTheLinkingFile() {
        let cases: [(from: String, to: String, expected: String)] = [
            ("a.md", "moved/new.md", "moved/new.md"),
            ("docs/a.md", "docs/new.md", "new.md"),
            ("docs/plans/a.md", "docs/specs/b.md", "../specs/b.md"),
            ("docs/x/y/a.md", "b.md", "../../../b.md"),
            ("docs/a.md", "docs/a/b.md", "a/b.md"),
            ("docs/a.md", "docsx/b.md", "../docsx/b.md"),
        ]
        for (from, to, expected) in cases {
            XCTAssertEqual(MovedFileLinks.relative(from: from, to: to), expected, "\(from) → \(to)")
        }
    }
}
