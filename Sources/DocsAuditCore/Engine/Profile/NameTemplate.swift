/// A name built from parts the profile gives its placeholders: `Plan-{number}` with the number `024` is
/// `Plan-024`; `BL-{1:3}{2}` with the groups `7` and `a` is `BL-007a` (`{key:W}` pads digits with zeros to W).
/// Modules build every corpus name through one of these, so no corpus spelling lives in Swift.
public struct NameTemplate: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        case text(String)
        case value(key: String, width: Int)
    }

    /// The template as written in the profile.
    public let source: String
    let pieces: [Piece]

    /// Parses `source`; `keys` are the placeholders allowed. Throws a message for the config error.
    init(_ source: String, keys: [String]) throws(TemplateError) {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(source)
        while let first = rest.first {
            rest = rest.dropFirst()
            if first == "}" { throw TemplateError("a `}` with no `{` before it") }
            guard first == "{" else { text.append(first); continue }
            guard let close = rest.firstIndex(of: "}") else { throw TemplateError("a `{` with no `}` after it") }
            let inside = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let parts = inside.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts.first ?? "")
            guard keys.contains(key) else {
                let known = keys.map { "{\($0)}" }.joined(separator: ", ")
                throw TemplateError("unknown placeholder {\(inside)} (expected \(known))")
            }
            var width = 0
            if parts.count == 2 {
                guard let value = Int(parts[1]), (1...9).contains(value) else {
                    throw TemplateError("the width in {\(inside)} must be a whole number from 1 to 9")
                }
                width = value
            }
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
            pieces.append(.value(key: key, width: width))
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        guard pieces.contains(where: { if case .value = $0 { true } else { false } }) else {
            let known = keys.map { "{\($0)}" }.joined(separator: ", ")
            throw TemplateError("the template has no placeholder (expected \(known))")
        }
        self.source = source
        self.pieces = pieces
    }

    /// The name with each placeholder replaced by `values[key]` (absent: empty); a width pads a value of
    /// digits only with leading zeros.
    public func render(_ values: [String: String]) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case let .text(text):
                result += text
            case let .value(key, width):
                let value = values[key] ?? ""
                let digitsOnly = !value.isEmpty && value.allSatisfy { $0.isASCII && $0.isNumber }
                if digitsOnly, value.count < width { result += String(repeating: "0", count: width - value.count) }
                result += value
            }
        }
        return result
    }

    /// What `name` has in place of `key` when it reads as this template (`Plan-024` as `Plan-{number}` →
    /// `024`), or nil when it does not: the text around the placeholders must match, a value is never empty
    /// and ends where the text after it first appears.
    public func value(of key: String, in name: String) -> String? {
        var rest = Substring(name)
        var found: String?
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case let .text(text):
                guard rest.hasPrefix(text) else { return nil }
                rest = rest.dropFirst(text.count)
            case let .value(pieceKey, _):
                var value = rest
                if index + 1 < pieces.count, case let .text(next) = pieces[index + 1] {
                    guard let end = rest.firstRange(of: next) else { return nil }
                    value = rest[..<end.lowerBound]
                }
                guard !value.isEmpty else { return nil }
                rest = rest[value.endIndex...]
                if pieceKey == key { found = String(value) }
            }
        }
        return rest.isEmpty ? found : nil
    }

    /// The name for a match's groups: `{1}` is group 1, and so on (a group that took no part is empty).
    public func render(match: PatternMatch) -> String { render(groups: (0..<match.count).map { match[$0] }) }

    /// The name for regular-expression groups: `{1}` is `groups[1]`, and so on.
    public func render(groups: [String?]) -> String {
        var values: [String: String] = [:]
        for (index, group) in groups.enumerated() { values[String(index)] = group ?? "" }
        return render(values)
    }
}

/// Why a name template cannot be read.
struct TemplateError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension ConfigNode {
    /// The name template at this node; `keys` are the placeholders it may use.
    func template(keys: [String]) throws -> NameTemplate {
        let source = try string()
        do {
            return try NameTemplate(source, keys: keys)
        } catch {
            throw self.error("\(error.message): \(source)")
        }
    }

    /// A template whose placeholders are regular-expression groups `{1}` … `{9}`.
    func groupTemplate() throws -> NameTemplate { try template(keys: (1...9).map(String.init)) }
}
