/// Read-only helpers over the parsed block tree, shared by every extractor.
extension Block {
    /// This block and all blocks inside it, in document order (iterative: depth costs no stack).
    public var descendantsAndSelf: [Block] {
        var out: [Block] = []
        var stack: [Block] = [self]
        while let block = stack.popLast() {
            out.append(block)
            stack.append(contentsOf: block.children.reversed())
        }
        return out
    }

    /// For a list item: its first paragraph (the item's own text).
    public var leadParagraph: Block? {
        children.first { $0.kind == .paragraph }
    }

    /// For a table: its rows, header first.
    public var tableRows: [Block] { children.filter { if case .tableRow = $0.kind { return true } else { return false } } }

    /// For a table row: its cells.
    public var cells: [Block] { children.filter { $0.kind == .tableCell } }

    /// For a list: its items.
    public var items: [Block] { children.filter { if case .item = $0.kind { return true } else { return false } } }

    /// The task-list checkbox of an item, if it has one.
    public var taskMark: TaskMark? {
        if case let .item(task) = kind { return task }
        return nil
    }

    /// Whether this is a fenced or indented code block.
    public var isCodeBlock: Bool {
        if case .codeBlock = kind { return true }
        return false
    }

    /// The line of a code block's first content line (after the opening fence of a fenced block).
    public var contentStartLine: Int {
        if case .codeBlock(_, true) = kind { return range.start.line + 1 }
        return range.start.line
    }

    /// Whether this is a table.
    public var isTable: Bool { kind == .table }

    /// Whether this is a list.
    public var isList: Bool {
        if case .list = kind { return true }
        return false
    }

    /// The literal of the first code span in this block's inlines (searched in depth).
    public var firstCodeSpan: String? { Inline.codeSpans(in: inlines).first?.literal }
}

extension Inline {
    /// Every code span in `inlines`, in order, including inside emphasis and links.
    public static func codeSpans(in inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        var stack = Array(inlines.reversed())
        while let inline = stack.popLast() {
            if inline.kind == .code { out.append(inline) }
            stack.append(contentsOf: inline.children.reversed())
        }
        return out
    }

    /// Every link in `inlines`, in order.
    public static func links(in inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        var stack = Array(inlines.reversed())
        while let inline = stack.popLast() {
            if case .link = inline.kind { out.append(inline) }
            stack.append(contentsOf: inline.children.reversed())
        }
        return out
    }

    /// Whether this inline is bold text.
    public var isStrong: Bool { kind == .strong }

    /// This inline's visible text.
    public var text: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        case .html: return ""
        default: return Inline.plainText(of: children)
        }
    }
}
