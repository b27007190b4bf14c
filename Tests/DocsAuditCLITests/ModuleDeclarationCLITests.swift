import Foundation
import XCTest

/// A profile that declares no module section runs no module: `lint` reports no module rule, `extract` has empty
/// module sections, and `gates`, `report`, `graph` and `sync` say in one line that the section is not declared.
final class ModuleDeclarationCLITests: XCTestCase {
    static let noModules = """
    plans: ~
    specs: ~
    registries: ~
    graph: ~
    backlog: ~
    dependencies: ~
    gates: ~

    """

    /// The example corpus with a wrong Status and a graph cycle, and `config` as its docs-audit.yml.
    private func corpus(config: String?) throws -> URL {
        let source = CLI.projectRoot.appendingPathComponent("Examples/corpus")
        var files: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: source.path)?.compactMap({ $0 as? String }) ?? []
        where path.hasSuffix(".md") {
            var text = try String(contentsOf: source.appendingPathComponent(path), encoding: .utf8)
            text = text.replacingOccurrences(of: "| **Status** | `approved` |", with: "| **Status** | `bogus` |")
            text = text.replacingOccurrences(of: "  NS03 --> NS04\n", with: "  NS03 --> NS04\n  NS04 --> NS02\n")
            files[path] = Data(text.utf8)
        }
        if let config { files["docs-audit.yml"] = Data(config.utf8) }
        return try CLI.folder(files)
    }

    func testLintRunsNoModuleRuleWithoutModuleSections() throws {
        let declared = try CLI.run(["lint", "--root", try corpus(config: nil).path])
        XCTAssertEqual(declared.status, 1, declared.stderr)
        XCTAssertTrue(declared.stdout.contains("[plans/status]"), declared.stdout)
        XCTAssertTrue(declared.stdout.contains("[graph/cycle]"), declared.stdout)

        let bare = try CLI.run(["lint", "--root", try corpus(config: Self.noModules).path, "--format", "json"])
        XCTAssertEqual(bare.stderr, "")
        for prefix in ["graph/", "plans/", "tasks/", "obligations/", "deps/", "backlog/", "registry/"] {
            XCTAssertFalse(bare.stdout.contains("\"\(prefix)"), "\(prefix) fired without its section:\n\(bare.stdout)")
        }
    }

    func testExtractHasEmptyModuleSections() throws {
        let result = try CLI.run(["extract", "--root", try corpus(config: Self.noModules).path, "--format", "text"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        for line in ["plans: 0,", "specs: 0,", "method registries: 0 tables", "error codes: 0", "backlog items: 0",
                     "dependencies: 0 rows, 0 tiers", "next steps: none"] {
            XCTAssertTrue(result.stdout.contains(line), "missing `\(line)`:\n\(result.stdout)")
        }
        XCTAssertTrue(result.stdout.contains("documents: 12 "), result.stdout)
    }

    func testGatesAndReportSayTheProfileDeclaresNoGates() throws {
        let root = try corpus(config: "gates: ~\n")
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-qm", "docs: corpus"])
        let expected = "docs-audit: the profile declares no readiness gates (no `gates` section)\n"
        for command in ["gates", "report"] {
            let result = try CLI.run([command, "--root", root.path, "--baseline", "HEAD", "--tier", "1"])
            XCTAssertEqual(result.status, 2, command)
            XCTAssertEqual(result.stdout, "", command)
            XCTAssertEqual(result.stderr, expected, command)
        }
        let other = try corpus(config: nil).path
        let declared = try CLI.run(["gates", "--root", other, "--baseline", "HEAD", "--tier", "1"])
        XCTAssertFalse(declared.stderr.contains("declares no readiness gates"), declared.stderr)
    }

    func testGraphAndSyncSayTheProfileDeclaresNoGraph() throws {
        let root = try corpus(config: Self.noModules).path
        let mermaid = try CLI.run(["graph", "--root", root, "--format", "mermaid"])
        XCTAssertEqual(mermaid.status, 2)
        XCTAssertEqual(mermaid.stderr, "docs-audit: the profile declares no next-steps graph (no `graph` section) "
                       + "(--graph next-steps)\n")
        let tiers = try CLI.run(["graph", "--root", root, "--format", "dot", "--graph", "tiers"])
        XCTAssertEqual(tiers.status, 2)
        XCTAssertEqual(tiers.stderr, "docs-audit: the profile declares no build order (no `dependencies` section) "
                       + "(--graph tiers)\n")
        let sync = try CLI.run(["sync", "--root", root, "--dry-run"])
        XCTAssertEqual(sync.status, 2)
        XCTAssertEqual(sync.stderr, "docs-audit: the profile declares no next-steps graph (no `graph` section): "
                       + "nothing to sync\n")
    }
}
