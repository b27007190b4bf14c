/// What `init` learns from one parsed file: its header form and fields, its ID-like tokens and where they
/// stand, and its Mermaid flowcharts. Bounded: at most `maxTokens` tokens and `maxFamilies` families per file.
struct FileSurvey: Sendable {
    /// Where a token was seen.
    enum Place: Int, Sendable, CaseIterable {
        case headings, tables, prose
        var name: String { ["headings", "tables", "prose"][rawValue] }
    }

    /// The header form of one file.
    enum HeaderForm: String, Sendable, CaseIterable {
        case table, bullets, frontMatter = "front-matter"
        /// How the evidence comment names it.
        var phrase: String {
            switch self {
            case .table: return "a table before the first `##`"
            case .bullets: return "a bullet list of `Field: value` items before the first `##`"
            case .frontMatter: return "YAML front matter"
            }
        }
    }

    /// The tokens of one family in one file.
    struct Tokens: Sendable {
        var counts = [0, 0, 0]
        /// Tokens by the number of `-digits` segments after the number (0 to 3).
        var segments = [0, 0, 0, 0]
        /// Distinct numbers (bounded).
        var numbers: Set<Int> = []
        /// Headings (not the H1) whose text starts with a token of this family.
        var headingStarts = 0
        /// A token as written, for the evidence comment.
        var example = ""
    }

    /// A Mermaid flowchart.
    struct Graph: Sendable {
        var line: Int
        /// The innermost enclosing heading's text, if any.
        var section: String?
        var nodes: Int
        /// Nodes whose ID is a letter prefix and a number (`NS01`, `T-12`): items of a dependency graph.
        var numberedNodes: Int
        var exampleNode: String
    }

    let path: String
    var headerForm: HeaderForm?
    var headerFields: [String] = []
    /// The first ID-like token of each header field's value (`RFC PR: rust-lang/rfcs#1` → that token).
    var fieldTokens: [String: TokenFamily.Token] = [:]
    /// The family key and number of the token the H1 starts with (`Plan-001: …`).
    var titleToken: (family: TokenFamily.Key, number: Int)?
    var tokens: [TokenFamily.Key: Tokens] = [:]
    var graphs: [Graph] = []
    private var numbersKept = 0

    static let maxTokens = 5_000
    static let maxFamilies = 64
    /// Distinct numbers kept per file, all families together: what the definition checks need, and a
    /// bound on memory that stays well under the size of the text read.
    static let maxNumbers = 500
    static let maxFieldNameLength = 48
    static let maxFields = 40

    /// Surveys one parsed document.
    init(_ document: MarkdownDocument) {
        path = document.path
        let firstH2 = document.blocks.firstIndex { ($0.headingLevel ?? 0) >= 2 } ?? document.blocks.count
        var fields: [(name: String, value: String)] = []
        if let found = Self.frontMatterFields(document.source) {
            headerForm = .frontMatter
            fields = found
        } else {
            for block in document.blocks.prefix(firstH2) {
                if case .table = block.kind {
                    headerForm = .table
                    fields = Self.tableFields(block)
                    break
                }
                if case .list = block.kind, let found = Self.bulletFields(block) {
                    headerForm = .bullets
                    fields = found
                    break
                }
            }
        }
        var seenFields = Set<String>()
        for field in fields where seenFields.insert(field.name).inserted {
            headerFields.append(field.name)
            if let token = TokenFamily.tokens(in: String(field.value.prefix(400))).first {
                fieldTokens[field.name] = token
            }
        }
        var budget = Self.maxTokens
        var seenTitle = false
        for block in document.allBlocks {
            switch block.kind {
            case let .heading(level):
                let text = block.plainText
                let isTitle = level == 1 && !seenTitle
                if level == 1 { seenTitle = true }
                scan(text, place: .headings, budget: &budget, headingStart: !isTitle, title: isTitle)
            case .tableRow:
                scan(block.children.map(\.plainText).joined(separator: " | "), place: .tables, budget: &budget)
            case .paragraph:
                scan(block.plainText, place: .prose, budget: &budget)
            case .codeBlock:
                if block.codeLanguage?.lowercased() == "mermaid", let graph = Self.graph(block, in: document) {
                    graphs.append(graph)
                }
            default:
                continue
            }
        }
    }

    /// Counts the tokens of `text`. A heading's leading token counts as a heading start; the H1's as the title.
    private mutating func scan(_ text: String, place: Place, budget: inout Int, headingStart: Bool = false,
                               title: Bool = false) {
        guard budget > 0 else { return }
        for (index, token) in TokenFamily.tokens(in: text).enumerated() {
            guard budget > 0 else { return }
            budget -= 1
            if tokens[token.key] == nil {
                guard tokens.count < Self.maxFamilies else { continue }
                tokens[token.key] = Tokens(example: token.written)
            }
            tokens[token.key]?.counts[place.rawValue] += 1
            tokens[token.key]?.segments[token.segments] += 1
            if let number = token.number, numbersKept < Self.maxNumbers,
               tokens[token.key]?.numbers.insert(number).inserted == true {
                numbersKept += 1
            }
            guard index == 0, token.atStart else { continue }
            if headingStart { tokens[token.key]?.headingStarts += 1 }
            if title, let number = token.number { titleToken = (token.key, number) }
        }
    }

    /// The keys of YAML front matter (`---` on line 1 up to the next `---` or `...`), or nil when there is none.
    static func frontMatterFields(_ source: SourceText) -> [(name: String, value: String)]? {
        guard source.line(1)?.trimmed == "---" else { return nil }
        var fields: [(name: String, value: String)] = []
        for number in 2...min(max(2, source.lineCount), 200) {
            guard let line = source.line(number) else { return nil }
            let text = line.trimmed
            if text == "---" || text == "..." { return fields }
            guard let first = line.unicodeScalars.first, first != " ", first != "\t", first != "#",
                  let colon = line.firstIndex(of: ":") else { continue }
            if let name = fieldName(line[..<colon]), fields.count < maxFields {
                fields.append((name, String(line[line.index(after: colon)...]).trimmed))
            }
        }
        return nil
    }

    /// The first cell of each body row of a header table.
    private static func tableFields(_ table: Block) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for row in table.children {
            guard case .tableRow(isHeader: false) = row.kind, let cell = row.children.first,
                  let name = fieldName(Substring(cell.plainText)) else { continue }
            fields.append((name, row.children.dropFirst().first?.plainText ?? ""))
            if fields.count >= maxFields { break }
        }
        return fields
    }

    /// The field names of a list whose items (at least half of them) read `Field: value`, or nil.
    private static func bulletFields(_ list: Block) -> [(name: String, value: String)]? {
        var fields: [(name: String, value: String)] = []
        for item in list.children {
            guard let paragraph = item.children.first, case .paragraph = paragraph.kind else { continue }
            let text = paragraph.plainText
            guard let colon = text.firstIndex(of: ":"), let name = fieldName(text[..<colon]) else { continue }
            fields.append((name, String(text[text.index(after: colon)...]).trimmed))
            if fields.count >= maxFields { break }
        }
        guard !fields.isEmpty, fields.count * 2 >= min(list.children.count, maxFields) else { return nil }
        return fields
    }

    /// A field name: short, on one line, starting with a letter; nil otherwise.
    private static func fieldName(_ text: Substring) -> String? {
        let name = text.trimmed
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic,
              name.unicodeScalars.count <= maxFieldNameLength,
              !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "|" || $0 == "`" }) else { return nil }
        return name
    }

    /// A Mermaid block that is a flowchart (`graph` / `flowchart`), parsed; nil for other diagrams.
    private static func graph(_ block: Block, in document: MarkdownDocument) -> Graph? {
        let header = block.literal.split(separator: "\n", maxSplits: 8).map(\.trimmed)
            .first { !$0.isEmpty && !$0.hasPrefix("%%") }
        guard let header, header.hasPrefix("graph") || header.hasPrefix("flowchart") else { return nil }
        let parsed = MermaidParser.parse(block.literal, firstLine: block.range.start.line + 1)
        let numbered = parsed.nodes.filter { TokenFamily.isNumberedNode($0.id) }
        return Graph(line: block.range.start.line, section: document.section(containing: block.range.start.line)?.title,
                     nodes: parsed.nodes.count, numberedNodes: numbered.count,
                     exampleNode: numbered.first?.id ?? parsed.nodes.first?.id ?? "")
    }
}
