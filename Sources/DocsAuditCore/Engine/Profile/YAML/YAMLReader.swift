import CYAML

/// Reads YAML text into a `YAMLNode` tree through libyaml's event parser. The one file that touches libyaml.
enum YAMLReader {
    /// The most nodes a tree may have once aliases are expanded (a few nested aliases can stand for billions).
    static let maxNodes = 1_000_000

    /// The deepest nesting of lists and mappings a file may have (a profile needs about eight): every later
    /// step (merge, decode, print, even freeing the tree) walks it recursively.
    static let maxDepth = 64

    /// The document in `text`, or nil when it has none. Syntax errors name the file, line and column.
    static func read(_ text: String, file: String) throws -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw ConfigError(file: file, line: 1, column: 1, key: "", message: "cannot start the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }
        // libyaml wants a non-null buffer even for empty text; the NUL after the text is never read.
        let bytes = Array(text.utf8) + [0]
        return try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(&parser, base, buffer.count - 1)
            var builder = TreeBuilder(file: file)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError(parser, file: file) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return builder.root }
                try builder.take(event)
            }
        }
    }

    /// libyaml's 0-based mark as a 1-based position.
    static func oneBased(_ value: Int) -> Int { value < Int.max ? max(value, 0) + 1 : Int.max }

    private static func syntaxError(_ parser: yaml_parser_t, file: String) -> ConfigError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let mark = parser.problem_mark
        return ConfigError(file: file, line: oneBased(mark.line), column: oneBased(mark.column), key: "",
                           message: "invalid YAML: \(problem)")
    }
}

/// Builds the tree from parser events: a stack of open collections, and the anchored nodes aliases name.
private struct TreeBuilder {
    private enum Open {
        case sequence([YAMLNode])
        case mapping([YAMLNode.Pair], pendingKey: YAMLNode?)
    }

    private struct Frame {
        var open: Open
        var line: Int
        var column: Int
        var anchor: String?
    }

    let file: String
    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var documents = 0
    private var budget = YAMLReader.maxNodes
    /// Nodes in each open collection so far, for the size an anchor stands for.
    private var sizes: [Int] = []

    init(file: String) { self.file = file }

    mutating func take(_ event: yaml_event_t) throws {
        let line = YAMLReader.oneBased(event.start_mark.line)
        let column = YAMLReader.oneBased(event.start_mark.column)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            guard documents == 1 else {
                throw ConfigError(file: file, line: line, column: column, key: "",
                                  message: "invalid YAML: more than one document (`---`) in the file")
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.plain_implicit == 1
            try add(YAMLNode(.scalar(text), line: line, column: column, isPlain: plain, file: file), size: 1,
                    anchor: Self.string(scalar.anchor), line: line, column: column)
        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(line: line, column: column)
            stack.append(Frame(open: .sequence([]), line: line, column: column,
                               anchor: Self.string(event.data.sequence_start.anchor)))
            sizes.append(1)
        case YAML_MAPPING_START_EVENT:
            try checkDepth(line: line, column: column)
            stack.append(Frame(open: .mapping([], pendingKey: nil), line: line, column: column,
                               anchor: Self.string(event.data.mapping_start.anchor)))
            sizes.append(1)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast(), let size = sizes.popLast() else { return }
            let node: YAMLNode
            switch frame.open {
            case let .sequence(items): node = YAMLNode(.sequence(items), line: frame.line, column: frame.column, file: file)
            case let .mapping(pairs, _): node = YAMLNode(.mapping(pairs), line: frame.line, column: frame.column, file: file)
            }
            try add(node, size: size, anchor: frame.anchor, line: frame.line, column: frame.column, counted: true)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw ConfigError(file: file, line: line, column: column, key: "",
                                  message: "invalid YAML: alias *\(name) names no anchor before it")
            }
            try add(anchored.node, size: anchored.size, anchor: nil, line: line, column: column)
        default:
            break
        }
    }

    private func checkDepth(line: Int, column: Int) throws {
        guard stack.count < YAMLReader.maxDepth else {
            throw ConfigError(file: file, line: line, column: column, key: "",
                              message: "the YAML nests lists and mappings more than \(YAMLReader.maxDepth) levels deep")
        }
    }

    /// Puts a finished node into the open collection (or makes it the root), charging its expanded size.
    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, line: Int, column: Int,
                              counted: Bool = false) throws {
        if !counted {
            budget -= size
        } else {
            budget -= 1
        }
        guard budget >= 0 else {
            throw ConfigError(file: file, line: line, column: column, key: "",
                              message: "the YAML has more than \(YAMLReader.maxNodes) nodes once its aliases are expanded")
        }
        if let anchor { anchors[anchor] = (node, size) }
        if !sizes.isEmpty { sizes[sizes.count - 1] = sizes[sizes.count - 1].addingReportingOverflow(size).partialValue }
        guard var frame = stack.popLast() else {
            root = node
            return
        }
        switch frame.open {
        case var .sequence(items):
            frame.open = .sequence([])  // drop the frame's reference, so the append does not copy the array
            items.append(node)
            frame.open = .sequence(items)
        case .mapping(var pairs, let pendingKey):
            frame.open = .mapping([], pendingKey: nil)
            if let key = pendingKey {
                pairs.append(YAMLNode.Pair(key: key, value: node))
                frame.open = .mapping(pairs, pendingKey: nil)
            } else {
                frame.open = .mapping(pairs, pendingKey: node)
            }
        }
        stack.append(frame)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
