import Foundation
import XCTest
@testable import DocsAuditCore

/// Reference links are read from the bytes of each line in place; the line-copying reader they replaced is kept
/// here as the reference, and both read every line of both shared corpora and of our Markdown alike.
final class ReferenceLinksComparisonTests: XCTestCase {
    func testDefinitionsAndUsesOnBytesEqualTheCopyingReader() throws {
        let lines = try ByteScanComparisonTests.lines() + [
            "[a]: #a", " > [b]: x", "[^c]: note", "[d]:", "[e] : x", "`[f][g]` and [h][i] and [j][]", "\\[k][l]",
            "[m][n [o]", "[é][ü] and [Ünï]", "``[p]`` [q]`x`", "[r]: <s t>", "[ ][ ]", "[u][\\]]",
        ]
        var compared = 0
        var differences = 0
        for (number, line) in lines.enumerated() {
            let text = Substring(line)
            let expectedDefinition = Reference.definition(text, number: number)
            let actualDefinition = text.withLineBytes { ReferenceLinks.definition($0, number: number) }
            let expectedUses = Reference.uses(text, number: number)
            let actualUses = text.withLineBytes { ReferenceLinks.uses($0, number: number) }
            compared += expectedUses.count + (expectedDefinition == nil ? 0 : 1)
            guard expectedDefinition != actualDefinition || expectedUses != actualUses, differences < 10 else {
                continue
            }
            differences += 1
            XCTFail("line \(line.debugDescription): definition \(String(describing: expectedDefinition)) uses "
                    + "\(expectedUses), now \(String(describing: actualDefinition)) and \(actualUses)")
        }
        XCTAssertGreaterThan(compared, 1_000, "the corpora hold reference links and definitions")
    }

    func testCodeSpansOnBytesEqualTheStringReader() throws {
        for line in try ByteScanComparisonTests.lines() {
            let expected = Reference.codeSpans(line)
            XCTAssertEqual(Substring(line).withLineBytes { CodeSpans.ranges(in: $0) }, expected, line)
            XCTAssertEqual(CodeSpans.ranges(in: line), expected, line)
        }
    }
}

/// The readers as they were before they read bytes in place.
private enum Reference {
    static func codeSpans(_ line: String) -> [Range<Int>] {
        let bytes = Array(line.utf8)
        var runs: [(start: Int, length: Int)] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "`") {
                let start = index
                while index < bytes.count && bytes[index] == UInt8(ascii: "`") { index += 1 }
                runs.append((start, index - start))
            } else {
                index += 1
            }
        }
        var spans: [Range<Int>] = []
        var open = 0
        while open < runs.count {
            guard let close = runs[(open + 1)...].firstIndex(where: { $0.length == runs[open].length }) else {
                open += 1
                continue
            }
            spans.append(runs[open].start..<(runs[close].start + runs[close].length))
            open = close + 1
        }
        return spans
    }

    static func definition(_ line: Substring, number: Int) -> ReferenceLinks.Definition? {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: ">") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count,
              bytes[index + 1] != UInt8(ascii: "^") else { return nil }
        let open = index
        guard let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "]")), close > open + 1,
              close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: ":"),
              !bytes[(open + 1)..<close].contains(UInt8(ascii: "[")) else { return nil }
        let rest = bytes[(close + 2)...].drop { $0 == 0x20 || $0 == 0x09 }
        guard !rest.isEmpty else { return nil }
        let label = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        let destination = rest.prefix { $0 != 0x20 && $0 != 0x09 }
        return ReferenceLinks.Definition(label: ReferenceLinks.normalize(label), line: number, column: open + 1,
                                         written: String(decoding: bytes[open...close], as: UTF8.self),
                                         destination: String(decoding: destination, as: UTF8.self))
    }

    static func uses(_ line: Substring, number: Int) -> [ReferenceLinks.Use] {
        let text = String(line)
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "[")) else { return [] }
        let spans = codeSpans(text)
        var found: [ReferenceLinks.Use] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            guard byte == UInt8(ascii: "["), !CodeSpans.contains(spans, column: index + 1),
                  let close = closing(bytes, from: index) else {
                index += 1
                continue
            }
            let inner = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            let next = close + 1 < bytes.count ? bytes[close + 1] : 0
            if next == UInt8(ascii: "["), let end = closing(bytes, from: close + 1) {
                let label = end == close + 2 ? inner : String(decoding: bytes[(close + 2)..<end], as: UTF8.self)
                if !label.hasPrefix("^"), !ReferenceLinks.normalize(label).isEmpty {
                    found.append(.init(label: ReferenceLinks.normalize(label), line: number, column: index + 1,
                                       written: String(decoding: bytes[index...end], as: UTF8.self), shortcut: false))
                }
                index = end + 1
                continue
            }
            if next != UInt8(ascii: "("), next != UInt8(ascii: ":"), !inner.hasPrefix("^") {
                found.append(.init(label: ReferenceLinks.normalize(inner), line: number, column: index + 1,
                                   written: String(decoding: bytes[index...close], as: UTF8.self), shortcut: true))
            }
            index += 1
        }
        return found
    }

    private static func closing(_ bytes: [UInt8], from open: Int) -> Int? {
        var index = open + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
                continue
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "]"): return index
            default: index += 1
            }
        }
        return nil
    }
}
