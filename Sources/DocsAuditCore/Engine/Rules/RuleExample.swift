
/// One executable example of a rule: a small corpus (one or more files), and, when it is a failing example,
/// the findings the rule must report in it. Expected positions are marked in the text with keycap digits
/// (`1️⃣` … `9️⃣`), which prose never contains; marker N stands where finding N is reported (its line and
/// UTF-8 column) and `findings[N - 1]` is a fragment of its message.
///
/// Examples are data (`rules/examples/<category>/<name>.yml`, embedded into the binary by
/// scripts/embed-rule-examples.sh), so a rule defined in a profile can carry them the same way.
public struct RuleExample: Sendable, Equatable {
    /// One file of the example corpus, its text with the markers still in it.
    public struct File: Sendable, Equatable {
        public let path: String
        public let markedText: String
    }

    /// Where marker `number` stood once the markers are stripped.
    public struct Marker: Sendable, Equatable {
        public let number: Int
        public let path: String
        public let line: Int
        /// UTF-8 byte column, as findings report it.
        public let column: Int
    }

    /// True for an example the rule reports; false for one it must leave alone.
    public let failing: Bool
    /// One line saying what the example shows.
    public let title: String
    public let files: [File]
    /// A docs-audit.yml laid over the default profile, when the example needs one.
    public let config: String?
    /// Message fragments, one per marker, in marker order (empty for a passing example).
    public let findings: [String]

    public init(failing: Bool, title: String, files: [File], config: String? = nil, findings: [String] = []) {
        self.failing = failing
        self.title = title
        self.files = files
        self.config = config
        self.findings = findings
    }

    /// The keycap digits used as markers, `1️⃣` … `9️⃣`.
    public static let markers: [Character] = (1...9).map { Character("\($0)\u{FE0F}\u{20E3}") }

    /// The files as they are linted: path → text without markers.
    public var strippedFiles: [String: String] {
        Dictionary(files.map { ($0.path, Self.strip($0.markedText).text) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every marker with the place it marks, in marker order.
    public var expectedMarkers: [Marker] {
        files.flatMap { file in Self.strip(file.markedText).markers.map { place in
            Marker(number: place.number, path: file.path, line: place.line, column: place.column)
        } }.sorted { $0.number < $1.number }
    }

    /// Removes the markers from `text` and says where each stood (line, UTF-8 column in the stripped text).
    static func strip(_ text: String) -> (text: String, markers: [(number: Int, line: Int, column: Int)]) {
        var clean = ""
        var found: [(number: Int, line: Int, column: Int)] = []
        var line = 1
        var column = 1
        for char in text {
            if let index = markers.firstIndex(of: char) {
                found.append((index + 1, line, column))
                continue
            }
            clean.append(char)
            if char == "\n" {
                line += 1
                column = 1
            } else {
                column += String(char).utf8.count
            }
        }
        return (clean, found)
    }
}

/// Reading examples from YAML, and the built-in rules' examples.
public enum RuleExamples {
    /// The built-in rules' examples by rule ID (an unreadable embedded file yields none; a test reads them all).
    public static let builtIn: [String: [RuleExample]] = {
        var all: [String: [RuleExample]] = [:]
        for (id, yaml) in RuleExamplesText.files {
            all[id] = try? parse(yaml: yaml, file: "rules/examples/\(id).yml")
        }
        return all
    }()

    /// Parses one examples file:
    ///
    /// ```yaml
    /// failing:
    ///   - title: an edge to a node the graph never declares
    ///     files:
    ///       docs/a.md: |
    ///         …text with 1️⃣ markers…
    ///     config: |          # optional docs-audit.yml
    ///       …
    ///     findings: [NS99 is not declared]
    /// passing:
    ///   - title: …
    ///     files: …
    /// ```
    public static func parse(yaml: String, file: String) throws -> [RuleExample] {
        guard let root = try YAMLReader.read(yaml, file: file) else { return [] }
        return try parse(ConfigNode(node: root, file: file, keyPath: ""))
    }

    /// Parses examples already read into a tree (a custom rule's `examples` key), errors naming their key path.
    static func parse(_ node: ConfigNode) throws -> [RuleExample] {
        var examples: [RuleExample] = []
        try node.eachKey { key, value in
            switch key {
            case "failing", "passing":
                for item in try value.items() { examples.append(try example(item, failing: key == "failing")) }
            default:
                throw value.unknownKey(["failing", "passing"])
            }
        }
        return examples
    }

    private static func example(_ node: ConfigNode, failing: Bool) throws -> RuleExample {
        var title = ""
        var files: [RuleExample.File] = []
        var config: String?
        var findings: [String] = []
        try node.eachKey { key, value in
            switch key {
            case "title": title = try value.string()
            case "config": config = try value.string()
            case "findings": findings = try value.strings()
            case "files":
                try value.eachKey { path, text in
                    files.append(RuleExample.File(path: path, markedText: try text.string()))
                }
            default:
                throw value.unknownKey(["title", "files", "config", "findings"])
            }
        }
        guard !files.isEmpty else { throw node.error("an example needs `files`") }
        let example = RuleExample(failing: failing, title: title, files: files, config: config, findings: findings)
        let numbers = example.expectedMarkers.map(\.number)
        if failing {
            guard !findings.isEmpty, numbers == Array(1...findings.count) else {
                throw node.error("a failing example marks findings 1️⃣ … N once each, N being the number of "
                                 + "`findings`")
            }
        } else if !numbers.isEmpty || !findings.isEmpty {
            throw node.error("a passing example has no markers and no `findings`")
        }
        return example
    }
}
