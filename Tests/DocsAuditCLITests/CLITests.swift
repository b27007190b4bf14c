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
        XCTAssertEqual(json["schemaVersion"] as? String, "1.2")
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

/// The saved fuzz inputs (Fuzz/inputs: small hostile inputs written by us; Fuzz/crashes: any input the fuzzer
/// crashed on) and the example corpus, replayed through the fuzz target's code path (parse, extraction, every
/// rule, every reporter, graph, sync, reports). An empty or missing Fuzz/inputs fails: a replay of nothing
/// proves nothing.
final class FuzzRegressionTests: XCTestCase {
    func testSavedFuzzInputsReplayWithoutCrashing() throws {
        let replayer = CLI.binary.deletingLastPathComponent().appendingPathComponent("docs-audit-fuzz")
        guard FileManager.default.isExecutableFile(atPath: replayer.path) else {
            throw XCTSkip("needs the docs-audit-fuzz replayer beside docs-audit (swift build --build-tests builds it)")
        }
        let project = CLI.projectRoot
        let inputs = project.appendingPathComponent("Fuzz/inputs")
        let saved = ((try? FileManager.default.contentsOfDirectory(atPath: inputs.path)) ?? []).filter { !$0.hasPrefix(".") }
        XCTAssertGreaterThanOrEqual(saved.count, 5, "Fuzz/inputs must hold the saved fuzz inputs; found \(saved.count)")
        var folders = [inputs.path,
                       project.appendingPathComponent("Examples/corpus/docs/plans").path,
                       project.appendingPathComponent("Examples/corpus/docs/architecture").path]
        let crashes = project.appendingPathComponent("Fuzz/crashes").path
        if FileManager.default.fileExists(atPath: crashes) { folders.append(crashes) }
        let expected = folders.reduce(0) { count, folder in
            count + ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.count
        }
        let replayed = try replay(replayer, folders)
        XCTAssertEqual(replayed.status, 0, replayed.output)
        XCTAssertEqual(replayed.output, "replayed \(expected) inputs\n")
        let missing = try replay(replayer, [project.appendingPathComponent("Fuzz/no-such-folder").path])
        XCTAssertEqual(missing.status, 2, "a missing folder is an error, not zero inputs")
    }

    private func replay(_ replayer: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = replayer
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
