import Foundation
import XCTest
@testable import DocsAuditCore

/// A narrowed run (`lint` naming files, `lint --staged`) looks only where its findings can come from
/// (`LintFocus`); whatever the corpus and the edit, it reports exactly `Linter.narrow` of the whole run, where a
/// reference to an ID the change removed names the file that removed it (`RemovedDefinitions`).
final class FocusedRunTests: XCTestCase {
    /// Seeded rounds of random edits over a generated corpus (and the example corpus beside it); after each,
    /// the focused run on the edited files (and sometimes one more) equals the narrowed whole run.
    func testFocusedRunEqualsTheNarrowedWholeRunOnAGeneratedCorpus() throws {
        for seed: UInt64 in [1, 2, 3] {
            var editor = CorpusEditor(seed: seed, files: GeneratedCorpus.files(seed: seed))
            let root = try Fixture.directory(editor.files)
            defer { try? FileManager.default.removeItem(at: root) }
            try editor.inboundRound(root: root)
            try assertFocusedEqualsNarrowed(root: root, named: editor.edited, "seed \(seed), inbound round")
            for round in 1...8 {
                try editor.round(root: root)
                try assertFocusedEqualsNarrowed(root: root, named: editor.named(), "seed \(seed), round \(round)")
            }
        }
    }

    /// The same through the git index (`lint --staged`): a random part of each round's edits is staged, and
    /// the focus is the staged paths (deletions included), read from the index as the CLI reads them.
    func testFocusedStagedRunEqualsTheNarrowedWholeRun() throws {
        var editor = CorpusEditor(seed: 7, files: GeneratedCorpus.files(seed: 7))
        let root = try Fixture.directory(editor.files)
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixture.git(root, ["init", "-q"])
        try Fixture.git(root, ["add", "-A"])
        try Fixture.git(root, ["commit", "-qm", "base"])
        for round in 0...6 {
            if round == 0 { try editor.inboundRound(root: root) } else { try editor.round(root: root) }
            for path in editor.staging() { try Fixture.git(root, ["add", "-A", "--", path]) }
            let index = try GitIndex.staged(root: root.path)
            let profile = try ProfileLoader.load(root: root.path, configFile: nil)
            let corpus = try CorpusLoader.load(root: root.path, profile: profile, staged: index)
            try assertSame(corpus, named: index.paths, "staged round \(round)")
            try Fixture.git(root, ["add", "-A"])
            try Fixture.git(root, ["commit", "-qm", "round \(round)"])
        }
    }

    /// The shared corpus, when present: a few rounds of the same edits on real documents.
    func testFocusedRunEqualsTheNarrowedWholeRunOnTheSharedCorpus() throws {
        guard let shared = Fixture.realCorpus else {
            throw XCTSkip("../shared/corpora/ai-sidekicks is absent: the shared-corpus focus rounds need it")
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: shared, toPath: root.path)
        defer { try? FileManager.default.removeItem(at: root) }
        var editor = CorpusEditor(seed: 11, files: try CorpusEditor.read(root))
        try editor.inboundRound(root: root)
        try assertFocusedEqualsNarrowed(root: root, named: editor.edited, "shared, inbound round")
        for round in 1...2 {
            try editor.round(root: root)
            try assertFocusedEqualsNarrowed(root: root, named: editor.named(), "shared, round \(round)")
        }
    }

    /// A corpus past the anchor-suggestion budget: the narrowed run suggests exactly where the whole run did.
    func testFocusedRunKeepsTheWholeRunsSuggestionBudget() throws {
        var files: [String: String] = ["docs/target.md": "# Target\n\n## Alpha section\n"]
        for file in 0..<6 {
            let links = (0..<(SlugSuggestions.budget / 4)).map { "[x](target.md#alpha-sectiom-\(file)-\($0))" }
            files["docs/n\(file).md"] = "# N\(file)\n\n" + links.joined(separator: "\n\n") + "\n"
        }
        let root = try Fixture.directory(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let findings = try assertFocusedEqualsNarrowed(root: root, named: ["docs/n5.md"], "budget")
        XCTAssertEqual(findings.count, SlugSuggestions.budget / 4)
        XCTAssertFalse(findings.contains { $0.message.contains("did you mean") }, "the budget ran out before n5")
        let first = try assertFocusedEqualsNarrowed(root: root, named: ["docs/n0.md"], "budget")
        XCTAssertTrue(first.contains { $0.message.contains("did you mean #alpha-section") })
    }

    /// Loads `root` and compares the focused run on `named` with the narrowed whole run; returns the findings.
    @discardableResult
    private func assertFocusedEqualsNarrowed(root: URL, named: Set<String>, _ label: String,
                                             file: StaticString = #filePath, line: UInt = #line) throws -> [Finding] {
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let corpus = try CorpusLoader.load(root: root.path, profile: profile)
        return try assertSame(corpus, named: named, label, file: file, line: line)
    }

    @discardableResult
    private func assertSame(_ corpus: Corpus, named: Set<String>, _ label: String,
                            file: StaticString = #filePath, line: UInt = #line) throws -> [Finding] {
        let whole = Linter.run(corpus)
        // A reference elsewhere to an ID the change removed (defined by a named file at HEAD, nowhere now) is
        // the one finding a whole run cannot tie to the change: the narrowed run names the file in `related`.
        // So is a task elsewhere that verifies such an ID, or cites a spec a named file holds or held.
        let focus = LintContext(corpus: corpus, model: whole.model, focus: named).focus
        let removed = focus?.removedDefinitions ?? [:]
        let specs = focus?.namedSpecs ?? [:]
        let tied = whole.findings.map { finding -> Finding in
            let by: String?
            switch finding.rule {
            case "ids/undefined-reference": by = removed[finding.subject]
            case "tasks/traceability":
                let cited = finding.subject.components(separatedBy: "->").last?.split(separator: " ").first.map(String.init)
                by = cited.flatMap { removed[$0] ?? specs[$0] }
            default: by = nil
            }
            guard let by, by != finding.file else { return finding }
            var tied = finding
            tied.related = [by]
            return tied
        }
        let expected = Linter.narrow(tied, to: named)
        let focused = Linter.run(corpus, focus: named)
        XCTAssertEqual(try json(focused.findings), try json(expected), "\(label): \(named.sorted())",
                       file: file, line: line)
        XCTAssertEqual(focused.findings, expected, "\(label): related and fixes too", file: file, line: line)
        XCTAssertEqual(focused.notices, whole.notices, label, file: file, line: line)
        return focused.findings
    }

    private func json(_ findings: [Finding]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(Finding.sorted(findings)), as: UTF8.self)
    }
}

/// A corpus of our own under the default profile: plans defining invariants and tasks that verify them, and
/// notes whose headings other notes link to, with ID references and line cites between them.
enum GeneratedCorpus {
    static let words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta"]

    static func files(seed: UInt64) -> [String: String] {
        var random = SeededRandom(seed: seed)
        var files: [String: String] = [:]
        let plans = (0..<4).map { 101 + $0 }
        for number in plans {
            let invariants = (1...Int.random(in: 1...3, using: &random)).map {
                "### I-\(number)-\($0) — \(words.randomElement(using: &random) ?? "x") holds\n"
            }
            let tasks = (1...Int.random(in: 1...3, using: &random)).map { task -> String in
                let other = plans.randomElement(using: &random) ?? number
                return "##### T1.\(task) — step \(task)\n\n**Files:** `src/a.ts` **Spec coverage:** none "
                    + "**Verifies invariant:** I-\(other)-\(Int.random(in: 1...3, using: &random))\n"
            }
            files["docs/plans/\(number)-gen.md"] = """
            # Plan-\(number): Generated \(number)

            | Field | Value |
            | --- | --- |
            | **Status** | `approved` |
            | **NNN** | `\(number)` |

            ## Invariants

            \(invariants.joined(separator: "\n"))
            ## Implementation Phase Sequence

            ### Phase 1 — Work

            #### Tasks

            \(tasks.joined(separator: "\n"))
            """
        }
        for note in 0..<10 {
            let headings = (0..<Int.random(in: 1...4, using: &random)).map { "## Topic \(words[($0 + note) % 8])\n" }
            files["docs/notes/n\(note).md"] = "# Note \(note)\n\n" + headings.joined(separator: "\nSome text.\n\n")
        }
        var editor = CorpusEditor(seed: seed, files: files)
        for _ in 0..<30 { editor.addCrossReference(to: editor.randomNote()) }
        return editor.files
    }
}

/// Random edits to a corpus held in memory and written to `root`, remembering which files each round touched.
struct CorpusEditor {
    var random: SeededRandom
    private(set) var files: [String: String]
    /// The files the last round changed, added or deleted.
    private(set) var edited: Set<String> = []
    private var added = 0

    init(seed: UInt64, files: [String: String]) {
        random = SeededRandom(seed: seed)
        self.files = files
    }

    static func read(_ root: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            files[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    /// The round's edited files and, one round in three, another file.
    mutating func named() -> Set<String> {
        var named = edited
        if Int.random(in: 0..<3, using: &random) == 0, let other = files.keys.sorted().randomElement(using: &random) {
            named.insert(other)
        }
        return named
    }

    /// A random non-empty part of the round's edits, to stage.
    mutating func staging() -> [String] {
        let all = edited.sorted()
        let part = all.filter { _ in Bool.random(using: &random) }
        return part.isEmpty ? Array(all.prefix(1)) : part
    }

    /// The inbound cases on purpose: a heading other files link to renamed, and a defined ID removed while
    /// other files reference it.
    mutating func inboundRound(root: URL) throws {
        edited = []
        if let (path, line) = linkedHeading() { replace(line, in: path, with: line + " renamed") }
        if let (path, line) = referencedDefinition() { replace(line, in: path, with: nil) }
        try write(root)
    }

    /// One to three random edits.
    mutating func round(root: URL) throws {
        edited = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let path = randomNote()
            switch Int.random(in: 0..<9, using: &random) {
            case 0: files[path, default: ""] += "\nEdited text \(Int.random(in: 0..<1000, using: &random)).\n"
            case 1: if let line = headings(path).randomElement(using: &random) { replace(line, in: path, with: line + " x") }
            case 2: if let line = headings(path).dropFirst().randomElement(using: &random) { replace(line, in: path, with: nil) }
            case 3: files[path, default: ""] += "\n## Topic \(GeneratedCorpus.words.randomElement(using: &random) ?? "x")\n"
            case 4: addCrossReference(from: path)
            case 5: if let (file, line) = referencedDefinition() { replace(line, in: file, with: nil) }
            case 6:
                files[path] = nil
                edited.insert(path)
            case 7:
                added += 1
                let new = "docs/notes/added-\(added).md"
                files[new] = "# Added \(added)\n\n## Topic \(GeneratedCorpus.words[added % 8])\n"
                edited.insert(new)
                addCrossReference(from: new)
            default: addCrossReference(to: path)
            }
            edited.insert(path)
        }
        try write(root)
    }

    /// Appends to some file a link (to a heading of `target`, sometimes a broken one), an ID reference and a cite.
    mutating func addCrossReference(from source: String? = nil, to target: String? = nil) {
        let source = source ?? randomNote()
        let target = target ?? randomNote()
        guard source != target || Bool.random(using: &random) else { return }
        let slug = headings(target).randomElement(using: &random).map(Self.slug) ?? "missing"
        let fragment = Int.random(in: 0..<5, using: &random) == 0 ? slug + "-typo" : slug
        let href = source == target && Bool.random(using: &random) ? "#\(fragment)" : Self.relative(target, from: source)
            + (Bool.random(using: &random) ? "#\(fragment)" : "")
        let plan = 101 + Int.random(in: 0..<5, using: &random)
        let invariant = "I-\(plan)-\(Int.random(in: 1...3, using: &random))"
        files[source, default: ""] += "\nSee [there](\(href)), \(invariant) and Plan-\(plan):3-4.\n"
        edited.insert(source)
    }

    mutating func randomNote() -> String { files.keys.sorted().randomElement(using: &random) ?? "docs/notes/n0.md" }

    /// A heading line (H2 and below) of a file that some other file links to with a fragment.
    private mutating func linkedHeading() -> (String, String)? {
        var linked = Set<String>()
        for (_, text) in files {
            for piece in text.components(separatedBy: ".md#").dropFirst() {
                linked.insert(String(piece.prefix { $0 != ")" }))
            }
        }
        let candidates = files.keys.sorted().flatMap { path in headings(path).map { (path, $0) } }
            .filter { linked.contains(Self.slug($0.1)) }
        for (path, line) in candidates.shuffled(using: &random) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let needle = name + "#" + Self.slug(line) + ")"
            if files.contains(where: { other, text in other != path && text.contains(needle) }) { return (path, line) }
        }
        return nil
    }

    /// An invariant definition heading whose ID another file mentions.
    private mutating func referencedDefinition() -> (String, String)? {
        let candidates = files.keys.sorted().flatMap { path in
            lines(path).filter { $0.hasPrefix("### I-") }.map { (path, $0) }
        }
        for (path, line) in candidates.shuffled(using: &random).prefix(20) {
            let id = line.dropFirst(4).prefix { $0 != " " }
            if files.contains(where: { other, text in other != path && text.contains(id) }) { return (path, line) }
        }
        return nil
    }

    private func lines(_ path: String) -> [String] {
        (files[path] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func headings(_ path: String) -> [String] { lines(path).filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") } }

    private mutating func replace(_ line: String, in path: String, with new: String?) {
        var lines = lines(path)
        guard let index = lines.firstIndex(of: line) else { return }
        if let new { lines[index] = new } else { lines.remove(at: index) }
        files[path] = lines.joined(separator: "\n")
        edited.insert(path)
    }

    /// Writes every file and deletes the files no longer there (only those this editor knows).
    private func write(_ root: URL) throws {
        for path in edited {
            let url = root.appendingPathComponent(path)
            guard let text = files[path] else {
                try? FileManager.default.removeItem(at: url)
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// An approximate GitHub slug of a heading line: lower case, punctuation dropped, spaces to `-`.
    static func slug(_ line: String) -> String {
        let title = line.drop { $0 == "#" }.drop { $0 == " " }
        return String(title.lowercased().compactMap { char -> Character? in
            if char == " " { return "-" }
            return char.isLetter || char.isNumber || char == "-" || char == "_" ? char : nil
        })
    }

    /// `target` relative to the folder of `source`.
    static func relative(_ target: String, from source: String) -> String {
        let from = source.split(separator: "/").dropLast()
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to.dropFirst(common).map(String.init)).joined(separator: "/")
    }
}
