import FoundationEssentials
import XCTest
@testable import DocsAuditCore

/// The cold pass's walk lists every block as it builds the tree, and the parse-cost estimate reads one buffer
/// pointer: each is held to what it replaced (the flattening of the finished tree, the slice-per-line estimate
/// kept below as the oracle) on every file of both shared corpora, our own Markdown and built texts.
final class WalkAndCostTests: XCTestCase {
    /// Built texts: nesting at and past the flattening depth (blocks and inlines), tables, lists in quotes, code,
    /// HTML, footnotes, task items, bare URLs, front matter, CR and CRLF line ends.
    static let built: [String] = [
        "", "# T\n", "> a\n> > b\n> > > c\n", String(repeating: ">", count: 1000) + " deep\n",
        String(repeating: "- ", count: 300) + "x\n", String(repeating: "  ", count: 10) + "- x\n",
        "| a | b |\n| - | - |\n| `c \\| d` | [e](f.md#g) |\n\n> | x |\n> | - |\n> | y |\n",
        "1. a\n   - [x] b\n   - [ ] c\n\n   ```swift\n   code\n   ```\n2. d\n",
        "<div>\nhtml\n</div>\n\ntext[^1] www.example.com and https://x.y/z ~~s~~\n\n[^1]: note\n    more\n",
        "---\ntitle: x\n---\n# After\n", "a\r\nb\r\n\r\n- c\r\n", "a\rb\r\r> c\r",
        String(repeating: "*a ", count: 400) + String(repeating: "b* ", count: 400) + "\n",
        String(repeating: "[", count: 300) + "x" + String(repeating: "](y)", count: 300) + "\n",
        "***\n\n    indented code\n\n# H1\n## H2 *em* `code` <b>x</b>\nSetext\n---\n",
    ]

    /// The Markdown texts of both shared corpora and of the project (skipping with a message without them).
    static func corpusTexts() throws -> [String] {
        let root = PatternEngineComparisonTests.projectRoot
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        let corpora = ["ai-sidekicks", "rust-rfcs"].map { shared.appendingPathComponent($0) }
        guard corpora.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else {
            throw XCTSkip("../shared/corpora/ai-sidekicks and rust-rfcs are absent: the walk and cost comparisons "
                          + "over real files need them")
        }
        let folders = corpora + ["README.md", "docs", "Examples", "Tests/Fixtures"].map { root.appendingPathComponent($0) }
        var texts: [String] = []
        for folder in folders {
            guard let names = FileManager.default.enumerator(atPath: folder.path) else {
                if let text = try? String(contentsOf: folder, encoding: .utf8) { texts.append(text) }
                continue
            }
            for case let name as String in names where name.hasSuffix(".md") {
                if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) {
                    texts.append(text)
                }
            }
        }
        XCTAssertGreaterThan(texts.count, 700, "both corpora were read")
        return texts
    }

    /// What a block is, for comparing two lists of blocks (Block is not Equatable).
    private static func shape(_ block: Block) -> String {
        "\(block.kind) \(block.range) \(block.literal.debugDescription) \(block.children.count) \(block.inlines.count) "
            + block.plainText.debugDescription
    }

    private func assertWalkListsTheFlattenedTree(_ text: String, frontMatter: Bool = false,
                                                 file: StaticString = #filePath, line: UInt = #line) {
        let document = MarkdownDocument(path: "a.md", text: text, frontMatter: frontMatter)
        let expected = MarkdownDocument.flatten(document.blocks).map(Self.shape)
        let actual = document.allBlocks.map(Self.shape)
        XCTAssertEqual(actual.count, expected.count, "text \(text.prefix(80).debugDescription)", file: file, line: line)
        XCTAssertEqual(actual, expected, "text \(text.prefix(80).debugDescription)", file: file, line: line)
    }

    func testTheWalkListsBlocksAsTheFinishedTreeFlattens() {
        for text in Self.built {
            assertWalkListsTheFlattenedTree(text)
            assertWalkListsTheFlattenedTree(text, frontMatter: true)
        }
        let deep = MarkdownDocument(path: "a.md", text: String(repeating: ">", count: 1000) + " deep\n")
        XCTAssertFalse(deep.parseProblems.isEmpty, "the built texts reach the flattening depth")
        XCTAssertEqual(deep.allBlocks.filter { $0.kind == .paragraph }.map(\.plainText), ["deep"])
    }

    func testTheWalkListsBlocksAsTheFinishedTreeFlattensOverTheCorpora() throws {
        for text in try Self.corpusTexts() { assertWalkListsTheFlattenedTree(text) }
    }

    func testCostEstimateOnOneBufferAgreesWithTheSlicePerLine() throws {
        var random = SeededRandom(seed: 0xC057)
        let pieces = ["a", " ", "\n", "\r", "\r\n", "|", "*", "_", "`", "```", "~~~", "````", "   ```", "    ```", "-",
                      "+", ">", "- ", "www.", "ww", "://", ":/", "[", "]", "!", "<", "\\", "&", "~", "@", "\t", "é",
                      "```swift", "``` `x`", "~~~ ` "]
        var texts = Self.built
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 0..<24, using: &random))
                .map { _ in pieces.randomElement(using: &random) ?? "" }.joined())
        }
        for text in texts {
            let bytes = Array(text.utf8)
            XCTAssertEqual(ParseCost.estimate(bytes), SlicedParseCost.estimate(bytes), "text \(text.debugDescription)")
        }
        for text in try Self.corpusTexts() {
            let bytes = Array(text.utf8)
            XCTAssertEqual(ParseCost.estimate(bytes), SlicedParseCost.estimate(bytes))
        }
    }
}

/// The estimate as it was before it read one buffer pointer (a slice per line): the oracle.
private enum SlicedParseCost {
    static func estimate(_ bytes: [UInt8]) -> Int {
        var splits = 0
        var fence: (byte: UInt8, length: Int)?
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            let marker = fenceMarker(line)
            if let open = fence {
                if let marker, marker.byte == open.byte, marker.length >= open.length, marker.bare { fence = nil }
            } else if let marker, marker.byte == UInt8(ascii: "~") || marker.infoIsPlain {
                fence = (marker.byte, marker.length)
            } else {
                splits += splitsIn(line)
            }
            splits += 1
            lineStart = lineEnd + 1
        }
        return (splits + 16) * ParseCost.bytesPerNode + 8 * bytes.count
    }

    private static func fenceMarker(_ line: ArraySlice<UInt8>)
        -> (byte: UInt8, length: Int, bare: Bool, infoIsPlain: Bool)? {
        var index = line.startIndex
        while index < line.endIndex, line[index] == 0x20, index - line.startIndex < 3 { index += 1 }
        guard index < line.endIndex, line[index] == UInt8(ascii: "`") || line[index] == UInt8(ascii: "~") else {
            return nil
        }
        let byte = line[index]
        var end = index
        while end < line.endIndex, line[end] == byte { end += 1 }
        guard end - index >= 3 else { return nil }
        let rest = line[end...]
        return (byte, end - index, rest.allSatisfy { $0 == 0x20 || $0 == 0x09 }, !rest.contains(UInt8(ascii: "`")))
    }

    private static func splitsIn(_ line: ArraySlice<UInt8>) -> Int {
        var splits = 0
        var previous: UInt8 = 0x0A
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ">") {
                if [0x0A, 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*")]
                    .contains(previous) { splits += 2 }
            } else if "|*_`[]!<\\&~@".utf8.contains(byte) {
                splits += 2
            } else if byte == UInt8(ascii: "w"), line.endIndex - index >= 4, line[index + 1] == byte,
                      line[index + 2] == byte, line[index + 3] == UInt8(ascii: ".") {
                splits += 4
            } else if byte == UInt8(ascii: ":"), line.endIndex - index >= 3, line[index + 1] == UInt8(ascii: "/"),
                      line[index + 2] == UInt8(ascii: "/") {
                splits += 4
            }
            previous = byte
            index += 1
        }
        return splits
    }
}
