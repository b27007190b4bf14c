import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Property: after any sequence of edits (text, headings added and removed, links, cites, ID references, files
/// deleted and added), a run with the cache prints exactly what a fresh `--no-cache` run prints, byte for byte,
/// with the same exit code — whether the untouched files are taken by their stamp or re-hashed.
final class IncrementalCacheTests: XCTestCase {
    private var root = ""
    private var cache = ""
    private var generator = Generator(seed: 2026)

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-incremental-\(UUID().uuidString)")
        root = base.appendingPathComponent("corpus").path
        cache = base.appendingPathComponent("cache").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    private let headings = ["Goals", "Design", "Open Questions", "Risks", "Plan", "Notes", "Résumé", "Steps"]

    private func slug(_ heading: String) -> String {
        heading.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    private func paths() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var found: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".md") { found.append(name) }
        }
        return found.sorted()
    }

    /// A document with a few headings, links into other documents' headings (some missing), line cites into
    /// other documents (some past their end or on blank lines), ID references and a table.
    private func document(number: Int, others: [String]) -> String {
        var lines = ["# Plan-\(String(format: "%03d", number)): Document \(number)", ""]
        for _ in 0..<(1 + generator.below(4)) {
            lines += ["## \(headings[generator.below(headings.count)])", ""]
            for _ in 0..<(1 + generator.below(3)) {
                var sentence = "Text \(generator.below(1000)) café"
                if let other = others.randomElement(using: &generator) {
                    let fragment = generator.below(3) == 0 ? "missing-\(generator.below(3))" : slug(headings[generator.below(headings.count)])
                    sentence += ", see [there](/\(other)#\(fragment))"
                    if generator.below(2) == 0 { sentence += " and `\(other):\(1 + generator.below(8)),\(1 + generator.below(12))`" }
                }
                if generator.below(3) == 0 { sentence += " per Plan-\(String(format: "%03d", generator.below(12)))" }
                lines += [sentence + ".", ""]
            }
        }
        if generator.below(3) == 0 { lines += ["| a | b |", "| --- | --- |", "| 1 | 2 | \(generator.below(2) == 0 ? "3 |" : "")", ""] }
        return lines.joined(separator: "\n")
    }

    private func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Every file's modification time an hour back, so unchanged files are taken by their stamp (an edit still
    /// changes the change time, which no one can set).
    private func age() {
        for path in paths() {
            let then = timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)
            var times = [then, then]
            _ = utimensat(AT_FDCWD, root + "/" + path, &times, 0)
        }
    }

    private func assertCachedEqualsFresh(_ extra: [String] = [], round: Int, file: StaticString = #filePath,
                                         line: UInt = #line) throws {
        let arguments = ["lint", "--root", root, "--format", "json"] + extra
        let cached = try CLI.run(arguments, environment: ["DOCS_AUDIT_CACHE_DIR": cache])
        let fresh = try CLI.run(arguments + ["--no-cache"], environment: ["DOCS_AUDIT_CACHE_DIR": cache])
        XCTAssertEqual(cached.status, fresh.status, "round \(round)", file: file, line: line)
        XCTAssertEqual(cached.stdout, fresh.stdout, "round \(round)", file: file, line: line)
        XCTAssertEqual(cached.stderr, fresh.stderr, "round \(round)", file: file, line: line)
        XCTAssertTrue(cached.stdout.contains("\"rule\""), "the corpus has findings to compare", file: file, line: line)
    }

    func testRandomEditsOfAGeneratedCorpusReportWhatAFreshRunDoes() throws {
        var names = (1...24).map { $0 <= 8 ? "docs/plans/\(String(format: "%03d", $0))-p.md" : "docs/notes/n\($0).md" }
        for (index, path) in names.enumerated() { try write(path, document(number: index + 1, others: names)) }
        try assertCachedEqualsFresh(round: 0)
        var next = names.count + 1
        for round in 1...8 {
            var edited: [String] = []
            for _ in 0..<(1 + generator.below(3)) {
                names = paths()
                guard let target = names.randomElement(using: &generator) else { break }
                let path = root + "/" + target
                var text = try String(contentsOfFile: path, encoding: .utf8)
                switch generator.below(6) {
                case 0:  // rewrite the whole document
                    text = document(number: generator.below(30), others: names)
                case 1:  // add a heading, which links elsewhere may now reach
                    text += "\n## \(headings[generator.below(headings.count)])\n\nAdded.\n"
                case 2:  // remove the first second-level heading
                    if let range = text.range(of: "\n## ") {
                        let end = text[range.upperBound...].firstIndex(of: "\n") ?? text.endIndex
                        text.removeSubrange(range.lowerBound..<end)
                    }
                case 3:  // delete the file
                    try FileManager.default.removeItem(atPath: path)
                    continue
                case 4:  // add a file
                    let added = "docs/notes/n\(next).md"
                    next += 1
                    try write(added, document(number: next, others: names))
                    edited.append(added)
                    continue
                default:  // a line that shifts the cites into this file
                    text = "Intro line.\n\n" + text
                }
                try write(target, text)
                edited.append(target)
            }
            if round % 2 == 0 { age() }
            try assertCachedEqualsFresh(round: round)
            let named = edited.filter { FileManager.default.fileExists(atPath: root + "/" + $0) }
            if !named.isEmpty { try assertCachedEqualsFresh(named.map { root + "/" + $0 }, round: round) }
        }
    }

    func testRandomEditsOfTheSharedCorpusReportWhatAFreshRunDoes() throws {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/ai-sidekicks")
        guard FileManager.default.fileExists(atPath: shared.path) else {
            throw XCTSkip("../shared/corpora/ai-sidekicks is absent: the incremental run over the real corpus needs it")
        }
        try FileManager.default.removeItem(atPath: root)
        try FileManager.default.copyItem(atPath: shared.path, toPath: root)
        age()
        try assertCachedEqualsFresh(round: 0)
        for round in 1...3 {
            let names = paths()
            for _ in 0..<3 {
                guard let target = names.randomElement(using: &generator) else { break }
                let path = root + "/" + target
                guard FileManager.default.fileExists(atPath: path) else { continue }
                var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
                switch generator.below(4) {
                case 0: try FileManager.default.removeItem(atPath: path); continue
                case 1: if let heading = lines.firstIndex(where: { $0.hasPrefix("## ") }) { lines.remove(at: heading) }
                case 2: lines.insert("Inserted line.", at: min(lines.count, 1 + generator.below(max(1, lines.count))))
                default: lines.append("## Appended \(round)\n\nSee [a](#appended-\(round)) and [b](#nowhere).")
                }
                try write(target, lines.joined(separator: "\n"))
            }
            if round != 2 { age() }
            try assertCachedEqualsFresh(round: round)
        }
    }
}

/// A small deterministic generator, so a failing round can be replayed.
struct Generator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}
