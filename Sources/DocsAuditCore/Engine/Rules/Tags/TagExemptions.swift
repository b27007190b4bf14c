/// The `tags.exempt-*` switches applied to one document: which tags a family matched are references to
/// another repository's history, quotations, or dated amendment notes, and so not ephemeral.
struct TagExemptions {
    let settings: TagExemptionSettings
    /// Lines inside a blockquote that is not a GitHub alert (`> [!NOTE]`).
    let quotedLines: Set<Int>
    /// `owner/repo` (lower case) of the corpus's own repository, from `links.site-roots`.
    let ownRepositories: Set<String>
    /// The family of PR numbers (`tags.gate-family`): only its tags are exempted by a row's link.
    let prFamily: String

    init(document: MarkdownDocument, profile: Profile) {
        settings = profile.tags.exemptions
        prFamily = profile.tags.gateFamily
        var quoted = Set<Int>()
        if settings.quoted {
            for block in document.allBlocks where block.kind == .blockQuote && !Self.isAlert(block, in: document) {
                quoted.formUnion(block.range.lines)
            }
        }
        quotedLines = quoted
        ownRepositories = Set(profile.links.siteRoots.compactMap { Self.repository(inURL: Substring($0)) })
    }

    /// What exempts tags on one line: computed once per line that has tags.
    struct Line {
        let text: String
        let exemptions: TagExemptions
        /// The whole line is exempt (quoted by a blockquote).
        let wholeLine: Bool
        /// A table row that links to another repository: a PR number in it (a tag of `tags.gate-family`) is that
        /// repository's.
        let rowLinksElsewhere: Bool
        /// Spans inside quotes and dated notes.
        let spans: [Range<String.Index>]

        /// Whether the tag of `family` at `range` is exempt.
        func exempts(_ range: Range<String.Index>, family: String) -> Bool {
            if wholeLine { return true }
            if rowLinksElsewhere, family == exemptions.prFamily { return true }
            if spans.contains(where: { $0.contains(range.lowerBound) }) { return true }
            return exemptions.settings.qualified && exemptions.isQualified(range, in: text)
        }
    }

    /// The exemptions of line `number`, whose text is `text`.
    func line(_ text: String, number: Int) -> Line {
        var spans: [Range<String.Index>] = []
        if settings.quoted { spans += Self.quotedSpans(in: text) }
        if let notes = settings.datedNotes, notes.mayMatch(text) {
            spans += notes.matches(in: text).compactMap { $0.range() }
        }
        let row = settings.qualified && text.trimmed.hasPrefix("|")
            && Self.repositories(linkedIn: text).contains { !ownRepositories.contains($0) }
        return Line(text: text, exemptions: self, wholeLine: quotedLines.contains(number), rowLinksElsewhere: row,
                    spans: spans)
    }

    // MARK: Qualified references

    /// `owner/repo PR #N`, `owner/repo#N` (the repository just before the tag, or opening it), or a tag that is
    /// the text of a link into another repository (`[PR #4765](https://github.com/nodejs/node/pull/4765)`).
    func isQualified(_ range: Range<String.Index>, in line: String) -> Bool {
        if let owner = Self.repository(endingAt: line[..<range.lowerBound]), !ownRepositories.contains(owner) {
            return true
        }
        if let opening = Self.repository(opening: line[range]), !ownRepositories.contains(opening) { return true }
        if let target = Self.linkTarget(after: line[range.upperBound...]),
           let linked = Self.repository(inURL: target), !ownRepositories.contains(linked) {
            return true
        }
        return false
    }

    /// A character of a GitHub owner or repository name.
    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
        default: return false
        }
    }

    /// `owner/repo` (lower case) when `text` ends with one, optionally followed by one space, and the owner is
    /// not a deeper segment of a path (`docs/plans/x`).
    static func repository(endingAt text: Substring) -> String? {
        let scalars = text.unicodeScalars
        var end = scalars.endIndex
        if end > scalars.startIndex, scalars[scalars.index(before: end)] == " " { end = scalars.index(before: end) }
        var cursor = end
        while cursor > scalars.startIndex, isNameScalar(scalars[scalars.index(before: cursor)]) {
            cursor = scalars.index(before: cursor)
        }
        guard cursor < end, cursor > scalars.startIndex, scalars[scalars.index(before: cursor)] == "/" else {
            return nil
        }
        let repo = String(scalars[cursor..<end])
        let slash = scalars.index(before: cursor)
        cursor = slash
        while cursor > scalars.startIndex, isNameScalar(scalars[scalars.index(before: cursor)]) {
            cursor = scalars.index(before: cursor)
        }
        guard cursor < slash else { return nil }
        if cursor > scalars.startIndex, scalars[scalars.index(before: cursor)] == "/" { return nil }
        return (String(scalars[cursor..<slash]) + "/" + repo).lowercased()
    }

    /// `owner/repo` (lower case) when the tag itself opens with one followed by `#` or a space.
    static func repository(opening tag: Substring) -> String? {
        let scalars = tag.unicodeScalars
        guard let slash = scalars.firstIndex(of: "/"), slash > scalars.startIndex,
              scalars[scalars.startIndex..<slash].allSatisfy(isNameScalar) else { return nil }
        let afterSlash = scalars.index(after: slash)
        guard let stop = scalars[afterSlash...].firstIndex(where: { !isNameScalar($0) }), stop > afterSlash,
              scalars[stop] == "#" || scalars[stop] == " " else { return nil }
        return String(scalars[scalars.startIndex..<stop]).lowercased()
    }

    /// The destination of the link whose text ends right after a tag: `…](URL…`, with no `[` or `]` between.
    private static func linkTarget(after rest: Substring) -> Substring? {
        guard let close = rest.firstIndex(where: { $0 == "]" || $0 == "[" }), rest[close] == "]" else { return nil }
        let destination = rest[rest.index(after: close)...]
        guard destination.hasPrefix("(") else { return nil }
        return destination.dropFirst().prefix { $0 != ")" && $0 != " " }
    }

    /// `owner/repo` (lower case) of a `github.com/owner/repo…` URL.
    static func repository(inURL url: Substring) -> String? {
        guard let host = url.firstRange(of: "github.com/") else { return nil }
        let path = url[host.upperBound...]
        let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        let owner = parts[0].unicodeScalars.prefix(while: isNameScalar)
        let repo = parts[1].unicodeScalars.prefix(while: isNameScalar)
        guard !owner.isEmpty, owner.count == parts[0].unicodeScalars.count, !repo.isEmpty else { return nil }
        var name = String(String.UnicodeScalarView(repo))
        if name.hasSuffix(".git") { name = String(name.dropLast(4)) }
        while name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty else { return nil }
        return (String(String.UnicodeScalarView(owner)) + "/" + name).lowercased()
    }

    /// Every `github.com/owner/repo` repository a line links to.
    static func repositories(linkedIn line: String) -> [String] {
        var found: [String] = []
        var rest = Substring(line)
        while let host = rest.firstRange(of: "github.com/") {
            if let repository = repository(inURL: rest[host.lowerBound...]) { found.append(repository) }
            rest = rest[host.upperBound...]
        }
        return found
    }

    // MARK: Quotations

    /// Spans between `"` and `"` (paired left to right) and between `“` and `”`, outside code spans.
    private static func hasQuote(_ line: String) -> Bool {
        var before: (UInt8, UInt8) = (0, 0)
        for byte in line.utf8 {
            if byte == 0x22 || (before == (0xE2, 0x80) && (byte == 0x9C || byte == 0x9D)) { return true }
            before = (before.1, byte)
        }
        return false
    }

    /// Only the characters that start with a backtick, a straight quote or the lead byte of a curly one are looked
    /// at (found on the bytes, then checked to be whole characters), not every character of a long line; the
    /// character-by-character walk, `quotedSpansByCharacter`, is the tests' oracle.
    static func quotedSpans(in line: String) -> [Range<String.Index>] {
        // Most lines quote nothing: a straight quote or a curly one (U+201C/U+201D: E2 80 9C/9D) is needed.
        guard hasQuote(line) else { return [] }
        var text = line
        let offsets: [Int] = text.withUTF8 { bytes in
            var found: [Int] = []
            for (offset, byte) in bytes.enumerated() where byte == 0x60 || byte == 0x22 || byte == 0xE2 {
                found.append(offset)
            }
            return found
        }
        let utf8 = line.utf8
        var spans: [Range<String.Index>] = []
        var straight: String.Index?
        var curly: String.Index?
        var index = line.startIndex
        for offset in offsets {
            let position = utf8.index(utf8.startIndex, offsetBy: offset)
            // Skipped: inside a code span passed over, or inside a character that starts earlier.
            guard position >= index, let start = String.Index(position, within: line) else { continue }
            let char = line[start]
            if char == "`" {
                let run = line[start...].prefix { $0 == "`" }
                index = closingRun(of: run.count, in: line[run.endIndex...]) ?? run.endIndex
                continue
            }
            switch char {
            case "\"":
                if let open = straight {
                    spans.append(open..<start)
                    straight = nil
                } else {
                    straight = start
                }
            case "“": curly = curly ?? start
            case "”":
                if let open = curly {
                    spans.append(open..<start)
                    curly = nil
                }
            default: break
            }
            index = line.index(after: start)
        }
        return spans
    }

    /// `quotedSpans` character by character.
    static func quotedSpansByCharacter(in line: String) -> [Range<String.Index>] {
        guard hasQuote(line) else { return [] }
        var spans: [Range<String.Index>] = []
        var straight: String.Index?
        var curly: String.Index?
        var index = line.startIndex
        while index < line.endIndex {
            let char = line[index]
            if char == "`" {
                let run = line[index...].prefix { $0 == "`" }
                if let close = closingRun(of: run.count, in: line[run.endIndex...]) {
                    index = close
                    continue
                }
                index = run.endIndex
                continue
            }
            switch char {
            case "\"":
                if let open = straight {
                    spans.append(open..<index)
                    straight = nil
                } else {
                    straight = index
                }
            case "“": curly = curly ?? index
            case "”":
                if let open = curly {
                    spans.append(open..<index)
                    curly = nil
                }
            default: break
            }
            index = line.index(after: index)
        }
        return spans
    }

    /// The index just past a run of exactly `count` backticks in `text`, closing a code span.
    private static func closingRun(of count: Int, in text: Substring) -> String.Index? {
        var index = text.startIndex
        while let start = text[index...].firstIndex(of: "`") {
            let run = text[start...].prefix { $0 == "`" }
            if run.count == count { return run.endIndex }
            index = run.endIndex
        }
        return nil
    }

    /// A GitHub alert (`> [!NOTE]`, `> [!WARNING]` …): the author's own admonition, not a quotation.
    private static func isAlert(_ block: Block, in document: MarkdownDocument) -> Bool {
        guard let first = document.source.line(block.range.start.line) else { return false }
        let text = first.drop { $0 == " " || $0 == ">" || $0 == "\t" }
        return text.hasPrefix("[!")
    }
}
