import XCTest
@testable import DocsAuditCore

/// One spelling per root: `.` components and extra slashes dropped, an absolute path under the working folder
/// made relative, `..` kept.
final class RootSpellingTests: XCTestCase {
    func testSpellingsOfOneRootAreOne() {
        let cases: [(given: String, expected: String)] = [
            ("docs", "docs"), ("./docs/", "docs"), ("docs//", "docs"), ("./docs/./plans/", "docs/plans"),
            ("/work/project/docs", "docs"), ("/work/project/docs/", "docs"), ("/work/project", "."),
            ("/work/project/", "."), (".", "."), ("./", "."), ("/work/other/docs", "/work/other/docs"),
            ("/work/projects/docs", "/work/projects/docs"), ("../shared/docs/", "../shared/docs"),
            ("/work/project/../x", "../x"), ("/", "/"), ("", ""),
        ]
        for (given, expected) in cases {
            XCTAssertEqual(RootSpelling.normalized(given, currentDirectory: "/work/project"), expected, given)
        }
        // At the file system's root nothing is made relative.
        XCTAssertEqual(RootSpelling.normalized("/docs", currentDirectory: "/"), "/docs")
    }
}
