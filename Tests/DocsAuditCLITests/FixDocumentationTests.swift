import Foundation
import XCTest

/// The `docs-audit fix` example in docs/output.md is what the binary prints: the files the page shows are
/// committed to a fresh repository, the page's commands are run in it, and each command's output (standard
/// output, then standard error) must equal the page's, so the page cannot drift from the tool.
final class FixDocumentationTests: XCTestCase {
    /// The example's files (path → text) and its commands, each with the output the page shows.
    private struct Example {
        var files: [String: String] = [:]
        var commands: [(command: [String], output: String)] = []
    }

    /// Reads the example between `<!-- fix-example -->` and `<!-- /fix-example -->`: each file is a line
    /// "`PATH`:" and the fenced block after it; the `console` block holds `$ COMMAND` lines and their output.
    private func example(in page: String) throws -> Example {
        let lines = page.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "<!-- fix-example -->"), "docs/output.md has the example")
        let end = try XCTUnwrap(lines.firstIndex(of: "<!-- /fix-example -->"))
        var example = Example()
        var index = start + 1
        var path: String?
        while index < end {
            let line = lines[index]
            if line.hasPrefix("`"), line.hasSuffix("`:") {
                path = String(line.dropFirst().dropLast(2))
            } else if line.hasPrefix("```") {
                let close = try XCTUnwrap(lines[(index + 1)..<end].firstIndex(of: "```"), "a closed block")
                let body = Array(lines[(index + 1)..<close])
                if line == "```console" {
                    for text in body {
                        if text.hasPrefix("$ ") {
                            example.commands.append((text.dropFirst(2).split(separator: " ").map(String.init), ""))
                        } else if !example.commands.isEmpty {
                            example.commands[example.commands.count - 1].output += text + "\n"
                        }
                    }
                } else if let file = path {
                    example.files[file] = body.joined(separator: "\n") + "\n"
                    path = nil
                }
                index = close
            }
            index += 1
        }
        return example
    }

    func testTheFixExampleInOutputMdIsWhatTheToolPrints() throws {
        let page = try String(contentsOf: CLI.projectRoot.appendingPathComponent("docs/output.md"), encoding: .utf8)
        let example = try example(in: page)
        XCTAssertEqual(example.files.keys.sorted(), ["README.md", "docs/a.md", "docs/notes.md", "docs/plans/one.md"])
        XCTAssertEqual(example.commands.map { $0.command.first }, ["mkdir", "git", "docs-audit", "docs-audit"])
        let root = try CLI.folder(example.files.mapValues { Data($0.utf8) })
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-q", "-m", "start"])
        for (command, output) in example.commands {
            let arguments = Array(command.dropFirst())
            switch command.first {
            case "mkdir":
                for folder in arguments {
                    try FileManager.default.createDirectory(at: root.appendingPathComponent(folder),
                                                            withIntermediateDirectories: false)
                }
                XCTAssertEqual(output, "", "mkdir prints nothing")
            case "git":
                try CLI.git(root, arguments)
                XCTAssertEqual(output, "", "the git command prints nothing")
            case "docs-audit":
                let result = try CLI.run(arguments + ["--root", root.path])
                XCTAssertEqual(result.status, 1, "the FAQ link needs a person")
                XCTAssertEqual(result.stdout + result.stderr, output, command.joined(separator: " "))
            default:
                XCTFail("the example runs only mkdir, git and docs-audit: \(command)")
            }
        }
    }
}
