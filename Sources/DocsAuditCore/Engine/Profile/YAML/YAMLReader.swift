import Yams

/// Reads YAML text into a `YAMLNode` tree. The one file that knows which YAML library does it.
enum YAMLReader {
    /// The document in `text`, or nil when it is empty. Syntax errors name the file, line and column.
    static func read(_ text: String, file: String) throws -> YAMLNode? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ConfigError(file: file, line: 1, column: 1, key: "", message: "invalid YAML: \(error)")
        }
        guard let node else { return nil }
        var budget = maxNodes
        guard let tree = convert(node, file: file, budget: &budget) else {
            throw ConfigError(file: file, line: 1, column: 1, key: "",
                              message: "the YAML has more than \(maxNodes) nodes once its aliases are expanded")
        }
        return tree
    }

    /// The most nodes a tree may have once aliases are expanded (a few nested aliases can stand for billions).
    static let maxNodes = 1_000_000

    private static func convert(_ node: Node, file: String, budget: inout Int) -> YAMLNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let line = node.mark?.line ?? 1
        let column = node.mark?.column ?? 1
        switch node {
        case let .scalar(scalar):
            return YAMLNode(.scalar(scalar.string), line: line, column: column, isPlain: scalar.style == .plain,
                            file: file)
        case let .sequence(sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                guard let converted = convert(item, file: file, budget: &budget) else { return nil }
                items.append(converted)
            }
            return YAMLNode(.sequence(items), line: line, column: column, file: file)
        case let .mapping(mapping):
            var pairs: [YAMLNode.Pair] = []
            for (key, value) in mapping {
                guard let key = convert(key, file: file, budget: &budget),
                      let value = convert(value, file: file, budget: &budget) else { return nil }
                pairs.append(YAMLNode.Pair(key: key, value: value))
            }
            return YAMLNode(.mapping(pairs), line: line, column: column, file: file)
        case let .alias(alias):
            return YAMLNode(.scalar("*\(alias.anchor.rawValue)"), line: line, column: column, file: file)
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ConfigError(file: file, line: mark.line, column: mark.column, key: "", message: "invalid YAML: \(problem)")
        default:
            return ConfigError(file: file, line: 1, column: 1, key: "", message: "invalid YAML: \(error)")
        }
    }
}
