import Foundation
import XCTest

/// The drift memo (`drift-memo` in the cache folder) through the built binary: a warm run on an unchanged
/// repository asks git nothing and reports what a `--no-cache` run reports; a new commit, an amend, a staged
/// edit and working-tree edits each give the findings of a `--no-cache` run; a damaged memo is a miss; and
/// `--no-cache` writes none. Git runs through a logging wrapper put first on PATH, so each run's git processes
/// are counted.
final class CiteDriftMemoTests: XCTestCase {
    /// Ten numbered lines after a title: `line N` is on line N + 2.
    private let target = "# Target\n\n" + (1...10).map { "line \($0)\n" }.joined()

    /// The repository, the cache folder, the wrapper's log and the environment of every run.
    private struct Setup {
        var root: URL
        var cache: String
        var log: URL
        var environment: [String: String]
    }

    override func setUpWithError() throws {
        // The variables `GitState` refuses to key on (they move git's files), as inside a commit hook.
        let refused: Set<String> = [
            "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
            "GIT_NAMESPACE", "GIT_GRAFT_FILE", "GIT_REPLACE_REF_BASE", "GIT_NO_REPLACE_OBJECTS", "GIT_SHALLOW_FILE",
            "GIT_EXEC_PATH", "GIT_QUARANTINE_PATH", "GIT_DEFAULT_HASH", "GIT_REF_STORAGE",
        ]
        let moving = ProcessInfo.processInfo.environment.keys.filter {
            refused.contains($0) || $0.hasPrefix("GIT_CONFIG") || $0.hasPrefix("GIT_ATTR")
        }
        try XCTSkipIf(!moving.isEmpty, "git's files are moved by \(moving.sorted()): the memo is (rightly) not used")
    }

    private func write(_ root: URL, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    /// A repository where docs/cite.md cites lines of docs/target.md and docs/more.md cites another, committed;
    /// then two lines inserted at the top of the target, committed. A wrapper named `git` logs each call.
    private func makeSetup() throws -> Setup {
        let cite = "# Cite\n\nSee [t](target.md):3-5 and [t](target.md):9.\n"
        let root = try CLI.folder(["docs/target.md": Data(target.utf8), "docs/cite.md": Data(cite.utf8),
                                   "docs/more.md": Data("# More\n\nAlso [t](target.md):6-7.\n".utf8)])
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-q", "-m", "start"])
        try write(root, "docs/target.md", "# Target\n\nnew a\nnew b\n" + target.dropFirst("# Target\n\n".count))
        try CLI.git(root, ["commit", "-q", "-am", "insert"])
        let tools = try CLI.folder([:])
        let log = tools.appendingPathComponent("git.log")
        let real = try XCTUnwrap(Self.realGit(), "git is not on PATH")
        let wrapper = tools.appendingPathComponent("bin/git")
        try FileManager.default.createDirectory(at: wrapper.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho \"$*\" >> '\(log.path)'\nexec '\(real)' \"$@\"\n".utf8).write(to: wrapper)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let path = wrapper.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        // A home without git settings, so the user's own config cannot turn the memo off.
        let home = tools.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let cache = tools.appendingPathComponent("cache").path
        return Setup(root: root, cache: cache, log: log,
                     environment: ["PATH": path, "HOME": home, "XDG_CONFIG_HOME": "", "DOCS_AUDIT_CACHE_DIR": cache])
    }

    private static func realGit() -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = String(folder) + "/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `lint ARGUMENTS` with the setup's environment; the result and the git commands it ran.
    private func lint(_ setup: Setup, _ arguments: [String] = []) throws -> (result: CLIResult, git: [String]) {
        try? FileManager.default.removeItem(at: setup.log)
        // These runs exercise the drift memo: the run memo (which replays a whole unchanged run without running
        // the drift check at all; `RunMemoTests`) is removed first.
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: setup.cache)) ?? []
        for folder in folders where folder.hasPrefix("analyses-") {
            try? FileManager.default.removeItem(atPath: setup.cache + "/" + folder + "/run-memo")
        }
        let result = try CLI.run(["lint", "--root", setup.root.path] + arguments, environment: setup.environment)
        let log = (try? String(contentsOf: setup.log, encoding: .utf8)) ?? ""
        return (result, log.split(separator: "\n").map(String.init))
    }

    /// Asserts a cached run reports exactly what a `--no-cache` run does; returns the cached run's git commands.
    @discardableResult
    private func assertSameAsUncached(_ setup: Setup, _ arguments: [String] = [], _ message: String,
                                      file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let cached = try lint(setup, arguments)
        let fresh = try lint(setup, arguments + ["--no-cache"])
        XCTAssertEqual(cached.result.status, fresh.result.status, message, file: file, line: line)
        XCTAssertEqual(cached.result.stdout, fresh.result.stdout, message, file: file, line: line)
        XCTAssertEqual(cached.result.stderr, fresh.result.stderr, message, file: file, line: line)
        return cached.git
    }

    /// The memo file of the setup's cache (one corpus root, one per-root folder).
    private func memoPath(_ setup: Setup) throws -> String {
        let folders = try FileManager.default.contentsOfDirectory(atPath: setup.cache)
            .filter { $0.hasPrefix("analyses-") }
        XCTAssertEqual(folders.count, 1)
        return setup.cache + "/" + (folders.first ?? "") + "/drift-memo"
    }

    func testAWarmRunOnAnUnchangedRepositoryRunsNoGitAndReportsTheSame() throws {
        let setup = try makeSetup()
        let first = try lint(setup)
        XCTAssertEqual(first.result.status, 1, first.result.stderr)
        XCTAssertEqual(first.git.filter { $0.contains("blame") }.count, 2, "one blame per citing file: \(first.git)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: try memoPath(setup)))
        let warm = try lint(setup)
        XCTAssertEqual(warm.git, [String](), "a warm run on an unchanged repository asks git nothing")
        XCTAssertEqual(warm.result.stdout, first.result.stdout)
        XCTAssertEqual(warm.result.stdout.components(separatedBy: "[cites/drift]").count - 1, 3, warm.result.stdout)
        XCTAssertEqual(warm.result.stderr, first.result.stderr)
        XCTAssertEqual(try assertSameAsUncached(setup, [], "warm"), [String]())
    }

    func testANewCommitAndAnAmendAreNeverAnsweredFromTheMemo() throws {
        let setup = try makeSetup()
        try assertSameAsUncached(setup, [], "first")
        // A new commit moving the target's lines again: every blame is asked anew.
        try write(setup.root, "docs/target.md", "# Target\n\nnewer\nnew a\nnew b\n"
                  + target.dropFirst("# Target\n\n".count))
        try CLI.git(setup.root, ["commit", "-q", "-am", "another"])
        let afterCommit = try assertSameAsUncached(setup, [], "after a new commit")
        XCTAssertEqual(afterCommit.filter { $0.contains("blame") }.count, 2, "\(afterCommit)")
        XCTAssertTrue(try lint(setup).result.stdout.contains("now at 6-8"))
        // Amending the citing file's commit (the cite re-written against the target as it is) changes HEAD.
        try write(setup.root, "docs/more.md", "# More\n\nAlso [t](target.md):9-10.\n")
        try CLI.git(setup.root, ["commit", "-q", "-a", "--amend", "-m", "another, amended"])
        let amended = try assertSameAsUncached(setup, [], "after an amend")
        XCTAssertEqual(amended.filter { $0.contains("blame") }.count, 2, "\(amended)")
        XCTAssertFalse(try lint(setup).result.stdout.contains("docs/more.md"))
        XCTAssertEqual(try lint(setup).git, [String](), "the amended state is remembered in its turn")
    }

    func testHeadMovedWithTheIndexUnchangedIsNotAnsweredFromTheMemo() throws {
        let setup = try makeSetup()
        // The cite's line is reworded in a commit of its own, then the target moves on in the next one.
        try write(setup.root, "docs/more.md", "# More\n\nAlso see [t](target.md):6-7.\n")
        try CLI.git(setup.root, ["commit", "-q", "-am", "reword"])
        try write(setup.root, "docs/target.md", "# Target\n\nnewer\nnew a\nnew b\n"
                  + target.dropFirst("# Target\n\n".count))
        try CLI.git(setup.root, ["commit", "-q", "-am", "move"])
        let before = try lint(setup)
        XCTAssertTrue(before.result.stdout.contains("docs/more.md:3:"), before.result.stdout)
        // `reset --soft` moves HEAD back past the reword and leaves the index file as it is: the reworded line
        // is now not committed, written against the target as it stands.
        try CLI.git(setup.root, ["reset", "-q", "--soft", "HEAD~2"])
        let after = try assertSameAsUncached(setup, [], "HEAD moved, index unchanged")
        XCTAssertEqual(after.filter { $0.contains("blame") }.count, 2, "\(after)")
        XCTAssertFalse(try lint(setup).result.stdout.contains("docs/more.md"))
    }

    func testALinkedWorkTreeUsesTheMemoToo() throws {
        var setup = try makeSetup()
        let linked = FileManager.default.temporaryDirectory
            .appendingPathComponent("docs-audit-linked-\(UUID().uuidString)")
        try CLI.git(setup.root, ["worktree", "add", "-q", linked.path])
        setup.root = linked
        let first = try assertSameAsUncached(setup, [], "a linked work tree")
        XCTAssertEqual(first.filter { $0.contains("blame") }.count, 2, "\(first)")
        // Whether it is shallow is asked of git for a `.git` file; nothing else is.
        let warm = try lint(setup)
        XCTAssertEqual(warm.git.map { $0.components(separatedBy: " ").dropFirst(2).joined(separator: " ") },
                       ["rev-parse --is-inside-work-tree --is-shallow-repository"], "\(warm.git)")
        try write(linked, "docs/target.md",
                  "# Target\n\nnewer\nnew a\nnew b\n" + target.dropFirst("# Target\n\n".count))
        try CLI.git(linked, ["commit", "-q", "-am", "in the linked work tree"])
        let committed = try assertSameAsUncached(setup, [], "after a commit in the linked work tree")
        XCTAssertEqual(committed.filter { $0.contains("blame") }.count, 2, "\(committed)")
    }

    func testTheIndexDecidesForAPathOnlyStaged() throws {
        let setup = try makeSetup()
        // A staged rename: the new path is in the index only, and blame follows it to the old one's history.
        try CLI.git(setup.root, ["mv", "docs/more.md", "docs/moved.md"])
        let staged = try assertSameAsUncached(setup, [], "a staged rename")
        XCTAssertTrue(try lint(setup).result.stdout.contains("docs/moved.md:3:"))
        XCTAssertEqual(staged.filter { $0.contains("blame") }.count, 2, "\(staged)")
        // Unstaged again, with the same text, HEAD and lines, git has no history for it: only the index changed.
        try CLI.git(setup.root, ["reset", "-q", "--", "docs/moved.md"])
        try assertSameAsUncached(setup, [], "the rename unstaged")
        let unstaged = try lint(setup)
        XCTAssertFalse(unstaged.result.stdout.contains("docs/moved.md"), unstaged.result.stdout)
        XCTAssertTrue(unstaged.result.stderr.contains("skipped 1 citing file that git has no history for"))
    }

    func testStagedAndWorkingTreeEditsGiveTheFindingsOfAFreshRun() throws {
        let setup = try makeSetup()
        try assertSameAsUncached(setup, [], "first")
        // A working-tree edit of a citing file: a line above the cite (its line number changes), not committed.
        try write(setup.root, "docs/cite.md", "# Cite\n\nIntro.\n\nSee [t](target.md):3-5 and [t](target.md):9.\n")
        let edited = try assertSameAsUncached(setup, [], "a citing file edited")
        XCTAssertEqual(edited.filter { $0.contains("blame") }, edited.filter { $0.contains("docs/cite.md") },
                       "only the edited file is blamed again: \(edited)")
        XCTAssertEqual(edited.filter { $0.contains("blame") }.count, 1, "\(edited)")
        // A working-tree edit of the target: the blames stand, the maps onto its new text are asked for.
        try write(setup.root, "docs/target.md",
                  "# Target\n\nnew a\nnew b\nnew c\n" + target.dropFirst("# Target\n\n".count))
        let target = try assertSameAsUncached(setup, [], "the target edited")
        XCTAssertEqual(target.filter { $0.contains("blame") }, [String](), "\(target)")
        XCTAssertEqual(target.filter { $0.hasPrefix("-C") && $0.contains("cat-file") }.count, 1, "\(target)")
        XCTAssertTrue(try lint(setup).result.stdout.contains("now at 6-8"))
        // Staging changes the index: what is staged is blamed as staged, with --staged and without.
        try CLI.git(setup.root, ["add", "docs/cite.md"])
        try assertSameAsUncached(setup, [], "after git add")
        try assertSameAsUncached(setup, ["--staged"], "--staged after git add")
        try write(setup.root, "docs/cite.md", "# Cite\n\nSee [t](target.md):3-5 and [t](target.md):9.\n")
        try assertSameAsUncached(setup, ["--staged"], "--staged with the working tree moved on")
        try assertSameAsUncached(setup, [], "the working tree moved on")
        XCTAssertEqual(try lint(setup).git, [String]())
    }

    func testADamagedOrCutShortMemoIsAMissNeverAnError() throws {
        let setup = try makeSetup()
        let expected = try lint(setup).result
        let memo = try memoPath(setup)
        let good = try Data(contentsOf: URL(fileURLWithPath: memo))
        XCTAssertGreaterThan(good.count, 64)
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        let damaged: [(String, Data)] = [("cut short", good.prefix(good.count / 2)), ("empty", Data()),
                                         ("one byte changed", flipped), ("not a memo", Data("hello\n".utf8)),
                                         ("trailer cut", good.dropLast(1))]
        for (name, bytes) in damaged {
            try bytes.write(to: URL(fileURLWithPath: memo))
            let run = try lint(setup)
            XCTAssertEqual([run.result.stdout, run.result.stderr], [expected.stdout, expected.stderr], name)
            XCTAssertEqual(run.result.status, expected.status, name)
            XCTAssertEqual(run.git.filter { $0.contains("blame") }.count, 2, "\(name): asked again: \(run.git)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: memo)), good, "\(name): written anew")
        }
    }

    func testAMemoThatIsALinkIsNeitherReadNorWrittenThrough() throws {
        let setup = try makeSetup()
        let expected = try lint(setup).result
        let memo = try memoPath(setup)
        let good = try Data(contentsOf: URL(fileURLWithPath: memo))
        // A valid memo elsewhere, linked into place: not read (the run asks git), and the link is replaced, not
        // written through.
        let elsewhere = try CLI.folder(["memo": good]).appendingPathComponent("memo")
        try FileManager.default.removeItem(atPath: memo)
        try FileManager.default.createSymbolicLink(atPath: memo, withDestinationPath: elsewhere.path)
        let linked = try lint(setup)
        XCTAssertEqual([linked.result.stdout, linked.result.stderr], [expected.stdout, expected.stderr])
        XCTAssertEqual(linked.git.filter { $0.contains("blame") }.count, 2, "\(linked.git)")
        XCTAssertEqual(try Data(contentsOf: elsewhere), good)
        let attributes = try FileManager.default.attributesOfItem(atPath: memo)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeRegular)
        // A folder in its place: never read, never written over; the run reports the same.
        try FileManager.default.removeItem(atPath: memo)
        try FileManager.default.createDirectory(atPath: memo + "/inside", withIntermediateDirectories: true)
        let folder = try lint(setup)
        XCTAssertEqual([folder.result.stdout, folder.result.stderr], [expected.stdout, expected.stderr])
        XCTAssertTrue(FileManager.default.fileExists(atPath: memo + "/inside"))
    }

    func testNoCacheNeitherReadsNorWritesTheMemo() throws {
        let setup = try makeSetup()
        let fresh = try lint(setup, ["--no-cache"])
        XCTAssertEqual(fresh.result.status, 1)
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: setup.cache)) ?? []
        for folder in folders {
            XCTAssertFalse(FileManager.default.fileExists(atPath: setup.cache + "/" + folder + "/drift-memo"), folder)
        }
        _ = try lint(setup)
        let again = try lint(setup, ["--no-cache"])
        XCTAssertEqual(again.git.filter { $0.contains("blame") }.count, 2, "\(again.git)")
    }
}
