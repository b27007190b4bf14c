import Foundation
import XCTest
@testable import DocsAuditCore

/// The cache's streaming entry encoder writes JSON that `JSONDecoder` reads back into exactly the analysis
/// `JSONEncoder` would have stored, and refuses (so the cache falls back to `JSONEncoder`) what it cannot.
final class EntryEncoderTests: XCTestCase {
    private static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The analyses encoded by `EntryEncoder` and decoded again equal the originals (compared through
    /// `JSONEncoder` with sorted keys).
    private func assertRoundTrips(_ root: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let profile = try ProfileLoader.load(root: root, configFile: nil)
        let corpus = try CorpusLoader.load(root: root, profile: profile, cacheDirectory: nil)
        XCTAssertFalse(corpus.analyses.isEmpty, file: file, line: line)
        let reference = JSONEncoder()
        reference.outputFormatting = .sortedKeys
        for (document, analysis) in zip(corpus.documents, corpus.analyses) {
            let bytes = try EntryEncoder.encode(analysis)
            let decoded = try JSONDecoder().decode(FileAnalysis.self, from: Data(bytes))
            XCTAssertEqual(try reference.encode(decoded), try reference.encode(analysis), document.path,
                           file: file, line: line)
        }
    }

    func testTheExampleCorpusRoundTrips() throws {
        try assertRoundTrips(Self.project.appendingPathComponent("Examples/corpus").path)
    }

    func testTheRealCorpusRoundTrips() throws {
        guard let corpus = Fixture.realCorpus else {
            throw XCTSkip("../shared/corpora/ai-sidekicks is absent: the real-corpus round trip needs it beside the "
                + "project")
        }
        try assertRoundTrips(corpus)
    }

    private struct Sample: Codable, Equatable {
        enum Kind: Codable, Equatable { case one(Int, name: String), two }
        var text: String
        var missing: String?
        var table: [String: [Int]]
        var kinds: [Kind]
        var optionals: [Int?]
        var small: UInt8
        var flag: Bool
    }

    func testEscapesNestedContainersAndOptionalsDecodeBack() throws {
        let sample = Sample(text: "q\"\\\n\r\t\u{1}\u{1F}é/ 🙂", missing: nil, table: ["k": [1, -2], "": []],
                            kinds: [.one(5, name: "n"), .two], optionals: [1, nil], small: 200, flag: true)
        let bytes = try EntryEncoder.encode(sample)
        XCTAssertEqual(try JSONDecoder().decode(Sample.self, from: Data(bytes)), sample)
        XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains("missing"), "an absent optional is left out")
    }

    private struct Fraction: Encodable { var value = 1.5 }

    private struct Super: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            try "a".encode(to: container.superEncoder())
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func testWhatItCannotWriteAsJSONEncoderWouldIsRefused() {
        XCTAssertThrowsError(try EntryEncoder.encode(Fraction()))
        XCTAssertThrowsError(try EntryEncoder.encode(Super()))
        XCTAssertThrowsError(try EntryEncoder.encode([Date()]))
    }
}
