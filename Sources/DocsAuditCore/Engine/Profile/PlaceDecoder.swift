/// Decodes the places a profile declares its structures in: `graphs:` and `registries.method-tables`
/// (docs/configuration.md, "Graphs, registries and ephemeral tags").
enum PlaceDecoder {
    /// `graphs:` — a list of `{kinds, paths, sections}`; the graph rules check only the flowcharts in one.
    static func graphs(_ node: ConfigNode) throws -> [DeclaredPlace] {
        if node.node.isNull { return [] }
        return try node.items().map { item in
            var place = DeclaredPlace()
            try ProfileDecoder.decode(item, into: &place, fields: placeFields)
            return place
        }
    }

    /// `registries.method-tables` — a list of `{kinds, paths, sections, header}`; `header` is required.
    static func methodTables(_ node: ConfigNode) throws -> [MethodTableDeclaration] {
        if node.node.isNull { return [] }
        return try node.items().map { item in
            var place = DeclaredPlace()
            var header: Pattern?
            try item.eachKey { key, child in
                if key == "header" {
                    header = try child.pattern()
                } else if let setter = placeFields.first(where: { $0.key == key })?.value {
                    try setter(&place, child)
                } else {
                    throw child.unknownKey(placeFields.map(\.key) + ["header"])
                }
            }
            guard let header else {
                throw item.error("a method table needs `header` (a pattern for its first header cell)")
            }
            return MethodTableDeclaration(place: place, header: header)
        }
    }

    /// v1's `registries.method-table-header: PATTERN`: the same as `method-tables: [{header: PATTERN}]`, a
    /// registry table wherever it stands.
    static func methodTableHeader(_ node: ConfigNode) throws -> [MethodTableDeclaration] {
        [MethodTableDeclaration(place: DeclaredPlace(), header: try node.pattern())]
    }

    static var placeFields: KeyValuePairs<String, ProfileDecoder.Setter<DeclaredPlace>> { [
        "kinds": { $0.kinds = try $1.strings() },
        "paths": { $0.paths = try $1.globs() },
        "sections": { $0.sections = try $1.patterns() },
    ] }
}
