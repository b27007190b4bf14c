import DocsAuditCore
import FoundationEssentials

/// Writes the corpus model as JSON document by document: the same bytes as `JSONOutput.encode` of the model
/// `Extractor.extract` builds, without that model or its whole JSON ever being in memory. The skeleton's JSON
/// (everything merged over the corpus, small) is written as it is, except that each per-document list is
/// filled in from the documents' parts, one document's share encoded at a time.
public enum ModelJSONStream {
    /// The JSON keys of `CorpusModel`'s per-document lists (those `ModelParts.part` sets).
    static let listKeys: Set<String> = [
        "backlog", "cites", "definitions", "diagrams", "documents", "errorCodes", "links", "plans", "references",
        "specs",
    ]

    /// Writes the model of `parts` to `sink` in pieces of about `chunkBytes` bytes (the last one shorter). An
    /// error thrown by `sink` ends the writing and is rethrown.
    public static func write(_ parts: ModelParts, chunkBytes: Int = 1 << 18, to sink: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var out = ChunkedWriter(chunkBytes: chunkBytes, sink: sink)
            try write(parts, to: &out)
            try out.flush()
        }
    }

    private static func write(_ parts: ModelParts, to out: inout ChunkedWriter) throws {
        let encoder = JSONOutput.encoder()
        let lines = Array(try encoder.encode(parts.skeleton)).split(separator: 0x0A, omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            // An empty list prints as `  "key" : [`, an empty line, `  ]` (or `  ],`).
            guard let key = listKey(line), index + 2 < lines.count, lines[index + 1].isEmpty,
                  lines[index + 2].starts(with: Array("  ]".utf8)) else {
                try out.append(line)
                try out.append(0x0A)
                index += 1
                continue
            }
            try out.append(line)
            var written = false
            for document in 0..<parts.count {
                guard let share = try share(key, of: parts.part(document), encoder) else { continue }
                try out.append(Array((written ? ",\n" : "\n").utf8))
                try appendElements(share, to: &out)
                written = true
            }
            try out.append(Array((written ? "\n" : "\n\n").utf8))
            try out.append(lines[index + 2])
            try out.append(0x0A)
            index += 3
        }
    }

    /// The key of a top-level line `  "key" : [` when it names a per-document list.
    private static func listKey(_ line: ArraySlice<UInt8>) -> String? {
        let prefix = Array("  \"".utf8), suffix = Array("\" : [".utf8)
        guard line.count > prefix.count + suffix.count, line.starts(with: prefix),
              line.reversed().starts(with: suffix.reversed()) else { return nil }
        let key = String(decoding: line.dropFirst(prefix.count).dropLast(suffix.count), as: UTF8.self)
        return listKeys.contains(key) ? key : nil
    }

    /// One document's share of the list `key`, encoded as a pretty-printed array; nil when it has none.
    private static func share(_ key: String, of part: CorpusModel, _ encoder: JSONEncoder) throws -> Data? {
        switch key {
        case "backlog": return try encoded(part.backlog, encoder)
        case "cites": return try encoded(part.cites, encoder)
        case "definitions": return try encoded(part.definitions, encoder)
        case "diagrams": return try encoded(part.diagrams, encoder)
        case "documents": return try encoded(part.documents, encoder)
        case "errorCodes": return try encoded(part.errorCodes, encoder)
        case "links": return try encoded(part.links, encoder)
        case "plans": return try encoded(part.plans, encoder)
        case "references": return try encoded(part.references, encoder)
        case "specs": return try encoded(part.specs, encoder)
        default: return nil
        }
    }

    private static func encoded<T: Encodable>(_ list: [T], _ encoder: JSONEncoder) throws -> Data? {
        list.isEmpty ? nil : try encoder.encode(list)
    }

    /// The elements of a pretty-printed array (`[`, elements at two spaces, `]`), one level deeper: every line
    /// that is not empty gets two more spaces (JSON strings hold no raw line break, so every 0x0A ends a line).
    private static func appendElements(_ array: Data, to out: inout ChunkedWriter) throws {
        try array.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            // `[` and its line break, and the final line break and `]`.
            guard bytes.count > 4 else { return }
            let body = bytes[2..<(bytes.count - 2)]
            var lineStart = body.startIndex
            for position in body.indices where body[position] == 0x0A {
                try out.appendIndented(body[lineStart..<position])
                try out.append(0x0A)
                lineStart = position + 1
            }
            try out.appendIndented(body[lineStart..<body.endIndex])
        }
    }
}

/// Collects bytes and hands them to a sink in pieces of about `chunkBytes`.
private struct ChunkedWriter {
    let chunkBytes: Int
    let sink: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = []

    init(chunkBytes: Int, sink: @escaping ([UInt8]) throws -> Void) {
        self.chunkBytes = max(1, chunkBytes)
        self.sink = sink
        buffer.reserveCapacity(self.chunkBytes)
    }

    mutating func append(_ byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= chunkBytes { try flush() }
    }

    mutating func append<Bytes: Sequence>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkBytes { try flush() }
    }

    /// A line two spaces deeper; an empty line stays empty.
    mutating func appendIndented(_ line: Slice<UnsafeBufferPointer<UInt8>>) throws {
        if !line.isEmpty { buffer.append(0x20); buffer.append(0x20) }
        try append(line)
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
