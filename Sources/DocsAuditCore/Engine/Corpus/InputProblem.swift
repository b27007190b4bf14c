/// A file that could not be read or parsed as it should, kept with a stable code so `lint` reports it
/// as a finding (`input/not-utf8`, `input/binary`, …) and `extract` lists it in the model.
public struct InputProblem: Sendable, Codable, Hashable {
    /// A stable identifier: the rule ID the lint command reports it under.
    public var code: String
    /// The path relative to the corpus root.
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(code: String, path: String, line: Int = 1, column: Int = 1, message: String) {
        self.code = code
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The codes this tool uses, with what each means.
    public static let codes: [(code: String, summary: String)] = [
        ("input/unreadable", "a file could not be read (permissions, I/O error, not a regular file)"),
        ("input/broken-link", "a symbolic link points nowhere, loops, or leaves the corpus root"),
        ("input/not-utf8", "a file is not valid UTF-8"),
        ("input/binary", "a file holds NUL bytes, so it is not Markdown text"),
        ("input/too-large", "a file is larger than corpus.max-file-bytes"),
        ("input/parse", "the parser could not represent part of a file faithfully"),
    ]
}

extension InputProblem {
    /// A file or folder whose name is not UTF-8, named with `\xNN` escapes: never read.
    static func unreadableName(_ escaped: String, folder: Bool = false) -> InputProblem {
        InputProblem(code: "input/not-utf8", path: escaped, message: folder
            ? "folder name is not valid UTF-8 (shown with \\xNN escapes); the files in it were not read"
            : "file name is not valid UTF-8 (shown with \\xNN escapes); not read")
    }
}

/// A reason the whole run cannot start (exit 2): no root, nothing to read.
public struct CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
