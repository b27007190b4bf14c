import FoundationEssentials

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

    /// Review minutes as written: one value (`75`, `~60`) or a range (`45–75`).
    public struct Minutes: Sendable, Codable, Equatable {
        public var low: Double
        public var high: Double
        /// Written with `~`, `≈` or `about`.
        public var approximate: Bool
    }

    /// A `Review minutes` or `Advisor signal` line the parser could not read.
    public struct Unreadable: Sendable, Codable, Equatable {
        public var label: String
        public var text: String
        public var path: String
        public var line: Int
    }

    public var entries: [Entry] = []
    /// By plan (`Plan-024`), or `*` for the whole tier.
    public var reviewMinutes: [String: Minutes] = [:]
    public var substantive: Int?
    public var cosmetic: Int?
    public var unreadable: [Unreadable] = []

    public init() {}

    /// The `.md` files in the folder `path` and its subfolders (symbolic links not followed), at most 64 deep.
    private static func markdownFiles(under path: String, depth: Int) -> [String] {
        guard depth < 64, case let .success(names) = FileSystem.list(path) else { return [] }
        var files: [String] = []
        for name in names {
            let child = PathText.join(path, name)
            switch FileSystem.entryType(child) {
            case .file? where name.hasSuffix(".md"): files.append(child)
            case .directory?: files += markdownFiles(under: child, depth: depth + 1)
            default: break
            }
        }
        return files
    }

    /// Reads every `.md` file under `path` (a folder or one file) with the profile's `gates` shapes; a finding's
    /// plan is named by the profile's plan label (`kinds[].label`).
    public static func read(_ path: String, profile: Profile) throws -> Ledger {
        let settings = profile.gates
        let label = { (number: String) in profile.label(kind: "plan", number: number) }
        var ledger = Ledger()
        guard case let .success(type) = FileSystem.resolvedType(path) else {
            throw CorpusError("\(path): no such ledger file or folder (--ledger)")
        }
        let files: [String]
        if type == .directory {
            files = markdownFiles(under: path, depth: 0).sorted()
        } else {
            files = [path]
        }
        var overrides: [String: String] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw CorpusError("\(file): cannot read the ledger file as UTF-8")
            }
            let document = MarkdownDocument(path: file, text: text)
            if PathText.lastComponent(file) == settings.reviewFile {
                ledger.readReview(document, overrides: &overrides, settings: settings)
            } else {
                ledger.readFindings(document, settings: settings, label: label)
            }
        }
        for index in ledger.entries.indices {
            if let disposition = overrides[ledger.entries[index].id] { ledger.entries[index].disposition = disposition }
        }
        ledger.entries.sort { ($0.plan, $0.phase, $0.id) < ($1.plan, $1.phase, $1.id) }
        return ledger
    }

    private mutating func readFindings(_ document: MarkdownDocument, settings: GateSettings,
                                       label: (String) -> String) {
        guard let heading = settings.findingHeading else { return }
        for section in document.sections {
            guard let match = heading.firstMatch(in: section.title), let id = match[1] else { continue }
            var entry = Entry(id: id, plan: label(match[2] ?? ""), phase: match[3] ?? "", title: (match[5] ?? "").trimmed,
                              severity: nil, disposition: nil, path: document.path, line: section.headingLine)
            let blocks = document.blocks(in: section.range).filter { $0.range.start.line > section.headingLine }
            for block in blocks.flatMap(\.descendantsAndSelf) where block.kind == .paragraph {
                for field in LabelledFields(block.inlines).fields {
                    switch field.label.lowercased() {
                    case "severity": entry.severity = field.text.split(separator: " ").first.map { String($0.lowercased().drop { $0.isPunctuation }.reversed().drop { $0.isPunctuation }.reversed()) }
                    case "disposition": entry.disposition = field.text
                    default: break
                    }
                }
            }
            entries.append(entry)
        }
    }

    private mutating func readReview(_ document: MarkdownDocument, overrides: inout [String: String],
                                     settings: GateSettings) {
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
                        // `**Review minutes:** 75` (tier-wide) or `**Review minutes (Plan-024):** 45–75`
                        // (the plan as `gates.ledger-plan` finds it).
                        let plan = settings.ledgerPlan?.firstMatch(in: field.label)?[0] ?? "*"
                        if let minutes = Self.minutes(field.text) {
                            reviewMinutes[plan] = minutes
                        } else {
                            unreadable.append(Unreadable(label: field.label, text: field.text, path: document.path,
                                                         line: field.line))
                        }
                    } else if label.hasPrefix("advisor") {
                        let substantive = Self.count(of: "substantive", in: field.text)
                        let cosmetic = Self.count(of: "cosmetic", in: field.text)
                        if substantive == nil && cosmetic == nil {
                            unreadable.append(Unreadable(label: field.label, text: field.text, path: document.path,
                                                         line: field.line))
                        } else {
                            self.substantive = substantive ?? 0
                            self.cosmetic = cosmetic ?? 0
                        }
                    }
                }
            }
        }
    }

    // MARK: Values written by people

    private static let minutesPattern = try? Pattern(
        #"^(~|≈|about |approx\.? |approximately )?(\d{1,6}(?:\.\d+)?)(?:\s*(?:–|—|-|to)\s*(\d{1,6}(?:\.\d+)?))?"#
            + #"(?:\s*(?:min|mins|minutes)\b)?(?:\s*[(,;].*)?$"#,
        caseInsensitive: true)

    /// `75`, `~60`, `45–75`, `45-75 min`, `about 60 minutes (two sittings)`; nil for anything else.
    static func minutes(_ text: String) -> Minutes? {
        guard let match = minutesPattern?.firstMatch(in: text.trimmed),
              let low = match[2].flatMap(Double.init) else { return nil }
        let high = match[3].flatMap(Double.init) ?? low
        guard high >= low else { return nil }
        return Minutes(low: low, high: high, approximate: match[1] != nil)
    }

    private static let numberWords = ["no": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                      "seven": 7, "eight": 8, "nine": 9, "ten": 10]

    /// The count written just before `word` (`2 substantive`, `two substantive`, `1 cosmetic`).
    static func count(of word: String, in text: String) -> Int? {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        guard let index = words.firstIndex(where: { $0.hasPrefix(word) }), index > 0 else { return nil }
        let before = words[index - 1]
        if before.count <= 6, let number = Int(before) { return number }
        return numberWords[before]
    }
}
