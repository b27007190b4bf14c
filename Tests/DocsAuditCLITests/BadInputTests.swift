import Foundation
import XCTest

/// Every kind of bad input gets a clear message naming the file, an asserted exit code, and no crash.
final class BadInputTests: XCTestCase {
    private let good = Data("# Title\n\nText.\n".utf8)

    func testMissingRoot() throws {
        let result = try CLI.run(["lint", "--root", "/nonexistent/docs-audit-root"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "docs-audit: /nonexistent/docs-audit-root: no such directory (give the corpus root with --root)\n")
    }

    func testRootThatIsAFile() throws {
        let root = try CLI.folder(["README.md": good])
        let file = root.appendingPathComponent("README.md").path
        let result = try CLI.run(["lint", "--root", file])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "docs-audit: \(file): not a directory (give the corpus root, the folder that holds "
            + "the Markdown, with --root)\n")
    }

    func testRootWithoutMarkdown() throws {
        let root = try CLI.folder(["notes.txt": Data("hi".utf8)])
        let result = try CLI.run(["extract", "--root", root.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no Markdown files found"), result.stderr)
        XCTAssertTrue(result.stderr.contains(root.path))
    }

    func testEmptyFileIsFine() throws {
        let root = try CLI.folder(["empty.md": Data()])
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let extract = try CLI.run(["extract", "--root", root.path, "--format", "text"])
        XCTAssertEqual(extract.status, 0)
        XCTAssertTrue(extract.stdout.hasPrefix("documents: 1 (other 1)"), extract.stdout)
    }

    func testNotUTF8() throws {
        var bytes = Data("# Title\n\nabc".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        let root = try CLI.folder(["bad.md": bytes, "good.md": good])
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "bad.md:3:4: error: not valid UTF-8: bad byte at line 3, column 4 [input/not-utf8]\n")
        XCTAssertEqual(result.stderr, "docs-audit: 1 error in 1 file\n")
        let extract = try CLI.run(["extract", "--root", root.path])
        XCTAssertEqual(extract.status, 1)
        XCTAssertTrue(extract.stdout.contains("\"code\" : \"input/not-utf8\""), "the model still prints, with the problem")
        XCTAssertTrue(extract.stdout.contains("\"path\" : \"good.md\""))
    }

    func testBinaryFileWithMarkdownName() throws {
        let root = try CLI.folder(["image.md": Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])])
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("image.md:3:1: error: binary file: NUL byte"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("[input/binary]\n"))
    }

    func testTwentyMegabyteFile() throws {
        let paragraph = "A paragraph with a [link](other.md#anchor) and `code`, repeated to make a large file.\n\n"
        let count = 20_000_000 / paragraph.utf8.count + 1
        let root = try CLI.folder(["big.md": Data(("# Big\n\n" + String(repeating: paragraph, count: count)).utf8)])
        let started = Date()
        let result = try CLI.run(["extract", "--root", root.path, "--format", "text"], timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("links: \(count) (\(count) with a fragment)"), result.stdout)
        XCTAssertLessThan(Date().timeIntervalSince(started), 120)
    }

    func testOversizedFileIsReportedNotRead() throws {
        let root = try CLI.folder(["big.md": Data(repeating: 0x61, count: 2048), "docs-audit.yml": Data("corpus:\n  max-file-bytes: 1024\n".utf8)])
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "big.md:1:1: error: cannot read: file is 2048 bytes, over the limit of 1024 (corpus.max-file-bytes) [input/too-large]\n")
    }

    func testUnreadableFile() throws {
        let root = try CLI.folder(["secret.md": good, "ok.md": good])
        let secret = root.appendingPathComponent("secret.md").path
        XCTAssertEqual(chmod(secret, 0), 0)
        // Root reads any file, so as root the tool runs as `nobody` (util-linux setpriv), which then needs
        // to reach the folder and the binary.
        var prefix: [String] = []
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                throw XCTSkip("needs /usr/bin/setpriv (util-linux) when run as root, to read as nobody: cannot make a file unreadable")
            }
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            chmod(root.path, 0o755)
            chmod(root.appendingPathComponent("ok.md").path, 0o644)
        }
        let result = try CLI.run(["lint", "--root", root.path], prefix: prefix)
        if result.stderr.contains("Permission denied") && result.stdout.isEmpty {
            throw XCTSkip("needs the built binary to be runnable by user nobody (every folder above it searchable by others): \(result.stderr)")
        }
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "secret.md:1:1: error: cannot read: permission denied [input/unreadable]\n")
    }

    func testNonRegularFileIsNotOpened() throws {
        let root = try CLI.folder(["ok.md": good])
        XCTAssertEqual(mkfifo(root.appendingPathComponent("pipe.md").path, 0o644), 0)
        let result = try CLI.run(["lint", "--root", root.path], timeout: 20)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "pipe.md:1:1: error: not a regular file [input/unreadable]\n")
    }

    func testBrokenSymlinkLoopAndEscape() throws {
        let root = try CLI.folder(["ok.md": good])
        let outside = try CLI.folder(["outside.md": good])
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("broken.md").path, withDestinationPath: "missing.md")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("loop.md").path, withDestinationPath: "loop.md")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("escape.md").path,
                                  withDestinationPath: outside.appendingPathComponent("outside.md").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("inside.md").path, withDestinationPath: "ok.md")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("dirloop").path, withDestinationPath: ".")
        let result = try CLI.run(["lint", "--root", root.path], timeout: 20)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
        broken.md:1:1: error: broken symbolic link [input/broken-link]
        escape.md:1:1: error: symbolic link leaves the corpus root; not read [input/broken-link]
        loop.md:1:1: error: symbolic link loop [input/broken-link]

        """)
    }

    func testInvalidConfigs() throws {
        let cases: [(String, String)] = [
            ("graph: [unclosed\n", "docs-audit.yml:2:1: invalid YAML"),
            ("version: 1\nplans:\n  task-headng: x\n", "docs-audit.yml:3:3: plans.task-headng: unknown key"),
            ("ids:\n  plan: '(unclosed'\n", "docs-audit.yml:2:9: ids.plan: not a valid regular expression: (unclosed"),
        ]
        for (yaml, expected) in cases {
            let root = try CLI.folder(["a.md": good, "docs-audit.yml": Data(yaml.utf8)])
            let result = try CLI.run(["lint", "--root", root.path])
            XCTAssertEqual(result.status, 2, yaml)
            XCTAssertTrue(result.stderr.contains(expected), "\(result.stderr) should contain \(expected)")
            XCTAssertTrue(result.stderr.hasPrefix("docs-audit: config error: \(root.path)/"), result.stderr)
        }
        let missing = try CLI.run(["lint", "--root", CLI.projectRoot.appendingPathComponent("Examples/corpus").path,
                                   "--config", "/nonexistent/profile.yml"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/profile.yml:1:1: cannot read the config file"), missing.stderr)
    }
}
