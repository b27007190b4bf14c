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

/// Every input the fuzzer ever crashed on (Fuzz/crashes) and the example corpus, replayed through the fuzz
/// target's code path (parse, extraction, every rule, every reporter, graph, sync, reports).
final class FuzzRegressionTests: XCTestCase {
    func testSavedFuzzInputsReplayWithoutCrashing() throws {
        let replayer = CLI.binary.deletingLastPathComponent().appendingPathComponent("docs-audit-fuzz")
        guard FileManager.default.isExecutableFile(atPath: replayer.path) else {
            throw XCTSkip("docs-audit-fuzz is not built (swift build builds it)")
        }
        let process = Process()
        process.executableURL = replayer
        let project = CLI.projectRoot
        process.arguments = [project.appendingPathComponent("Fuzz/crashes").path,
                             project.appendingPathComponent("Examples/corpus/docs/plans").path,
                             project.appendingPathComponent("Examples/corpus/docs/architecture").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(output.hasPrefix("replayed "), output)
    }
}
