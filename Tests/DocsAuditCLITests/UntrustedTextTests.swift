import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Corpus text that tries to forge output: GitHub workflow commands in a link fragment or a file name,
/// terminal escape sequences in a name. Every format stays well-formed and one finding stays one line.
final class UntrustedTextTests: XCTestCase {
    static let forgedFragment = "[x](#%0A::error%20file=X,line=1::forged%0A::stop-commands::abc)\n"
    static let forgedName = "b\n::error file=Y,line=2::forged\u{1B}[2J.md"

    private func hostileCorpus() throws -> URL {
        try CLI.folder(["a.md": Data(("# A\n\n" + Self.forgedFragment).utf8),
                               Self.forgedName: Data("# B\n\n[z](#none)\n".utf8)])
    }

    func testTextOutputEscapesControlCharacters() throws {
        let root = try hostileCorpus()
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 2, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("a.md:3:1: error: ") && $0.contains("`\\n::error file=X,line=1::forged\\n::stop") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("b\\n::error file=Y,line=2::forged\\u{1b}[2J.md:3:1: error: ") },
                      result.stdout)
        XCTAssertFalse(result.stdout.contains("\u{1B}"))
    }

    func testGitHubAnnotationsEscapeMessagesAndFileNames() throws {
        let root = try hostileCorpus()
        let result = try CLI.run(["lint", "--root", root.path, "--format", "github"])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 2, result.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("::error file=a.md,") || $0.hasPrefix("::error file=b%0A") }, result.stdout)
        XCTAssertTrue(result.stdout.contains("::error file=b%0A%3A%3Aerror file=Y%2Cline=2%3A%3Aforged\\u{1b}[2J.md,line=3,"),
                      result.stdout)
        XCTAssertTrue(result.stdout.contains("`%0A::error file=X,line=1::forged%0A::stop-commands::abc`"), result.stdout)
    }

    func testGitHubPlainLinesPastTheLimitCannotBeCommands() throws {
        // Eleven errors in a file whose name is a workflow command: ten annotations, then a plain log line.
        let links = (0..<11).map { "[y\($0)](#missing-\($0))\n" }.joined()
        let root = try CLI.folder(["::error file=Z::f.md": Data(("# Z\n\n" + links).utf8),
                                   Self.forgedName: Data("# B\n\n[z](#none)\n".utf8)])
        let result = try CLI.run(["lint", "--root", root.path, "--format", "github"])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 13, result.stdout)
        XCTAssertEqual(lines.filter { $0.hasPrefix("::error file=%3A%3Aerror file=Z%3A%3Af.md,") }.count, 10, result.stdout)
        XCTAssertEqual(lines[10], "./::error file=Z::f.md:13:1: error: link to #missing-10: no heading or anchor `missing-10` "
            + "in ::error file=Z::f.md [links/missing-anchor]")
        XCTAssertTrue(lines[11].hasPrefix("b\\n::error file=Y,line=2::forged\\u{1b}[2J.md:3:1: error: "), String(lines[11]))
        XCTAssertTrue(lines[12].hasPrefix("::notice title=docs-audit::2 errors not annotated"))
    }

    func testMachineFormatsStayWellFormed() throws {
        let root = try hostileCorpus()
        for format in ["junit", "checkstyle"] {
            let result = try CLI.run(["lint", "--root", root.path, "--format", format])
            XCTAssertEqual(result.status, 1)
            XCTAssertNoThrow(try XMLDocument(data: Data(result.stdout.utf8)), "\(format): \(result.stdout)")
            XCTAssertFalse(result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, format)
        }
        for format in ["json", "sarif"] {
            let result = try CLI.run(["lint", "--root", root.path, "--format", format])
            XCTAssertEqual(result.status, 1)
            let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            XCTAssertTrue(String(describing: parsed).contains("forged"), format)
        }
    }

    func testRevisionWithANewlineIsRefused() throws {
        let root = try CLI.folder(["a.md": Data("# A\n".utf8)])
        for command in ["gates", "report"] {
            let head = try CLI.run([command, "--root", root.path, "--baseline", "main", "--tier", "1", "--head", "HEAD\nmain"])
            XCTAssertEqual(head.status, 2)
            XCTAssertTrue(head.stderr.contains("--head: revision `HEAD\\nmain` contains a control character"), head.stderr)
            let option = try CLI.run([command, "--root", root.path, "--baseline=--output=/tmp/x", "--tier", "1"])
            XCTAssertEqual(option.status, 2)
            XCTAssertTrue(option.stderr.contains("--baseline: revision `--output=/tmp/x` starts with `-`"), option.stderr)
        }
    }

    func testForgedBaselineCountsAreRefused() throws {
        let root = try CLI.folder(["a.md": Data("# A\n\n[x](#nowhere)\n".utf8)])
        let entry = "{\"rule\": \"links/missing-anchor\", \"file\": \"a.md\", \"subject\": \"#nowhere\", \"count\": \(Int.max)}"
        let path = root.appendingPathComponent("baseline.json").path
        try Data("{\"version\": 1, \"entries\": [\(entry), \(entry)]}".utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["lint", "--root", root.path, "--baseline", path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stderr, "docs-audit: \(path): entry 1 (links/missing-anchor in a.md) has count "
            + "\(Int.max); expected 1 to 1000000000\n")
        XCTAssertEqual(result.stdout, "")
    }

    /// A baseline that cannot be read or is not one says why in a user's words, naming the file (exit 2).
    func testAnUnreadableOrMalformedBaselineSaysWhatIsWrong() throws {
        let root = try CLI.folder(["a.md": Data("# A\n".utf8)])
        let cases = [
            ("missing.json", nil, "cannot read the baseline file: no such file or directory"),
            ("text.json", "nope", "not a docs-audit baseline: not valid JSON"),
            ("count.json", "{\"version\": 1, \"entries\": [{\"rule\": \"x\", \"file\": \"a.md\", \"subject\": \"s\"}]}",
             "not a docs-audit baseline: no `count` field at `entries[0]`"),
            ("version.json", "{\"version\": \"1\", \"entries\": []}",
             "not a docs-audit baseline: expected a number at `version`"),
        ]
        // A baseline past 64 MB is refused before it is read (a sparse file: nothing is written to disk).
        let huge = root.appendingPathComponent("huge.json")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 64 << 20 + 1)
        try handle.close()
        // A FIFO is refused at once, not waited on.
        XCTAssertEqual(mkfifo(root.appendingPathComponent("fifo.json").path, 0o600), 0)
        let refused: [(String, String?, String)] = [
            ("huge.json", nil, "cannot read the baseline file: file is 67108865 bytes, over the limit of 67108864"),
            ("fifo.json", nil, "cannot read the baseline file: not a regular file"),
        ]
        for (name, text, problem) in cases + refused {
            let path = root.appendingPathComponent(name).path
            if let text { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
            let result = try CLI.run(["lint", "--root", root.path, "--baseline", path])
            XCTAssertEqual(result.status, 2, name)
            XCTAssertEqual(result.stderr, "docs-audit: \(path): \(problem)\n", name)
        }
    }
}
