/// Where a kind's document number comes from (`kinds[].number`).
public struct NumberSource: Sendable {
    /// The place the number is read from.
    public enum From: String, Sendable, CaseIterable {
        /// The H1, matched by `pattern` (default: the kind's `title`).
        case title
        /// The file's base name (`0042-slug.md`), matched by `pattern` (default `^(\d+)`).
        case fileName = "file-name"
        /// A header field's value (markup stripped), matched by `pattern` (default `(\d+)`).
        case field
    }

    public var from = From.title
    /// Group 1 is the number; nil means the default of `from`.
    public var pattern: Pattern?
    /// The header field read when `from` is `field`.
    public var field: String?

    public init() {}
}

/// How a kind's documents open with their header (`kinds[].header`), and what the header must hold.
public struct KindHeader: Sendable {
    /// The shape of the header.
    public enum Form: String, Sendable, CaseIterable {
        /// The first table before the first `##`: column 1 is the field name, column 2 its value.
        case table
        /// The first list before the first `##` (or before a second H1): items `Field: value`.
        case bullets
        /// YAML between `---` lines at the very top of the file.
        case frontMatter = "front-matter"
        /// No header.
        case none
    }

    public var form = Form.table
    /// Declared fields, in the order the profile lists them.
    public var fields: [HeaderFieldRule] = []

    public init() {}
}

/// What a header field must hold (`kinds[].header.fields.<Name>`).
public struct HeaderFieldRule: Sendable {
    /// The field name as written (markup stripped), compared exactly.
    public var name: String
    /// Other spellings that count as this field (`RFC PR #` for `RFC PR`); the field under its own name wins.
    public var aliases: [String] = []
    /// A document of the kind without this field is reported (`header/missing-field`).
    public var required = false
    /// The whole value must match (`header/field-value`).
    public var pattern: Pattern?
    /// Group 1 of the first match is a number that must equal the document's own (`header/identity`).
    public var identity: Pattern?

    public init(name: String) { self.name = name }

    /// The document's occurrence of this field: under its own name first, else under an alias.
    public func occurrence(in header: [HeaderField]) -> HeaderField? {
        header.first { $0.name == name } ?? header.first { aliases.contains($0.name) }
    }
}
