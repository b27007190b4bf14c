import Foundation
import DocsAuditCore

/// Writes to standard output and error without buffering surprises.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("docs-audit: " + text + "\n").utf8))
    }

    /// Writes `text` to `path` through `SafeWrite` (links followed, devices written directly); the error
    /// names the file.
    static func writeFile(_ text: String, to path: String) throws {
        try SafeWrite.write(Array(text.utf8), to: path, what: "the report")
    }

    /// Whether standard output is a terminal (colour only then).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}
