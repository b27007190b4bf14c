/// One ID family of the profile (`ids.<name>`): how its IDs are written, what identifies them, where they are
/// defined and where references to them are scanned. The string form of a family sets only `pattern`.
public struct IDFamily: Sendable {
    /// Where references are scanned.
    public enum Place: String, Sendable, CaseIterable {
        case prose, headings, tables
    }

    public var name: String
    /// Group 0 is the ID as written.
    public var pattern: Pattern
    /// The ID's identity: `{N}` is group N, `{*}` the first group that took part; nil keeps group 0 as written.
    public var canonical: String?
    /// Digit-only groups compare as integers (leading zeros dropped) in `canonical`.
    public var numeric = false
    /// Where IDs of this family are defined; empty: references are recorded, never checked.
    public var defined: [IDDefinitionSite] = []
    /// Where references are scanned; empty: nowhere (the family is used by definitions or other rules only).
    public var referencesIn: Set<Place> = Set(Place.allCases)
    /// An ID inside a code span is a reference too (default: an example, recorded but not checked).
    public var inlineCode = false
    /// Undefined references are reported (only when the family has `defined`).
    public var check = true
    /// IDs matching one of these are never IDs (templates, rule text).
    public var placeholders: [Pattern] = []
    /// Phrases where an ID of this family is a definition-to-be (`{id}` replaced by `pattern`).
    public var reservations: [Pattern] = []
    /// `X..Y` and `X..N` written with IDs of this family expand to their members.
    public var ranges = false
    /// A reference is also defined when it plus a variant suffix matching this is (`NS-13` for `NS-13a`).
    public var variants: Pattern?
    /// A reference of this family names every ID of the family `wildcardOf` that starts with its canonical form
    /// (`I-024-*`): it is undefined only when there is none.
    public var wildcardOf: String?
    /// IDs are unique per document: duplicates are checked inside one file and a reference resolves only in its own
    /// file (plan-local task IDs such as `T5.1`).
    public var local = false
    /// Only documents of these kinds / paths are scanned for references (empty: all).
    public var kinds: [String] = []
    public var paths: [Glob] = []
    /// Declaration order in the profile: families are scanned in this order, so output is stable.
    public var order = 0

    public init(name: String, pattern: Pattern) {
        self.name = name
        self.pattern = pattern
    }

    /// Whether references are compared with definitions.
    public var isChecked: Bool { check && (!defined.isEmpty || wildcardOf != nil) }

    /// Whether references are scanned in the document at `path` of `kind`.
    func scans(path: String, kind: String) -> Bool {
        guard !referencesIn.isEmpty else { return false }
        if !kinds.isEmpty && !kinds.contains(kind) { return false }
        if !paths.isEmpty && !paths.contains(where: { $0.matches(path) }) { return false }
        return true
    }

    /// The identity of an ID match: `canonical` filled from its groups, or group 0 as written.
    func identity(of match: PatternMatch) -> String {
        guard let canonical else { return match[0] ?? "" }
        var out = ""
        var rest = Substring(canonical)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else {
                out += rest[open...]
                rest = ""
                break
            }
            let key = after[..<close]
            if key == "*" {
                out += normalized((1..<match.count).lazy.compactMap { match[$0] }.first ?? "")
            } else if let index = Int(key), index >= 0, index < match.count {
                out += normalized(match[index] ?? "")
            } else {
                out += rest[open...close]
            }
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    /// The identity of an ID written as `text` (its first match of `pattern`), or `text` when it does not match.
    func identity(of text: String) -> String {
        guard canonical != nil, let match = pattern.firstMatch(in: text) else { return text }
        return identity(of: match)
    }

    private func normalized(_ group: String) -> String {
        guard numeric, !group.isEmpty, group.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return group }
        let trimmed = group.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}

/// Where IDs of a family are defined (`ids.<family>.defined[]`).
public struct IDDefinitionSite: Sendable {
    public enum Form: String, Sendable, CaseIterable {
        /// Each document of the kinds defines the ID `id` (`{number}` is the document's number).
        case document
        /// A heading whose text matches `match`; group 1 (or 0) is the ID.
        case heading
        /// A header field's value: the family's IDs in it (or `match`'s group 1).
        case field
        /// A table column (the one whose header matches `header`, else the first): each cell's ID.
        case tableColumn = "table-column"
        /// A list item's lead text (its first inline: bold, code or text): `match`'s group 1 (or 0).
        case bullet
    }

    public var form: Form
    /// The pattern of a heading, bullet, cell or field value; group 1 (or 0) is the ID as written.
    public var match: Pattern?
    /// `document`: the ID template (`Plan-{number}`).
    public var id: String?
    /// `field`: the header field name.
    public var field: String?
    /// `table-column`: the header cell pattern selecting the column.
    public var header: Pattern?
    public var kinds: [String] = []
    public var paths: [Glob] = []
    /// Only inside these sections (any enclosing heading's title matches one).
    public var sections: [Pattern] = []

    public init(form: Form) {
        self.form = form
    }
}
