import Foundation
import XCTest

/// `make install` / `make uninstall`, `scripts/release.sh`, and the pre-commit hook run by the real pre-commit.
final class ShippingTests: XCTestCase {
    /// Runs `executable arguments` in `directory`; stdout and stderr together, so a failure shows both.
    @discardableResult
    private static func shell(_ executable: String, _ arguments: [String], in directory: URL,
                              environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private static let installed = [
        "bin/docs-audit", "share/man/man1/docs-audit.1", "share/bash-completion/completions/docs-audit",
        "share/zsh/site-functions/_docs-audit", "share/fish/vendor_completions.d/docs-audit.fish",
    ]

    /// A staged tree of the debug binary (the release one is checked by `make stage` itself), or a skip.
    private func stage() throws -> URL {
        let manpage = CLI.projectRoot
            .appendingPathComponent(".build/plugins/GenerateManual/outputs/docs-audit/docs-audit.1")
        guard FileManager.default.fileExists(atPath: manpage.path) else {
            throw XCTSkip("no man page at \(manpage.path): `make man` (part of `make test`) generates it")
        }
        let stage = try CLI.folder([:]).appendingPathComponent("stage")
        let result = try Self.shell("scripts/stage.sh", [CLI.binary.path, manpage.path, stage.path],
                                    in: CLI.projectRoot)
        XCTAssertEqual(result.status, 0, result.output)
        return stage
    }

    func testMakeInstallAndUninstallWriteOnlyUnderDestdirAndPrefix() throws {
        let stage = try stage()
        let scratch = try CLI.folder([:])
        let destdir = scratch.appendingPathComponent("dest")
        // A symlink where the binary goes must be replaced, never written through.
        let outside = scratch.appendingPathComponent("outside")
        try Data("keep".utf8).write(to: outside)
        let bin = destdir.appendingPathComponent("opt/tool/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("docs-audit"),
                                                   withDestinationURL: outside)

        let install = try Self.shell("make", ["-s", "install", "NO_BUILD=1", "STAGE=\(stage.path)",
                                              "PREFIX=/opt/tool", "DESTDIR=\(destdir.path)"], in: CLI.projectRoot)
        XCTAssertEqual(install.status, 0, install.output)
        let files = try FileManager.default.subpathsOfDirectory(atPath: destdir.path).filter { path in
            var isDirectory: ObjCBool = false
            let full = destdir.appendingPathComponent(path).path
            return FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        XCTAssertEqual(Set(files), Set(Self.installed.map { "opt/tool/" + $0 }),
                       "exactly the five files, under PREFIX")
        XCTAssertEqual(try String(contentsOf: outside, encoding: .utf8), "keep", "nothing written through a symlink")
        let tool = destdir.appendingPathComponent("opt/tool/bin/docs-audit")
        XCTAssertEqual(try Self.shell(tool.path, ["--version"], in: scratch).output, "0.1.0\n")
        let share = destdir.appendingPathComponent("opt/tool/share")
        let man = try String(contentsOf: share.appendingPathComponent("man/man1/docs-audit.1"), encoding: .utf8)
        XCTAssertTrue(man.contains(".Dt DOCS-AUDIT 1") && man.contains(".Sh NAME"), String(man.prefix(200)))
        // It reads without a warning (mdoc warned on every blank line) and keeps its examples as written.
        XCTAssertFalse(man.contains("\n\n"), "a blank line in the man page")
        XCTAssertTrue(man.contains(".Bd -literal\ndocs-audit extract --root docs"), "examples as literal blocks")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") {
            let lint = try Self.shell("/usr/bin/groff", ["-mdoc", "-ww", "-z",
                                                         share.appendingPathComponent("man/man1/docs-audit.1").path],
                                      in: scratch)
            XCTAssertEqual(lint.output, "", "groff's warnings on the man page")
        }
        let bash = try String(contentsOf: share.appendingPathComponent("bash-completion/completions/docs-audit"),
                              encoding: .utf8)
        XCTAssertTrue(bash.contains("complete -o filenames -F _docs-audit docs-audit"), String(bash.suffix(200)))

        let uninstall = try Self.shell("make", ["-s", "uninstall", "PREFIX=/opt/tool", "DESTDIR=\(destdir.path)"],
                                       in: CLI.projectRoot)
        XCTAssertEqual(uninstall.status, 0, uninstall.output)
        let left = try FileManager.default.subpathsOfDirectory(atPath: destdir.path)
            .filter { $0.contains("docs-audit") }
        XCTAssertEqual(left, [], "uninstall removes every installed file")

        let relative = try Self.shell("make", ["-s", "install", "NO_BUILD=1", "STAGE=\(stage.path)",
                                               "PREFIX=relative/dir"], in: CLI.projectRoot)
        XCTAssertNotEqual(relative.status, 0)
        XCTAssertTrue(relative.output.contains("PREFIX must be an absolute path"), relative.output)
        let missing = try Self.shell("make", ["-s", "install", "NO_BUILD=1", "STAGE=\(scratch.path)/none",
                                              "DESTDIR=\(destdir.path)"], in: CLI.projectRoot)
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.output.contains("\(scratch.path)/none/bin/docs-audit is missing"), missing.output)
    }

    func testReleaseTarballAndItsChecksum() throws {
        let stage = try stage()
        let out = try CLI.folder([:])
        let release = try Self.shell("scripts/release.sh", [stage.path, out.path], in: CLI.projectRoot)
        XCTAssertEqual(release.status, 0, release.output)
        let machine = try Self.shell("uname", ["-m"], in: out).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = "docs-audit-0.1.0-linux-\(machine)"
        let check = try Self.shell("sha256sum", ["-c", "\(name).tar.gz.sha256"], in: out)
        XCTAssertEqual(check.output, "\(name).tar.gz: OK\n")
        let listing = try Self.shell("tar", ["tzf", "\(name).tar.gz"], in: out).output
            .split(separator: "\n").map(String.init)
        for file in Self.installed + ["README.md"] {
            XCTAssertTrue(listing.contains("\(name)/\(file)"), "\(file) in \(listing)")
        }
    }

    /// The hook as a user gets it: pre-commit clones this repository at a commit, builds it with
    /// `swift build -c release` (once, shared by every commit) and runs it on every commit, naming no files:
    /// a staged broken link fails the commit, and so does a commit that only `git rm`s a file another links to
    /// (pre-commit names no deleted file); a commit without Markdown passes.
    func testPreCommitBuildsTheHookAndBlocksABrokenLink() throws {
        guard (try? Self.shell("python3", ["-c", "import pre_commit"], in: CLI.projectRoot))?.status == 0 else {
            throw XCTSkip("pre-commit is not installed (make test-tools installs it from PyPI)")
        }
        let scratch = try CLI.folder([:])
        let source = scratch.appendingPathComponent("docs-audit")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        // A git repository holding this working tree as it is (tracked and new files, not the ignored ones).
        let list = try Self.shell("git", ["ls-files", "-co", "--exclude-standard"], in: CLI.projectRoot)
        guard list.status == 0 else { throw XCTSkip("the project is not a git checkout: \(list.output)") }
        for path in list.output.split(separator: "\n").map(String.init)
        where FileManager.default.fileExists(atPath: CLI.projectRoot.appendingPathComponent(path).path) {
            let target = source.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.projectRoot.appendingPathComponent(path), to: target)
        }
        let git = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                   "GIT_COMMITTER_EMAIL": "t@example.invalid", "DOCS_AUDIT_CACHE_DIR": CLI.cacheDirectory,
                   "PRE_COMMIT_HOME": scratch.appendingPathComponent("pre-commit-home").path]
        for arguments in [["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]] {
            let result = try Self.shell("git", arguments, in: source, environment: git)
            XCTAssertEqual(result.status, 0, result.output)
        }
        let rev = try Self.shell("git", ["rev-parse", "HEAD"], in: source).output
            .trimmingCharacters(in: .whitespacesAndNewlines)

        let repo = scratch.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("docs"),
                                                withIntermediateDirectories: true)
        try Data("""
            repos:
              - repo: \(source.path)
                rev: \(rev)
                hooks:
                  - id: docs-audit

            """.utf8).write(to: repo.appendingPathComponent(".pre-commit-config.yaml"))
        let a = repo.appendingPathComponent("docs/a.md")
        try Data("# A\n\n## Scope\n\nSee [b](b.md#details).\n".utf8).write(to: a)
        try Data("# B\n\n## Details\n".utf8).write(to: repo.appendingPathComponent("docs/b.md"))
        let setup = [["git", "init", "-q"], ["python3", "-m", "pre_commit", "install"], ["git", "add", "-A"]]
        for arguments in setup {
            let result = try Self.shell(arguments[0], Array(arguments.dropFirst()), in: repo, environment: git)
            XCTAssertEqual(result.status, 0, result.output)
        }
        // The first commit builds the hook (slow) and passes: the corpus is clean.
        let clean = try Self.shell("git", ["commit", "-m", "clean"], in: repo, environment: git)
        XCTAssertEqual(clean.status, 0, clean.output)
        XCTAssertTrue(clean.output.contains("docs-audit") && clean.output.contains("Passed"), clean.output)

        // Renaming the heading in b.md breaks the link in a.md, which is not staged: the commit fails with it.
        try Data("# B\n\n## Particulars\n".utf8).write(to: repo.appendingPathComponent("docs/b.md"))
        XCTAssertEqual(try Self.shell("git", ["add", "docs/b.md"], in: repo, environment: git).status, 0)
        let broken = try Self.shell("git", ["commit", "-m", "rename"], in: repo, environment: git)
        XCTAssertEqual(broken.status, 1, broken.output)
        XCTAssertTrue(broken.output.contains("Failed"), broken.output)
        XCTAssertTrue(broken.output.contains("docs/a.md:5:5: error: link to b.md#details: no heading or anchor "
            + "`details` in docs/b.md [links/missing-anchor]"), broken.output)

        // Fixed and staged again, the commit goes through.
        try Data("# A\n\n## Scope\n\nSee [b](b.md#particulars).\n".utf8).write(to: a)
        XCTAssertEqual(try Self.shell("git", ["add", "-A"], in: repo, environment: git).status, 0)
        let fixed = try Self.shell("git", ["commit", "-m", "fixed"], in: repo, environment: git)
        XCTAssertEqual(fixed.status, 0, fixed.output)

        // A commit that only deletes b.md, which a.md links to: the hook runs and the commit fails naming a.md.
        XCTAssertEqual(try Self.shell("git", ["rm", "-q", "docs/b.md"], in: repo, environment: git).status, 0)
        let deleted = try Self.shell("git", ["commit", "-m", "delete b"], in: repo, environment: git)
        XCTAssertEqual(deleted.status, 1, deleted.output)
        XCTAssertTrue(deleted.output.contains("Failed"), deleted.output)
        XCTAssertTrue(deleted.output.contains("docs/a.md:5:5: error: link to b.md#particulars: docs/b.md does not "
            + "exist [links/missing-file]"), deleted.output)

        // A commit with no Markdown file in it runs the hook, which passes at once.
        XCTAssertEqual(try Self.shell("git", ["reset", "-q", "--hard"], in: repo, environment: git).status, 0)
        try Data("notes\n".utf8).write(to: repo.appendingPathComponent("notes.txt"))
        XCTAssertEqual(try Self.shell("git", ["add", "notes.txt"], in: repo, environment: git).status, 0)
        let other = try Self.shell("git", ["commit", "-m", "notes"], in: repo, environment: git)
        XCTAssertEqual(other.status, 0, other.output)
        XCTAssertTrue(other.output.contains("docs-audit") && other.output.contains("Passed"), other.output)
    }
}
