/// A 1-based position in a Markdown source file.
///
/// `utf8Column` counts UTF-8 bytes from the start of the line, as cmark-gfm reports it; reporters that
/// need Unicode code points (SARIF) convert with the line text.
public struct SourcePosition: Hashable, Comparable, Codable, Sendable {
    public var line: Int
    public var utf8Column: Int

    public init(line: Int, utf8Column: Int) {
        self.line = line
        self.utf8Column = utf8Column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.utf8Column) < (rhs.line, rhs.utf8Column)
    }

    enum CodingKeys: String, CodingKey {
        case line
        case utf8Column = "column"
    }
}

/// An inclusive range of source positions.
public struct SourceRange: Hashable, Codable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// A range covering whole lines `first...last`.
    public init(lines first: Int, _ last: Int) {
        self.start = SourcePosition(line: first, utf8Column: 1)
        self.end = SourcePosition(line: last, utf8Column: 1)
    }

    /// Whether `line` falls inside this range.
    public func contains(line: Int) -> Bool { line >= start.line && line <= end.line }

    /// The lines this range covers.
    public var lines: ClosedRange<Int> { start.line...max(start.line, end.line) }
}
