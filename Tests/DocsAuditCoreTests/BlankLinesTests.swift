import XCTest
@testable import DocsAuditCore

/// `BlankLines.allBlank` answers a range a word at a time: it must agree with asking each line.
final class BlankLinesTests: XCTestCase {
    func testAllBlankAgreesWithEveryLineAsked() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let count = Int.random(in: 0...300, using: &generator)
            // Runs of blank lines of every length, so ranges start and end inside and across words.
            let blankEvery = Int.random(in: 1...80, using: &generator)
            let lines = (0..<count).map { $0 % blankEvery == 0 ? "text \($0)" : (Bool.random() ? "" : " \t") }
            let text = SourceText(lines.joined(separator: "\n"))
            let blank = BlankLines(text)
            for _ in 0..<50 {
                let low = Int.random(in: -3...(count + 3), using: &generator)
                let high = Int.random(in: low...(count + 70), using: &generator)
                let expected = (low...high).allSatisfy { blank.isBlank($0) }
                XCTAssertEqual(blank.allBlank(low...high), expected, "round \(round): \(low)...\(high) of \(count)")
            }
        }
    }
}
