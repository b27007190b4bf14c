import Foundation
import XCTest
@testable import DocsAuditCore

/// The cache's per-type binary codec: random values of every type inside a `FileAnalysis` come back equal (a
/// field added to a type and forgotten in its codec fails here), and numbers, counts and strings that do not
/// fit are refused, never trusted.
final class BinaryCodableTests: XCTestCase {
    private static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The `Codable` form, which lists every stored field, is the oracle: it must not change through the codec.
    func testRandomAnalysesSurviveTheCodec() throws {
        let random = RandomValues(seed: 12)
        var keys: Set<String> = []
        for round in 0..<400 {
            let analysis = try random.make(FileAnalysis.self)
            let expected = try Self.json(analysis)
            let decoded = try XCTUnwrap(AnalysisCache.roundTrip(analysis, fileSize: 1000))
            let actual = try Self.json(decoded)
            guard actual == expected else {
                return XCTFail("round \(round): a field did not survive the codec:\n\(expected)\n\(actual)")
            }
            // Writing is deterministic (a dictionary's keys in order).
            XCTAssertEqual(AnalysisCache.blob(decoded), AnalysisCache.blob(analysis))
            let object = try JSONSerialization.jsonObject(with: Data(expected.utf8))
            Self.collectKeys(object, into: &keys)
        }
        // The generator reached the deepest types and their optional fields, so the comparison covered them.
        for key in ["acceptanceCriteria", "classAssignments", "carveOuts", "prs", "upstream", "tasksBlocks", "steps",
                    "setClaims", "declarationLines", "severity", "fix", "stoppedPatterns", "origin", "reserved",
                    "errorCodes", "endLine", "statusLine", "headerLine", "ranges", "checked", "member",
                    "blankLines", "words"] {
            XCTAssertTrue(keys.contains(key), key)
        }
    }

    /// `shared` writes a string once and then its number, whether the repeat is among the last few strings
    /// (found by comparison) or further back (found by hash): the bytes are those of the plain rule, written
    /// out here, and read back as the same strings.
    func testSharedStringsGetTheSameNumbersNearAndFar() throws {
        let pool = ["docs/a.md", "I", "CP", "## Section", "docs/b.md", "", "é-ü", "docs/a.mdx"]
        var state: UInt64 = 7
        var sequence: [String] = []
        for _ in 0..<500 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Mostly the last few strings, sometimes one written long before.
            let span = state >> 61 == 0 ? pool.count : 3
            sequence.append(pool[Int((state >> 33) % UInt64(span))])
        }
        var writer = BinaryWriter()
        var expected: [UInt8] = []
        var numbers: [String: Int] = [:]
        for text in sequence {
            writer.shared(text)
            if let number = numbers[text] {
                Varint.append(number + 1, to: &expected)
            } else {
                numbers[text] = numbers.count
                expected.append(0)
                Varint.append(text.utf8.count, to: &expected)
                expected += Array(text.utf8)
            }
        }
        XCTAssertEqual(writer.bytes, expected)
        XCTAssertEqual(numbers.count, pool.count, "the sequence reached every string")
        var reader = BinaryReader(writer.bytes, range: 0..<writer.bytes.count)
        for text in sequence { XCTAssertEqual(try reader.sharedString(), text) }
        XCTAssertTrue(reader.isAtEnd)
    }

    private static func collectKeys(_ object: Any, into keys: inout Set<String>) {
        if let dictionary = object as? [String: Any] {
            for (key, value) in dictionary {
                keys.insert(key)
                collectKeys(value, into: &keys)
            }
        } else if let array = object as? [Any] {
            for value in array { collectKeys(value, into: &keys) }
        }
    }

    private func decode<T: BinaryCodable>(_ type: T.Type, _ write: (inout BinaryWriter) -> Void,
                                          fileSize: Int = 100) -> T? {
        var writer = BinaryWriter()
        write(&writer)
        var reader = BinaryReader(writer.bytes, range: 0..<writer.bytes.count, fileSize: fileSize)
        guard let value = try? T(from: &reader), reader.isAtEnd else { return nil }
        return value
    }

    func testLinesAndColumnsMustFitTheFileAndOtherNumbersStayFarFromOverflow() {
        func problem(line: Int, fileSize: Int = 100) -> ParseProblem? {
            decode(ParseProblem.self, { $0.int(line); $0.string("m") }, fileSize: fileSize)
        }
        XCTAssertEqual(problem(line: 102)?.line, 102)
        XCTAssertNil(problem(line: 103), "past the file's byte count plus two")
        XCTAssertNil(problem(line: -1))
        XCTAssertNil(problem(line: 3, fileSize: 0))
        XCTAssertEqual(problem(line: 1 << 53, fileSize: Int.max)?.line, 1 << 53)
        XCTAssertNil(problem(line: Int.max, fileSize: Int.max))
        let span = { (start: Int) in self.decode(LineSpan.self, { $0.int(start); $0.int(start) }) }
        XCTAssertEqual(span(-5)?.start, -5)
        XCTAssertEqual(span(1 << 53)?.start, 1 << 53)
        XCTAssertNil(span((1 << 53) + 1))
        XCTAssertNil(span(Int.min))
        // A suppression's range of lines is never reversed (a `ClosedRange` would trap).
        func directive(_ lower: Int, _ upper: Int) -> Suppressions.Directive? {
            decode(Suppressions.Directive.self, {
                $0.string("disable"); $0.count(0); $0.int(1); $0.int(lower); $0.int(upper)
            })
        }
        XCTAssertEqual(directive(2, 5)?.lines, 2...5)
        XCTAssertNil(directive(5, 2))
    }

    func testBadTagsNamesAndStringsAreRefused() {
        XCTAssertNil(decode(Bool.self, { $0.byte(2) }))
        XCTAssertTrue(decode(String?.self, { $0.byte(7) }) == nil, "a tag that is neither 0 nor 1")
        XCTAssertNil(decode(Severity.self, { $0.string("fatal") }))
        XCTAssertEqual(decode(Severity.self, { $0.string("info") }), .info)
        XCTAssertNil(decode(String.self, { $0.count(2); $0.byte(0xC3); $0.byte(0x28) }), "invalid UTF-8")
        XCTAssertNil(decode([String: Int].self, { $0.count(2); $0.string("a"); $0.int(1); $0.string("a"); $0.int(2) }))
        XCTAssertEqual(decode([String: Int].self, { $0.count(1); $0.string("a"); $0.int(1) }), ["a": 1])
        // A shared string names only one read before.
        XCTAssertNil(decode(LinkRef.self, { $0.byte(1) }))
        XCTAssertNil(decode(String.self, { _ in }))
    }

    /// The reader takes a string exactly when the standard library finds it valid UTF-8, and then unchanged, on
    /// every short sequence of interesting bytes (all of one and two bytes, and random ones up to six).
    func testTheReaderTakesExactlyTheValidUTF8() {
        func agree(_ bytes: [UInt8]) {
            var writer = BinaryWriter()
            writer.count(bytes.count)
            var reader = BinaryReader(writer.bytes + bytes, range: 0..<(writer.bytes.count + bytes.count))
            let mine = try? reader.string()
            XCTAssertEqual(mine, String(validating: bytes, as: UTF8.self), "\(bytes)")
        }
        for first in 0...255 {
            agree([UInt8(first)])
            for second in 0...255 { agree([UInt8(first), UInt8(second)]) }
        }
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var random = SeededRandom(seed: 15)
        for _ in 0..<200_000 {
            let length = 1 + Int(random.next() % 6)
            agree((0..<length).map { _ in interesting[Int(random.next() % UInt64(interesting.count))] })
        }
        agree(Array("Café ✓ — ünïcode 𝄞".utf8))
    }

    func testCountsAndLengthsPastTheEndAllocateNothing() {
        XCTAssertNil(decode([Int].self, { $0.count(Int.max); $0.int(1) }))
        XCTAssertNil(decode([Int].self, { $0.count(3); $0.int(1); $0.int(2) }))
        XCTAssertNil(decode(String.self, { $0.count(1 << 40); $0.byte(0x61) }))
        XCTAssertNil(decode([String: Int].self, { $0.count(2); $0.string("a") }))
        XCTAssertEqual(decode([Int].self, { $0.count(2); $0.int(1); $0.int(-1) }), [1, -1])
        var reader = BinaryReader(Array(repeating: 0xFF, count: 11), range: 0..<11)
        XCTAssertThrowsError(try reader.varint(), "a varint longer than 64 bits")
        var clamped = BinaryReader([1, 2], range: 1..<50)
        XCTAssertEqual(try clamped.byte(), 2)
        XCTAssertThrowsError(try clamped.byte())
    }
}
