/// A safe, unambiguous change to one file that would make a finding go away: replace `length` bytes at
/// `line`:`column` (1-based, UTF-8 bytes, on that line) with `replacement`. Rules attach one to a hit when the
/// fix needs no judgement (a custom rule's replacement, a drifted cite's new range); `docs-audit fix` applies
/// them, and lists every finding without one as needing a person.
public struct TextEdit: Sendable, Codable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int
    public var length: Int
    public var replacement: String

    public init(path: String, line: Int, column: Int, length: Int, replacement: String) {
        self.path = path
        self.line = line
        self.column = column
        self.length = length
        self.replacement = replacement
    }
}
