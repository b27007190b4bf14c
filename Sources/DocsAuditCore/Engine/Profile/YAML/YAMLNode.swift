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

    public init(_ content: Content, line: Int, column: Int, isPlain: Bool = false) {
        self.content = content
        self.line = line
        self.column = column
        self.isPlain = isPlain
    }

    /// The scalar's text, or nil for a sequence or mapping.
    public var string: String? {
        if case let .scalar(text) = content { return text }
        return nil
    }

    /// `~`, `null` or nothing, unquoted.
    public var isNull: Bool {
        guard isPlain, let text = string else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}
