import Foundation

/// Reads staged file contents from git, for `lint --staged`: one `git` process per query, argument arrays
/// only (no shell).
public enum GitIndex {
    /// Markdown paths staged in the index (added, copied, modified, renamed), relative to `root`, with their
    /// staged text; deleted paths map to nil.
    /// Outside a git work tree this is one line naming the folder (git itself would print its usage).
    public static func stagedMarkdown(root: String) throws -> [String: String?] {
        let inside = try? git(["rev-parse", "--is-inside-work-tree"], in: root)
        guard inside?.hasPrefix("true") == true else {
            throw CorpusError("--staged needs a git repository, and \(root) is not inside the work tree of one")
        }
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
        String(decoding: try GitObjects(root: directory).run(arguments, input: nil), as: UTF8.self)
    }
}
