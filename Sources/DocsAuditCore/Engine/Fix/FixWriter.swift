#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a planned change through `SafeWrite`: atomic, the mode, owner, a UTF-8 BOM and every untouched
/// byte kept; refused when the file no longer holds the text the plan was made from.
public enum FixWriter {
    /// Writes every change, or none when any of them would be refused (a symbolic link, a read-only file, a
    /// file edited since it was read): checked for all before the first write, so one bad file never leaves
    /// the others half fixed. `written` is called after each file.
    public static func write(_ changes: [FixPlan.FileChange], root: String,
                             written: (FixPlan.FileChange) throws -> Void) throws {
        for change in changes { _ = try current(change, root: root) }
        for change in changes {
            try write(change, root: root)
            try written(change)
        }
    }

    /// Writes `change` under `root`.
    public static func write(_ change: FixPlan.FileChange, root: String) throws {
        let (path, raw) = try current(change, root: root)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let bytes = (raw.starts(with: bom) ? bom : []) + Array(change.updated.utf8)
        try SafeWrite.write(bytes, to: path, what: "the fix", expecting: raw)
    }

    /// The file's path and bytes, when it is a writable regular file that still holds what the plan read.
    private static func current(_ change: FixPlan.FileChange, root: String) throws -> (String, [UInt8]) {
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
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) != 0 else {
            throw CorpusError("\(change.path): cannot write the fix: the file is read-only; make it writable first; "
                              + "nothing was written")
        }
        guard access(path, W_OK) == 0 else {
            throw CorpusError("\(change.path): cannot write the fix: \(FileSystem.errnoMessage(errno)); nothing was "
                              + "written")
        }
        return (path, raw)
    }
}
