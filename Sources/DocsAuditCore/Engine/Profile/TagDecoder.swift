/// Decodes the `tags` keys of schema v2: families with a severity, and the exemption switches
/// (docs/configuration.md, "Graphs, registries and ephemeral tags").
enum TagDecoder {
    /// `tags.families`: name → a pattern (the rule's severity), or `{pattern, severity}` with severity
    /// `error`, `warning`, `info` or `off`. Replaces the families and their severities as a whole.
    static func families(_ node: ConfigNode, into settings: inout TagSettings) throws {
        var families: [String: Pattern] = [:]
        var severities: [String: Severity?] = [:]
        if !node.node.isNull {
            try node.eachKey { name, child in
                if case .mapping = child.node.content {
                    var pattern: Pattern?
                    try child.eachKey { key, value in
                        switch key {
                        case "pattern": pattern = try familyPattern(value)
                        case "severity": severities[name] = try severity(value)
                        default: throw value.unknownKey(["pattern", "severity"])
                        }
                    }
                    guard let pattern else { throw child.error("a tag family needs `pattern`") }
                    families[name] = pattern
                } else {
                    families[name] = try familyPattern(child)
                }
            }
        }
        settings.families = families
        settings.familySeverities = severities
    }

    /// `tags.exempt-dated-notes`: a pattern, or `false` / null for none.
    static func datedNotes(_ node: ConfigNode) throws -> Pattern? {
        if node.node.isNull || (node.node.isPlain && node.node.string == "false") { return nil }
        return try familyPattern(node)
    }

    /// A pattern that must match something: an empty one would make every position of every line a tag.
    private static func familyPattern(_ node: ConfigNode) throws -> Pattern {
        let pattern = try node.pattern()
        if pattern.source.isEmpty {
            throw node.error("an empty pattern would match everywhere: write the tag's pattern")
        }
        if pattern.test("") {
            throw node.error("the pattern `\(pattern.source)` matches empty text, so it would match everywhere")
        }
        return pattern
    }

    private static func severity(_ node: ConfigNode) throws -> Severity? {
        let value = try node.string()
        if value == "off" { return nil }
        guard let severity = Severity(rawValue: value) else {
            throw node.error("expected error, warning, info or off, found `\(value)`")
        }
        return severity
    }
}
