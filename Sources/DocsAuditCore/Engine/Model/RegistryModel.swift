/// Method-name registry tables and the declared name format.
public struct MethodRegistries: Sendable, Codable {
    /// Every `METHOD_NAME_FORMAT` declaration found in the corpus's code blocks.
    public var formats: [MethodNameFormat] = []
    public var tables: [RegistryTable] = []
}

/// `const METHOD_NAME_FORMAT = /…/flags;` as found in the corpus.
public struct MethodNameFormat: Sendable, Codable {
    /// The JavaScript regex body, as written between the slashes.
    public var source: String
    public var flags: String
    public var path: String
    public var line: Int
}

/// A table whose first header cell names methods or procedures.
public struct RegistryTable: Sendable, Codable {
    public var path: String
    public var line: Int
    /// The enclosing heading.
    public var section: String?
    public var header: [String]
    public var rows: [RegistryRow]
}

/// A registry row: the method is the first code span of the first cell.
public struct RegistryRow: Sendable, Codable {
    public var name: String
    public var line: Int
    public var column: Int
}

/// An error code from the error-code registry.
public struct ErrorCodeEntry: Sendable, Codable {
    public var code: String
    /// The `###` section it sits under.
    public var namespace: String
    public var path: String
    public var line: Int
}

/// A Mermaid flowchart block.
public struct Diagram: Sendable, Codable {
    public var path: String
    /// The line of the opening fence.
    public var line: Int
    public var section: String?
    /// Whether the profile declares it (`graphs:`): the graph rules check only declared flowcharts.
    public var declared: Bool
    public var graph: MermaidGraph
}
