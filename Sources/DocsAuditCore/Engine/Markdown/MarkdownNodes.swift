/// A block of a parsed Markdown document, as cmark-gfm saw it.
///
/// Leaf blocks that hold text (headings, paragraphs, table cells) carry `inlines`; container blocks
/// (lists, items, block quotes, tables, rows) carry `children`; code and HTML blocks carry `literal`.
public struct Block: Sendable {
    /// What kind of block this is.
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case list(ordered: Bool)
        /// A list item; `task` is set for GFM task-list items (`- [x]`).
        case item(task: TaskMark?)
        case blockQuote
        case codeBlock(info: String, fenced: Bool)
        case htmlBlock
        case table
        case tableRow(isHeader: Bool)
        case tableCell
        case thematicBreak
        /// A node type this model does not name (footnote definitions and future extensions).
        case other(String)
    }

    public var kind: Kind
    public var range: SourceRange
    public var children: [Block]
    public var inlines: [Inline]
    public var literal: String

    public init(kind: Kind, range: SourceRange, children: [Block] = [], inlines: [Inline] = [], literal: String = "") {
        self.kind = kind
        self.range = range
        self.children = children
        self.inlines = inlines
        self.literal = literal
    }

    /// The text a reader sees: inline text and code, links by their text; breaks become spaces.
    public var plainText: String { Inline.plainText(of: inlines) }

    /// The first word of a code block's info string (`mermaid` for "mermaid title"), else nil.
    public var codeLanguage: String? {
        guard case let .codeBlock(info, _) = kind else { return nil }
        return info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
    }

    /// The heading level, or nil when this is not a heading.
    public var headingLevel: Int? {
        if case let .heading(level) = kind { return level }
        return nil
    }
}

/// The checkbox of a GFM task-list item.
public struct TaskMark: Sendable, Equatable, Codable {
    public var checked: Bool
    public init(checked: Bool) { self.checked = checked }
}

/// An inline run inside a leaf block.
public struct Inline: Sendable {
    /// What kind of inline this is.
    public enum Kind: Sendable, Equatable {
        case text
        case code
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String)
        case html
        case softBreak
        case lineBreak
        case other(String)
    }

    public var kind: Kind
    /// Where the inline starts. Bare-URL links made by the autolink extension have no position of their
    /// own in cmark-gfm; they take the start of the enclosing block.
    public var start: SourcePosition
    public var children: [Inline]
    public var literal: String

    public init(kind: Kind, start: SourcePosition, children: [Inline] = [], literal: String = "") {
        self.kind = kind
        self.start = start
        self.children = children
        self.literal = literal
    }

    /// The visible text of a run of inlines (inline HTML dropped, as a browser shows it and slugs use it).
    public static func plainText(of inlines: [Inline]) -> String {
        var out = ""
        appendPlainText(of: inlines, keepingHTML: false, to: &out)
        return out
    }

    /// The text as the author wrote it, inline HTML kept as text (titles shown in reports).
    public static func writtenText(of inlines: [Inline]) -> String {
        var out = ""
        appendPlainText(of: inlines, keepingHTML: true, to: &out)
        return out
    }

    private static func appendPlainText(of inlines: [Inline], keepingHTML: Bool, to out: inout String) {
        for inline in inlines {
            switch inline.kind {
            case .text, .code: out += inline.literal
            case .softBreak, .lineBreak: out += " "
            case .html: if keepingHTML { out += inline.literal }
            default: appendPlainText(of: inline.children, keepingHTML: keepingHTML, to: &out)
            }
        }
    }
}
