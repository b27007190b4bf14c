import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `--staged` reads the index through the same checks and limits as the working tree, and any byte in a
/// file name — staged or on disk — ends in a finding, never a failed run or a silent skip.
final class StagedInputTests: XCTestCase {
    /// A git repository in a temporary folder holding `files`, all committed.
    private func repository(_ files: [String: Data]) throws -> URL {
        let root = try CLI.folder(files)
        try git(root, "init", "-q")
        try git(root, "add", "-A")
        try git(root, "commit", "-qm", "base")
        return root
    }

    private func git(_ root: URL, _ arguments: String...) throws {
        try CLI.git(root, arguments)
    }

    /// Writes `data` at `root/prefix` + `nameBytes`, a name that need not be UTF-8.
    static func writeRaw(_ data: Data, in folder: URL, name nameBytes: [UInt8]) throws {
        let path = Array(folder.path.utf8) + [0x2F] + nameBytes + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, data.count) }
        XCTAssertEqual(written, data.count)
        close(fd)
    }

    func testStagedContentGetsTheEncodingBinaryAndSizeChecks() throws {
        let root = try repository([
            "docs-audit.yml": Data("version: 1\ncorpus:\n  max-file-bytes: 4096\n".utf8),
            "docs/a.md": Data("# A\n\nclean\n".utf8),
            "docs/b.md": Data("# B\n\nclean\n".utf8),
            "docs/c.md": Data("# C\n\nclean\n".utf8),
        ])
        try Data("# A\n\nx\u{0}y\n".utf8).write(to: root.appendingPathComponent("docs/a.md"))
        try Data([0x23, 0x20, 0x42, 0x0A, 0x0A, 0xFF, 0x0A]).write(to: root.appendingPathComponent("docs/b.md"))
        try Data(("# C\n\n" + String(repeating: "prose line\n", count: 1_000)).utf8)
            .write(to: root.appendingPathComponent("docs/c.md"))
        try git(root, "add", "docs")
        for name in ["a", "b", "c"] {
            try Data("# \(name.uppercased())\n\nclean\n".utf8).write(to: root.appendingPathComponent("docs/\(name).md"))
        }
        let working = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(working.status, 0, working.stdout)
        let staged = try CLI.run(["lint", "--root", root.path, "--staged"])
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(staged.stdout, """
        docs/a.md:3:2: error: binary file: NUL byte at line 3, column 2 [input/binary]
        docs/b.md:3:1: error: not valid UTF-8: bad byte at line 3, column 1 [input/not-utf8]
        docs/c.md:1:1: error: cannot read: file is 11005 bytes, over the limit of 4096 (corpus.max-file-bytes) [input/too-large]

        """)
    }

    func testStagedFilesInExcludedFoldersAreNotRead() throws {
        let root = try repository(["docs/a.md": Data("# A\n\nclean\n".utf8)])
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs/reference"),
                                                withIntermediateDirectories: true)
        try Data("# R\n\nstaged PR #9\n".utf8).write(to: root.appendingPathComponent("docs/reference/r.md"))
        try Data("# A\n\nstaged PR #8\n".utf8).write(to: root.appendingPathComponent("docs/a.md"))
        try git(root, "add", "docs")
        try FileManager.default.removeItem(at: root.appendingPathComponent("docs/reference"))
        try Data("# A\n\nclean\n".utf8).write(to: root.appendingPathComponent("docs/a.md"))
        let staged = try CLI.run(["lint", "--root", root.path, "--staged"])
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(staged.stdout,
                       "docs/a.md:3:8: warning: ephemeral pr-ref `PR #8` outside a provenance section [tags/ephemeral]\n")
    }

    func testStagedNameThatIsNotUTF8IsAFinding() throws {
        let root = try repository(["docs/a.md": Data("# A\n\nclean\n".utf8)])
        try Self.writeRaw(Data("# X\n\nPR #7\n".utf8), in: root.appendingPathComponent("docs"),
                          name: Array("bad-".utf8) + [0xFF, 0xC3] + Array(".md".utf8))
        try git(root, "add", "docs")
        let staged = try CLI.run(["lint", "--root", root.path, "--staged", "--no-cache"])
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(staged.stdout, """
        docs/bad-\\xFF\\xC3.md:1:1: error: file name is not valid UTF-8 (shown with \\xNN escapes); not read [input/not-utf8]

        """)
        XCTAssertEqual(staged.stderr, "docs-audit: 1 error in 1 file\n")
    }

    func testWorkingTreeNameThatIsNotUTF8IsAFinding() throws {
        let root = try CLI.folder(["docs/a.md": Data("# A\n\nclean\n".utf8)])
        try Self.writeRaw(Data("# X\n".utf8), in: root.appendingPathComponent("docs"), name: [0xE9] + Array("t\u{E9}.md".utf8))
        try Self.writeRaw(Data("# X\n".utf8), in: root.appendingPathComponent("docs"), name: [0xE9] + Array(".txt".utf8))
        let result = try CLI.run(["lint", "--root", root.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
        docs/\\xE9té.md:1:1: error: file name is not valid UTF-8 (shown with \\xNN escapes); not read [input/not-utf8]

        """)
    }
}
