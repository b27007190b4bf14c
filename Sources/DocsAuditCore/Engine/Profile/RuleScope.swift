/// Where a rule reports (`rules:` in its mapping form): only documents of these kinds, under these paths
/// and not under those, and only lines inside a section whose heading matches one of `sections` (any
/// enclosing heading, at any level). A key left out does not narrow. The linter drops a hit outside it.
public struct RuleScope: Sendable {
    public var kinds: [String]?
    public var paths: [Glob]?
    public var excludePaths: [Glob] = []
    public var sections: [Pattern] = []

    public init() {}

    /// Whether a hit in `path` (of kind `kind`) passes the path and kind keys.
    public func admits(path: String, kind: String) -> Bool {
        if let kinds, !kinds.contains(kind) { return false }
        if let paths, !paths.contains(where: { $0.matches(path) }) { return false }
        return !excludePaths.contains { $0.matches(path) }
    }

    /// Whether a line inside the sections titled `enclosing` (outermost first) passes the `sections` key.
    public func admits(enclosing: [String]) -> Bool {
        sections.isEmpty || enclosing.contains { title in sections.contains { $0.test(title) } }
    }
}

/// A heading of a document, kept with its analysis so rule scopes can name sections.
struct HeadingFact: Sendable, Codable, Hashable {
    var line: Int
    var level: Int
    var title: String

    /// The titles of the headings whose sections enclose `line` (outermost first): a heading's section runs
    /// to the next heading of its level or higher. `headings` are in source order.
    static func enclosing(_ line: Int, in headings: [HeadingFact]) -> [String] {
        var open: [HeadingFact] = []
        for heading in headings {
            guard heading.line <= line else { break }
            while let last = open.last, last.level >= heading.level { open.removeLast() }
            open.append(heading)
        }
        return open.map(\.title)
    }
}
