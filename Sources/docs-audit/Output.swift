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

    /// Writes `text` to `path` atomically; the error names the file.
    static func writeFile(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CorpusError("\(path): cannot write the report (\(error.localizedDescription))")
        }
    }

    /// Whether standard output is a terminal (colour only then).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// Colour when `--color`/`--no-color` say nothing: on a terminal, unless `NO_COLOR` is set and not empty
    /// (https://no-color.org).
    static var colorByDefault: Bool {
        isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
