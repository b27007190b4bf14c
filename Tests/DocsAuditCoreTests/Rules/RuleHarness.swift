import XCTest
@testable import DocsAuditCore

/// Runs the linter on inline fixtures whose expected findings are marked with `↓` at the exact place
/// (line and UTF-8 column) where the finding must be reported.
enum RuleHarness {
    struct Marked {
        var files: [String: String] = [:]
        var markers: [(path: String, line: Int, column: Int)] = []
    }

    /// Strips `↓` markers and records where they stood.
    static func mark(_ files: [String: String]) -> Marked {
        var marked = Marked()
        for (path, text) in files {
            var clean = ""
            var line = 1
            var column = 1
            for char in text {
                if char == "↓" {
                    marked.markers.append((path, line, column))
                    continue
                }
                clean.append(char)
                if char == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += String(char).utf8.count
                }
            }
            marked.files[path] = clean
        }
        marked.markers.sort { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
        return marked
    }

    /// Lints the fixture and returns the findings of `rule`.
    static func findings(_ rule: String, _ files: [String: String], config: String? = nil) throws -> (Marked, [Finding]) {
        let marked = mark(files)
        let corpus = try Fixture.corpus(marked.files, config: config)
        let findings = Linter.lint(corpus).filter { $0.rule == rule }
        return (marked, findings)
    }

    /// Asserts that `rule` reports exactly at the markers, with `messages` in order.
    static func assert(_ rule: String, _ files: [String: String], messages: [String], config: String? = nil,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let (marked, findings) = try findings(rule, files, config: config)
        let places = findings.map { "\($0.file):\($0.line):\($0.column)" }
        let expected = marked.markers.map { "\($0.path):\($0.line):\($0.column)" }
        XCTAssertEqual(places, expected, "places of \(rule)", file: file, line: line)
        XCTAssertEqual(findings.map(\.message), messages, "messages of \(rule)", file: file, line: line)
    }
}

/// A small next-steps map; `graph` and `entries` replace its parts.
enum MapFixture {
    static func map(graph: String, entries: String, prose: String = "") -> String {
        """
        # Map

        ## 6. Active Next Steps DAG

        ```mermaid
        \(graph)
        ```

        \(prose)

        \(entries)
        """
    }

    static let path = "docs/architecture/cross-plan-dependencies.md"

    static func entry(_ id: String, status: String, upstream: String = "none") -> String {
        "### \(id): step \(id)\n\n- Status: `\(status)`\n- Upstream: \(upstream)\n"
    }
}
