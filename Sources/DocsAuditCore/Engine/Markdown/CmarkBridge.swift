import CCmarkGFM
import FoundationEssentials

/// The one place that touches cmark-gfm. It parses UTF-8 text with the GFM extensions and source
/// positions, walks the C tree once into `Block` / `Inline` values, and frees the tree before returning.
/// No C pointer leaves this file.
enum CmarkBridge {
    /// Containers nested deeper than this are flattened into their ancestor at this depth, so that
    /// pathological input (10,000 nested quotes) cannot exhaust a worker thread's stack later on.
    static let maxDepth = 200

    /// The result of one parse.
    struct Output {
        var blocks: [Block]
        /// Every block of `blocks`, containers before their children, in document order (as
        /// `MarkdownDocument.flatten` lists them), filled in by the walk.
        var allBlocks: [Block] = []
        /// Set when nesting was flattened at `maxDepth`.
        var flattenedAtLine: Int?
    }

    /// Registers the extensions exactly once, before any parse can start on another thread.
    private static let extensions: Extensions = {
        cmark_gfm_core_extensions_ensure_registered()
        let names = ["table", "strikethrough", "autolink", "tasklist"]
        return Extensions(pointers: names.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } })
    }()

    /// The registered extension handles: immutable process-wide singletons inside cmark-gfm.
    private struct Extensions: @unchecked Sendable {
        let pointers: [OpaquePointer]
    }

    /// cmark-gfm 0.29 switches a process-wide special-characters table inside every
    /// `cmark_parser_finish` when strikethrough/autolink are attached (upstream issue #221): two
    /// concurrent finishes lose bare-URL links and strikethroughs. Feeding stays parallel; finish is
    /// serialised here.
    private static let finishLock = Lock()

    /// Parses `text` and returns its top-level blocks.
    static func parse(_ text: String) -> Output {
        let exts = extensions
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return Output(blocks: []) }
        defer { cmark_parser_free(parser) }
        for ext in exts.pointers { cmark_parser_attach_syntax_extension(parser, ext) }
        var source = text
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        finishLock.lock()
        let root = cmark_parser_finish(parser)
        finishLock.unlock()
        guard let root else { return Output(blocks: []) }
        defer { cmark_node_free(root) }
        return TreeWalker().walk(root)
    }
}

/// Converts a cmark tree with an explicit stack (no recursion), so depth costs heap, not stack. It frees each
/// node's children as soon as the node is converted.
private struct TreeWalker {
    private struct Frame {
        var node: OpaquePointer
        var block: Block?
        var inline: Inline?
        /// The block's place in `allBlocks`, or -1.
        var slot = -1
    }

    private var stack: [Frame] = []
    private var topBlocks: [Block] = []
    /// Every block in document order, containers before their children: a block takes its place when it is
    /// entered and is written there when it is complete.
    private var allBlocks: [Block] = []
    private var flattenedAtLine: Int?

    func walk(_ root: OpaquePointer) -> CmarkBridge.Output {
        var walker = self
        guard let iter = cmark_iter_new(root) else { return CmarkBridge.Output(blocks: []) }
        defer { cmark_iter_free(iter) }
        var documentRange = SourceRange(lines: 1, 1)
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_DOCUMENT {
                documentRange = Self.range(of: node)
                continue
            }
            if event == CMARK_EVENT_ENTER {
                walker.enter(node, isLeaf: Self.isLeaf(node))
            } else if event == CMARK_EVENT_EXIT {
                walker.exit(node)
                // The subtree is converted: free it now, so the C tree shrinks while the Swift one grows and
                // a parse never holds both whole. Safe: the iterator's next step (the node's next sibling or
                // its parent) was computed before this event and never points into the children.
                while let child = cmark_node_first_child(node) { cmark_node_free(child) }
            }
        }
        _ = documentRange
        return CmarkBridge.Output(blocks: walker.topBlocks, allBlocks: walker.allBlocks,
                                  flattenedAtLine: walker.flattenedAtLine)
    }

    private static func isLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_FOOTNOTE_REFERENCE:
            return true
        default:
            return false
        }
    }

    private mutating func enter(_ node: OpaquePointer, isLeaf: Bool) {
        // Leaves are built and moved straight into their parent; a container is built in its frame on the stack.
        // No frame, block or inline is copied on the way (each copy retains and releases every array inside).
        if let kind = Self.blockKind(node) {
            let range = Self.range(of: node)
            if isLeaf {
                let leaf = Block(kind: kind, range: range, literal: Self.literal(node))
                if attachesBlock { allBlocks.append(leaf) }
                attach(block: consume leaf)
                return
            }
            var block = Block(kind: kind, range: range)
            // The container's children are counted once, so the array they go into is allocated once rather
            // than grown (and copied) child by child.
            if block.holdsInlines {
                block.inlines.reserveCapacity(Self.childCount(node))
            } else {
                block.children.reserveCapacity(Self.childCount(node))
            }
            // Block containers flatten at `maxDepth`; text-bearing blocks (paragraphs, headings, table parts)
            // always keep their frame so their inlines stay theirs.
            switch kind {
            case .blockQuote, .list, .item, .other:
                if stack.count >= CmarkBridge.maxDepth { return flatten(node) }
            default: break
            }
            var slot = -1
            if attachesBlock {
                slot = allBlocks.count
                allBlocks.append(Block(kind: .thematicBreak, range: block.range))  // written at exit
            }
            stack.append(Frame(node: node, block: block, inline: nil, slot: slot))
        } else {
            let start = Self.inlineStart(node) ?? currentBlockStart()
            var inline = Inline(kind: Self.inlineKind(node), start: start, literal: isLeaf ? Self.literal(node) : "")
            if isLeaf {
                attach(inline: consume inline)
                return
            }
            inline.children.reserveCapacity(Self.childCount(node))
            // Inline containers get a little more room than block containers.
            if stack.count >= CmarkBridge.maxDepth + 50 { return flatten(node) }
            stack.append(Frame(node: node, block: nil, inline: inline))
        }
    }

    /// Whether a block entered now ends up in the tree: at the top, or under a block (never under an inline).
    private var attachesBlock: Bool {
        guard let top = stack.indices.last else { return true }
        return stack[top].block != nil
    }

    /// Too deep: keep the content but not the nesting. The container's own frame is dropped and its children
    /// attach to the frame above (the caller reports a parse problem).
    private mutating func flatten(_ node: OpaquePointer) {
        if flattenedAtLine == nil { flattenedAtLine = Int(cmark_node_get_start_line(node)) }
    }

    /// The number of children of `node`.
    private static func childCount(_ node: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        return count
    }

    private mutating func exit(_ node: OpaquePointer) {
        guard let top = stack.indices.last, stack[top].node == node else { return }  // a flattened container
        let frame = stack.removeLast()
        if let block = frame.block {
            if frame.slot >= 0 { allBlocks[frame.slot] = block }
            attach(block: block)
        } else if let inline = frame.inline {
            attach(inline: inline)
        }
    }

    private mutating func attach(block: consuming Block) {
        if stack.isEmpty {
            topBlocks.append(block)
        } else {
            stack[stack.count - 1].block?.children.append(block)
        }
    }

    private mutating func attach(inline: consuming Inline) {
        guard !stack.isEmpty else { return }
        let index = stack.count - 1
        if stack[index].block != nil {
            stack[index].block?.inlines.append(inline)
        } else {
            stack[index].inline?.children.append(inline)
        }
    }

    private func currentBlockStart() -> SourcePosition {
        for frame in stack.reversed() {
            if let block = frame.block { return block.range.start }
        }
        return SourcePosition(line: 1, utf8Column: 1)
    }

    private static func range(of node: OpaquePointer) -> SourceRange {
        SourceRange(
            start: SourcePosition(line: Int(cmark_node_get_start_line(node)),
                                  utf8Column: Int(cmark_node_get_start_column(node))),
            end: SourcePosition(line: Int(cmark_node_get_end_line(node)),
                                utf8Column: Int(cmark_node_get_end_column(node)))
        )
    }

    /// Autolinked bare URLs (and their text) report line 0: nil, and they take the enclosing block's start (looked
    /// up only for them).
    private static func inlineStart(_ node: OpaquePointer) -> SourcePosition? {
        let line = Int(cmark_node_get_start_line(node))
        guard line > 0 else { return nil }
        return SourcePosition(line: line, utf8Column: max(1, Int(cmark_node_get_start_column(node))))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    /// Whether the node's type string is `name`, compared on the C string without making a Swift one.
    private static func typeName(of node: OpaquePointer, is name: StaticString) -> Bool {
        guard let type = cmark_node_get_type_string(node) else { return false }
        return name.withUTF8Buffer { expected in
            var index = 0
            while index < expected.count {
                guard UInt8(bitPattern: type[index]) == expected[index] else { return false }
                index += 1
            }
            return type[index] == 0
        }
    }

    private static func blockKind(_ node: OpaquePointer) -> Block.Kind? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM:
            let isTask = typeName(of: node, is: "tasklist")
            return .item(task: isTask ? TaskMark(checked: cmark_gfm_extensions_get_tasklist_item_checked(node)) : nil)
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_CODE_BLOCK:
            // cmark_node_get_fenced writes through all three out-parameters: they must be real.
            var length: Int32 = 0
            var offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), fenced: fenced)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .other("footnote_definition")
        case CMARK_NODE_CUSTOM_BLOCK: return .other("custom_block")
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_INLINE,
             CMARK_NODE_FOOTNOTE_REFERENCE:
            return nil
        default:
            // Extension nodes are identified by type string, never by guessed enum values; compared in C, so a
            // table's every cell makes no String.
            if typeName(of: node, is: "table_cell") { return .tableCell }
            if typeName(of: node, is: "table_row") {
                return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            }
            if typeName(of: node, is: "table") { return .table }
            if typeName(of: node, is: "table_header") { return .tableRow(isHeader: true) }
            if typeName(of: node, is: "strikethrough") { return nil }
            return .other(string(cmark_node_get_type_string(node)))
        }
    }

    private static func inlineKind(_ node: OpaquePointer) -> Inline.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: return .image(source: string(cmark_node_get_url(node)))
        case CMARK_NODE_HTML_INLINE: return .html
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        default:
            if typeName(of: node, is: "strikethrough") { return .strikethrough }
            return .other(string(cmark_node_get_type_string(node)))
        }
    }
}

private extension Block {
    /// Whether cmark-gfm puts inline nodes under this block (the rest hold blocks).
    var holdsInlines: Bool {
        switch kind {
        case .paragraph, .heading, .tableCell: return true
        default: return false
        }
    }
}
