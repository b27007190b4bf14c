import Foundation
import XCTest
@testable import DocsAuditCore

/// `docs-audit init`'s proposals on small corpora of our own, read back with `YAMLReader`.
final class InitInspectionTests: XCTestCase {
    /// The starter profile for `files`, as text and as a YAML tree.
    private func starter(_ files: [String: String], profile: Profile? = nil) throws -> (String, YAMLNode) {
        let root = try Fixture.directory(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let text = try CorpusInspector.starterProfile(root: root.path,
                                                      profile: profile ?? ProfileLoader.defaultProfile())
        // Every starter loads as a profile, as written.
        XCTAssertNoThrow(try ProfileLoader.load(yaml: text, file: "docs-audit.yml"), text)
        let tree = try XCTUnwrap(try YAMLReader.read(text, file: "docs-audit.yml"))
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            XCTAssertLessThanOrEqual(line.count, 100, "too wide: \(line)")
        }
        return (text, tree)
    }

    /// The comments of `text` as one line of prose, so that a phrase wrapped across lines is found.
    private func prose(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            let trimmed = line.drop { $0 == " " }
            return trimmed.hasPrefix("# ") ? String(trimmed.dropFirst(2)) : String(trimmed)
        }.joined(separator: " ")
    }

    private func proposal(number: Int, owner: Bool, refs: String = "") -> String {
        let id = String(repeating: "0", count: 4 - String(number).count) + String(number)
        return """
        - Proposal: [XP-\(id)](\(id)-p.md)
        - Status: accepted
        \(owner ? "- Owner: someone\n" : "")
        ## Summary

        Text. \(refs)

        """
    }

    func testNumberedFolderWithBulletHeaderBecomesAKindWithItsNumberHeaderAndIDFamily() throws {
        var files: [String: String] = [
            "proposals/0000-template.md": "- Proposal: [XP-0000](0000-template.md)\n- Status: draft\n",
            "README.md": "# Proposals\n\nSee XP-0002 and XP-0003; also XP-0004.\n",
        ]
        for number in 1...5 {
            files["proposals/000\(number)-p.md"] = proposal(number: number, owner: number != 3,
                                                             refs: "Builds on XP-000\(6 - number).")
        }
        let (text, tree) = try starter(files)
        XCTAssertEqual(tree[yaml: "version"]?.string, "2")
        XCTAssertEqual(tree[yaml: "extends"]?.string, "none")
        let kinds = try XCTUnwrap(tree[yaml: "kinds"]?.items)
        XCTAssertEqual(kinds.map { $0[yaml: "name"]?.string }, ["template", "xp", "other"])
        XCTAssertEqual(kinds[0][yaml: "paths"]?.strings, ["proposals/0000-template.md"])
        let kind = kinds[1]
        XCTAssertEqual(kind[yaml: "paths"]?.strings, ["proposals/[0-9][0-9][0-9][0-9]-*.md"])
        XCTAssertEqual(kind[yaml: "number"]?[yaml: "from"]?.string, "file-name")
        XCTAssertEqual(kind[yaml: "number"]?[yaml: "pattern"]?.string, #"^(\d{4})-"#)
        XCTAssertEqual(kind[yaml: "header"]?[yaml: "form"]?.string, "bullets")
        let fields = try XCTUnwrap(kind[yaml: "header"]?[yaml: "fields"])
        XCTAssertEqual(fields.keys, ["Proposal", "Status", "Owner"])
        XCTAssertEqual(fields[yaml: "Proposal"]?[yaml: "required"]?.string, "true")
        XCTAssertEqual(fields[yaml: "Proposal"]?[yaml: "identity"]?.string, #"\bXP-(\d+)"#)
        XCTAssertEqual(fields[yaml: "Status"]?[yaml: "required"]?.string, "true")
        XCTAssertEqual(fields[yaml: "Owner"]?[yaml: "required"]?.string, "false")
        XCTAssertTrue(text.contains("Owner: {required: false}  # present in 4 of 5 files"), text)
        XCTAssertEqual(kinds[2][yaml: "paths"]?.strings, ["**"])
        let family = try XCTUnwrap(tree[yaml: "ids"]?[yaml: "xp"])
        XCTAssertEqual(family[yaml: "pattern"]?.string, #"\bXP-(\d+)"#)
        XCTAssertEqual(family[yaml: "numeric"]?.string, "true")
        XCTAssertEqual(family[yaml: "canonical"]?.string, "xp-{1}", "file number 0001 and XP-1 are one ID")
        let document = try XCTUnwrap(family[yaml: "defined"]?.items?.first?[yaml: "document"])
        XCTAssertEqual(document[yaml: "kinds"]?.strings, ["xp"])
        XCTAssertEqual(document[yaml: "id"]?.string, "XP-{number}")
        XCTAssertTrue(prose(text).contains("name their own number so in their `Proposal` header field"), text)
        XCTAssertNil(tree[yaml: "graphs"], "no Mermaid graph, no graphs key")
    }

    func testDefaultLayoutWithHeaderTablesExtendsDefaultAndProposesGraphsAndHeadingFamilies() throws {
        var files: [String: String] = [:]
        for number in 1...3 {
            let id = "00\(number)"
            files["docs/plans/\(id)-p.md"] = """
            # Plan-\(id): P

            | Field | Value |
            | --- | --- |
            | **Status** | `draft` |
            | **Spec** | [Spec-\(id)](../specs/\(id)-s.md) |

            ## Goal

            Needs Plan-00\(number % 3 + 1); feeds NS-0\(number); risk Q-\(number).

            """
            files["docs/specs/\(id)-s.md"] = "# Spec-\(id): S\n\n| Field | Value |\n| --- | --- |\n"
                + "| **Status** | `draft` |\n| **Implementation Plan** | [Plan-\(id)](../plans/\(id)-p.md) |\n"
        }
        files["docs/architecture/cross-plan-dependencies.md"] = """
        # Dependencies

        ## Next Steps DAG

        ```mermaid
        graph TD
          NS01[one] --> NS02[two]
          NS02 --> NS03[three]
        ```

        ### NS-01: one
        ### NS-02: two
        ### NS-03: three

        """
        files["docs/domain/states.md"] = "# States\n\n## Session\n\n```mermaid\nflowchart LR\n"
            + "  Idle --> Running\n  Running --> Idle\n```\n\n## Risks\n\n### Q-1: a\n\n### Q-2: b\n\n### Q-3: c\n"
        let (text, tree) = try starter(files)
        XCTAssertEqual(tree[yaml: "extends"]?.string, "default")
        let kinds = try XCTUnwrap(tree[yaml: "kinds"]?.items)
        let plan = try XCTUnwrap(kinds.first { $0[yaml: "name"]?.string == "plan" })
        XCTAssertEqual(plan[yaml: "title"]?.string, #"^Plan-(\d{3}): (.+)$"#, "the built-in entry is kept")
        XCTAssertEqual(plan[yaml: "number"]?[yaml: "pattern"]?.string, #"^(\d{3})-"#)
        XCTAssertEqual(plan[yaml: "header"]?[yaml: "form"]?.string, "table")
        XCTAssertEqual(plan[yaml: "header"]?[yaml: "fields"]?.keys, ["Spec", "Status"])
        XCTAssertEqual(plan[yaml: "header"]?[yaml: "fields"]?[yaml: "Spec"]?[yaml: "required"]?.string, "true")
        let spec = plan[yaml: "header"]?[yaml: "fields"]?[yaml: "Spec"]
        XCTAssertEqual(spec?[yaml: "identity"]?.string, #"\bSpec-(\d+)"#)
        // Specs name their plan (`Plan-001` in `001-s.md`), but their titles carry `Spec-`: the kind is `spec`.
        XCTAssertEqual(kinds.compactMap { $0[yaml: "name"]?.string }.filter { $0.hasPrefix("plan") || $0 == "spec" },
                       ["plan", "spec"])
        XCTAssertEqual(kinds.last?[yaml: "name"]?.string, "other")
        XCTAssertTrue(kinds.contains { $0[yaml: "name"]?.string == "dependency-map" }, "built-in kinds are kept")
        // The built-in profile declares `plan`: proposed, but commented out.
        XCTAssertNil(tree[yaml: "ids"]?[yaml: "plan"])
        XCTAssertTrue(text.contains("  # plan:\n  #   pattern: '\\bPlan-(\\d+)'"), text)
        // `NS-01` is matched by the built-in `next-step` family: left commented out too.
        XCTAssertNil(tree[yaml: "ids"]?[yaml: "ns"])
        XCTAssertTrue(prose(text).contains("The built-in profile's `next-step` family covers these already"), text)
        let risk = try XCTUnwrap(tree[yaml: "ids"]?[yaml: "q"]?[yaml: "defined"]?.items?.first)
        XCTAssertEqual(risk[yaml: "heading"]?.string, #"^(Q-\d+)"#)
        XCTAssertEqual(risk[yaml: "kinds"]?.strings, ["domain"])
        let graphs = try XCTUnwrap(tree[yaml: "graphs"]?.items)
        XCTAssertEqual(graphs.count, 1, "only the graph of numbered nodes is active")
        XCTAssertEqual(graphs.first?[yaml: "paths"]?.strings, ["docs/architecture/cross-plan-dependencies.md"])
        XCTAssertEqual(graphs.first?[yaml: "sections"]?.strings, ["^Next Steps DAG$"])
        XCTAssertTrue(prose(text).contains("a flowchart of 3 nodes, 3 numbered like `NS01`."), text)
        XCTAssertTrue(text.contains("  # - paths: ['docs/domain/states.md']\n  #   sections: ['^Session$']"), text)
    }

    func testFrontMatterHeader() throws {
        var files: [String: String] = [:]
        for number in 1...4 {
            let tags = number == 1 ? "" : "tags: [a]\n"
            files["notes/0\(number)-n.md"] = "---\ntitle: Note \(number)\nstatus: open\n\(tags)---\n\n"
                + "# Note\n\nBody.\n"
        }
        let (text, tree) = try starter(files)
        let kind = try XCTUnwrap(tree[yaml: "kinds"]?.items?.first)
        XCTAssertEqual(kind[yaml: "name"]?.string, "note")
        XCTAssertEqual(kind[yaml: "paths"]?.strings, ["notes/[0-9][0-9]-*.md"])
        XCTAssertEqual(kind[yaml: "header"]?[yaml: "form"]?.string, "front-matter")
        XCTAssertEqual(kind[yaml: "header"]?[yaml: "fields"]?.keys, ["status", "title", "tags"])
        XCTAssertEqual(kind[yaml: "header"]?[yaml: "fields"]?[yaml: "tags"]?[yaml: "required"]?.string, "false")
        XCTAssertTrue(prose(text).contains("YAML front matter in 4 of 4 files"), text)
        XCTAssertNil(tree[yaml: "ids"], "no frequent ID-like token")
    }

    func testSameCorpusSameBytes() throws {
        let files = ["a/01-x.md": "- Owner: a\n\nPR-1 PR-2 PR-3\n", "a/02-y.md": "- Owner: b\n\nPR-1 PR-2\n"]
        let root = try Fixture.directory(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let profile = try ProfileLoader.defaultProfile()
        let first = try CorpusInspector.starterProfile(root: root.path, profile: profile)
        XCTAssertEqual(first, try CorpusInspector.starterProfile(root: root.path, profile: profile))
    }

    func testHostileCorpusStaysBoundedQuotedAndNarrow() throws {
        var many = ""
        // 3,000 families (`Wab-1`, `Wac-2`, …) five times each: far more than any cap.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for index in 0..<3_000 {
            let word = "W" + String([letters[index / 676 % 26], letters[index / 26 % 26], letters[index % 26]])
            many += String(repeating: "\(word)-\(index) ", count: 5)
        }
        let odd = "- Na'me: x\n- \"Quoted\": y\n- Colon #: z\n- \(String(repeating: "L", count: 90)): long\n"
        var files: [String: String] = [
            "big.md": String(repeating: "x", count: 200_000),
            "tokens.md": many + "\n",
        ]
        for number in 1...3 { files["weird dir/'q'/0\(number)-a.md"] = odd + "\n# T\n\n" + many + "\n" }
        for number in 1...2 { files["odd [x]*/0\(number)-b.md"] = "Text.\n" }
        // Control characters in a folder name and a section title: escaped in values, visible in comments.
        let graph = "# T\n\n## Sec\u{7}tion\n\n```mermaid\ngraph TD\n  A1 --> A2\n```\n"
        for number in 1...2 { files["ctl\u{1}dir/0\(number)-c.md"] = graph }
        var profile = try ProfileLoader.defaultProfile()
        profile.corpus.maxFileBytes = 180_000
        let (text, tree) = try starter(files, profile: profile)
        XCTAssertTrue(prose(text).contains("1 file was not read: big.md (input/too-large)."), text)
        let kind = try XCTUnwrap(tree[yaml: "kinds"]?.items?.first { $0[yaml: "name"]?.string == "q" })
        XCTAssertEqual(kind[yaml: "paths"]?.strings, ["weird dir/'q'/[0-9][0-9]-*.md"])
        // A field name must start with a letter and be short: `"Quoted"` and the 90-letter one are not fields.
        XCTAssertEqual(kind[yaml: "header"]?[yaml: "fields"]?.keys, ["Colon #", "Na'me"])
        XCTAssertTrue(text.contains("    paths: ['weird dir/''q''/[0-9][0-9]-*.md']"), text)
        // Glob characters in a folder name match only themselves.
        let oddKind = try XCTUnwrap(tree[yaml: "kinds"]?.items?.first { $0[yaml: "name"]?.string == "odd-x" })
        let glob = try XCTUnwrap(oddKind[yaml: "paths"]?.strings?.first)
        XCTAssertEqual(glob, "odd [[]x][*]/[0-9][0-9]-*.md")
        XCTAssertTrue(Glob(glob).matches("odd [x]*/01-b.md"))
        XCTAssertFalse(Glob(glob).matches("odd x/01-b.md"))
        let control = try XCTUnwrap(tree[yaml: "kinds"]?.items?.first { $0[yaml: "name"]?.string == "ctl-dir" })
        XCTAssertEqual(control[yaml: "paths"]?.strings, ["ctl\u{1}dir/[0-9][0-9]-*.md"])
        XCTAssertEqual(tree[yaml: "graphs"]?.items?.first?[yaml: "sections"]?.strings, [#"^Sec\x{7}tion$"#])
        XCTAssertTrue(text.contains("ctl\\u{1}dir/01-c.md, section \"Sec\\u{7}tion\""), text)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character")
        XCTAssertTrue(prose(text).contains("40 ID families are proposed"), text)
    }

    func testRustRFCsProposesTheRFCKindFromFileNamesWithItsBulletHeader() throws {
        guard let sidekicks = Fixture.realCorpus else {
            throw XCTSkip("../shared/corpora is absent: the rust-rfcs init test needs ../shared/corpora/rust-rfcs")
        }
        let root = URL(fileURLWithPath: sidekicks).deletingLastPathComponent().appendingPathComponent("rust-rfcs").path
        guard FileManager.default.fileExists(atPath: root) else {
            throw XCTSkip("../shared/corpora/rust-rfcs is absent: the rust-rfcs init test needs it")
        }
        let text = try CorpusInspector.starterProfile(root: root, profile: ProfileLoader.defaultProfile())
        let tree = try XCTUnwrap(try YAMLReader.read(text, file: "docs-audit.yml"))
        XCTAssertEqual(tree[yaml: "extends"]?.string, "none")
        let kind = try XCTUnwrap(tree[yaml: "kinds"]?.items?.first { $0[yaml: "name"]?.string == "rfc" })
        XCTAssertEqual(kind[yaml: "paths"]?.strings, ["text/[0-9][0-9][0-9][0-9]-*.md"])
        XCTAssertEqual(kind[yaml: "number"]?[yaml: "from"]?.string, "file-name")
        XCTAssertEqual(kind[yaml: "number"]?[yaml: "pattern"]?.string, #"^(\d{4})-"#)
        XCTAssertEqual(kind[yaml: "header"]?[yaml: "form"]?.string, "bullets")
        let fields = try XCTUnwrap(kind[yaml: "header"]?[yaml: "fields"])
        XCTAssertEqual(fields.keys, ["Start Date", "RFC PR", "Rust Issue", "Feature Name"])
        XCTAssertEqual(fields.keys.map { fields[yaml: $0]?[yaml: "required"]?.string },
                       ["true", "true", "false", "false"])
        XCTAssertEqual(fields[yaml: "RFC PR"]?[yaml: "identity"]?.string, #"(?<![\w.-])rust-lang/rfcs#(\d+)\b"#)
        let rfc = try XCTUnwrap(tree[yaml: "ids"]?[yaml: "rfc"]?[yaml: "defined"]?.items?.first?[yaml: "document"])
        XCTAssertEqual(rfc[yaml: "kinds"]?.strings, ["rfc"])
        XCTAssertEqual(rfc[yaml: "id"]?.string, "RFC {number}")
        XCTAssertTrue(text.contains("Start Date: {required: true}  # present in 625 of 639 files"), text)
    }
}

/// Reading a YAML tree in tests (names of our own, so they cannot clash with the loader's helpers).
fileprivate extension YAMLNode {
    subscript(yaml key: String) -> YAMLNode? {
        guard case let .mapping(pairs) = content else { return nil }
        return pairs.first { $0.key.string == key }?.value
    }

    var keys: [String] {
        guard case let .mapping(pairs) = content else { return [] }
        return pairs.compactMap(\.key.string)
    }

    var items: [YAMLNode]? {
        guard case let .sequence(items) = content else { return nil }
        return items
    }

    var strings: [String]? { items?.compactMap(\.string) }
}
