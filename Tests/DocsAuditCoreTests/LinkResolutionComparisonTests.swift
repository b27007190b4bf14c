import XCTest
@testable import DocsAuditCore

/// `LinkExtractor.resolve` finds the fragment, query and `%` in one pass over the destination's bytes and folds
/// the path's segments as slices; the version that searched three times and made a `String` per segment is kept
/// below as the oracle, and both must resolve every destination alike.
final class LinkResolutionComparisonTests: XCTestCase {
    func testOnePassResolutionAgreesWithTheSegmentStrings() {
        var random = SeededRandom(seed: 0x714C)
        let pieces = ["a", "b.md", "/", "//", ".", "..", "#", "#x", "?", "?q=1", "%", "%20", "%2F", "%E2%80%94", "%zz",
                      "é", "\u{301}", "🙂", " ", "docs", "plans", "http:", "https://x.y/", "mailto:a@b", "C:", "-",
                      "../..", "./", "#?", "?#", "%#", "A+b.c:"]
        let paths = ["a.md", "docs/a.md", "docs/plans/x/y.md", "é/ü.md", "../out.md", ""]
        let roots = [[], ["https://github.com/o/r/blob/main/"], ["https://x.y/", "/abs/"]]
        for _ in 0..<40_000 {
            let destination = (0..<Int.random(in: 0..<7, using: &random))
                .map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let path = paths.randomElement(using: &random) ?? ""
            let siteRoots = roots.randomElement(using: &random) ?? []
            let actual = LinkExtractor.resolve(destination, from: path, siteRoots: siteRoots)
            let expected = OldLinkResolution.resolve(destination, from: path, siteRoots: siteRoots)
            XCTAssertEqual(actual?.target, expected?.target, "\(destination.debugDescription) from \(path)")
            XCTAssertEqual(actual?.fragment, expected?.fragment, "\(destination.debugDescription) from \(path)")
            XCTAssertEqual(actual == nil, expected == nil, "\(destination.debugDescription) from \(path)")
        }
        XCTAssertEqual(LinkExtractor.resolve("../b/./c.md?x#h%20", from: "docs/a/p.md")?.target, "docs/b/c.md")
        XCTAssertEqual(LinkExtractor.resolve("../b/./c.md?x#h%20", from: "docs/a/p.md")?.fragment, "h%20")
        XCTAssertEqual(LinkExtractor.resolve("a%2Fb.md", from: "d/p.md")?.target, "d/a/b.md")
    }
}

/// The resolution as it was: three byte searches, a `String` per segment, `normalize` over the strings.
private enum OldLinkResolution {
    static func resolve(_ destination: String, from path: String,
                        siteRoots: [String] = []) -> (target: String?, fragment: String?)? {
        resolve(destination, folder: { segments(path).dropLast() }, siteRoots: siteRoots)
    }

    private static func resolve(_ destination: String, folder: () -> ArraySlice<String>,
                                siteRoots: [String]) -> (target: String?, fragment: String?)? {
        if let root = siteRoots.first(where: { destination.hasPrefix($0) }) {
            let rest = String(destination.dropFirst(root.count))
            guard let resolved = resolve("/" + rest, folder: { [] }, siteRoots: []) else { return nil }
            return (resolved.target ?? "", resolved.fragment)
        }
        if destination.isEmpty || destination.hasPrefix("//") || hasScheme(destination) { return nil }
        var file = Substring(destination)
        var fragment: String?
        if let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) {
            file = destination[..<hash]
            fragment = String(destination[destination.utf8.index(after: hash)...])
        }
        if let query = file.utf8.firstIndex(of: UInt8(ascii: "?")) { file = file[..<query] }
        if file.utf8.contains(UInt8(ascii: "%")) { file = Substring(TextFormat.percentDecoded(file) ?? String(file)) }
        if file.isEmpty { return (nil, fragment) }
        let base = file.utf8.first == UInt8(ascii: "/") ? [] : folder()
        return (LinkExtractor.normalize(base + segments(file)), fragment)
    }

    private static func segments<S: StringProtocol>(_ path: S) -> [String] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func hasScheme(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let first = bytes.first, isLetter(first) else {
            return false
        }
        return bytes[..<colon].allSatisfy { byte in
            isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
}
