import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocsAuditCore

/// Writes to standard output and error with `write(2)`: a closed, full or broken stream is an error the
/// command reports (exit 2), never a trap. SIGPIPE keeps its default action, so `| head` ends the run quietly.
enum Output {
    /// A standard stream that could not be written.
    struct StreamError: Error, CustomStringConvertible {
        /// 1 for standard output, 2 for standard error.
        let descriptor: Int32
        let code: Int32

        var streamName: String { descriptor == STDOUT_FILENO ? "standard output" : "standard error" }
        var description: String { "cannot write to \(streamName): \(DescriptorWriter.describe(code))" }
    }

    /// Writes `text` to standard output.
    static func write(_ text: String) throws {
        try write(bytes: Array(text.utf8))
    }

    /// Writes `bytes` to standard output (a streamed output's pieces, one after another).
    static func write(bytes: [UInt8]) throws {
        if let code = DescriptorWriter.write(bytes, to: STDOUT_FILENO) {
            throw StreamError(descriptor: STDOUT_FILENO, code: code)
        }
    }

    /// Writes `docs-audit: text` and a newline to standard error, control characters in `text` made visible
    /// (messages carry file names and corpus text). A `multiline` message (usage help) keeps its newlines.
    static func error(_ text: String, multiline: Bool = false) throws {
        let body = multiline ? text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { VisibleText.escape(String($0)) }.joined(separator: "\n") : VisibleText.escape(text)
        let line = "docs-audit: " + body + "\n"
        if let code = DescriptorWriter.write(Array(line.utf8), to: STDERR_FILENO) {
            throw StreamError(descriptor: STDERR_FILENO, code: code)
        }
    }

    /// Reports a stream failure on the other stream, where it can still be printed; false when neither works.
    @discardableResult
    static func reportFailure(_ failure: StreamError) -> Bool {
        let other = failure.descriptor == STDOUT_FILENO ? STDERR_FILENO : STDOUT_FILENO
        return DescriptorWriter.write(Array("docs-audit: \(failure)\n".utf8), to: other) == nil
    }

    /// Makes sure descriptors 1 and 2 are open before anything else opens a file: a closed one is taken by
    /// /dev/null opened read-only, so a later file cannot land there and writes to it still fail (EBADF).
    static func reserveClosedStreams() {
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY | O_CLOEXEC)
            if opened >= 0 && opened != descriptor {
                _ = dup2(opened, descriptor)
                _ = close(opened)
            }
        }
    }

    /// Writes `text` to `path` through `SafeWrite` (links followed, devices written directly); the error
    /// names the file.
    static func writeFile(_ text: String, to path: String) throws {
        try SafeWrite.write(Array(text.utf8), to: path, what: "the report")
    }

    /// Whether standard output is a terminal (colour only then).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// Colour when `--color`/`--no-color` say nothing: on a terminal, unless `NO_COLOR` is set and not empty
    /// (https://no-color.org).
    static var colorByDefault: Bool {
        isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
