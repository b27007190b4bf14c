/// Decodes one entry of `kinds`: its paths, title and statuses, where its number comes from (`number`) and
/// what its header holds (`header`). Unknown keys and bad values are errors at their file, line and column.
enum KindDecoder {
    typealias Setter<T> = ProfileDecoder.Setter<T>

    static func kindRule(_ node: ConfigNode) throws -> DocumentKindRule {
        var rule = DocumentKindRule(name: "", paths: [], title: nil, statuses: [], label: nil)
        var numberNode: ConfigNode?
        try ProfileDecoder.decode(node, into: &rule, fields: [
            "name": { $0.name = try $1.string() },
            "paths": { $0.paths = try $1.globs() },
            "title": { $0.title = try $1.pattern() },
            "statuses": { $0.statuses = try $1.strings() },
            "label": { $0.label = try $1.template(keys: ["number"]) },
            "number": { rule, child in
                rule.number = try number(child)
                numberNode = child
            },
            "header": { $0.header = try header($1) },
        ])
        if rule.name.isEmpty { throw node.error("a kind needs a name") }
        if rule.paths.isEmpty { throw node.error("kind \(rule.name) needs at least one path glob") }
        if let numberNode, rule.number.from == .title, rule.number.pattern == nil, rule.title == nil {
            throw numberNode.error("number.from: title needs a pattern here or a title pattern in kind \(rule.name)")
        }
        if let field = rule.number.field, rule.header.form == .none {
            throw (numberNode ?? node).error("number.field \(field) needs a header (header.form is none)")
        }
        return rule
    }

    static func number(_ node: ConfigNode) throws -> NumberSource {
        var source = NumberSource()
        try ProfileDecoder.decode(node, into: &source, fields: [
            "from": { source, child in
                let value = try child.string()
                guard let from = NumberSource.From(rawValue: value) else {
                    throw child.error("expected \(choices(NumberSource.From.allCases)), found `\(value)`")
                }
                source.from = from
            },
            "pattern": { $0.pattern = try $1.pattern() },
            "field": { $0.field = try $1.string() },
        ])
        if source.from == .field, source.field == nil {
            throw node.error("number.from: field needs number.field (the header field holding the number)")
        }
        if source.from != .field, let field = source.field {
            throw node.error("number.field \(field) is read only with from: field (from is \(source.from.rawValue))")
        }
        return source
    }

    static func header(_ node: ConfigNode) throws -> KindHeader {
        var header = KindHeader()
        var fieldsNode: ConfigNode?
        try ProfileDecoder.decode(node, into: &header, fields: [
            "form": { header, child in
                let value = try child.string()
                guard let form = KindHeader.Form(rawValue: value) else {
                    throw child.error("expected \(choices(KindHeader.Form.allCases)), found `\(value)`")
                }
                header.form = form
            },
            "fields": { header, child in
                fieldsNode = child
                var fields: [HeaderFieldRule] = []
                try child.eachKey { name, fieldNode in fields.append(try field(name, fieldNode)) }
                header.fields = fields
            },
        ])
        if header.form == .none, let fieldsNode, !header.fields.isEmpty {
            throw fieldsNode.error("header.fields need a header: form is none")
        }
        return header
    }

    /// One field's checks; an empty value (`Name:` or `Name: {}`) declares the field with none.
    static func field(_ name: String, _ node: ConfigNode) throws -> HeaderFieldRule {
        var field = HeaderFieldRule(name: name)
        if node.node.isNull { return field }
        try ProfileDecoder.decode(node, into: &field, fields: [
            "required": { $0.required = try $1.bool() },
            "aliases": { $0.aliases = try $1.strings() },
            "pattern": { $0.pattern = try $1.pattern() },
            "identity": { $0.identity = try $1.pattern() },
        ])
        return field
    }

    private static func choices<T: RawRepresentable>(_ cases: [T]) -> String where T.RawValue == String {
        let names = cases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
