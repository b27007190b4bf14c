/// The one merge rule of profiles: a corpus file is laid over the profile it extends as YAML trees, before
/// anything is decoded.
///
/// - a mapping over a mapping merges key by key, recursively (inherited keys keep their place, new keys follow
///   in the overlay's order);
/// - anything else (a list, a scalar, a mapping over a list) replaces the inherited value whole;
/// - a key whose value is a plain null (`~`, `null`, nothing) removes the inherited key, and is dropped where
///   there was nothing to remove.
///
/// Every node keeps its own file, line and column, so the merged tree still says where each value came from.
enum YAMLMerge {
    /// `overlay` laid over `base`.
    static func merge(_ base: YAMLNode, _ overlay: YAMLNode) -> YAMLNode {
        guard case let .mapping(basePairs) = base.content, case let .mapping(overlayPairs) = overlay.content else {
            return withoutNullKeys(overlay)
        }
        var pairs: [YAMLNode.Pair] = []
        pairs.reserveCapacity(basePairs.count + overlayPairs.count)
        var overlaid = Set<String>()
        for pair in basePairs {
            guard let name = pair.key.string,
                  let replacement = overlayPairs.first(where: { $0.key.string == name }) else {
                pairs.append(pair)
                continue
            }
            overlaid.insert(name)
            if replacement.value.isNull { continue }
            pairs.append(YAMLNode.Pair(key: replacement.key, value: merge(pair.value, replacement.value)))
        }
        for pair in overlayPairs where !pair.value.isNull {
            if let name = pair.key.string, overlaid.contains(name) { continue }
            pairs.append(YAMLNode.Pair(key: pair.key, value: withoutNullKeys(pair.value)))
        }
        // The merged mapping stands where the overlay's does: errors about it name the file that shaped it.
        return YAMLNode(.mapping(pairs), line: overlay.line, column: overlay.column, file: overlay.file)
    }

    /// `node` with the null-valued keys of its mappings dropped (there is nothing under them to remove). Lists
    /// are values as written: their items are left alone.
    static func withoutNullKeys(_ node: YAMLNode) -> YAMLNode {
        guard case let .mapping(pairs) = node.content else { return node }
        var result = node
        result.content = .mapping(pairs.compactMap { pair in
            pair.value.isNull ? nil : YAMLNode.Pair(key: pair.key, value: withoutNullKeys(pair.value))
        })
        return result
    }
}
