import Foundation

/// Reads staged file contents from git, for `lint --staged`: one `git` process per query, argument arrays
/// only (no shell).
public enum GitIndex {
    /// Markdown paths staged in the index (added, copied, modified, renamed), relative to `root`, with their
    /// staged text; deleted paths map to nil.
    public static func stagedMarkdown(root: String) throws -> [String: String?] {
        let names = try git(["diff", "--cached", "--name-status", "--no-renames", "--relative", "-z"], in: root)
        var result: [String: String?] = [:]
        let fields = names.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
        var index = 0
        while index + 1 < fields.count {
            let status = fields[index]
            let path = fields[index + 1]
            index += 2
            guard path.hasSuffix(".md") else { continue }
            if status.hasPrefix("D") {
                result[path] = .some(nil)
            } else {
                result[path] = .some(try git(["show", ":./\(path)"], in: root))
            }
        }
        return result
    }

    private static func git(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw CorpusError("cannot run git: \(error.localizedDescription)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CorpusError("git \(arguments.first ?? "") failed in \(directory): \(text)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
