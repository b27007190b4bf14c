/// Writes a `YAMLNode` tree back as block YAML, each leaf value followed by a comment saying where it came
/// from (`# rules/default.yml:42`): what `docs-audit config --print` shows. Keys stay in tree order, so the
/// output depends only on the tree. Read back, it gives the same tree (comments aside).
public enum YAMLPrinter {
    /// The YAML of `tree`; `name` turns a node's file into the name shown in the comments.
    public static func print(_ tree: YAMLNode, name: @escaping (String) -> String = { $0 }) -> String {
        var printer = Lines(name: name)
        switch tree.content {
        case let .mapping(pairs) where !pairs.isEmpty: printer.mapping(pairs, indent: 0)
        case let .sequence(items) where !items.isEmpty: printer.sequence(items, indent: 0)
        default: printer.lines.append(printer.leaf(tree))
        }
        return printer.lines.joined(separator: "\n") + "\n"
    }

    private struct Lines {
        let name: (String) -> String
        var lines: [String] = []

        mutating func mapping(_ pairs: [YAMLNode.Pair], indent: Int) {
            let pad = String(repeating: " ", count: indent)
            for pair in pairs {
                let key = YAMLPrinter.scalar(pair.key)
                switch pair.value.content {
                case let .mapping(inner) where !inner.isEmpty:
                    lines.append("\(pad)\(key):")
                    mapping(inner, indent: indent + 2)
                case let .sequence(items) where !items.isEmpty:
                    lines.append("\(pad)\(key):")
                    sequence(items, indent: indent + 2)
                default:
                    lines.append("\(pad)\(key): \(leaf(pair.value))")
                }
            }
        }

        mutating func sequence(_ items: [YAMLNode], indent: Int) {
            let pad = String(repeating: " ", count: indent)
            for item in items {
                switch item.content {
                case let .mapping(pairs) where !pairs.isEmpty:
                    // The item's first key goes on the `- ` line, the others under it.
                    let first = lines.count
                    mapping(pairs, indent: indent + 2)
                    lines[first] = pad + "- " + lines[first].dropFirst(indent + 2)
                case let .sequence(inner) where !inner.isEmpty:
                    lines.append("\(pad)-")
                    sequence(inner, indent: indent + 2)
                default:
                    lines.append("\(pad)- \(leaf(item))")
                }
            }
        }

        /// A scalar, `{}` or `[]`, and where it came from.
        func leaf(_ node: YAMLNode) -> String {
            let value: String
            switch node.content {
            case .mapping: value = "{}"
            case .sequence: value = "[]"
            case .scalar: value = YAMLPrinter.scalar(node)
            }
            return "\(value)  # \(VisibleName.of(name(node.file))):\(node.line)"
        }
    }

    /// A scalar as YAML: plain when it was plain and stays unambiguous, else single-quoted, else (control
    /// characters, line breaks) double-quoted with escapes.
    static func scalar(_ node: YAMLNode) -> String {
        let text = node.string ?? ""
        if node.isPlain {
            if node.isNull { return "~" }
            if isSafePlain(text) { return text }
        }
        guard text.unicodeScalars.contains(where: needsEscape) else {
            return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Letters, digits and `_./+-`, not starting with `-`: no YAML indicator, never a null or a boolean
    /// that reads differently (those came plain and go back plain).
    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-" else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "_./+-".unicodeScalars.contains(scalar))
        }
    }

    /// Characters a single-quoted scalar cannot hold as written (or a terminal would act on).
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
            || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }
}

/// A file name fit for a one-line comment: control characters shown as `?`.
private enum VisibleName {
    static func of(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029 ? "?" : scalar
        }))
    }
}
