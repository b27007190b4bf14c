/// Where a profile declares one of its structures (a graph the graph rules check, a method registry table):
/// document kinds, path globs, and sections, where any enclosing heading may match. An empty list puts no limit
/// on its axis, so an entry with no key at all takes every place.
public struct DeclaredPlace: Sendable {
    /// Document kinds (`kinds[].name`).
    public var kinds: [String] = []
    /// Globs on the path relative to the corpus root.
    public var paths: [Glob] = []
    /// Heading patterns: one enclosing heading (at any level) must match one of them.
    public var sections: [Pattern] = []

    public init(kinds: [String] = [], paths: [Glob] = [], sections: [Pattern] = []) {
        self.kinds = kinds
        self.paths = paths
        self.sections = sections
    }

    /// Whether a block of the document at `path`, of kind `kind`, under `headings` (the titles of its enclosing
    /// sections) lies in this place.
    public func contains(path: String, kind: String, headings: [String]) -> Bool {
        if !kinds.isEmpty, !kinds.contains(kind) { return false }
        if !paths.isEmpty, !paths.contains(where: { $0.matches(path) }) { return false }
        if !sections.isEmpty, !headings.contains(where: { title in sections.contains { $0.test(title) } }) {
            return false
        }
        return true
    }
}

/// A method registry the profile declares (`registries.method-tables`): a table in `place` whose first header
/// cell matches `header`.
public struct MethodTableDeclaration: Sendable {
    public var place: DeclaredPlace
    public var header: Pattern

    public init(place: DeclaredPlace, header: Pattern) {
        self.place = place
        self.header = header
    }
}
