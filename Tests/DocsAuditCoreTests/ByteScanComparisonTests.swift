import Foundation
import XCTest
@testable import DocsAuditCore

/// The per-file rules read raw lines as UTF-8 bytes where they used to step through characters. A byte is read
/// as the character it would have been, and these tests hold the byte scans to the character scans they replaced
/// (kept in the source as the fallback, or here as the reference) on every line of both shared corpora, of our
/// own Markdown, and on lines built to make the two disagree: a `|` or `\` joined to a combining accent, a zero
/// width joiner or a prepended Arabic sign.
final class ByteScanComparisonTests: XCTestCase {
    static let tricky: [String] = [
        "", " ", "|", "||", "|||", "\\", "\\|", "a\\", "| a | b |\\", "| a \\| b |", "> | a | b |", ">>  |a|", "\t|\t",
        "| a |\u{301} b |", "|\u{301}", " \u{301}| a", "\\\u{600}| x", "\u{600}| a | b", "a |\u{200D}b |", "a\u{600}|b",
        "| \u{301} |", "|e\u{301}|x|", "\\\u{301}| a | b", "| a |\u{0E33}", "ℹ️ | x |", "| 👍🏽 | x |", "|é|—|→|",
        "| `a | b` | c |", "| `a \\| b` | c |", "|\u{FE0F} a | b |", ">\u{301} | a | b", "\t\u{301}| a |", "|\u{20E3}|",
        "| a | b |\u{301}", "\u{0605}|", "| x |\u{1F3FB}", "\u{3000}| a |\u{3000}", "\u{200B}| a | b |\u{200B}",
        "> |-|", "|-|>", ">|\u{301}-|", " - | - ", "|-|\u{301}", "---", "|:-:|", "> > | --- | :-: |", "|-\u{A0}|",
    ]

    /// Every line of both shared corpora and of the project's Markdown, plus the tricky lines and random ones.
    static func lines() throws -> [String] {
        let shared = PatternEngineComparisonTests.projectRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/corpora")
        let corpora = ["ai-sidekicks", "rust-rfcs"].map { shared.appendingPathComponent($0).path }
        guard corpora.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            throw XCTSkip("../shared/corpora/ai-sidekicks and rust-rfcs are absent: the byte-scan comparison "
                          + "needs them")
        }
        let own = ["README.md", "docs", "Examples", "rules", "Tests/Fixtures"].map {
            PatternEngineComparisonTests.projectRoot.appendingPathComponent($0).path
        }
        let corpusLines = PatternEngineComparisonTests.lines(under: corpora + own)
        XCTAssertGreaterThan(corpusLines.count, 100_000, "both corpora were read")
        return corpusLines.sorted() + tricky + randomLines(count: 20_000)
    }

    /// Lines of pipes, escapes, spaces, quotes, backticks and brackets mixed with scalars that join them.
    static func randomLines(count: Int) -> [String] {
        let pieces: [String] = [
            "|", "\\", " ", "\t", ">", "`", "``", "[", "]", "(", ":", "a", "é", "—", "\u{301}", "\u{200D}", "\u{600}",
            "\u{0E33}", "👍", "\u{1F3FB}", "\u{FE0F}", "-", "漢", "^", "#",
        ]
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? "a"
            }.joined()
        }
    }

    func testTableCellCountOnBytesEqualsTheCharacterSplit() throws {
        var differences = 0
        var fallbacks = 0
        for line in try Self.lines() {
            let text = Substring(line)
            let expected = TableSource.cells(text).count
            let actual = TableSource.cellCount(text)
            if Array(line.utf8).withUnsafeBufferPointer({ TableSource.byteCellCount($0) }) == nil { fallbacks += 1 }
            guard actual != expected, differences < 10 else { continue }
            differences += 1
            XCTFail("cell count of \(line.debugDescription): characters \(expected), bytes \(actual)")
        }
        XCTAssertGreaterThan(fallbacks, 0, "some lines join a pipe to a neighbour and are read by characters")
    }

    func testDelimiterRowTestOnBytesEqualsTheCharacterTest() throws {
        var differences = 0
        var delimiters = 0
        for line in try Self.lines() {
            let text = Substring(line)
            let stripped = TableSource.stripped(text)
            let expected = stripped.contains("|") && stripped.contains("-")
                && stripped.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
            if expected { delimiters += 1 }
            guard TableSource.looksLikeDelimiter(text) != expected, differences < 10 else { continue }
            differences += 1
            XCTFail("delimiter test of \(line.debugDescription): characters \(expected), bytes \(!expected)")
        }
        XCTAssertGreaterThan(delimiters, 100, "the corpora hold delimiter rows")
    }

    func testSlugsOnBytesEqualTheScalarSlugs() throws {
        var differences = 0
        let controls = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined()
        for line in try Self.lines() + [controls, "A-Z_a-z 0-9", "Ünï ASCII"] {
            let expected = Slugger.scalarSlug(line)
            guard Slugger.baseSlug(line) != expected, differences < 10 else { continue }
            differences += 1
            XCTFail("slug of \(line.debugDescription): scalars \(expected), bytes \(Slugger.baseSlug(line))")
        }
    }

    func testTrickyLinesAreCountedAsCharacters() {
        XCTAssertEqual(TableSource.cellCount("| a |\u{301} b |"), 1, "the middle `|` and the accent are one character")
        XCTAssertEqual(TableSource.cellCount("\\\u{600}| x"), 1, "the escape takes the Arabic sign with the pipe")
        XCTAssertEqual(TableSource.cellCount("| a \\| b |"), 1)
        XCTAssertEqual(TableSource.cellCount("> | a | b |"), 2)
    }
}
