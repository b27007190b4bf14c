/// One field of a document's header (a header-table row, a `Field: value` item, a front-matter key).
public struct HeaderField: Sendable, Codable, Hashable {
    /// The field name, markup stripped (`**Status**` → `Status`).
    public var name: String
    /// The value, markup stripped (code, bold, emphasis, links → their text) and trimmed.
    public var value: String
    public var line: Int
    /// UTF-8 column where the value starts.
    public var column: Int

    public init(name: String, value: String, line: Int, column: Int) {
        self.name = name
        self.value = value
        self.line = line
        self.column = column
    }
}
