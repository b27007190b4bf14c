/// What `docs-audit fix` would change, and what it leaves for a person.
public struct FixPlan: Sendable {
    /// One file's change.
    public struct FileChange: Sendable {
        /// The file, relative to the corpus root.
        public var path: String
        /// The text read (without a BOM) and the text to write.
        public var original: String
        public var updated: String
        /// One line per applied edit, for the log.
        public var notes: [String]
    }

    /// A finding no safe fix settles, with the reason.
    public struct Leftover: Sendable {
        public var finding: Finding
        public var reason: String
    }

    /// Files that change, sorted by path.
    public var changes: [FileChange]
    /// Findings (errors and warnings) left for a person, in report order.
    public var leftovers: [Leftover]
    /// Places a fix was wanted but none could be made safely (a graph node with no statement to edit).
    public var notes: [String]
}
