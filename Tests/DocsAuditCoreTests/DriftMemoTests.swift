import Foundation
import XCTest
@testable import DocsAuditCore

/// The drift memo's file (`DriftMemo`: what is read back is what was written; anything else is empty) and the
/// repository state its blames are keyed by (`GitState`: read from `.git` without git; none where it cannot be
/// known safely).
final class DriftMemoTests: XCTestCase {
    private let scope = DriftMemo.scope(tool: "test tool")
    private let commit = String(repeating: "ab", count: 20)

    private func key(_ text: String) -> [UInt8] { sha256(Array(text.utf8)) }

    private func sampleMemo() -> DriftMemo {
        var memo = DriftMemo()
        memo.remember(blame: [3: .some(commit), 9: String?.none], for: key("cite"))
        memo.remember(blame: [:], for: key("empty"))
        let map = LineMap(old: ["# T", "", "a", "b"], new: ["# T", "", "new", "a", "b"])
        memo.remember(map: map, for: key("moved"))
        memo.remember(map: nil, for: key("same"))
        return memo
    }

    func testWhatIsWrittenIsReadBack() throws {
        let bytes = sampleMemo().serialize(scope: scope)
        var read = try XCTUnwrap(DriftMemo.parse(bytes, scope: scope))
        XCTAssertEqual(read.blame(key("cite")), [3: .some(commit), 9: String?.none])
        XCTAssertEqual(read.blame(key("empty")), [:])
        XCTAssertNil(read.blame(key("other")))
        let moved = try XCTUnwrap(read.map(key("moved")))
        XCTAssertEqual(moved, LineMap(old: ["# T", "", "a", "b"], new: ["# T", "", "new", "a", "b"]))
        XCTAssertEqual(moved?.outcome(of: 3...4), .moved(start: 4, end: 5))
        XCTAssertEqual(read.map(key("same")).map { $0 == nil }, true, "remembered: nothing to map")
        XCTAssertTrue(read.map(key("other")) == nil)
        XCTAssertFalse(read.changed, "reading and using a memo is no reason to write it")
        XCTAssertEqual(read.serialize(scope: scope).count, bytes.count)
    }

    func testAnotherScopeOrAnyDamageIsEmpty() {
        let bytes = sampleMemo().serialize(scope: scope)
        XCTAssertNil(DriftMemo.parse(bytes, scope: DriftMemo.scope(tool: "another build")))
        for length in 0..<bytes.count {
            XCTAssertNil(DriftMemo.parse(Array(bytes.prefix(length)), scope: scope), "cut at \(length)")
        }
        for index in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[index] ^= 0x01
            XCTAssertNil(DriftMemo.parse(damaged, scope: scope), "byte \(index) changed")
        }
        XCTAssertNil(DriftMemo.parse(bytes + [0], scope: scope))
    }

    func testWellSealedNonsenseIsEmptyNotACrash() {
        // Bodies that pass the checksum but claim counts, lines or commits that do not fit.
        let magic = Array("docs-audit drift memo\n".utf8)
        let bodies: [[UInt8]] = [
            magic + scope + [0xFF, 0xFF, 0xFF, 0xFF],
            magic + scope + [1, 0, 0, 0] + key("k") + [0xFF, 0xFF, 0xFF, 0x7F],
            magic + scope + [1, 0, 0, 0] + key("k") + [1, 0, 0, 0] + [0, 0, 0, 0, 0] + [0, 0, 0, 0],
            magic + scope + [1, 0, 0, 0] + key("k") + [1, 0, 0, 0] + [3, 0, 0, 0, 40]
                + Array(repeating: 0x7A, count: 40) + [0, 0, 0, 0],
            magic + scope + [0, 0, 0, 0] + [1, 0, 0, 0] + key("k") + [2],
            magic + scope + [0, 0, 0, 0] + [1, 0, 0, 0] + key("k") + [1, 0xFF, 0xFF, 0xFF, 0xFF],
            magic + scope + [0, 0, 0, 0] + [1, 0, 0, 0] + key("k") + [1, 1, 0, 0, 0, 0, 0, 0, 0, 7],
        ]
        for (index, body) in bodies.enumerated() {
            XCTAssertNil(DriftMemo.parse(body + sha256(body), scope: scope), "body \(index)")
        }
    }

    func testOnlyTheEntriesUsedComeFirstAndTheRestAreBounded() throws {
        var memo = DriftMemo()
        for index in 0..<(DriftMemo.maximumEntries + 10) { memo.remember(blame: [:], for: key("k\(index)")) }
        var read = try XCTUnwrap(DriftMemo.parse(memo.serialize(scope: scope), scope: scope))
        XCTAssertEqual(read.blames.count, DriftMemo.maximumEntries)
        XCTAssertNotNil(read.blame(key("k0")))
        XCTAssertNil(read.blame(key("k\(DriftMemo.maximumEntries)")))
    }

    // MARK: - GitState

    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("docs-audit-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/.git/refs/heads", withIntermediateDirectories: true)
        return path
    }

    private func put(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin",
                               "HOME": "/nonexistent"]

    func testHeadIsReadDetachedLooseOrPacked() throws {
        let root = try folder()
        let other = String(repeating: "cd", count: 20)
        try put(root + "/.git/HEAD", commit + "\n")
        XCTAssertEqual(GitState.headCommit(gitDir: root + "/.git", packedRefs: []), commit)
        try put(root + "/.git/HEAD", "ref: refs/heads/main\n")
        XCTAssertNil(GitState.headCommit(gitDir: root + "/.git", packedRefs: []), "an unborn branch")
        let packed = Array("# pack-refs with: peeled\n\(other) refs/heads/main\n".utf8)
        XCTAssertEqual(GitState.headCommit(gitDir: root + "/.git", packedRefs: packed), other)
        try put(root + "/.git/refs/heads/main", commit + "\n")
        XCTAssertEqual(GitState.headCommit(gitDir: root + "/.git", packedRefs: packed), commit, "loose before packed")
        try put(root + "/.git/refs/heads/main", "ref: refs/heads/other\n")
        XCTAssertNil(GitState.headCommit(gitDir: root + "/.git", packedRefs: packed), "a chain of symbolic refs")
        try put(root + "/.git/HEAD", "ref: refs/heads/../../../etc/passwd\n")
        XCTAssertNil(GitState.headCommit(gitDir: root + "/.git", packedRefs: []))
    }

    func testTheKeyFollowsHeadTheIndexAndTheSettings() throws {
        let root = try folder()
        try put(root + "/.git/HEAD", "ref: refs/heads/main\n")
        try put(root + "/.git/refs/heads/main", commit + "\n")
        try put(root + "/.git/config", "[core]\n\tbare = false\n")
        let first = try XCTUnwrap(GitState.read(repositoryRoot: root, environment: environment))
        XCTAssertEqual(GitState.read(repositoryRoot: root, environment: environment)?.key, first.key)
        try put(root + "/.git/refs/heads/main", String(repeating: "cd", count: 20) + "\n")
        let moved = try XCTUnwrap(GitState.read(repositoryRoot: root, environment: environment))
        XCTAssertNotEqual(moved.key, first.key, "a new commit")
        try put(root + "/.git/index", "DIRC staged")
        let staged = try XCTUnwrap(GitState.read(repositoryRoot: root, environment: environment))
        XCTAssertNotEqual(staged.key, moved.key, "the index changed")
        try put(root + "/.git/config", "[core]\n\tbare = false\n[diff]\n\talgorithm = patience\n")
        XCTAssertNotEqual(GitState.read(repositoryRoot: root, environment: environment)?.key, staged.key, "config")
        var traced = environment
        traced["GIT_TRACE"] = "0"
        XCTAssertNotEqual(GitState.read(repositoryRoot: root, environment: traced)?.key, staged.key, "a variable")
        try put(root + "/docs/.gitattributes", "*.md text\n")
        let state = try XCTUnwrap(GitState.read(repositoryRoot: root, environment: environment))
        let withAttributes = state.blameKey(absolutePath: root + "/docs/a.md", relativePath: "docs/a.md",
                                            content: [1], lines: [3])
        XCTAssertNotEqual(withAttributes, state.blameKey(absolutePath: root + "/b.md", relativePath: "docs/a.md",
                                                         content: [1], lines: [3]), "attribute files on the path")
        XCTAssertNotEqual(withAttributes, state.blameKey(absolutePath: root + "/docs/a.md", relativePath: "docs/a.md",
                                                         content: [2], lines: [3]), "the text")
        XCTAssertNotEqual(withAttributes, state.blameKey(absolutePath: root + "/docs/a.md", relativePath: "docs/a.md",
                                                         content: [1], lines: [4]), "the lines")
    }

    func testNoStateWhereHistoryOrSettingsEscapeTheKey() throws {
        let root = try folder()
        try put(root + "/.git/HEAD", commit + "\n")
        XCTAssertNotNil(GitState.read(repositoryRoot: root, environment: environment))
        var moved = environment
        moved["GIT_INDEX_FILE"] = "/tmp/other-index"
        XCTAssertNil(GitState.read(repositoryRoot: root, environment: moved), "a variable moving git's files")
        for (path, text) in [("/.git/MERGE_HEAD", commit + "\n"), ("/.git/info/grafts", commit + "\n"),
                             ("/.git/refs/replace/" + commit, commit + "\n"),
                             ("/.git/packed-refs", "\(commit) refs/replace/\(commit)\n"),
                             ("/.git/config", "[include]\n\tpath = more.conf\n"),
                             ("/.git/config", "[blame]\n\tignoreRevsFile = .git-blame-ignore-revs\n")] {
            let other = try folder()
            try put(other + "/.git/HEAD", commit + "\n")
            try put(other + path, text)
            XCTAssertNil(GitState.read(repositoryRoot: other, environment: environment), path + ": " + text)
        }
        let linked = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-linked-\(UUID())").path
        try put(linked + "/.git", "gitdir: /nonexistent-docs-audit\n")
        XCTAssertNil(GitState.read(repositoryRoot: linked, environment: environment), "a .git file naming nothing")
    }

    func testALinkedWorkTreeIsReadThroughItsGitFileAndCommonFolder() throws {
        let main = try folder()
        let other = String(repeating: "cd", count: 20)
        try put(main + "/.git/HEAD", "ref: refs/heads/main\n")
        try put(main + "/.git/refs/heads/feature", commit + "\n")
        try put(main + "/.git/worktrees/wt/HEAD", "ref: refs/heads/feature\n")
        try put(main + "/.git/worktrees/wt/commondir", "../..\n")
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-wt-\(UUID())").path
        try put(tree + "/.git", "gitdir: \(main)/.git/worktrees/wt\n")
        let folders = try XCTUnwrap(GitState.directories(repositoryRoot: tree))
        XCTAssertEqual(folders.gitDir, FileSystem.realPath(main + "/.git/worktrees/wt"))
        XCTAssertEqual(folders.commonDir, FileSystem.realPath(main + "/.git"))
        XCTAssertEqual(GitState.headCommit(gitDir: folders.gitDir, commonDir: folders.commonDir, packedRefs: []),
                       commit, "the branch is in the common folder")
        let first = try XCTUnwrap(GitState.read(repositoryRoot: tree, environment: environment))
        try put(main + "/.git/refs/heads/feature", other + "\n")
        XCTAssertNotEqual(GitState.read(repositoryRoot: tree, environment: environment)?.key, first.key, "a commit")
        try put(main + "/.git/worktrees/wt/index", "DIRC")
        let staged = try XCTUnwrap(GitState.read(repositoryRoot: tree, environment: environment))
        try put(main + "/.git/index", "DIRC main")
        XCTAssertEqual(GitState.read(repositoryRoot: tree, environment: environment)?.key, staged.key,
                       "the main work tree's index is not this one's")
        try put(main + "/.git/worktrees/wt/HEAD", "ref: refs/bisect/bad\n")
        XCTAssertNil(GitState.read(repositoryRoot: tree, environment: environment), "a ref of the work tree's own")
        try put(main + "/.git/worktrees/wt/HEAD", "ref: refs/heads/feature\n")
        try put(main + "/.git/worktrees/wt/MERGE_HEAD", commit + "\n")
        XCTAssertNil(GitState.read(repositoryRoot: tree, environment: environment), "a merge in the work tree")
    }
}
