/// What `init` concludes from the surveyed files: numbered folders (kinds), their header forms, ID-like
/// token families and where they are defined, Mermaid graphs. Everything is sorted so that the same corpus
/// always gives the same proposals.
struct CorpusFindings {
    /// A folder of numbered files: a proposed kind.
    struct Kind {
        var folder: String
        var name: String
        var files: [String]
        /// The number of digits every file name has, or nil when they differ.
        var width: Int?
        var numbers: Set<Int>
        var header: Header?
        /// Header fields whose value names the document's own number, with the family that writes it.
        var identities: [String: TokenFamily.Key] = [:]
    }

    /// The header form most of a kind's files share, and its fields.
    struct Header {
        var form: FileSurvey.HeaderForm
        var filesWithForm: Int
        /// Field name and the number of files having it, most frequent first.
        var fields: [(name: String, count: Int)]
        var rarerFields: Int
    }

    /// One family of ID-like tokens over the corpus.
    struct Family {
        var key: TokenFamily.Key
        var name = ""
        var counts = [0, 0, 0]
        var segments = [0, 0, 0, 0]
        var files = 0
        var byKind: [String: Int] = [:]
        var numbers: Set<Int> = []
        var headingStarts = 0
        var headingKinds: Set<String> = []
        var example = ""
        /// Kinds whose documents define this family's IDs, and from what evidence.
        var documentKinds: [String] = []
        /// Kinds (folders) whose files open with this family's token carrying their own number.
        var titleKinds: [String] = []
        var documentEvidence = ""
        var total: Int { counts.reduce(0, +) }
        /// The number of `-digits` segments most of its tokens have after the number.
        var usualSegments: Int { segments.indices.max { (segments[$0], $1) < (segments[$1], $0) } ?? 0 }
    }

    /// A Mermaid flowchart and where it is.
    struct Graph {
        var path: String
        var graph: FileSurvey.Graph
        var isDependencyGraph: Bool { graph.nodes >= 2 && graph.numberedNodes * 2 >= graph.nodes }
    }

    var fileCount: Int
    var templates: [String] = []
    var kinds: [Kind] = []
    var families: [Family] = []
    /// Families seen too rarely to propose, or past the cap.
    var rareFamilies: [Family] = []
    /// Folders of numbered files left out because `maxKinds` were proposed already.
    var unproposedFolders = 0
    /// Frequent families left out because `maxProposedFamilies` were proposed already.
    var unproposedFrequent = 0
    /// Whether token counting stopped taking new families (`maxFamilies`).
    var familyCapReached = false
    var graphs: [Graph] = []

    static let maxFamilies = 500
    static let maxProposedFamilies = 40
    static let maxNumbers = 10_000
    static let maxGraphs = 40
    static let maxKinds = 60

    /// Findings over `files`; `otherKind` names the kind of a file in no proposed kind (the built-in
    /// profile's kind when the starter extends it, else `other`).
    init(_ files: [FileSurvey], otherKind: (String) -> String = { _ in "other" }) {
        fileCount = files.count
        findKinds(files)
        var kindOf: [String: String] = [:]
        for file in files { kindOf[file.path] = otherKind(file.path) }
        for path in templates { kindOf[path] = "template" }
        for kind in kinds { for path in kind.files { kindOf[path] = kind.name } }
        findIdentities(files)
        findFamilies(files, kindOf: kindOf)
        findDefinitions(files)
        nameKinds(files)
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for index in kinds.indices { kinds[index].header = Self.header(of: kinds[index], byPath) }
        for file in files {
            for graph in file.graphs where graphs.count < Self.maxGraphs {
                graphs.append(Graph(path: file.path, graph: graph))
            }
        }
    }

    /// The number a file name starts with (`0042-x.md` → 42) and its digit count, or nil.
    static func fileNumber(_ path: String) -> (number: Int, width: Int)? {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let digits = base.unicodeScalars.prefix { $0.isASCIIDigit }
        guard digits.count >= 1, digits.count <= 9, base.unicodeScalars.dropFirst(digits.count).first == "-",
              let number = Int(String(String.UnicodeScalarView(digits))) else { return nil }
        return (number, digits.count)
    }

    static func isTemplate(_ path: String) -> Bool {
        let base = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        return base.contains("template") || fileNumber(path).map { $0.number == 0 } == true
    }

    static func folder(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    private mutating func findKinds(_ files: [FileSurvey]) {
        var byFolder: [String: [(path: String, number: Int, width: Int)]] = [:]
        for file in files {
            if Self.isTemplate(file.path) {
                templates.append(file.path)
            } else if let (number, width) = Self.fileNumber(file.path) {
                byFolder[Self.folder(file.path), default: []].append((file.path, number, width))
            }
        }
        // The folders with the most numbered files (at most `maxKinds`), in folder order.
        let numbered = byFolder.filter { $0.value.count >= 2 }
            .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        unproposedFolders = max(0, numbered.count - Self.maxKinds)
        for (folder, entries) in numbered.prefix(Self.maxKinds).sorted(by: { $0.key < $1.key }) {
            let widths = Set(entries.map(\.width))
            kinds.append(Kind(folder: folder, name: folder, files: entries.map(\.path),
                              width: widths.count == 1 ? widths.first : nil, numbers: Set(entries.map(\.number))))
        }
        templates.sort()
    }

    /// For each kind, the header fields whose first ID-like token carries the file's own number in at least
    /// half of its files (`RFC PR: rust-lang/rfcs#1` in `0001-….md`).
    private mutating func findIdentities(_ files: [FileSurvey]) {
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for index in kinds.indices {
            var counts: [String: [TokenFamily.Key: Int]] = [:]
            for path in kinds[index].files {
                guard let survey = byPath[path], let own = Self.fileNumber(path)?.number else { continue }
                for (field, token) in survey.fieldTokens where token.number == own {
                    counts[field, default: [:]][token.key, default: 0] += 1
                }
            }
            for (field, keys) in counts {
                guard let (key, count) = keys.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
                      count * 2 >= kinds[index].files.count else { continue }
                kinds[index].identities[field] = key
            }
        }
    }

    private mutating func findFamilies(_ files: [FileSurvey], kindOf: [String: String]) {
        var table: [TokenFamily.Key: Family] = [:]
        for file in files {
            let kind = kindOf[file.path] ?? "other"
            for (key, tokens) in file.tokens {
                if table[key] == nil {
                    guard table.count < Self.maxFamilies else { continue }
                    table[key] = Family(key: key, example: tokens.example)
                }
                table[key]?.update(with: tokens, kind: kind, limit: Self.maxNumbers)
            }
        }
        let all = table.values.sorted { ($0.total, $1.key) > ($1.total, $0.key) }
        let frequent = all.filter { $0.total >= 5 && $0.files >= 2 }
        families = Array(frequent.prefix(Self.maxProposedFamilies))
        unproposedFrequent = max(0, frequent.count - Self.maxProposedFamilies)
        familyCapReached = table.count >= Self.maxFamilies
        rareFamilies = Array(all.filter { $0.total < 5 || $0.files < 2 }.prefix(12))
            + frequent.dropFirst(Self.maxProposedFamilies).prefix(12)
        var used: Set<String> = []
        families.sort { $0.key < $1.key }
        for index in families.indices {
            let word = Self.slug(families[index].key.word)
            let base = word.isEmpty ? "family" : word
            var name = base
            if used.contains(name) {
                name = base + (families[index].key.shape == .spaced ? "-spaced" : "-ref")
            }
            var suffix = 2
            while used.contains(name) {
                name = base + "-\(suffix)"
                suffix += 1
            }
            used.insert(name)
            families[index].name = name
        }
    }

    /// A family is defined by a kind's documents when most of them open with one of its tokens carrying the
    /// file's own number (`# Plan-001: …` in `001-….md`); failing that, when most of its numbers are that
    /// kind's file numbers (`RFC 1234` and `text/1234-….md`).
    private mutating func findDefinitions(_ files: [FileSurvey]) {
        var titles: [String: [TokenFamily.Key: Int]] = [:]
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for kind in kinds {
            for path in kind.files {
                guard let title = byPath[path]?.titleToken, Self.fileNumber(path)?.number == title.number else {
                    continue
                }
                titles[kind.folder, default: [:]][title.family, default: 0] += 1
            }
        }
        // Evidence in order of strength; a weaker kind is looked for only when no stronger one was found.
        for index in families.indices {
            let key = families[index].key
            for kind in kinds {
                let matched = titles[kind.folder]?[key] ?? 0
                guard matched >= 1, matched * 2 >= kind.files.count else { continue }
                families[index].documentKinds.append(kind.folder)
                families[index].titleKinds.append(kind.folder)
                families[index].documentEvidence = "\(matched) of \(kind.files.count) files in \(kind.folder)/ "
                    + "open with `\(key.written)` carrying their file number"
            }
            guard families[index].documentKinds.isEmpty else { continue }
            for kind in kinds {
                guard let field = kind.identities.filter({ $0.value == key }).keys.sorted().first else { continue }
                families[index].documentKinds.append(kind.folder)
                families[index].documentEvidence = "most files in \(kind.folder)/ name their own number so "
                    + "in their `\(field)` header field"
            }
            guard families[index].documentKinds.isEmpty, families[index].numbers.count >= 3 else { continue }
            let numbers = families[index].numbers
            let best = kinds.map { ($0, numbers.intersection($0.numbers).count) }
                .max { ($0.1, $1.0.folder) < ($1.1, $0.0.folder) }
            // Most of its numbers are file numbers, far more than chance would give: the kind's files must
            // not cover most of the family's number range (`NS-1` … `NS-20` beside files 001 … 023 prove nothing).
            if let (kind, overlap) = best, overlap >= 3, overlap * 2 >= numbers.count,
               let low = numbers.min(), let high = numbers.max(),
               kind.numbers.filter({ $0 >= low && $0 <= high }).count * 4 <= high - low + 1 {
                let folder = kind.folder
                families[index].documentKinds = [folder]
                families[index].documentEvidence = "\(overlap) of its \(numbers.count) distinct numbers are file "
                    + "numbers in \(folder)/"
            }
        }
    }

    /// Names each kind after the family its documents define (`plan`, `rfc`), else after its folder.
    private mutating func nameKinds(_ files: [FileSurvey]) {
        var used: Set<String> = ["template", "other"]
        var names: [String: String] = [:]
        for index in kinds.indices {
            let folder = kinds[index].folder
            // Prefer the family the files' titles carry, then a word (`RFC`) to a repository (`rust-lang/rfcs`),
            // then the most frequent.
            let rank = { (family: Family) in
                (family.titleKinds.contains(folder) ? 0 : 1, family.key.shape == .repository ? 1 : 0, -family.total,
                 family.key)
            }
            let definers = families.filter { $0.documentKinds.contains(folder) }.sorted { rank($0) < rank($1) }
            var base = definers.first.map { Self.slug($0.key.word) } ?? Self.slug(Self.singular(folder))
            if base.isEmpty { base = "numbered" }
            var name = base
            var suffix = 2
            while used.contains(name) {
                name = base + "-\(suffix)"
                suffix += 1
            }
            used.insert(name)
            kinds[index].name = name
            names[folder] = name
        }
        for index in families.indices {
            families[index].documentKinds = families[index].documentKinds.compactMap { names[$0] }.sorted()
            let renamed = families[index].byKind.map { (names[$0.key] ?? $0.key, $0.value) }
            families[index].byKind = Dictionary(renamed, uniquingKeysWith: +)
            families[index].headingKinds = Set(families[index].headingKinds.map { names[$0] ?? $0 })
        }
    }

    private static func header(of kind: Kind, _ byPath: [String: FileSurvey]) -> Header? {
        let surveys = kind.files.compactMap { byPath[$0] }
        var forms: [FileSurvey.HeaderForm: Int] = [:]
        for survey in surveys { if let form = survey.headerForm { forms[form, default: 0] += 1 } }
        guard let (form, count) = FileSurvey.HeaderForm.allCases.map({ ($0, forms[$0] ?? 0) })
            .max(by: { $0.1 < $1.1 }), count * 2 >= surveys.count, count > 0 else { return nil }
        var fields: [String: Int] = [:]
        for survey in surveys where survey.headerForm == form {
            for field in survey.headerFields { fields[field, default: 0] += 1 }
        }
        let sorted = fields.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let listed = sorted.filter { $0.value * 10 >= surveys.count }.prefix(30).map { (name: $0.key, count: $0.value) }
        return Header(form: form, filesWithForm: count, fields: listed, rarerFields: sorted.count - listed.count)
    }

    /// A kebab-case name: lower-case letters and digits, other runs as `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCIILetter || scalar.isASCIIDigit {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out += "-"
            }
        }
        while out.last == "-" { out.removeLast() }
        return String(out.prefix(40))
    }

    /// The folder's last part, a final `s` dropped (`docs/plans` → `plans` → `plan`).
    static func singular(_ folder: String) -> String {
        let last = folder.split(separator: "/").last.map(String.init) ?? ""
        return last.count > 3 && last.hasSuffix("s") && !last.hasSuffix("ss") ? String(last.dropLast()) : last
    }
}

extension CorpusFindings.Family {
    mutating func update(with tokens: FileSurvey.Tokens, kind: String, limit: Int) {
        for index in 0..<3 { counts[index] += tokens.counts[index] }
        for index in 0..<4 { segments[index] += tokens.segments[index] }
        files += 1
        byKind[kind, default: 0] += tokens.counts.reduce(0, +)
        for number in tokens.numbers where numbers.count < limit { numbers.insert(number) }
        headingStarts += tokens.headingStarts
        if tokens.headingStarts > 0 { headingKinds.insert(kind) }
    }
}
