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
                throw ConfigNode(node: key, file: file, keyPath: keyPath).error("keys must be strings")
            }
            let path = keyPath.isEmpty ? name : "\(keyPath).\(name)"
            try body(name, ConfigNode(node: value, file: file, keyPath: path, keyMark: key))
        }
    }

    /// The error for a key this mapping does not know.
    func unknownKey(_ known: [String]) -> ConfigError {
        ConfigError(file: file, line: keyMark?.line ?? line, column: keyMark?.column ?? column, key: keyPath,
                    message: "unknown key (expected one of: \(known.joined(separator: ", ")))")
    }

    func string() throws -> String {
        guard let text = node.string else { throw error("expected a string") }
        return text
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
            try ConfigNode(node: item, file: file, keyPath: "\(keyPath)[\(index)]").string()
        }
    }

    func globs() throws -> [Glob] { try strings().map(Glob.init) }

    /// The pattern at this node, named by its key path. One the engine refuses is a config error here; one that
    /// compiles is bounded when it runs (`Pattern`), so no shape of pattern needs refusing.
    func pattern() throws -> Pattern {
        var pattern = try Self.checkedPattern(try string(), at: self)
        pattern.origin = keyPath
        return pattern
    }

    func patterns() throws -> [Pattern] {
        try items().map { try $0.pattern() }
    }

    func items() throws -> [ConfigNode] {
        guard case let .sequence(sequence) = node.content else { throw error("expected a list") }
        return sequence.enumerated().map { ConfigNode(node: $1, file: file, keyPath: "\(keyPath)[\($0)]") }
    }
}
