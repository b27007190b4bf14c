/// Reads one node/edge statement: `A[label]:::cls & B --> |x| C -.-> D`.
struct StatementScanner {
    struct NodeRef: Equatable {
        var id: String
        var shape: String?
        var label: String?
        var className: String?
        /// Character offsets in the statement: the ID, the end of the ID and shape (where a `:::class` goes),
        /// and the class name after `:::` when there is one.
        var idSpan: Range<Int> = 0..<0
        var shapeEnd = 0
        var classSpan: Range<Int>?
    }

    struct Link: Equatable {
        var arrow: String
        var label: String?
    }

    /// Node groups joined by links: `groups[i] --links[i]--> groups[i+1]`.
    struct Chain: Equatable {
        var groups: [[NodeRef]] = []
        var links: [Link] = []
    }

    struct Failure: Error {
        let message: String
    }

    /// Shape openers and their closers, longest first so `[[` wins over `[`.
    static let shapes: [(open: String, close: String, name: String)] = [
        ("(((", ")))", "double-circle"), ("((", "))", "circle"), ("([", "])", "stadium"), ("[[", "]]", "subroutine"),
        ("[(", ")]", "cylinder"), ("{{", "}}", "hexagon"), ("[/", "/]", "parallelogram"), ("[\\", "\\]", "parallelogram-alt"),
        ("[", "]", "rectangle"), ("(", ")", "round"), ("{", "}", "rhombus"), (">", "]", "asymmetric"),
    ]

    private let chars: [Character]
    private var position = 0

    init(_ text: String) { chars = Array(text) }

    static func isIDChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    static func isValidID(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { isIDChar($0) || $0 == "-" || $0 == "." } && text.first.map(isIDChar) == true
    }

    mutating func parseChain() -> Result<Chain, Failure> {
        var chain = Chain()
        do {
            chain.groups.append(try parseGroup())
            while true {
                skipSpaces()
                if atEnd { break }
                chain.links.append(try parseLink())
                skipSpaces()
                chain.groups.append(try parseGroup())
            }
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "unreadable statement"))
        }
        return .success(chain)
    }

    private var atEnd: Bool { position >= chars.count }

    private func peek(_ offset: Int = 0) -> Character? {
        let index = position + offset
        return index < chars.count ? chars[index] : nil
    }

    private func hasPrefix(_ text: String) -> Bool {
        var offset = 0
        for c in text {
            guard peek(offset) == c else { return false }
            offset += 1
        }
        return true
    }

    private mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" { position += 1 }
    }

    private mutating func parseGroup() throws -> [NodeRef] {
        var group = [try parseNode()]
        while true {
            skipSpaces()
            guard peek() == "&" else { break }
            position += 1
            skipSpaces()
            group.append(try parseNode())
        }
        return group
    }

    private mutating func parseNode() throws -> NodeRef {
        skipSpaces()
        let start = position
        while let c = peek() {
            if Self.isIDChar(c) {
                position += 1
            } else if c == "-" || c == ".", let next = peek(1), Self.isIDChar(next), position > start {
                position += 1
            } else {
                break
            }
        }
        guard position > start else {
            let found = peek().map { "`\($0)`" } ?? "the end of the statement"
            throw Failure(message: "expected a node ID, found \(found)")
        }
        var ref = NodeRef(id: String(chars[start..<position]), idSpan: start..<position)
        if let shape = Self.shapes.first(where: { hasPrefix($0.open) }) {
            position += shape.open.count
            ref.shape = shape.name
            ref.label = try parseLabel(closer: shape.close, id: ref.id)
        }
        ref.shapeEnd = position
        if hasPrefix(":::") {
            position += 3
            let start = position
            while let c = peek(), Self.isIDChar(c) || c == "-" { position += 1 }
            guard position > start else { throw Failure(message: "`:::` after \(ref.id) needs a class name") }
            ref.className = String(chars[start..<position])
            ref.classSpan = start..<position
        }
        return ref
    }

    private mutating func parseLabel(closer: String, id: String) throws -> String {
        skipSpaces()
        if peek() == "\"" {
            position += 1
            let start = position
            while let c = peek(), c != "\"" { position += 1 }
            guard !atEnd else { throw Failure(message: "unclosed quote in the label of \(id)") }
            let label = String(chars[start..<position])
            position += 1
            skipSpaces()
            guard hasPrefix(closer) else { throw Failure(message: "expected `\(closer)` after the quoted label of \(id)") }
            position += closer.count
            return label
        }
        let start = position
        while !atEnd && !hasPrefix(closer) { position += 1 }
        guard !atEnd else { throw Failure(message: "the label of \(id) is not closed with `\(closer)`") }
        let label = String(chars[start..<position])
        position += closer.count
        return label
    }

    /// Reads an arrow with an optional `|label|` or an inline `-- label -->` text.
    private mutating func parseLink() throws -> Link {
        let start = position
        if peek() == "<" { position += 1 }
        guard let first = peek(), first == "-" || first == "=" else {
            throw Failure(message: "expected an arrow (`-->`, `---`, `-.->`, `==>`) or `&`, found `\(peek() ?? " ")`")
        }
        if let link = try textLink(start: start) { return link }
        let body = position
        while let c = peek(), c == first || c == "." { position += 1 }
        if let head = peek(), head == ">" || head == "o" || head == "x" {
            // `--o` / `--x` end an arrow only when no ID continues (else `--oNode` is ambiguous: read as open).
            if head == ">" || !(peek(1).map(Self.isIDChar) ?? false) { position += 1 }
        }
        let arrow = String(chars[start..<position])
        let bodyText = String(chars[body..<position])
        guard Self.isArrow(arrow, bodyText) else { throw Failure(message: "`\(arrow)` is not a Mermaid arrow") }
        skipSpaces()
        var label: String?
        if peek() == "|" {
            position += 1
            let labelStart = position
            while let c = peek(), c != "|" { position += 1 }
            guard !atEnd else { throw Failure(message: "edge label is not closed with `|`") }
            label = String(chars[labelStart..<position])
            position += 1
        }
        return Link(arrow: arrow, label: label)
    }

    /// `A -- text --> B`, `A -. text .-> B`, `A == text ==> B`.
    private mutating func textLink(start: Int) throws -> Link? {
        let opener: String
        let closers: [String]
        if hasPrefix("--") && !hasPrefix("---") && peek(2) == " " {
            opener = "--"
            closers = ["-->", "---"]
        } else if hasPrefix("-.") && peek(2) == " " {
            opener = "-."
            closers = [".->", ".-"]
        } else if hasPrefix("==") && !hasPrefix("===") && peek(2) == " " {
            opener = "=="
            closers = ["==>", "==="]
        } else {
            return nil
        }
        let save = position
        position += opener.count
        let textStart = position
        while !atEnd {
            if let closer = closers.first(where: { hasPrefix($0) }) {
                let text = String(chars[textStart..<position]).trimmed
                position += closer.count
                // Written as the equivalent plain arrow: `-- x -->` is `-->` labelled x.
                return Link(arrow: opener == "-." ? "-" + closer : closer, label: text)
            }
            position += 1
        }
        position = save
        return nil
    }

    private static func isArrow(_ arrow: String, _ body: String) -> Bool {
        let core = arrow.hasPrefix("<") ? String(arrow.dropFirst()) : arrow
        guard core.count >= 3 else { return false }
        if core.hasPrefix("-.") { return core.hasSuffix("->") || core.hasSuffix(".-") || core.hasSuffix("-") }
        if core.hasPrefix("=") { return core.dropLast().allSatisfy { $0 == "=" } && core.count >= 3 }
        return core.hasPrefix("--") && core.dropFirst(2).allSatisfy { $0 == "-" || $0 == ">" || $0 == "o" || $0 == "x" }
    }
}

import FoundationEssentials
