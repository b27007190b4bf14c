import Foundation
import XCTest
@testable import DocsAuditCore

/// The move from ICU (NSRegularExpression, kept here only as the reference) to PCRE2 keeps every pattern's
/// meaning: each pattern of the built-in profile finds the same matches, with the same group ranges, on
/// every line of both shared corpora and of our own Markdown.
final class PatternEngineComparisonTests: XCTestCase {
    /// Built-in patterns rewritten for PCRE2 in a form ICU cannot read (backtracking verbs that make them
    /// linear), with the source they replaced: the old source runs under ICU, the new under PCRE2.
    static let rewritten: [String: String] = [
        #"\.agents/tmp/(?:[\w./-]*?(?:NNN|MMM|tier-K|-N-)(*SKIP)(*FAIL)|"#
            + #"[\w./-]*\w\.(?:md|json|txt|ya?ml|ts)\b|[\w./-]*+(*SKIP)(*FAIL))"#:
            #"\.agents/tmp/(?![\w./-]*(?:NNN|MMM|tier-K|-N-))[\w./-]*\w\.(?:md|json|txt|ya?ml|ts)\b"#,
    ]

    func testEveryProfilePatternMatchesAsUnderICUOnEveryCorpusLine() throws {
        let shared = Self.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        let corpora = ["ai-sidekicks", "rust-rfcs"].map { shared.appendingPathComponent($0).path }
        guard corpora.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            throw XCTSkip("../shared/corpora/ai-sidekicks and rust-rfcs are absent: the engine comparison needs them")
        }
        let own = ["README.md", "docs", "Examples", "rules", "Tests/Fixtures"].map {
            Self.projectRoot.appendingPathComponent($0).path
        }
        // docs/rules.md shows the rule examples with their keycap markers (`1️⃣Plan-001`), which are stripped
        // before anything is linted. The engines differ on `\b` after an enclosing mark (U+20E3): PCRE2 10.42's
        // UCP `\w` has no marks, ICU's does. Compare those lines as they are linted, without the markers.
        let lines = Self.lines(under: corpora + own).map(Self.withoutExampleMarkers)
        XCTAssertGreaterThan(lines.count, 100_000, "both corpora were read")
        let patterns = PatternHintSafetyTests.patterns(in: try ProfileLoader.defaultProfile())
        XCTAssertGreaterThan(patterns.count, 50, "the profile's patterns were found by reflection")
        XCTAssertTrue(patterns.contains { Self.rewritten[$0.source] != nil }, "the rewritten pattern is in the profile")
        var compared = 0
        for pattern in patterns {
            let old = try NSRegularExpression(pattern: Self.rewritten[pattern.source] ?? pattern.source,
                                              options: pattern.caseInsensitive ? [.caseInsensitive] : [])
            XCTAssertEqual(old.numberOfCaptureGroups, pattern.groupCount, pattern.source)
            var differences = 0
            for line in lines {
                let expected = Self.icuMatches(old, in: line)
                let actual = pattern.unfilteredMatches(in: line).map { match in
                    (0..<match.count).map { match.byteRange($0) }
                }
                compared += expected.count
                guard expected != actual, differences < 5 else { continue }
                differences += 1
                XCTFail("pattern \(pattern.source) on line \(line): ICU \(expected), PCRE2 \(actual)")
            }
        }
        XCTAssertGreaterThan(compared, 10_000, "the lines hold matches to compare")
    }

    /// `line` without the rule examples' keycap markers (a digit, U+FE0F, U+20E3).
    private static func withoutExampleMarkers(_ line: String) -> String {
        guard line.unicodeScalars.contains("\u{20E3}") else { return line }
        return line.replacingOccurrences(of: "[0-9]\u{FE0F}\u{20E3}", with: "", options: .regularExpression)
    }

    /// ICU's matches with every group as a UTF-8 byte range.
    private static func icuMatches(_ regex: NSRegularExpression, in line: String) -> [[Range<Int>?]] {
        regex.matches(in: line, range: NSRange(line.startIndex..., in: line)).map { result in
            (0..<result.numberOfRanges).map { group in
                guard let range = Range(result.range(at: group), in: line) else { return nil }
                let start = line.utf8.distance(from: line.startIndex, to: range.lowerBound)
                return start..<(start + line.utf8.distance(from: range.lowerBound, to: range.upperBound))
            }
        }
    }

    /// The distinct lines of every Markdown file under `roots` (files or folders).
    static func lines(under roots: [String]) -> Set<String> {
        var lines = Set<String>()
        for root in roots {
            var files: [String] = []
            if root.hasSuffix(".md") {
                files = [root]
            } else if let walker = FileManager.default.enumerator(atPath: root) {
                for case let name as String in walker where name.hasSuffix(".md") { files.append(root + "/" + name) }
            }
            for file in files {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
                text.split(separator: "\n", omittingEmptySubsequences: true).forEach { lines.insert(String($0)) }
            }
        }
        return lines
    }

    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
