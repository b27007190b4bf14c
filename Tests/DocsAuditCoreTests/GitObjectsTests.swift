@testable import DocsAuditCore
import Foundation
import XCTest

/// `git cat-file --batch` requests are one line each: a name that would split a request, or a revision that
/// would, must not shift the answers of the other paths.
final class GitObjectsTests: XCTestCase {
    private func repository(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("git-objects-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for arguments in [["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]] {
            try Fixture.git(root, arguments)
        }
        return root
    }

    func testNamesThatWouldSplitARequestDoNotShiftTheAnswers() throws {
        let root = try repository(["a b.md": "spaced\n", "x\ny.md": "newline\n", "c.md": "last\n", "sub/d.md": "tree sibling\n"])
        let git = GitObjects(root: root.path)
        let result = try git.contents(at: "HEAD", paths: ["a b.md", "x\ny.md", "c.md", "missing.md", "sub", "sub/d.md"])
        XCTAssertEqual(result["a b.md"], .some("spaced\n"))
        XCTAssertEqual(result["x\ny.md"], .some(nil), "a name with a newline cannot be asked for in one request line")
        XCTAssertEqual(result["c.md"], .some("last\n"))
        XCTAssertEqual(result["missing.md"], .some(nil))
        XCTAssertEqual(result["sub"], .some(nil), "a tree is not a file version")
        XCTAssertEqual(result["sub/d.md"], .some("tree sibling\n"))
    }

    func testRevisionsThatWouldBreakTheProtocolAreRefused() throws {
        let root = try repository(["c.md": "last\n"])
        let git = GitObjects(root: root.path)
        for ref in ["HEAD\nHEAD", "", "--output=/tmp/x", "HEAD\u{0}"] {
            XCTAssertThrowsError(try git.contents(at: ref, paths: ["c.md"]), ref.debugDescription)
        }
        XCTAssertNil(GitObjects.revisionProblem("main~2^{commit}"))
        XCTAssertEqual(GitObjects.revisionProblem("a\nb"), "revision `a\\nb` contains a control character")
    }

    /// The one parser of `cat-file --batch` answers (gates, `fix`, cite drift, removed IDs): missing names,
    /// trees, a name with spaces, and output cut short or claiming more bytes than it has.
    func testBatchAnswersAreReadInOrderAndNeverPastTheEnd() {
        let oid = String(repeating: "a", count: 40)
        let names = ["HEAD:./a.md", "HEAD:./my file.md", "HEAD:./docs", "HEAD:./b.md"]
        let output = Array("""
        \(oid) blob 5
        hello
        HEAD:./my file.md missing
        \(oid) tree 3
        xyz
        \(oid) blob 0


        """.utf8)
        let answers = GitObjects.batchAnswers(output, names: names)
        XCTAssertEqual(answers, [Array("hello".utf8), nil, nil, []])
        // Cut inside an answer, or a size past the end: the answers stop there, nothing is read out of bounds.
        for end in 0..<output.count {
            let cut = GitObjects.batchAnswers(Array(output[..<end]), names: names)
            XCTAssertLessThanOrEqual(cut.count, names.count)
            XCTAssertEqual(Array(answers.prefix(cut.count)), cut, "cut at \(end)")
        }
        XCTAssertEqual(GitObjects.batchAnswers(Array("\(oid) blob 99999999999999999999\nx\n".utf8), names: names), [])
        XCTAssertEqual(GitObjects.batchAnswers(Array("garbage\n".utf8), names: names), [])
    }

    /// `git diff -z`: a path with a space or a non-ASCII letter comes whole (git would quote it otherwise).
    func testGitChangesAreReadWhole() {
        let output = Data("R087\0old name.md\0new/é.md\0D\0gone.md\0M\0kept.md\0C100\0a.md\0copy.md\0".utf8)
        let changes = GitObjects.changes(output)
        XCTAssertEqual(changes.renames, ["old name.md": "new/é.md"])
        XCTAssertEqual(changes.deleted, ["gone.md"])
        XCTAssertEqual(GitObjects.changes(Data("R100\0cut.md".utf8)).renames, [:], "a rename cut short is none")
    }
}
