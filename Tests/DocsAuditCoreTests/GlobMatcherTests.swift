import XCTest
@testable import DocsAuditCore

/// The compiled glob matcher agrees with the recursive one it replaced (kept below as the reference) and
/// stays linear where that one was exponential.
final class GlobMatcherTests: XCTestCase {
    func testAgreesWithTheRecursiveMatcherOnRandomGlobsAndNames() {
        var random = SeededRandom(seed: 0x5EED)
        let globPieces = ["a", "b", "*", "?", "/", "**/", "/**", "[ab]", "[!a]", "[a-b]", "[", "]", "**"]
        let namePieces = ["a", "b", "/", "[", "]", "c"]
        var matched = 0
        for _ in 0..<20_000 {
            let glob = (0..<Int.random(in: 0..<7, using: &random))
                .map { _ in globPieces.randomElement(using: &random) ?? "" }.joined()
            let name = (0..<Int.random(in: 0..<9, using: &random))
                .map { _ in namePieces.randomElement(using: &random) ?? "" }.joined()
            let expected = RecursiveGlob.matches(glob, name)
            XCTAssertEqual(Glob(glob).matches(name), expected, "glob \(glob) on \(name)")
            if expected { matched += 1 }
        }
        XCTAssertGreaterThan(matched, 1_000, "the random cases include matches")
    }

    /// ASCII paths are split on bytes; the split on `/` characters they replaced is the oracle, and stays the
    /// matcher of other paths (where a `/` followed by a combining mark is no separator).
    func testTheByteSplitAgreesWithTheCharacterSplit() {
        var random = SeededRandom(seed: 0xC01D)
        let globPieces = ["a", "é", "*", "?", "/", "**/", "/**", "[aé]", "[!a]", "**", "md", "."]
        let namePieces = ["a", "é", "/", "//", "b", ".md", "/\u{301}", "ok"]
        for _ in 0..<20_000 {
            let glob = (0..<Int.random(in: 0..<7, using: &random))
                .map { _ in globPieces.randomElement(using: &random) ?? "" }.joined()
            let name = (0..<Int.random(in: 0..<9, using: &random))
                .map { _ in namePieces.randomElement(using: &random) ?? "" }.joined()
            XCTAssertEqual(Glob(glob).matches(name), Glob(glob).matchesSplittingCharacters(name),
                           "glob \(glob) on \(name)")
        }
        XCTAssertTrue(Glob("a/*").matches("a//b"), "empty segments are dropped")
        XCTAssertFalse(Glob("a/*").matches("a/\u{301}b/c"))
        XCTAssertTrue(Glob("*").matches("a/\u{301}b"), "a slash with a combining mark is not a separator")
    }

    func testStarsAndGlobstarsOnLongNamesAndDeepTrees() {
        let deep = (0..<60).map { "d\($0)" }.joined(separator: "/")
        XCTAssertFalse(Glob("**/**/**/**/**/**/**/**/x.md").matches(deep + "/y.md"))
        XCTAssertTrue(Glob("**/**/**/**/**/**/**/**/x.md").matches(deep + "/x.md"))
        let name = String(repeating: "a", count: 500) + ".md"
        XCTAssertFalse(Glob(String(repeating: "*a", count: 30) + "*b.md").matches(name))
        XCTAssertTrue(Glob(String(repeating: "*a", count: 30) + "*.md").matches(name))
        XCTAssertTrue(Glob("docs/**/[0-9][0-9]-*.md").matches("docs/x/y/12-a.md"))
        XCTAssertFalse(Glob("docs/**/[0-9][0-9]-*.md").matches("docs/x/y/1a-a.md"))
        XCTAssertFalse(Glob("[z-a]x").matches("bx"), "a reversed range holds nothing")
        XCTAssertTrue(Glob("a[b").matches("a[b"), "a `[` without `]` is a literal")
    }
}

/// The matcher before it was compiled: recursive, exponential in the number of stars. The reference only.
private enum RecursiveGlob {
    static func matches(_ source: String, _ path: String) -> Bool {
        let globs = source.split(separator: "/", omittingEmptySubsequences: true)
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return match(globs[...], parts[...])
    }

    private static func match(_ globs: ArraySlice<Substring>, _ parts: ArraySlice<Substring>) -> Bool {
        guard let first = globs.first else { return parts.isEmpty }
        if first == "**" {
            var remaining = parts
            while true {
                if match(globs.dropFirst(), remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let part = parts.first, segment(Array(first.unicodeScalars)[...], Array(part.unicodeScalars)[...])
        else { return false }
        return match(globs.dropFirst(), parts.dropFirst())
    }

    private static func segment(_ glob: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let head = glob.first else { return text.isEmpty }
        switch head {
        case "*":
            var rest = text
            while true {
                if segment(glob.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !text.isEmpty && segment(glob.dropFirst(), text.dropFirst())
        case "[":
            guard let char = text.first, let close = glob.dropFirst().firstIndex(of: "]") else {
                return text.first == "[" && segment(glob.dropFirst(), text.dropFirst())
            }
            guard contains(glob[(glob.startIndex + 1)..<close], char) else { return false }
            return segment(glob[(close + 1)...], text.dropFirst())
        default:
            return text.first == head && segment(glob.dropFirst(), text.dropFirst())
        }
    }

    private static func contains(_ set: ArraySlice<Unicode.Scalar>, _ char: Unicode.Scalar) -> Bool {
        var negate = false
        var items = set
        if items.first == "!" || items.first == "^" {
            negate = true
            items = items.dropFirst()
        }
        var found = false
        var index = items.startIndex
        while index < items.endIndex {
            let low = items[index]
            if index + 2 < items.endIndex, items[index + 1] == "-" {
                if char.value >= low.value && char.value <= items[index + 2].value { found = true }
                index += 3
            } else {
                if char == low { found = true }
                index += 1
            }
        }
        return found != negate
    }
}
