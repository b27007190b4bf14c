import Foundation

/// The audit's findings ledger (docs/ledger.md): per-phase finding files with `### F-NNN-P-NN — title`
/// entries carrying `**Severity:**` and `**Disposition:**`, and a `REVIEW.md` summary whose findings table
/// can set dispositions and whose `**Review minutes:**` / `**Advisor signal:**` lines feed B4 and B5.
public struct Ledger: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        public var id: String
        public var plan: String
        public var phase: String
        public var title: String
        public var severity: String?
        public var disposition: String?
        public var path: String
        public var line: Int
    }

    public var entries: [Entry] = []
    public var reviewMinutes: [String: Double] = [:]
    public var substantive: Int?
    public var cosmetic: Int?

    public init() {}

    /// Reads every `.md` file under `path` (a folder or one file).
    public static func read(_ path: String, settings: GateSettings) throws -> Ledger {
        var ledger = Ledger()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CorpusError("\(path): no such ledger file or folder (--ledger)")
        }
        let files: [String]
        if isDirectory.boolValue {
            files = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".md") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        } else {
            files = [path]
        }
        var overrides: [String: String] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw CorpusError("\(file): cannot read the ledger file as UTF-8")
            }
            let document = MarkdownDocument(path: file, text: text)
            if (file as NSString).lastPathComponent == settings.reviewFile {
                ledger.readReview(document, overrides: &overrides)
            } else {
                ledger.readFindings(document, settings: settings)
            }
        }
        for index in ledger.entries.indices {
            if let disposition = overrides[ledger.entries[index].id] { ledger.entries[index].disposition = disposition }
        }
        ledger.entries.sort { ($0.plan, $0.phase, $0.id) < ($1.plan, $1.phase, $1.id) }
        return ledger
    }

    private mutating func readFindings(_ document: MarkdownDocument, settings: GateSettings) {
        guard let heading = settings.findingHeading else { return }
        for section in document.sections {
            guard let match = heading.firstMatch(in: section.title), let id = match[1] else { continue }
            var entry = Entry(id: id, plan: "Plan-\(match[2] ?? "")", phase: match[3] ?? "", title: (match[5] ?? "").trimmed,
                              severity: nil, disposition: nil, path: document.path, line: section.headingLine)
            let blocks = document.blocks(in: section.range).filter { $0.range.start.line > section.headingLine }
            for block in blocks.flatMap(\.descendantsAndSelf) where block.kind == .paragraph {
                for field in LabelledFields(block.inlines).fields {
                    switch field.label.lowercased() {
                    case "severity": entry.severity = field.text.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
                    case "disposition": entry.disposition = field.text
                    default: break
                    }
                }
            }
            entries.append(entry)
        }
    }

    private mutating func readReview(_ document: MarkdownDocument, overrides: inout [String: String]) {
        for block in document.allBlocks {
            if block.isTable, let header = block.tableRows.first {
                let names = header.cells.map { $0.plainText.trimmed.lowercased() }
                guard let idColumn = names.firstIndex(where: { $0.hasPrefix("finding") || $0 == "id" }),
                      let dispositionColumn = names.firstIndex(where: { $0.hasPrefix("disposition") }) else { continue }
                for row in block.tableRows.dropFirst() {
                    let cells = row.cells
                    guard cells.indices.contains(idColumn), cells.indices.contains(dispositionColumn) else { continue }
                    let disposition = cells[dispositionColumn].plainText.trimmed
                    if !disposition.isEmpty { overrides[cells[idColumn].plainText.trimmed] = disposition }
                }
            } else if block.kind == .paragraph {
                for field in LabelledFields(block.inlines).fields {
                    let label = field.label.lowercased()
                    if label.hasPrefix("review minutes") {
                        // `**Review minutes:** 75` (tier-wide) or `**Review minutes (Plan-024):** 75`.
                        let plan = field.label.range(of: #"Plan-\d{3}"#, options: .regularExpression).map { String(field.label[$0]) } ?? "*"
                        if let minutes = Double(field.text.split(separator: " ").first ?? "") { reviewMinutes[plan] = minutes }
                    } else if label.hasPrefix("advisor signal") {
                        let numbers = field.text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                        if field.text.contains("substantive"), let first = numbers.first { substantive = first }
                        if field.text.contains("cosmetic"), numbers.count > 1 { cosmetic = numbers[1] }
                    }
                }
            }
        }
    }
}
