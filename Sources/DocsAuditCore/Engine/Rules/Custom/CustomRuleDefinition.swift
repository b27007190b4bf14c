/// How `explain` shows a custom rule's definition: what the profile says it matches, where, and what a fix
/// writes, as the YAML keys a user would write (`forbid`, `replacement`, `scope.in`…), so the explanation of a
/// rule one cannot read in Swift shows the rule itself.
extension CustomRule {
    /// The definition as indented `key: value` lines under a title; keys left at their defaults are omitted,
    /// except `in`, which always says where the rule looks.
    public var definitionText: String {
        var lines: [(String, String)] = []
        switch check {
        case let .forbid(pattern): lines.append(("forbid", pattern.source))
        case let .require(pattern): lines.append(("require", pattern.source))
        }
        if let replacement { lines.append(("replacement", replacement)) }
        lines.append(("message", message))
        lines.append(("in", scope.places.map(\.rawValue).joined(separator: ", ")))
        if !scope.headerFields.isEmpty { lines.append(("header-fields", scope.headerFields.joined(separator: ", "))) }
        if !scope.kinds.isEmpty { lines.append(("kinds", scope.kinds.joined(separator: ", "))) }
        if !scope.paths.isEmpty { lines.append(("paths", scope.paths.map(\.source).joined(separator: ", "))) }
        if !scope.excludePaths.isEmpty {
            lines.append(("exclude-paths", scope.excludePaths.map(\.source).joined(separator: ", ")))
        }
        if !scope.sections.isEmpty { lines.append(("sections", scope.sections.map(\.source).joined(separator: ", "))) }
        let width = lines.map(\.0.count).max() ?? 0
        let body = lines.map { key, value in
            "  " + key + ":" + String(repeating: " ", count: width - key.count + 1) + VisibleText.escape(value)
        }
        return "Defined in the profile:\n\n" + body.joined(separator: "\n") + "\n"
    }
}
