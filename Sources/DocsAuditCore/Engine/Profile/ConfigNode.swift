/// A YAML node with the file and key path it came from, so every error can say where it is.
struct ConfigNode {
    let node: YAMLNode
    let file: String
    let keyPath: String
    /// Where this node's key stands, for errors about the key itself.
    var keyMark: YAMLNode?

    var line: Int { node.line }
    var column: Int { node.column }

    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: line, column: column, key: keyPath, message: message)
    }

    /// Calls `body` for each key of a mapping, in file order.
    func eachKey(_ body: (String, ConfigNode) throws -> Void) throws {
        guard case let .mapping(mapping) = node.content else { throw error("expected a mapping") }
        for (key, value) in mapping.map({ ($0.key, $0.value) }) {
            guard let name = key.string else {
                throw child(key, keyPath: keyPath).error("keys must be strings")
            }
            let path = keyPath.isEmpty ? name : "\(keyPath).\(name)"
            try body(name, child(value, keyPath: path, keyMark: key))
        }
    }

    /// `node`, a part of this node, named by `keyPath`: it keeps its own file (a merged tree mixes files).
    func child(_ node: YAMLNode, keyPath: String, keyMark: YAMLNode? = nil) -> ConfigNode {
        ConfigNode(node: node, file: node.file.isEmpty ? file : node.file, keyPath: keyPath, keyMark: keyMark)
    }

    /// The error for a key this mapping does not know, with the known key it most likely meant.
    func unknownKey(_ known: [String]) -> ConfigError {
        let name = keyMark?.string ?? keyPath
        return error(atKey: "unknown key `\(name)`\(DidYouMean.hint(name, in: known)) "
                     + "(expected one of: \(known.joined(separator: ", ")))")
    }

    /// An error about the key itself (where the key stands), not its value.
    func error(atKey message: String) -> ConfigError {
        ConfigError(file: keyMark.map { $0.file.isEmpty ? file : $0.file } ?? file, line: keyMark?.line ?? line,
                    column: keyMark?.column ?? column, key: keyPath, message: message)
    }

    func string() throws -> String {
        guard let text = node.string else { throw error("expected a string") }
        return text
    }

    /// `error`, `warning` or `info`; `off` is nil (the rule or family reports nothing).
    func severity() throws -> Severity? {
        let value = try string()
        if value == "off" { return nil }
        guard let severity = Severity(rawValue: value) else {
            throw error("expected error, warning, info or off, found `\(value)`")
        }
        return severity
    }

    func int() throws -> Int {
        guard let value = Int(try string()) else { throw error("expected a whole number") }
        return value
    }

    /// A whole number within `bounds`.
    func int(in bounds: ClosedRange<Int>) throws -> Int {
        let text = try string()
        guard let value = Int(text), bounds.contains(value) else {
            throw error("expected a whole number from \(bounds.lowerBound) to \(bounds.upperBound), found `\(text)`")
        }
        return value
    }

    func bool() throws -> Bool {
        switch try string() {
        case "true": return true
        case "false": return false
        default: throw error("expected true or false")
        }
    }

    func strings() throws -> [String] {
        guard case let .sequence(sequence) = node.content else { throw error("expected a list of strings") }
        return try sequence.enumerated().map { index, item in
            try child(item, keyPath: "\(keyPath)[\(index)]").string()
        }
    }

    func globs() throws -> [Glob] { try strings().map(Glob.init) }

    /// The pattern at this node, named by its key path. One the engine refuses is a config error here; one that
    /// compiles is bounded when it runs (`Pattern`), so no shape of pattern needs refusing.
    func pattern() throws -> Pattern {
        let source = try string()
        guard !source.isEmpty else {
            // `~` removes a key inherited through mappings; inside a list item (custom-rules) nothing is inherited.
            let inherited = keyPath.contains("[") ? "" : " (`~` removes an inherited one)"
            throw error("an empty pattern matches everywhere: remove the key or write a pattern" + inherited)
        }
        var pattern = try Self.checkedPattern(source, at: self)
        pattern.origin = keyPath
        return pattern
    }

    func patterns() throws -> [Pattern] {
        try items().map { try $0.pattern() }
    }

    func items() throws -> [ConfigNode] {
        guard case let .sequence(sequence) = node.content else { throw error("expected a list") }
        return sequence.enumerated().map { child($1, keyPath: "\(keyPath)[\($0)]") }
    }
}
