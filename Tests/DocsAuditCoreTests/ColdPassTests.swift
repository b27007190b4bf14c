import Foundation
import XCTest
@testable import DocsAuditCore

/// What the cold per-file pass does on bytes where it used characters or SHA-256: each agrees with what it
/// replaced (kept as the oracle where that is cheap), and a file changed after its analysis still gives no text.
final class ColdPassTests: XCTestCase {
    func testLineFeedSplitAgreesWithTheCharacterSplit() {
        var random = SeededRandom(seed: 0x11FE)
        let pieces = ["a", "\n", "\r", "\r\n", "é", "\u{301}", " ", "\n\n", "x\r"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0..<10, using: &random))
                .map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            XCTAssertEqual(text.linesSplitAtLineFeeds(), text.split(separator: "\n", omittingEmptySubsequences: false),
                           "text \(text.debugDescription)")
        }
        XCTAssertEqual("a\r\nb\nc".linesSplitAtLineFeeds(), ["a\r\nb", "c"], "a CRLF is one character, no split")
        XCTAssertEqual("".linesSplitAtLineFeeds(), [""])
    }

    /// Files are analysed largest first; the results still come in the files' order, each exactly once.
    func testCostliestFirstKeepsTheElementsOrder() {
        let items = Array(0..<500)
        let costs = items.map { ($0 * 7919) % 113 }
        XCTAssertEqual(items.parallelMap(costliestFirst: costs) { $0 * 2 }, items.map { $0 * 2 })
        XCTAssertEqual(items.parallelMap(costliestFirst: []) { $0 + 1 }, items.map { $0 + 1 }, "no costs: as given")
        XCTAssertEqual([5].parallelMap(costliestFirst: [1]) { $0 }, [5])
        let seen = Lock(), counter = Counter()
        _ = items.parallelMap(costliestFirst: costs) { item in seen.withLock { counter.add(item) } }
        XCTAssertEqual(counter.values.sorted(), items, "each element transformed once")
    }

    /// A heading with non-ASCII text is slugged scalar by scalar without lowering the whole text first; the slug
    /// of the lowered text is the oracle (Greek final sigma, dotted İ, marks, symbols, emoji, CJK, spaces).
    func testMixedSlugAgreesWithTheSlugOfTheLoweredText() {
        var random = SeededRandom(seed: 0x5106)
        let pieces = ["A", "z", "9", " ", "-", "_", "—", "§", "(", "É", "é", "ΟΔΟΣ", "Σ", "ς", "İ", "ß", "ǅ",
                      "e\u{301}", "🙂", "中文", "Ⅻ", "½", "\u{200D}", "\t", "ﬃ", "Ω", "K", ".", "/", "+"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0..<8, using: &random))
                .map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            XCTAssertEqual(Slugger.mixedSlug(text), Slugger.scalarSlug(text), "text \(text.debugDescription)")
        }
        XCTAssertEqual(Slugger.baseSlug("Plan 024 — Rust PTY"), "plan-024--rust-pty")
    }

    /// Quoted spans found from the candidate bytes agree with the character-by-character walk, whatever the code
    /// spans, curly quotes, dashes, and quotes that a combining mark or a prepended scalar make other characters.
    func testQuotedSpansAgreeWithTheCharacterWalk() {
        var random = SeededRandom(seed: 0x0F0E)
        let pieces = ["\"", "“", "”", "`", "``", "a", " PR #4 ", "—", "\"\u{301}", "\u{301}", "\u{600}", "\u{600}\"",
                      "🙂", "é", "x`y`z", "\r\n"]
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0..<12, using: &random))
                .map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            XCTAssertEqual(TagExemptions.quotedSpans(in: line), TagExemptions.quotedSpansByCharacter(in: line),
                           "line \(line.debugDescription)")
        }
    }

    /// A pattern is JIT-compiled on its first match: threads that all start with it match as one thread does.
    func testAPatternFirstMatchedOnManyThreadsAtOnceMatchesAsOnOne() throws {
        let lines = (0..<400).map { number in
            "line \(number): Plan-\(String(format: "%03d", number % 37)) and PR #\(number)"
                + (number % 3 == 0 ? " I-0\(number)" : "")
        }
        let source = #"\b(Plan|I)-(\d+)|PR #(\d+)"#
        let serial = try Pattern(source)
        let expected = lines.map { line in serial.matches(in: line).map { [$0[0], $0[1], $0[2], $0[3]] } }
        for _ in 0..<5 {
            let fresh = try Pattern(source)
            let found = lines.parallelMap { line in fresh.matches(in: line).map { [$0[0], $0[1], $0[2], $0[3]] } }
            XCTAssertEqual(found, expected)
        }
        XCTAssertEqual(expected[3].first?[0], "Plan-003")
    }

    func testDecodingFindsTheFirstNULAfterTheByteOrderMark() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        guard case let .failure(problem) = TextDecoding.decode(bom + Array("ab\ncd\0e\0".utf8)) else {
            return XCTFail("a NUL byte decodes")
        }
        XCTAssertEqual(problem.code, "input/binary")
        XCTAssertEqual(problem.message, "binary file: NUL byte at line 2, column 3")
        guard case let .failure(first) = TextDecoding.decode([0, 0x41]) else { return XCTFail("a NUL byte decodes") }
        XCTAssertEqual(first.message, "binary file: NUL byte at line 1, column 1")
        guard case let .success(text) = TextDecoding.decode(bom + Array("é\n".utf8)) else {
            return XCTFail("UTF-8 text does not decode")
        }
        XCTAssertEqual(text, "é\n")
    }

    func testKeyedFingerprintTellsChangedBytes() {
        let bytes = Array("# A\n\ntext\n".utf8)
        let fingerprint = DocumentText.Fingerprint.keyed(bytes)
        XCTAssertTrue(fingerprint.matches(bytes))
        XCTAssertFalse(fingerprint.matches(Array("# B\n\ntext\n".utf8)), "same length, other bytes")
        XCTAssertFalse(fingerprint.matches(bytes + [0x0A]), "one byte more")
        XCTAssertTrue(DocumentText.Fingerprint.sha256Digest(sha256(bytes)).matches(bytes))
        // A file read in a run with a cache: checked by the keyed hash, its SHA-256 kept for the cache.
        let both = DocumentText.Fingerprint.digestAndKeyed(sha256(bytes), bytes)
        XCTAssertTrue(both.matches(bytes))
        XCTAssertFalse(both.matches(Array("# B\n\ntext\n".utf8)), "same length, other bytes")
        XCTAssertFalse(both.matches(bytes + [0x0A]), "one byte more")
    }

    /// A text read with both fingerprints gives its SHA-256 as its file hash, and its bytes when unchanged; a
    /// changed file gives an empty text and no hash.
    func testDigestAndKeyedTextKeepsItsHashAndRefusesChangedBytes() throws {
        let path = try Fixture.directory(["a.md": "# A\n\ntext\n"]).appendingPathComponent("a.md").path
        let bytes = Array("# A\n\ntext\n".utf8)
        let same = DocumentText(reading: path, fingerprint: .digestAndKeyed(sha256(bytes), bytes), limit: 1 << 20)
        XCTAssertEqual(same.fileHash, sha256(bytes))
        XCTAssertEqual(same.value.text, "# A\n\ntext\n")
        XCTAssertEqual(same.fileHash, sha256(bytes))
        let changed = DocumentText(reading: path, fingerprint: .digestAndKeyed(sha256(bytes), bytes), limit: 1 << 20)
        try Data(Array("# B\n\ntext\n".utf8)).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(changed.value.text, "")
        XCTAssertNil(changed.fileHash)
    }

    /// The keyed hash tells apart every one-bit change of a random text, lengths that differ only by zero bytes,
    /// and keys; it is the same for the same bytes and key.
    func testKeyedHashSeesEveryBitFlip() {
        var random = SeededRandom(seed: 0xB17)
        let bytes = (0..<301).map { _ in UInt8.random(in: 0...255, using: &random) }
        func hash(_ bytes: [UInt8], key: UInt64 = 42) -> UInt64 {
            bytes.withUnsafeBytes { DocumentText.Fingerprint.keyedHash($0, key: key) }
        }
        let original = hash(bytes)
        XCTAssertEqual(hash(bytes), original)
        var seen: Set<UInt64> = [original]
        for index in bytes.indices {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[index] ^= 1 << bit
                seen.insert(hash(flipped))
            }
        }
        XCTAssertEqual(seen.count, 1 + 8 * bytes.count, "every flip gives its own hash")
        let zeros = (0..<20).map { hash([UInt8](repeating: 0, count: $0)) }
        XCTAssertEqual(Set(zeros).count, zeros.count, "runs of zero bytes of each length differ")
        XCTAssertNotEqual(hash(bytes, key: 1), hash(bytes, key: 2))
    }

    /// Without a cache the text is read again later against the keyed fingerprint: unchanged, it is the text;
    /// rewritten in the meantime (same length), it is empty, as with the cache's SHA-256.
    func testAFileChangedAfterItsAnalysisGivesNoTextWithoutACache() throws {
        let files = ["docs/a.md": "# A\n\nPR #4 here.\n", "docs/b.md": "# B\n\nplain text\n"]
        let root = try Fixture.directory(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let corpus = try CorpusLoader.load(root: root.path, profile: profile)
        try Data("# A\n\nPR #5 here.\n".utf8).write(to: root.appendingPathComponent("docs/a.md"))
        XCTAssertEqual(corpus.document(at: "docs/a.md")?.source.text, "")
        XCTAssertEqual(corpus.document(at: "docs/b.md")?.source.text, files["docs/b.md"])
    }
}

/// The elements a parallel map transformed (guarded by the caller's lock).
private final class Counter: @unchecked Sendable {
    private(set) var values: [Int] = []
    func add(_ value: Int) { values.append(value) }
}
