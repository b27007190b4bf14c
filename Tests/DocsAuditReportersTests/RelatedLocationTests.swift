import DocsAuditCore
@testable import DocsAuditReporters
import Foundation
import XCTest

/// A finding in one file caused by a change in another (`Finding.related`: a link into a renamed heading) carries
/// that file into SARIF as a related location, so code scanning shows why it appears.
final class RelatedLocationTests: XCTestCase {
    private func results(_ findings: [Finding]) throws -> [[String: Any]] {
        let sarif = try SARIFReporter.render(Report(findings: findings))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let runs = try XCTUnwrap(object["runs"] as? [[String: Any]])
        return try XCTUnwrap(runs.first?["results"] as? [[String: Any]])
    }

    func testSARIFNamesEachRelatedFileAsARelatedLocation() throws {
        let finding = Finding(rule: "links/missing-anchor", severity: .error, file: "docs/b.md", line: 3, column: 1,
                              message: "no heading", subject: "docs/a.md#old", related: ["docs/a b.md", "docs/c.md"])
        let result = try XCTUnwrap(try results([finding]).first)
        let related = try XCTUnwrap(result["relatedLocations"] as? [[String: Any]])
        XCTAssertEqual(related.map { $0["id"] as? Int }, [0, 1])
        let uris = related.map { (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String }
        XCTAssertEqual(uris, ["docs/a%20b.md", "docs/c.md"])
        XCTAssertEqual((related.first?["message"] as? [String: Any])?["text"] as? String,
                       "depends on docs/a b.md")
    }

    func testAFindingWithoutRelatedFilesHasNoRelatedLocations() throws {
        let finding = Finding(rule: "links/missing-anchor", severity: .error, file: "docs/b.md", line: 3, column: 1,
                              message: "no heading", subject: "docs/a.md#old")
        let result = try XCTUnwrap(try results([finding]).first)
        XCTAssertNil(result["relatedLocations"])
    }
}
