import Foundation
import XCTest

/// Patterns and globs built to hurt, from a corpus's own docs-audit.yml or against the built-in profile: the
/// regex engine bounds every match, so each run ends well inside its hang guard with a finding or a config
/// error, never a stall.
final class HostilePatternTests: XCTestCase {
    private func timed(_ arguments: [String], bound: TimeInterval, file: StaticString = #filePath,
                       line: UInt = #line) throws -> CLIResult {
        let started = Date()
        let result = try CLI.run(arguments, timeout: bound)
        XCTAssertLessThan(Date().timeIntervalSince(started), bound, "\(arguments) took too long",
                          file: file, line: line)
        return result
    }

    /// Each of these backtracks exponentially on a line of thirty `a`s and one other character. Each overruns
    /// the match limit on the first such line, is stopped for the rest of the file (so two hundred lines
    /// cost no more than one) and is reported once, naming the pattern and its key.
    func testCatastrophicPatternsInAConfigEndInAPatternLimitFinding() throws {
        let line = String(repeating: "a", count: 30) + "!\n"
        let text = "# A\n\n" + String(repeating: line + "\n", count: 200)
        for pattern in ["(a+)+$", "(a+b?)+$", #"(\w+\s?)+$"#, "(?i:a+)+$", "(.*a){25}$", "(a|a)*$"] {
            let root = try CLI.folder(["a.md": Data(text.utf8),
                                       "docs-audit.yml": Data("ids:\n  plan: '\(pattern)'\n".utf8)])
            let result = try timed(["lint", "--root", root.path], bound: 20)
            XCTAssertEqual(result.status, 1, "\(pattern): \(result.stderr)")
            let expected = "a.md:1:1: error: pattern ids.plan `\(pattern)` ran past the match limit; it was not "
                + "applied to the rest of this file [input/pattern-limit]\n"
            XCTAssertTrue(result.stdout.hasPrefix(expected), result.stdout)
            XCTAssertEqual(result.stdout.components(separatedBy: "[input/pattern-limit]").count, 2, result.stdout)
        }
    }

    func testAPatternTheEngineRefusesIsAConfigError() throws {
        let cases = [
            ("(?<=a{1,3})b", "docs-audit.yml:2:9: ids.plan: not a valid regular expression: (?<=a{1,3})b"),
            (#"\u0041"#, #"docs-audit.yml:2:9: ids.plan: not a valid regular expression: \u0041"#),
            ("(unclosed", "docs-audit.yml:2:9: ids.plan: not a valid regular expression: (unclosed (missing closing"),
        ]
        for (pattern, expected) in cases {
            let root = try CLI.folder(["a.md": Data("# A\n".utf8),
                                       "docs-audit.yml": Data("ids:\n  plan: '\(pattern)'\n".utf8)])
            let result = try timed(["lint", "--root", root.path], bound: 10)
            XCTAssertEqual(result.status, 2, pattern)
            XCTAssertEqual(result.stdout, "")
            XCTAssertTrue(result.stderr.contains(expected), "\(result.stderr) should contain \(expected)")
        }
    }

    /// The built-in transient-path family on 240 KB lines: scratch paths repeated in one run of path
    /// characters (with and without a file name, with placeholders), and one long run before a real path.
    func testTransientPathFamilyIsLinearOnQuarterMegabyteLines() throws {
        let lines = [
            String(repeating: ".agents/tmp/", count: 20_000),
            String(repeating: ".agents/tmp/plan-NNN/", count: 11_500),
            String(repeating: ".agents/tmp/x", count: 18_500) + " then .agents/tmp/notes.md here",
            ".agents/tmp/" + String(repeating: "a/", count: 120_000),
            String(repeating: ".agents/tmp/a.md", count: 15_000),
        ]
        let files = Dictionary(uniqueKeysWithValues: lines.enumerated().map { index, line in
            ("docs/long\(index).md", Data("# Long\n\n\(line)\n".utf8))
        })
        let root = try CLI.folder(files)
        let result = try timed(["lint", "--root", root.path], bound: 30)
        XCTAssertEqual(result.status, 1, result.stderr)
        let column = 13 * 18_500 + 7
        XCTAssertEqual(result.stdout, """
            docs/long2.md:3:\(column): warning: ephemeral transient-path `.agents/tmp/notes.md` outside a provenance \
            section [tags/ephemeral]
            docs/long4.md:3:1: warning: ephemeral transient-path `\(lines[4])` outside a provenance section \
            [tags/ephemeral]

            """)
    }

    func testMaxFileBytesMustBePositiveAndBounded() throws {
        for value in ["-1", "0", "1073741825", "99999999999999999999"] {
            let root = try CLI.folder(["a.md": Data("# A\n".utf8),
                                       "docs-audit.yml": Data("corpus:\n  max-file-bytes: \(value)\n".utf8)])
            let result = try timed(["lint", "--root", root.path], bound: 10)
            XCTAssertEqual(result.status, 2, value)
            let expected = "docs-audit.yml:2:19: corpus.max-file-bytes: expected a whole number from 1 to 1073741824, "
                + "found `\(value)`"
            XCTAssertTrue(result.stderr.contains(expected), "\(result.stderr) should contain \(expected)")
        }
    }

    /// Globs that took over a minute with the recursive matcher: eight `**/` against a deep tree, and many
    /// stars against a long name.
    func testHostileGlobsMatchInLinearTime() throws {
        let deep = (0..<40).map { "d\($0)" }.joined(separator: "/")
        let long = String(repeating: "a", count: 200)
        let root = try CLI.folder([
            "\(deep)/x.txt.md": Data("# X\n\nPR #1 here\n".utf8),
            "docs/\(long).md": Data("# Y\n\nPR #2 here\n".utf8),
            "docs-audit.yml": Data("""
                corpus:
                  exclude: ['**/**/**/**/**/**/**/**/nothing.md', 'docs/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b.md']

                """.utf8),
        ])
        let result = try timed(["lint", "--root", root.path], bound: 20)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
            \(deep)/x.txt.md:3:1: warning: ephemeral pr-ref `PR #1` outside a provenance section [tags/ephemeral]
            docs/\(long).md:3:1: warning: ephemeral pr-ref `PR #2` outside a provenance section [tags/ephemeral]

            """)
    }
}
