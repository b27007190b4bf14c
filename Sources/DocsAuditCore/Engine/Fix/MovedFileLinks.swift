/// Links into a Markdown file moved since the last commit: `git mv notes/old.md moved/new.md` breaks every link to
/// `notes/old.md` (`links/missing-file`), and `fix` points each at the file's new place, written relative to the
/// linking file as before. The move is git's own rename detection between HEAD and the working tree, so a file
/// git does not know of yet (moved with plain `mv`, not added) is no move, and a person decides.
enum MovedFileLinks {
    /// Old path → new path of the Markdown files moved since HEAD, relative to the corpus root; nil when there is
    /// nothing to compare with (not a git work tree, or no commit).
    static func moves(in corpus: Corpus) -> [String: String]? {
        try? GitObjects(root: corpus.root).renames(from: "HEAD", to: nil)
    }

    /// The edit that points `link` at the moved file's new place.
    static func edit(_ link: LinkRef, moves: [String: String]?, corpus: Corpus) -> Result<TextEdit, FixPlanner.Refusal> {
        guard let target = link.target else { return .failure(FixPlanner.Refusal("the link names no file")) }
        guard let moves else {
            return .failure(FixPlanner.Refusal("no commit to compare with, so a moved file cannot be told from a "
                                               + "missing one"))
        }
        guard let moved = moves[target] else {
            return .failure(FixPlanner.Refusal("git knows of no move of \(target) since the last commit (`git mv` "
                                               + "records one)"))
        }
        let written = String(link.destination.prefix { $0 != "#" && $0 != "?" })
        // Escapes and absolute forms cannot be rewritten with certainty.
        guard !written.isEmpty, !written.hasPrefix("/"), !written.contains("%"), !written.contains("\\") else {
            return .failure(FixPlanner.Refusal("the link's path `\(written)` is not written as a plain relative path"))
        }
        guard let line = corpus.document(at: link.path)?.source.line(link.line),
              let start = place(of: written, in: Array(line.utf8), from: link.column - 1) else {
            return .failure(FixPlanner.Refusal("the path `\(written)` is not written out on the link's line"))
        }
        let prefix = written.hasPrefix("./") ? "./" : ""
        return .success(TextEdit(path: link.path, line: link.line, column: start + 1, length: written.utf8.count,
                                 replacement: prefix + relative(from: link.path, to: moved)))
    }

    /// The byte offset of `text` in `bytes` at or after `from`, where it stands whole as a link destination's
    /// path (followed by a fragment, a query, the destination's end or a title).
    private static func place(of text: String, in bytes: [UInt8], from: Int) -> Int? {
        let wanted = Array(text.utf8)
        var index = max(0, from)
        while index + wanted.count <= bytes.count {
            let after = index + wanted.count
            let before = index == 0 ? nil : bytes[index - 1]
            if bytes[index..<after].elementsEqual(wanted), [0x28, 0x3C, 0x20, 0x3A].contains(before ?? 0x20),
               after == bytes.count || [0x23, 0x3F, 0x29, 0x3E, 0x20, 0x09, 0x22, 0x27].contains(bytes[after]) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// `to` (relative to the corpus root) written relative to the folder of the file `from`.
    static func relative(from: String, to: String) -> String {
        let folder = from.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        let target = to.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < folder.count, common < target.count - 1,
              folder[folder.startIndex + common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: folder.count - common)
        return (up + target[common...].map(String.init)).joined(separator: "/")
    }
}
