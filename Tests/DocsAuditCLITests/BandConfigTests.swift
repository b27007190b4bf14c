import Foundation
import XCTest

/// `gates.bands` in a corpus's docs-audit.yml, through the built binary.
final class BandConfigTests: XCTestCase {
    /// `gates.bands`: a number past Int once crashed `gates` and `report` (a Double turned into an Int to print).
    func testBandsAreFiniteNumbersInRangeAndRangesInOrder() throws {
        let number = "gates.bands.b2: expected a number from 0 to 1000000000"
        let range = "gates.bands.b2: expected [low, high] with low ≤ high, or one number"
        try CLI.assertConfigErrors([
            ("gates:\n  bands:\n    b2: 9223372036854775807\n", "docs-audit.yml:3:9: " + number),
            ("gates:\n  bands:\n    b2: 1e20\n", "docs-audit.yml:3:9: " + number),
            ("gates:\n  bands:\n    b2: -1\n", "docs-audit.yml:3:9: " + number),
            ("gates:\n  bands:\n    b2: inf\n", "docs-audit.yml:3:9: " + number),
            ("gates:\n  bands:\n    b2: [5, 2]\n", "docs-audit.yml:3:9: " + range),
            ("gates:\n  bands:\n    b2: [1, 2, 3]\n", "docs-audit.yml:3:9: " + range),
        ])
    }
}
