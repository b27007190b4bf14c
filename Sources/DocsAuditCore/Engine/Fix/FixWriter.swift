/// Writes a planned change through `SafeWrite`: atomic, the mode, owner, a UTF-8 BOM and every untouched
/// byte kept; refused when the file no longer holds the text the plan was made from.
public enum FixWriter {
    /// Writes `change` under `root`.
    public static func write(_ change: FixPlan.FileChange, root: String) throws {
        let path = root.hasSuffix("/") ? root + change.path : root + "/" + change.path
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let changed = CorpusError("\(change.path): cannot write the fix: the file changed on disk while "
                                  + "docs-audit was running; nothing was written, run again")
        guard FileSystem.entryType(path) != .symlink else {
            throw CorpusError("\(change.path): cannot write the fix: it is a symbolic link; fix its target instead")
        }
        guard FileSystem.entryType(path) == .file,
              case let .success(raw) = FileSystem.read(path, limit: change.original.utf8.count + bom.count) else {
            throw changed
        }
        let hasBOM = raw.starts(with: bom)
        guard raw.dropFirst(hasBOM ? bom.count : 0).elementsEqual(change.original.utf8) else { throw changed }
        let bytes = (hasBOM ? bom : []) + Array(change.updated.utf8)
        try SafeWrite.write(bytes, to: path, what: "the fix", expecting: raw)
    }
}
