/// Where one document writes its link destinations, found in its bytes so that `fix` rewrites a destination
/// and nothing else: never a link's text or title, never a longer path that merely contains the one wanted.
///
/// cmark-gfm's inline positions cannot be trusted for this (a paragraph's indented continuation lines lose their
/// indentation, a tab counts as up to four columns, a paragraph that starts with link reference definitions
/// places its links from the first definition), so places are matched by what they say: every `](destination`
/// written outside code, and every link reference definition, grouped by the destination it reads as. A
/// destination's places are handed out only when they account for every link and image the parse sees with it.
struct LinkDestinations {
    /// A destination as written.
    struct Place: Equatable {
        var line: Int
        /// The destination's first byte (after a `<`), 1-based, in UTF-8 bytes.
        var column: Int
        /// The destination's bytes as written, without the angle brackets of a `<…>` form.
        var raw: String
        /// Written as `<…>`, where spaces need no escape.
        var angled: Bool

        /// The bytes of the path, before a `?` query or a `#` fragment.
        var pathLength: Int {
            Array(raw.utf8).firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? raw.utf8.count
        }
        /// The column and length of the fragment after the first `#`, when there is one.
        var fragment: (column: Int, length: Int)? {
            let bytes = Array(raw.utf8)
            guard let hash = bytes.firstIndex(of: UInt8(ascii: "#")) else { return nil }
            return (column + hash + 1, bytes.count - hash - 1)
        }
    }

    let path: String
    /// How many links and images the parse reads with each destination.
    private var parsed: [String: Int] = [:]
    /// The `](destination` places, by the destination they read as.
    private var inline: [String: [Place]] = [:]
    /// The link reference definitions, by the destination they read as.
    private var definitions: [String: [Place]] = [:]
    /// How many reference-style links and images use a definition of each destination.
    private var referenceUses: [String: Int] = [:]

    /// Every destination the document writes (in a link, an image or a definition), sorted.
    var destinations: [String] { Set(parsed.keys).union(definitions.keys).sorted() }

    /// The places of `document`, parsed as its analysis parsed it.
    init(_ document: SourceDocument, profile: Profile) {
        path = document.path
        let frontMatter = DocumentAnalyzer.hasFrontMatter(document.kind, profile)
        let markdown = MarkdownDocument(path: document.path, text: document.source.text, frontMatter: frontMatter)
        var stack = markdown.allBlocks.flatMap(\.inlines)
        while let inline = stack.popLast() {
            switch inline.kind {
            case let .link(destination, _), let .image(destination): parsed[destination, default: 0] += 1
            default: break
            }
            stack += inline.children
        }
        let source = markdown.source
        let scan = DestinationScanner(markdown, frontMatter: frontMatter)
        var firstDefinition: [String: String] = [:]
        for number in 1...max(1, source.lineCount) {
            guard let line = source.line(number) else { continue }
            if scan.isDefinition(number), let (label, place) = DestinationScanner.definition(line, number: number) {
                if let destination = DestinationScanner.cooked(place) {
                    definitions[destination, default: []].append(place)
                    if firstDefinition[label] == nil { firstDefinition[label] = destination }
                }
            } else if scan.isInline(number) {
                for place in DestinationScanner.inlinePlaces(line, number: number) {
                    guard let destination = DestinationScanner.cooked(place) else { continue }
                    inline[destination, default: []].append(place)
                }
            }
        }
        let uses = ReferenceLinks(ParsedDocument(document: document, markdown: markdown)).uses
        for use in uses {
            guard let destination = firstDefinition[use.label] else { continue }
            referenceUses[destination, default: 0] += 1
        }
    }

    /// Every place `destination` is written: each `](destination` and each definition of it; a refusal when the
    /// places found do not account for every link and image the parse reads with it.
    func places(of destination: String) -> Result<[Place], FixPlanner.Refusal> {
        let found = inline[destination] ?? []
        let expected = (parsed[destination] ?? 0) - (referenceUses[destination] ?? 0)
        guard found.count == expected else {
            return .failure(FixPlanner.Refusal(FixReason.unaccounted(destination, in: path, found: found.count,
                                                                     parsed: max(0, expected))))
        }
        return .success(found + (definitions[destination] ?? []))
    }
}

/// Each document's `LinkDestinations`, read on first use (a parse of the document).
struct DestinationCache {
    let corpus: Corpus
    private var read: [String: LinkDestinations] = [:]

    init(_ corpus: Corpus) { self.corpus = corpus }

    /// The destinations of the document at `path`; nil when the corpus has no such document.
    mutating func of(_ path: String) -> LinkDestinations? {
        if let known = read[path] { return known }
        guard let document = corpus.document(at: path) else { return nil }
        let found = LinkDestinations(document, profile: corpus.profile)
        read[path] = found
        return found
    }
}
