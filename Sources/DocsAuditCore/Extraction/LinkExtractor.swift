import Foundation

/// Relative links (with or without a fragment) and same-document fragment links.
enum LinkExtractor {
    static func extract(_ context: DocumentContext) -> [LinkRef] {
        var links: [LinkRef] = []
        for block in context.markdown.allBlocks where !block.inlines.isEmpty {
            for inline in Inline.links(in: block.inlines) {
                guard case let .link(destination, _) = inline.kind, let link = resolve(destination, from: context.path) else { continue }
                links.append(LinkRef(path: context.path, line: inline.start.line, column: inline.start.utf8Column,
                                     destination: destination, target: link.target, fragment: link.fragment))
            }
        }
        return links
    }

    /// Splits `destination` into a root-relative target and a fragment; nil for URLs with a scheme.
    static func resolve(_ destination: String, from path: String) -> (target: String?, fragment: String?)? {
        if destination.isEmpty || destination.hasPrefix("//") || hasScheme(destination) { return nil }
        var file = destination
        var fragment: String?
        if let hash = destination.firstIndex(of: "#") {
            file = String(destination[..<hash])
            fragment = String(destination[destination.index(after: hash)...])
        }
        if let query = file.firstIndex(of: "?") { file = String(file[..<query]) }
        if file.contains("%") { file = file.removingPercentEncoding ?? file }
        if file.isEmpty { return (nil, fragment) }
        let base = file.hasPrefix("/") ? [] : path.split(separator: "/").dropLast().map(String.init)
        return (normalize(base + file.split(separator: "/").map(String.init)), fragment)
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

    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty && scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
