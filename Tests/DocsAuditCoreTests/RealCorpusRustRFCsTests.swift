import XCTest
@testable import DocsAuditCore

/// Every rule over ../shared/corpora/rust-rfcs (rust-lang/rfcs at 354518a) read through rules/rust-rfcs.yml, pinned
/// to the counts verified by hand in docs/real-corpus.md ("rust-rfcs"). A change in any count means a rule or the
/// profile changed behaviour: re-verify, then update both.
final class RealCorpusRustRFCsTests: XCTestCase {
    /// The project folder (two levels above this file's folder).
    private static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The corpus beside the project, or nil.
    private static var corpus: String? {
        let path = project.deletingLastPathComponent().appendingPathComponent("shared/corpora/rust-rfcs").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    private static let skipMessage = "../shared/corpora/rust-rfcs is absent: the rust-rfcs real-corpus test needs it "
        + "beside the project"

    /// The corpus loaded through the built-in profile `rust-rfcs` (rules/rust-rfcs.yml, embedded: ProfileTests
    /// checks that the embedded text is the file's), as a corpus config `extends: rust-rfcs` has it.
    private func load() throws -> Corpus {
        guard let root = Self.corpus else { throw XCTSkip(Self.skipMessage) }
        var profile = Profile()
        try ProfileLoader.apply(yaml: "extends: rust-rfcs\n", file: "docs-audit.yml", to: &profile)
        return try CorpusLoader.load(root: root, profile: profile)
    }

    func testPerRuleCountsOnTheRustRFCs() throws {
        let findings = Linter.lint(try load())
        var counts: [String: Int] = [:]
        for rule in RuleCatalog.descriptions { counts[rule.id] = 0 }
        for finding in findings { counts[finding.rule, default: 0] += 1 }
        // Each class read against the source in docs/real-corpus.md ("rust-rfcs").
        let expected: [String: Int] = [
            // 81 differ from a heading's slug in case only (73 in 2963-rustdoc-json.md), 14 are near a slug
            // (a renamed heading), 25 name no heading (among them `{ #id }` heading attributes of 0048-traits.md).
            "links/missing-anchor": 120,
            // links written without a scheme (`www.…`), with `#` missing, in double parentheses, or to files
            // that are not here (`0003-opt-in-builtin-traits.md`, cargo's `config.md`).
            "links/missing-file": 12,
            "links/undefined-reference": 8, "links/unused-definition": 79,
            // links to the old `active/` and `complete/` folders under the site root, gone from master; and the
            // image of 3606, whose folder (`text/3606-…/diagram.svg`) this Markdown-only copy does not hold.
            "links/unverifiable": 5,
            "tables/short-row": 3,
            // 6 Start Dates not written YYYY-MM-DD (one still the template's text), 2 empty Rust Issues.
            "header/field-value": 8,
            // 3673 names rfcs#3505; 3808 links pull/3808 under the text `#3803`.
            "header/identity": 2,
            // 2872 has no `RFC PR` under any of its spellings (`RFC PR #` and `eRFC PR` are aliases).
            "header/missing-field": 1,
        ]
        for (rule, count) in counts.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(count, expected[rule] ?? 0, rule)
        }
        let subjects = Set(findings.map { "\($0.file):\($0.line) \($0.rule)" })
        for known in ["text/3673-rustdoc-types-maintainers.md:2 header/identity",
                      "text/2872-github-access-policy.md:1 header/missing-field",
                      "text/3808-register-tool.md:3 header/identity",
                      "text/3849-Project-Goals-2025h2.md:2 header/field-value",
                      "text/0019-opt-in-builtin-traits.md:263 links/missing-file",
                      "text/3392-leadership-council.md:425 links/missing-anchor"] {
            XCTAssertTrue(subjects.contains(known), known)
        }
    }

    func testDocumentsNumbersAndRFCReferences() throws {
        let model = Extractor.extract(try load())
        var kinds: [String: Int] = [:]
        for document in model.documents { kinds[document.kind, default: 0] += 1 }
        XCTAssertEqual(kinds, ["rfc": 638, "rfc-part": 9, "other": 4, "template": 2, "redirect": 1])
        let first = try XCTUnwrap(model.documents.first { $0.path == "text/0001-private-fields.md" })
        XCTAssertEqual(first.number, "0001", "the number comes from the file name: the file has no title line")
        XCTAssertEqual(first.header.map(\.name), ["Start Date", "RFC PR", "Rust Issue"])
        // Each RFC defines itself once, whatever the spelling of its references: all of them are `RFC N`.
        let defined = model.definitions.filter { $0.family == "rfc" }.map(\.id)
        XCTAssertEqual(defined.count, 638)
        XCTAssertEqual(Set(defined).count, 638)
        XCTAssertTrue(defined.contains("RFC 1"))
        let references = model.references.filter { $0.family == "rfc" }
        XCTAssertEqual(references.count, 2196)
        XCTAssertTrue(references.allSatisfy { $0.identity.hasPrefix("RFC ") && !$0.identity.hasPrefix("RFC 0") },
                      "every spelling has the identity `RFC N`")
        // 0401-coercions.md is cited as `RFC 401` and by the address of its text: one identity.
        let coercions = references.filter { $0.identity == "RFC 401" }
        XCTAssertEqual(coercions.count, 10)
        XCTAssertTrue(coercions.contains { $0.id == "RFC 401" })
        XCTAssertTrue(coercions.contains { $0.id.hasPrefix("rust-lang/rfcs/blob/master/text/0401-") })
    }
}
