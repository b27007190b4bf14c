import FoundationEssentials

/// Relative links (with or without a fragment), same-document fragment links, and images' relative sources.
enum LinkExtractor {
    static func extract(_ context: DocumentContext) -> [LinkRef] {
        var links: [LinkRef] = []
        let siteRoots = context.profile.links.siteRoots
        // The nested functions capture the path, never the context: a context copied per link costs more than
        // the link.
        let path = context.path
        let source = context.markdown.source
        // The folder of the document, split once for all its links (a relative link resolves from it).
        var folder: ArraySlice<String>?
        func documentFolder() -> ArraySlice<String> {
            if let folder { return folder }
            let made = segments(path).dropLast()
            folder = made
            return made
        }
        func add(_ inline: Inline) {
            let destination: String
            switch inline.kind {
            case let .link(written, _): destination = written
            case let .image(written): destination = written
            default: return
            }
            guard let link = resolve(destination, folder: documentFolder, siteRoots: siteRoots) else { return }
            let opening = LinkOpening.locate(inline, in: source)
            var found = LinkRef(path: path, line: opening.line, column: opening.utf8Column,
                                destination: destination, target: link.target, fragment: link.fragment)
            if case .image = inline.kind { found.image = true }
            links.append(found)
        }
        // In document order, as `Inline.links(in:)` gives them, walking the inlines where they are: a stack of
        // (siblings, next position) instead of a copy of every inline.
        var stack: [(siblings: [Inline], next: Int)] = []
        for block in context.markdown.allBlocks where !block.inlines.isEmpty {
            stack.append((block.inlines, 0))
            while let top = stack.last {
                guard top.next < top.siblings.count else {
                    stack.removeLast()
                    continue
                }
                let inline = top.siblings[top.next]
                stack[stack.count - 1].next += 1
                add(inline)
                if !inline.children.isEmpty { stack.append((inline.children, 0)) }
            }
        }
        return links
    }

    /// Splits `destination` into a root-relative target and a fragment; nil for URLs with a scheme, except
    /// under one of `siteRoots` (the repository's own URLs), which resolve from the root.
    static func resolve(_ destination: String, from path: String,
                        siteRoots: [String] = []) -> (target: String?, fragment: String?)? {
        resolve(destination, folder: { segments(path).dropLast() }, siteRoots: siteRoots)
    }

    /// `resolve(_:from:siteRoots:)` with the document's folder split into segments by `folder` when needed.
    private static func resolve(_ destination: String, folder: () -> ArraySlice<String>,
                                siteRoots: [String]) -> (target: String?, fragment: String?)? {
        if let root = siteRoots.first(where: { destination.hasPrefix($0) }) {
            let rest = String(destination.dropFirst(root.count))
            guard let resolved = resolve("/" + rest, folder: { [] }, siteRoots: []) else { return nil }
            return (resolved.target ?? "", resolved.fragment)
        }
        if destination.isEmpty || destination.hasPrefix("//") || hasScheme(destination) { return nil }
        // Byte searches: `#`, `?`, `%` and `/` are ASCII, so their UTF-8 positions are character boundaries. One
        // pass finds the first `#`, the first `?` before it and whether a `%` comes before either.
        var hashOffset: Int?, queryOffset: Int?, hasPercent = false
        var offset = 0
        for byte in destination.utf8 {
            if byte == UInt8(ascii: "#") {
                hashOffset = offset
                break
            }
            if byte == UInt8(ascii: "?"), queryOffset == nil { queryOffset = offset }
            if byte == UInt8(ascii: "%"), queryOffset == nil { hasPercent = true }
            offset += 1
        }
        let utf8 = destination.utf8
        var fragment: String?
        if let hashOffset {
            fragment = String(destination[utf8.index(utf8.startIndex, offsetBy: hashOffset + 1)...])
        }
        let fileEnd = utf8.index(utf8.startIndex, offsetBy: queryOffset ?? hashOffset ?? utf8.count)
        var file = destination[..<fileEnd]
        if hasPercent { file = Substring(TextFormat.percentDecoded(file) ?? String(file)) }
        if file.isEmpty { return (nil, fragment) }
        let base = file.utf8.first == UInt8(ascii: "/") ? [] : folder()
        return (normalizedPath(base, file), fragment)
    }

    /// `normalize(base + segments(file))` without a `String` per segment: the segments stay slices of their text
    /// until the one joined path is made.
    static func normalizedPath(_ base: ArraySlice<String>, _ file: Substring) -> String {
        var out: [Substring] = []
        out.reserveCapacity(base.count + 4)
        func push(_ segment: Substring) {
            switch segment {
            case "", ".": return
            case "..":
                if let last = out.last, last != ".." { out.removeLast() } else { out.append("..") }
            default: out.append(segment)
            }
        }
        for segment in base { push(Substring(segment)) }
        var start = file.startIndex
        var index = start
        let utf8 = file.utf8
        while index < file.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                if start < index { push(Substring(utf8[start..<index])) }
                index = utf8.index(after: index)
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        if start < file.endIndex { push(Substring(utf8[start...])) }
        return out.joined(separator: "/")
    }

    /// The `/`-separated parts of `path`.
    private static func segments<S: StringProtocol>(_ path: S) -> [String] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Joins path segments, folding `.` and `..`; leading `..` that climb above the root are kept.
    static func normalize(_ segments: [String]) -> String {
        var out: [String] = []
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..":
                if let last = out.last, last != ".." { out.removeLast() } else { out.append("..") }
            default: out.append(segment)
            }
        }
        return out.joined(separator: "/")
    }

    /// Whether `text` starts with a URI scheme (RFC 3986: an ASCII letter, then letters, digits, `+`, `-`, `.`).
    private static func hasScheme(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let first = bytes.first, isASCIILetter(first) else { return false }
        return bytes[..<colon].allSatisfy { byte in
            isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
}
