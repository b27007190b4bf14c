import Foundation

/// Writes to standard output and error without buffering surprises.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("docs-audit: " + text + "\n").utf8))
    }

    /// Whether standard output is a terminal (colour only then).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}
