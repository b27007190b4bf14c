import Foundation
import XCTest
@testable import DocsAuditCore

/// The one-pass pre-filter (`LiteralPrefilter`) makes, for every pattern of a profile and every line, the decision
/// the per-pattern pre-filter (`Pattern.mayMatch(bytes:)`) made, so the matches it lets through are the same,
/// group range for group range.
final class LiteralPrefilterTests: XCTestCase {
    /// Lines written for the edge cases: a literal at either end, cut short at the end, split by a multi-byte
    /// character, repeated, only a `:` or a backtick, empty.
    static let fixtureLines = [
        "", ":", "`", "Plan-001", "see Plan-001: and `Spec-002`", "ends with Pla", "ends with Plan-",
        "Plan–001 has an en dash", "ΩPlan-017Ω", "PR #118 in this PR", "TODO TODO", "NS-12..NS-14: the range",
        "| F-024-2-04 | DT-003-1 |", "`.agents/tmp/x.md`", "RFC 2000, rfc#2001, RFC-2002 and rfcs/2003",
        "docs/plans/024-x.md:285-300", "Plan-024:14, 25, 87", "\u{00A0}Plan-001\u{00A0}", "Plan-Plan-Plan-",
    ]

    func testEveryProfilePatternIsDecidedAsByItsOwnPrefilterOnEveryLine() throws {
        var lines = Self.fixtureLines
        let shared = PatternEngineComparisonTests.projectRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/corpora")
        let corpora = ["ai-sidekicks", "rust-rfcs"].map { shared.appendingPathComponent($0).path }
        let present = corpora.filter { FileManager.default.fileExists(atPath: $0) }
        if present.count < corpora.count {
            // The fixture lines and our own Markdown still run; the corpora add most of the lines.
            print("LiteralPrefilterTests: ../shared/corpora/ai-sidekicks or rust-rfcs is absent: "
                  + "only the fixture lines and the project's own Markdown are compared")
        }
        let own = ["README.md", "docs", "Examples", "rules", "Tests/Fixtures"].map {
            PatternEngineComparisonTests.projectRoot.appendingPathComponent($0).path
        }
        lines += PatternEngineComparisonTests.lines(under: present + own).sorted()
        var rfcs = try ProfileLoader.defaultProfile()
        try ProfileLoader.apply(yaml: "extends: rust-rfcs\n", file: "docs-audit.yml", to: &rfcs)
        var compared = 0
        for profile in [try ProfileLoader.defaultProfile(), rfcs] {
            var seen = Set<String>()
            let patterns = PatternHintSafetyTests.patterns(in: profile).filter {
                seen.insert("\($0.caseInsensitive) \($0.source)").inserted
            }
            XCTAssertGreaterThan(patterns.count, profile.idFamilies.count + 5, "the profile's patterns were found")
            XCTAssertTrue(patterns.contains { $0.hints == nil }, "a pattern without a literal is compared too")
            let prefilter = LiteralPrefilter(patterns, bytes: [UInt8(ascii: ":"), UInt8(ascii: "`")])
            var differences = 0
            for line in lines {
                var text = line
                let found = prefilter.scan(line: Substring(line))
                let oldDecisions = text.withUTF8 { bytes in
                    XCTAssertEqual(found.contains(patterns.count), bytes.contains(UInt8(ascii: ":")), line)
                    XCTAssertEqual(found.contains(patterns.count + 1), bytes.contains(UInt8(ascii: "`")), line)
                    return patterns.map { $0.mayMatch(bytes: bytes) }
                }
                for (index, pattern) in patterns.enumerated() {
                    let runs = found.contains(index)
                    if runs != oldDecisions[index] {
                        differences += 1
                        if differences <= 5 { XCTFail("\(pattern.source) on line \(line): one pass says \(runs)") }
                    }
                    guard runs || oldDecisions[index] else { continue }
                    // The matches each path finds: the regex after the one-pass decision, and `matches(in:)` (the
                    // per-pattern pre-filter, then the regex).
                    let new = runs ? pattern.unfilteredMatches(in: line) : []
                    let old = pattern.matches(in: line)
                    let newRanges = new.map { match in (0..<match.count).map { match.byteRange($0) } }
                    let oldRanges = old.map { match in (0..<match.count).map { match.byteRange($0) } }
                    compared += old.count
                    guard newRanges != oldRanges else { continue }
                    differences += 1
                    if differences <= 5 { XCTFail("\(pattern.source) on line \(line): \(newRanges) \(oldRanges)") }
                }
            }
        }
        XCTAssertGreaterThan(compared, present.count == corpora.count ? 10_000 : 20, "the lines hold matches")
    }

    /// A literal is searched by its rarest byte and checked around it, never past either end of the line.
    func testLiteralsAreFoundAroundTheirAnchor() throws {
        XCTAssertEqual(LiteralPrefilter.anchor(of: Array("rust-lang/rfcs#".utf8)), 9)
        XCTAssertEqual(LiteralPrefilter.anchor(of: Array("this PR".utf8)), 5)
        let patterns = [try Pattern("\\bab#"), try Pattern("\\bthis PR\\b"), try Pattern("\\bPR #")]
        let prefilter = LiteralPrefilter(patterns)
        for (line, expected) in [("#ab#", [0]), ("b#", []), ("ab", []), ("ab#", [0]), ("in this PR #1", [1, 2]),
                                 ("PR #", [2]), ("R #", []), ("this P", []), ("", [])] {
            let found = prefilter.scan(line: Substring(line))
            XCTAssertEqual((0..<3).filter { found.contains($0) }, expected, line)
            var text = line
            let old = text.withUTF8 { bytes in (0..<3).filter { patterns[$0].mayMatch(bytes: bytes) } }
            XCTAssertEqual(old, expected, line)
        }
    }

    /// More than 64 members (patterns and bytes) spill into the set's further words.
    func testManyPatternsAndBytesAreEachReported() throws {
        let patterns = try (0..<130).map { try Pattern("\\bW\($0)x") }
        let prefilter = LiteralPrefilter(patterns + [try Pattern("\\d+")], bytes: [UInt8(ascii: "#")])
        let found = prefilter.scan(line: "W7x W64x, W129x #")
        let members = (0..<133).filter { found.contains($0) }
        XCTAssertEqual(members, [7, 64, 129, 130, 131])
        let none = prefilter.scan(line: "W7 W64 W12")
        XCTAssertEqual((0..<133).filter { none.contains($0) }, [130])
    }
}
