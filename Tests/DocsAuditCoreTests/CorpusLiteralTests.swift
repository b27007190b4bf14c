import Foundation
import XCTest

/// No corpus spelling (`Plan-`, `NS-`, `CP-`, `BL-`, `Spec-`, `ADR-`, `#### Tasks`) lives in Swift: modules take
/// every such string from the profile. Allowed: comments, the embedded profile and example texts, and the ID
/// engine files another change rewrites (Engine/Rules/IDs, Engine/Extraction/ReferenceScanner.swift).
final class CorpusLiteralTests: XCTestCase {
    static let literals = ["Plan-", "NS-", "CP-", "BL-", "#### Tasks", "Spec-", "ADR-"]

    /// Paths (relative to Sources/) where corpus spellings are allowed.
    static func allowed(_ path: String) -> Bool {
        path.hasSuffix("Text.swift")
            || path.hasPrefix("DocsAuditCore/Engine/Rules/IDs/")
            || path == "DocsAuditCore/Engine/Extraction/ReferenceScanner.swift"
    }

    /// The corpus spellings on the lines of `text` that are not comments, as `line: literal`.
    static func offending(_ text: String) -> [String] {
        var found: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("//") { continue }
            for literal in literals where line.contains(literal) { found.append("\(index + 1): \(literal)") }
        }
        return found
    }

    func testTheScannerSeesLiteralsAndSkipsComments() {
        XCTAssertEqual(Self.offending("let a = \"Plan-\\(n)\"\n    /// `NS-01` in a doc comment\n// BL-1\n"),
                       ["1: Plan-"])
        XCTAssertEqual(Self.offending("help: \"\"\"\n    `#### Tasks` blocks\n    \"\"\""), ["2: #### Tasks"])
    }

    func testNoCorpusLiteralOutsideTheAllowedPlaces() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = (FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
        XCTAssertGreaterThan(files.count, 50, "Sources/ was not found next to the tests")
        var problems: [String] = []
        for path in files where !Self.allowed(path) {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            problems += Self.offending(text).map { "Sources/\(path):\($0)" }
        }
        XCTAssertEqual(problems, [], "corpus spellings belong in the profile (rules/default.yml), not in Swift")
    }
}
