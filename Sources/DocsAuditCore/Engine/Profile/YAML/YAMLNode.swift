/// A YAML node as read from a file, with where it stands (1-based line and column). Profiles, rule examples
/// and `config --print` work on this tree, never on a YAML library's types: `YAMLReader` is the one file that
/// turns text into it.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(String)
        case sequence([YAMLNode])
        /// Keys in file order.
        case mapping([Pair])
    }

    /// One `key: value` of a mapping.
    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    public var line: Int
    public var column: Int
    /// True for a plain (unquoted, not block) scalar: only those can be YAML's null.
    public var isPlain: Bool
    /// The file the node was read from (as the reader was told), so a tree merged from several files still
    /// names the right one in errors and in `config --print`.
    public var file: String

    public init(_ content: Content, line: Int, column: Int, isPlain: Bool = false, file: String = "") {
        self.content = content
        self.line = line
        self.column = column
        self.isPlain = isPlain
        self.file = file
    }

    /// The scalar's text, or nil for a sequence or mapping.
    public var string: String? {
        if case let .scalar(text) = content { return text }
        return nil
    }

    /// The value of `key` in a mapping (the first, as YAML keys are unique), or nil.
    public subscript(key: String) -> YAMLNode? {
        guard case let .mapping(pairs) = content else { return nil }
        return pairs.first { $0.key.string == key }?.value
    }

    /// `~`, `null` or nothing, unquoted.
    public var isNull: Bool {
        guard isPlain, let text = string else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}
