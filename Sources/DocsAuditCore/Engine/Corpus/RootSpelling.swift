import FoundationEssentials

/// One spelling for each way of naming a corpus root: `--root ./docs/`, `--root docs` and `--root $PWD/docs`
/// name the same folder, so they share a run memo and print the same notices (`Corpus.root`).
public enum RootSpelling {
    /// `root` without `.` components, repeated or trailing slashes, and, when it is absolute and under
    /// `currentDirectory` (the process's by default), without that prefix (`.` for the folder itself). Nothing
    /// else changes: `..` is kept as written, since a symbolic link before it would make dropping it name
    /// another folder.
    public static func normalized(_ root: String, currentDirectory: String? = nil) -> String {
        guard !root.isEmpty else { return root }
        var parts = root.split(separator: "/").filter { $0 != "." }
        guard root.hasPrefix("/") else { return parts.isEmpty ? "." : parts.joined(separator: "/") }
        let current = (currentDirectory ?? FileManager.default.currentDirectoryPath)
            .split(separator: "/").filter { $0 != "." }
        guard !current.isEmpty, !current.contains(".."), parts.starts(with: current) else {
            return "/" + parts.joined(separator: "/")
        }
        parts.removeFirst(current.count)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
