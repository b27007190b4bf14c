/// Profile schema versions. Version 2 is version 1 plus new keys, with one change of meaning: mappings from
/// names to values that version 1 replaced whole now merge name by name, like every other mapping
/// (`YAMLMerge`). A version 1 file that relies on the old meaning is refused with what to write instead.
enum ProfileVersion {
    /// The versions this tool reads, oldest first.
    static let supported = [1, 2]
    /// The version a file without `version` is read as.
    static let current = 2

    /// Name → value mappings that version 1 replaced as a whole and version 2 merges.
    static let replacedInVersion1 = [
        ["tags", "families"], ["plans", "task-fields"], ["graph", "status-classes"], ["cites", "kind-folders"],
        ["gates", "canonical-paths"], ["gates", "bands"],
    ]

    /// Checks one file's `version`, and that a version 1 file does not rely on a meaning that changed: a
    /// replaced mapping (above) that leaves out some of the names `base` gives it would keep them now.
    static func check(_ tree: YAMLNode, over base: YAMLNode?) throws {
        guard let node = tree["version"], !node.isNull else { return }
        let config = ConfigNode(node: node, file: node.file, keyPath: "version")
        let text = try config.string()
        guard let version = Int(text), supported.contains(version) else {
            throw config.error("unsupported profile version `\(text)` (this tool reads "
                + supported.map(String.init).joined(separator: " and ") + ")")
        }
        guard version == 1, let base else { return }
        for path in replacedInVersion1 {
            guard let given = value(at: path, in: tree), case let .mapping(pairs) = given.content,
                  let inherited = value(at: path, in: base), case let .mapping(inheritedPairs) = inherited.content
            else { continue }
            let named = Set(pairs.compactMap(\.key.string))
            let kept = inheritedPairs.compactMap(\.key.string).filter { !named.contains($0) }
            guard !kept.isEmpty else { continue }
            let key = path.joined(separator: ".")
            throw ConfigNode(node: given, file: given.file, keyPath: key).error(
                "in version 1 `\(key)` replaced the inherited mapping; from version 2 on it merges with it, so "
                + "the inherited \(kept.map { "`\($0)`" }.joined(separator: ", ")) would stay. Write `version: 2` "
                + "and, to drop them as before, add " + kept.map { "`\($0): ~`" }.joined(separator: ", ")
                + " under `\(key)`")
        }
    }

    /// The node at a key path of mappings.
    static func value(at path: [String], in tree: YAMLNode) -> YAMLNode? {
        var node: YAMLNode? = tree
        for key in path { node = node?[key] }
        return node
    }
}
