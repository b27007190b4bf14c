/// Reads `custom-rules`: the rules a profile defines (docs/configuration.md, "Custom rules"). Every problem is
/// a config error naming the file, line, column and key path; so is a rule that could never work as written
/// (a message naming a group the pattern lacks, a replacement the pattern would find again).
enum CustomRuleDecoder {
    /// Decodes the `custom-rules` key of `root`, if it has one, into `profile` (the list replaces any earlier
    /// one). Called before the other keys, so `rules:` and `overrides:` can name these IDs wherever they stand.
    static func apply(_ root: ConfigNode, to profile: inout Profile) throws {
        guard case let .mapping(pairs) = root.node.content,
              let pair = pairs.first(where: { $0.key.string == "custom-rules" }) else { return }
        let node = ConfigNode(node: pair.value, file: root.file, keyPath: "custom-rules", keyMark: pair.key)
        profile.customRules = try rules(node)
    }

    /// The rules of a `custom-rules` list (null or empty: none).
    static func rules(_ node: ConfigNode) throws -> [CustomRule] {
        if node.node.isNull { return [] }
        var seen: Set<String> = []
        return try node.items().map { item in
            let rule = try rule(item)
            guard seen.insert(rule.description.id).inserted else {
                throw item.error("custom rule \(rule.description.id) is defined twice")
            }
            return rule
        }
    }

    /// One rule's keys as read, checked together once all are known.
    private struct Draft {
        var id: String?
        var severity: Severity? = .warning
        var summary: String?
        var help = "A rule this profile defines (custom-rules)."
        var message: (text: String, node: ConfigNode)?
        var scope = CustomRule.Scope()
        var headerFieldsNode: ConfigNode?
        var forbid: (pattern: Pattern, node: ConfigNode)?
        var require: (pattern: Pattern, node: ConfigNode)?
        var replacement: (text: String, node: ConfigNode)?
        var examples: [RuleExample] = []
    }

    private static func rule(_ item: ConfigNode) throws -> CustomRule {
        var draft = Draft()
        try ProfileDecoder.decode(item, into: &draft, fields: [
            "id": { draft, node in draft.id = try checkedID(node) },
            "severity": { draft, node in
                let value = try node.string()
                if value == "off" { draft.severity = nil; return }
                guard let severity = Severity(rawValue: value) else {
                    throw node.error("expected error, warning, info or off, found `\(value)`")
                }
                draft.severity = severity
            },
            "summary": { $0.summary = try oneLine($1) },
            "help": { $0.help = try $1.string() },
            "message": { $0.message = (try oneLine($1), $1) },
            "scope": { draft, node in
                try ProfileDecoder.decode(node, into: &draft, fields: scopeFields)
            },
            "forbid": { $0.forbid = (try $1.pattern(), $1) },
            "require": { $0.require = (try $1.pattern(), $1) },
            "replacement": { $0.replacement = (try $1.string(), $1) },
            "examples": { $0.examples = try examples($1) },
        ])
        return try build(draft, item)
    }

    private static var scopeFields: KeyValuePairs<String, ProfileDecoder.Setter<Draft>> { [
        "kinds": { $0.scope.kinds = try $1.strings() },
        "paths": { $0.scope.paths = try $1.globs() },
        "exclude-paths": { $0.scope.excludePaths = try $1.globs() },
        "sections": { $0.scope.sections = try $1.patterns() },
        "in": { draft, node in
            let names = try node.strings()
            guard !names.isEmpty else { throw node.error("expected at least one of: \(placeNames)") }
            draft.scope.places = try names.enumerated().map { index, name in
                guard let place = CustomRule.Place(rawValue: name) else {
                    throw ConfigNode(node: node.node, file: node.file, keyPath: "\(node.keyPath)[\(index)]")
                        .error("unknown place `\(name)` (expected one of: \(placeNames))")
                }
                return place
            }
        },
        "header-fields": { draft, node in
            draft.scope.headerFields = try node.strings()
            draft.headerFieldsNode = node
        },
    ] }

    private static var placeNames: String { CustomRule.Place.allCases.map(\.rawValue).joined(separator: ", ") }

    private static func build(_ draft: Draft, _ item: ConfigNode) throws -> CustomRule {
        guard let id = draft.id else { throw item.error("a custom rule needs an `id` (such as custom/no-todo)") }
        guard let summary = draft.summary else { throw item.error("custom rule \(id) needs a one-line `summary`") }
        let check: CustomRule.Check
        switch (draft.forbid, draft.require) {
        case let (forbid?, nil): check = .forbid(forbid.pattern)
        case let (nil, require?): check = .require(require.pattern)
        case let (_, require?): throw require.node.error("a custom rule has either `forbid` or `require`, not both")
        case (nil, nil): throw item.error("custom rule \(id) needs a `forbid` or a `require` pattern")
        }
        if let node = draft.headerFieldsNode, !draft.scope.places.contains(.headerFields) {
            throw node.error("header-fields needs `in` to include header-fields")
        }
        let message = draft.message?.text ?? "\(summary): `{0}`"
        try checkMessage(message, node: draft.message?.node ?? item, check: check)
        if let forbid = draft.forbid {
            if forbid.pattern.test("") {
                throw forbid.node.error("the pattern matches the empty string, so it would report every position")
            }
            if let replacement = draft.replacement {
                try checkReplacement(replacement.text, node: replacement.node, forbid: forbid.pattern,
                                     examples: draft.examples)
            }
        } else if let replacement = draft.replacement {
            throw replacement.node.error("a replacement needs `forbid` (a `require` rule has no match to replace)")
        }
        let description = RuleDescription(id: id, severity: draft.severity, summary: summary, help: draft.help,
                                          examples: draft.examples)
        return CustomRule(description: description, message: message, scope: draft.scope, check: check,
                          replacement: draft.replacement?.text)
    }

    /// A namespaced kebab-case ID (`custom/no-todo`, `team/x`) outside the built-in categories.
    private static func checkedID(_ node: ConfigNode) throws -> String {
        let id = try node.string()
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy(isKebabCase) else {
            throw node.error("`\(id)` is not a namespaced kebab-case rule ID (write custom/name, lower case, "
                             + "words joined by -)")
        }
        let namespace = String(parts[0])
        if RuleCatalog.builtInCategories.contains(namespace) {
            throw node.error("`\(id)`: \(namespace)/ is a built-in category; name custom rules custom/… "
                             + "or another namespace of your own")
        }
        return id
    }

    private static func isKebabCase(_ word: Substring) -> Bool {
        guard let first = word.first, let last = word.last, first != "-", last != "-", !word.contains("--") else {
            return false
        }
        return word.allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "-" }
    }

    /// A string on one line: it goes into one-line outputs (rules, findings).
    private static func oneLine(_ node: ConfigNode) throws -> String {
        let text = try node.string()
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { throw node.error("must not be empty") }
        guard !trimmed.contains(where: \.isNewline) else { throw node.error("must be one line") }
        return trimmed
    }

    /// Every `{N}` of the message must be a group the pattern has (a `require` rule has only `{0}`, the item).
    private static func checkMessage(_ message: String, node: ConfigNode, check: CustomRule.Check) throws {
        let highest = CustomRuleText.highestGroup(CustomRuleText.message(message))
        switch check {
        case let .forbid(pattern) where highest > pattern.groupCount:
            throw node.error("the message names {\(highest)} but the forbid pattern has \(pattern.groupCount) "
                             + "group\(pattern.groupCount == 1 ? "" : "s")")
        case .require where highest > 0:
            throw node.error("the message names {\(highest)}: a require rule's message has only {0} (the item)")
        default:
            return
        }
    }

    /// The replacement must read, name only groups the pattern has, and leave nothing for the pattern to find
    /// again: checked on the replacement alone when it names no group, and on every match in the examples.
    private static func checkReplacement(_ text: String, node: ConfigNode, forbid: Pattern,
                                         examples: [RuleExample]) throws {
        let pieces: [CustomRuleText.Piece]
        switch CustomRuleText.replacement(text) {
        case let .success(parsed): pieces = parsed
        case let .failure(problem): throw node.error(problem.reason)
        }
        let highest = CustomRuleText.highestGroup(pieces)
        guard highest <= forbid.groupCount else {
            throw node.error("the replacement names group \(highest) but the forbid pattern has "
                             + "\(forbid.groupCount) group\(forbid.groupCount == 1 ? "" : "s")")
        }
        let notIdempotent = "the replacement is not idempotent: the forbid pattern still matches"
        if !CustomRuleText.usesGroups(pieces), forbid.test(text) {
            throw node.error("\(notIdempotent) `\(text)`, so the fix would be reported again")
        }
        for example in examples where example.failing {
            for (_, file) in example.strippedFiles.sorted(by: { $0.key < $1.key }) {
                for line in file.split(separator: "\n", omittingEmptySubsequences: false) {
                    let lineText = String(line)
                    for match in forbid.matches(in: lineText) {
                        guard let range = match.byteRange(), !range.isEmpty else { continue }
                        let replaced = CustomRuleText.fill(pieces) { match[$0] }
                        if !CustomRule.settles(forbid, in: lineText, replacing: range, with: replaced) {
                            throw node.error("\(notIdempotent) the fixed line `\(lineText)` of an example, so the "
                                             + "fix would be reported again")
                        }
                    }
                }
            }
        }
    }

    /// The rule's examples (rules/examples shape); they run with the profile that defines the rule, so they
    /// carry no `config` of their own.
    private static func examples(_ node: ConfigNode) throws -> [RuleExample] {
        try node.eachKey { _, list in
            guard case let .sequence(items) = list.node.content else { return }
            for (index, item) in items.enumerated() {
                guard case let .mapping(pairs) = item.content,
                      let config = pairs.first(where: { $0.key.string == "config" }) else { continue }
                throw ConfigNode(node: config.key, file: node.file, keyPath: "\(list.keyPath)[\(index)].config")
                    .error("a custom rule's examples run with the profile that defines it: no `config` here")
            }
        }
        return try RuleExamples.parse(node)
    }
}
