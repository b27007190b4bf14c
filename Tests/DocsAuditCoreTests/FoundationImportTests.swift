import XCTest

/// The shipped targets import only `FoundationEssentials`: the full Foundation links ICU's 34 MB of data into
/// the static binary (docs/performance.md, "Binary size"). Tests and the fuzzer may use it.
final class FoundationImportTests: XCTestCase {
    func testNoShippedSourceImportsFullFoundation() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 50, "Sources/ not found at \(sources.path)")
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.trimmingCharacters(in: .whitespaces).hasPrefix("import Foundation")
                && !line.contains("FoundationEssentials") {
                offenders.append("Sources/\(file):\(number + 1): \(line)")
            }
        }
        XCTAssertEqual(offenders, [], "import FoundationEssentials (or nothing) instead")
    }
}
