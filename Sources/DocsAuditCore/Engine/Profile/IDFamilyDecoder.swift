/// Decodes `ids`: each family is a pattern string (the v1 shorthand: references only) or a mapping
/// (docs/configuration.md, "ID families"). A mapping is laid over the family of the same name the profile already
/// has, key by key; a string replaces it; null removes it.
enum IDFamilyDecoder {
    typealias Setter = ProfileDecoder.Setter<IDFamily>

    static func apply(_ node: ConfigNode, to profile: inout Profile) throws {
        try node.eachKey { name, child in
            if child.node.isNull {
                profile.ids[name] = nil
                return
            }
            let order = profile.ids[name]?.order ?? (profile.ids.values.map(\.order).max() ?? -1) + 1
            var family: IDFamily
            if case .mapping = child.node.content {
                family = try decodeMapping(child, name: name, existing: profile.ids[name])
            } else {
                family = IDFamily(name: name, pattern: try nonEmptyPattern(child))
            }
            family.order = order
            profile.ids[name] = family
        }
        for family in profile.ids.values {
            if let target = family.wildcardOf, profile.ids[target] == nil {
                throw node.error("ids.\(family.name).wildcard-of names `\(target)`, which is not an ID family")
            }
        }
    }

    private static func decodeMapping(_ node: ConfigNode, name: String, existing: IDFamily?) throws -> IDFamily {
        var family: IDFamily
        if let existing {
            family = existing
        } else {
            guard let patternNode = try child(node, "pattern") else {
                throw node.error("a family needs a pattern (group 0 is the ID as written)")
            }
            family = IDFamily(name: name, pattern: try nonEmptyPattern(patternNode))
        }
        try ProfileDecoder.decode(node, into: &family, fields: familyFields)
        if family.ranges, family.pattern.source.isEmpty { throw node.error("ranges need a pattern") }
        return family
    }

    private static func child(_ node: ConfigNode, _ key: String) throws -> ConfigNode? {
        var found: ConfigNode?
        try node.eachKey { name, value in if name == key { found = value } }
        return found
    }

    private static func nonEmptyPattern(_ node: ConfigNode) throws -> Pattern {
        if let text = node.node.string, text.isEmpty {
            throw node.error("an empty pattern matches everywhere: remove the key or write a pattern")
        }
        return try node.pattern()
    }

    static var familyFields: KeyValuePairs<String, Setter> { [
        "pattern": { $0.pattern = try nonEmptyPattern($1) },
        "canonical": { family, node in
            let text = try node.string()
            guard !text.isEmpty else { throw node.error("canonical is empty: remove it to keep IDs as written") }
            family.canonical = text
        },
        "numeric": { $0.numeric = try $1.bool() },
        "defined": { family, node in family.defined = try node.items().map(site) },
        "references": { family, node in
            try ProfileDecoder.decode(node, into: &family, fields: [
                "in": { family, node in
                    family.referencesIn = Set(try node.strings().enumerated().map { index, text in
                        guard let place = IDFamily.Place(rawValue: text) else {
                            throw ConfigNode(node: node.node, file: node.file, keyPath: "\(node.keyPath)[\(index)]")
                                .error("expected prose, headings or tables, found `\(text)`")
                        }
                        return place
                    })
                },
                "inline-code": { $0.inlineCode = try $1.bool() },
                "check": { $0.check = try $1.bool() },
            ])
        },
        "placeholders": { $0.placeholders = try $1.patterns() },
        "reservations": { family, node in
            family.reservations = try node.items().map { item in
                let source = try item.string()
                guard source.contains("{id}") else {
                    throw item.error("a reservation phrase needs `{id}` where the reserved ID stands")
                }
                let expanded = source.replacingAll("{id}", with: "(?:\(family.pattern.source))")
                var pattern = try ConfigNode.checkedPattern(expanded, at: item)
                pattern.origin = item.keyPath
                return pattern
            }
        },
        "ranges": { $0.ranges = try $1.bool() },
        "variants": { $0.variants = try $1.pattern() },
        "wildcard-of": { $0.wildcardOf = try $1.string() },
        "local": { $0.local = try $1.bool() },
        "kinds": { $0.kinds = try $1.strings() },
        "paths": { $0.paths = try $1.globs() },
    ] }

    /// One `defined` item: `{FORM: VALUE-or-options, kinds, paths, sections}`.
    static func site(_ node: ConfigNode) throws -> IDDefinitionSite {
        var forms: [(IDDefinitionSite.Form, ConfigNode)] = []
        var options: [(String, ConfigNode)] = []
        try node.eachKey { key, value in
            if let form = IDDefinitionSite.Form(rawValue: key) {
                forms.append((form, value))
            } else {
                options.append((key, value))
            }
        }
        let names = IDDefinitionSite.Form.allCases.map(\.rawValue)
        guard forms.count == 1, let (form, value) = forms.first else {
            throw node.error("a definition site needs exactly one of: \(names.joined(separator: ", "))")
        }
        var site = IDDefinitionSite(form: form)
        if case .mapping = value.node.content {
            try ProfileDecoder.decode(value, into: &site, fields: siteFields)
        } else {
            switch form {
            case .document: site.id = try value.string()
            case .heading, .bullet: site.match = try nonEmptyPattern(value)
            case .field: site.field = try value.string()
            case .tableColumn: site.header = try nonEmptyPattern(value)
            }
        }
        for (key, value) in options {
            guard let setter = siteFields.first(where: { $0.key == key })?.value else {
                throw value.unknownKey(names + siteFields.map(\.key))
            }
            try setter(&site, value)
        }
        switch form {
        case .document where site.id == nil: throw node.error("a document site needs `id` (e.g. 'Doc-{number}')")
        case .heading where site.match == nil, .bullet where site.match == nil:
            throw node.error("a \(form.rawValue) site needs a pattern (group 1 is the ID)")
        case .field where site.field == nil: throw node.error("a field site needs the field name")
        default: break
        }
        return site
    }

    static var siteFields: KeyValuePairs<String, ProfileDecoder.Setter<IDDefinitionSite>> { [
        "match": { $0.match = try nonEmptyPattern($1) },
        "id": { $0.id = try $1.string() },
        "field": { $0.field = try $1.string() },
        "header": { $0.header = try nonEmptyPattern($1) },
        "kinds": { $0.kinds = try $1.strings() },
        "paths": { $0.paths = try $1.globs() },
        "sections": { $0.sections = try $1.patterns() },
    ] }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (the standard library alone).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
