import Foundation
import XCTest

final class CLITests: XCTestCase {
    func testVersionAndHelpExitZero() throws {
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
        let help = try CLI.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("Examples:"), help.stdout)
        XCTAssertTrue(help.stdout.contains("extract"))
        let lintHelp = try CLI.run(["lint", "--help"])
        XCTAssertEqual(lintHelp.status, 0)
        XCTAssertTrue(lintHelp.stdout.contains("Exit codes"))
    }

    func testUsageErrorsExitTwoNotSixtyFour() throws {
        let unknown = try CLI.run(["lint", "--no-such-flag"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("--no-such-flag"), unknown.stderr)
        let format = try CLI.run(["extract", "--format", "yaml"])
        XCTAssertEqual(format.status, 2)
        let command = try CLI.run(["frobnicate"])
        XCTAssertEqual(command.status, 2)
    }

    func testExtractOnTheExampleCorpus() throws {
        let root = CLI.projectRoot.appendingPathComponent("Examples/corpus").path
        let result = try CLI.run(["extract", "--root", root])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["schemaVersion"] as? String, "1.0")
        XCTAssertEqual((json["documents"] as? [Any])?.count, 12)
        XCTAssertEqual((json["plans"] as? [Any])?.count, 3)
        let again = try CLI.run(["extract", "--root", root])
        XCTAssertEqual(again.stdout, result.stdout, "output is byte-for-byte stable")
        let text = try CLI.run(["extract", "--root", root, "--format", "text"])
        XCTAssertTrue(text.stdout.contains("plans: 3, phases: 5, tasks blocks: 5, tasks: 9"), text.stdout)
    }

    func testLintIsQuietOnACleanCorpus() throws {
        let root = CLI.projectRoot.appendingPathComponent("Examples/corpus").path
        let result = try CLI.run(["lint", "--root", root])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "")
    }
}
