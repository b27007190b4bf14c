import Foundation
import XCTest

/// `docs-audit init`: writes a starter profile once, refuses to overwrite without --force, never writes through
/// a link or over a non-regular file, prints to standard output with `--output -`.
final class InitCommandTests: XCTestCase {
    private func corpus() throws -> URL {
        var files: [String: Data] = [:]
        for number in 1...3 {
            let text = "- Status: open\n- Owner: a\n\n## Summary\n\nSee RFC-000\(number).\n"
            files["rfcs/000\(number)-x.md"] = Data(text.utf8)
        }
        return try CLI.folder(files)
    }

    private func read(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    func testWritesOnceThenRefusesWithoutForceAndReplacesWithForce() throws {
        let root = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("docs-audit.yml")
        let first = try CLI.run(["init", "--root", root.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, "")
        XCTAssertEqual(first.stderr, "docs-audit: wrote \(target.path): a starter profile; edit it, then run "
                       + "`docs-audit lint --root \(root.path)`\n")
        let written = try read(target)
        XCTAssertTrue(written.hasPrefix("# docs-audit.yml: a starter profile written by `docs-audit init`"), written)
        XCTAssertTrue(written.contains("\n  - name: rfc\n    paths: ['rfcs/[0-9][0-9][0-9][0-9]-*.md']\n"), written)

        try Data("# mine\n".utf8).write(to: target)
        let again = try CLI.run(["init", "--root", root.path])
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(again.stdout, "")
        XCTAssertEqual(again.stderr, "docs-audit: \(target.path): already exists; not overwritten (pass --force to "
                       + "replace it, or --output FILE / --output - to write elsewhere)\n")
        XCTAssertEqual(try read(target), "# mine\n", "the user's file is kept byte for byte")

        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        let forced = try CLI.run(["init", "--root", root.path, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try read(target), written, "the same corpus gives the same bytes")
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640, "the replaced file keeps its mode")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        XCTAssertEqual(names.filter { $0.contains(".docs-audit-tmp.") }, [])
    }

    func testDashPrintsToStandardOutputAndWritesNothing() throws {
        let root = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLI.run(["init", "--root", root.path, "--output", "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains("\nversion: 2\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n        Status: {required: true}  # present in 3 of 3 files\n"),
                      result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("docs-audit.yml").path))
        let other = root.appendingPathComponent("profile.yml")
        let elsewhere = try CLI.run(["init", "--root", root.path, "--output", other.path])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stderr)
        XCTAssertEqual(try read(other), result.stdout)
    }

    func testRefusesLinksDirectoriesAndBadRootsEvenWithForce() throws {
        let root = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("outside.txt")
        try Data("keep\n".utf8).write(to: outside)
        let link = root.appendingPathComponent("docs-audit.yml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)
        let linked = try CLI.run(["init", "--root", root.path, "--force"])
        XCTAssertEqual(linked.status, 2)
        XCTAssertEqual(linked.stderr, "docs-audit: \(link.path): is a symbolic link; init does not write through "
                       + "links (remove it or choose another --output)\n")
        XCTAssertEqual(try read(outside), "keep\n")

        let folder = try CLI.run(["init", "--root", root.path, "--output", root.appendingPathComponent("rfcs").path,
                                  "--force"])
        XCTAssertEqual(folder.status, 2)
        XCTAssertTrue(folder.stderr.hasSuffix("rfcs: is a directory; give a file name with --output\n"), folder.stderr)

        let missing = root.appendingPathComponent("nope").path
        let noRoot = try CLI.run(["init", "--root", missing])
        XCTAssertEqual(noRoot.status, 2)
        XCTAssertEqual(noRoot.stderr, "docs-audit: \(missing): no such directory (give the corpus root with --root)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))

        let empty = try CLI.folder(["notes.txt": Data("x".utf8)])
        defer { try? FileManager.default.removeItem(at: empty) }
        let nothing = try CLI.run(["init", "--root", empty.path])
        XCTAssertEqual(nothing.status, 2)
        XCTAssertEqual(nothing.stderr, "docs-audit: \(empty.path): no Markdown files found\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty.appendingPathComponent("docs-audit.yml").path))
    }

    func testHelpFitsEightyColumns() throws {
        let help = try CLI.run(["init", "--help"], environment: ["COLUMNS": "80"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("USAGE: docs-audit init [--root <dir>] [--output <file>] [--force]"),
                      help.stdout)
        for line in help.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 80, String(line)) }
        let top = try CLI.run(["--help"], environment: ["COLUMNS": "80"])
        XCTAssertTrue(top.stdout.contains("  init "), top.stdout)
    }
}
