import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The run memo (`run-memo` in the cache folder): a whole cached `lint` whose inputs did not change replays the
/// last whole run's result. Property: after any round of changes (edits, `touch` with the same bytes, files
/// added and deleted, a non-corpus file a link and a line cite name created, changed or deleted, a folder a link
/// names, the profile edited, a commit in git), the cached run prints exactly what `--no-cache` prints (JSON and
/// text, stdout, stderr and exit code); it replays only when nothing changed (or only stamps did), and the
/// next run after a change does replay.
final class RunMemoTests: XCTestCase {
    private var base = URL(fileURLWithPath: "/")
    private var root: URL { base.appendingPathComponent("corpus") }
    private var cache: String { base.appendingPathComponent("cache").path }
    private var generator = Generator(seed: 613)

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("docs-audit-run-memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    private let headings = ["Goals", "Design", "Risks", "Plan", "Notes", "Résumé"]

    private func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func documents() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".md") && !name.hasPrefix(".git") { found.append(name) }
        }
        return found.sorted()
    }

    /// A document with headings, links to other documents' headings (some missing), to `src/code.ts` and the
    /// `assets/` folder (outside the corpus: no Markdown there), and line cites into other documents and into
    /// `src/code.ts`.
    private func document(_ number: Int, others: [String]) -> String {
        var lines = ["# Document \(number)", ""]
        for _ in 0..<(1 + generator.below(3)) {
            lines += ["## \(headings[generator.below(headings.count)])", ""]
            var sentence = "Text \(generator.below(100)) café"
            if let other = others.randomElement(using: &generator) {
                let fragment = generator.below(3) == 0 ? "missing" : headings[generator.below(headings.count)]
                    .lowercased()
                sentence += ", see [there](/\(other)#\(fragment)) and [lines](/\(other)):\(1 + generator.below(9))"
            }
            lines += [sentence + ".", ""]
        }
        lines += ["Code: [code](/src/code.ts) and `src/code.ts:\(2 + generator.below(5))-7`, "
                  + "assets in [the folder](/assets/).", ""]
        return lines.joined(separator: "\n")
    }

    /// One run through the built binary; with `cached`, the timings say whether the memo was replayed.
    private func lint(_ format: String, cached: Bool) throws -> (result: CLIResult, replayed: Bool) {
        var arguments = ["lint", "--root", root.path, "--format", format]
        if !cached { arguments.append("--no-cache") }
        // A home without git settings, so the user's own config cannot make the git state unkeyable.
        let home = base.appendingPathComponent("home").path
        let run = try CLI.run(arguments, environment: ["DOCS_AUDIT_CACHE_DIR": cache, "DOCS_AUDIT_TIMINGS": "1",
                                                       "HOME": home, "XDG_CONFIG_HOME": home + "/.config"])
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let replayed = lines.contains { $0.hasPrefix("timing: run memo: replayed") }
        let stderr = lines.filter { !$0.hasPrefix("timing: ") }.joined(separator: "\n")
        return (CLIResult(status: run.status, stdout: run.stdout, stderr: stderr), replayed)
    }

    /// The cached run (twice: after the change, then with nothing changed) equals the fresh one in both formats;
    /// the first replays exactly when `replays`, the second always.
    private func assertRound(_ label: String, replays: Bool, file: StaticString = #filePath,
                             line: UInt = #line) throws {
        for format in ["json", "text"] {
            let fresh = try lint(format, cached: false).result
            let first = try lint(format, cached: true)
            let second = try lint(format, cached: true)
            for (name, run) in [("first", first), ("second", second)] {
                XCTAssertEqual(run.result.status, fresh.status, "\(label), \(format), \(name)", file: file, line: line)
                XCTAssertEqual(run.result.stdout, fresh.stdout, "\(label), \(format), \(name)", file: file, line: line)
                XCTAssertEqual(run.result.stderr, fresh.stderr, "\(label), \(format), \(name)", file: file, line: line)
            }
            // The JSON runs come first: after them nothing changes, so the text runs replay (the memo holds the
            // result before the format is applied).
            XCTAssertEqual(first.replayed, format == "json" ? replays : true, "\(label), \(format): first run replays",
                           file: file, line: line)
            XCTAssertTrue(second.replayed, "\(label), \(format): the run after it replays", file: file, line: line)
        }
    }

    /// Makes `count` documents, the non-corpus file and folder, and a profile; returns the document paths.
    private func makeCorpus(count: Int) throws -> [String] {
        let names = (1...count).map { "docs/d\($0).md" }
        for (index, path) in names.enumerated() { try write(path, document(index + 1, others: names)) }
        try write("src/code.ts", (1...9).map { "code \($0)" }.joined(separator: "\n") + "\n")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("assets"),
                                                withIntermediateDirectories: true)
        try write("docs-audit.yml", "rules:\n  links/missing-anchor: warning\n")
        return names
    }

    /// One change (each kind in turn, then random ones); whether it leaves every input's content as it was (then
    /// the run replays).
    private func change(_ round: Int, git: Bool) throws -> (label: String, same: Bool) {
        let names = documents()
        let kinds = git ? 10 : 9
        let target = names.randomElement(using: &generator) ?? "docs/d1.md"
        let url = root.appendingPathComponent(target)
        // Every kind once, in order, then at random.
        switch round <= kinds ? round - 1 : generator.below(kinds) {
        case 0:
            try write(target, document(100 + round, others: names))
            return ("edit \(target)", false)
        case 1:
            // The same bytes, a new stamp.
            let then = timespec(tv_sec: time(nil) - 100, tv_nsec: 0)
            var times = [then, then]
            _ = utimensat(AT_FDCWD, url.path, &times, 0)
            return ("touch \(target)", true)
        case 2:
            let added = "docs/added\(round).md"
            try write(added, document(200 + round, others: names))
            return ("add \(added)", false)
        case 3:
            guard names.count > 2 else { return try change(round, git: git) }
            try FileManager.default.removeItem(at: url)
            return ("delete \(target)", false)
        case 4:
            let code = root.appendingPathComponent("src/code.ts")
            if FileManager.default.fileExists(atPath: code.path) {
                try FileManager.default.removeItem(at: code)
                return ("delete src/code.ts", false)
            }
            try write("src/code.ts", "code 1\n")
            return ("create a short src/code.ts", false)
        case 5:
            let lines = (1...(3 + generator.below(8))).map { "line \($0) of round \(round)" }
            try write("src/code.ts", lines.joined(separator: "\n"))
            return ("change src/code.ts", false)
        case 6:
            let assets = root.appendingPathComponent("assets")
            if FileManager.default.fileExists(atPath: assets.path) {
                try FileManager.default.removeItem(at: assets)
                return ("delete the assets folder", false)
            }
            try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
            return ("create the assets folder", false)
        case 7:
            let severity = ["warning", "info", "error"][round % 3]
            try write("docs-audit.yml",
                      "# round \(round)\nrules:\n  links/missing-anchor: \(severity)\n  tables/arity: off\n")
            return ("profile: missing-anchor \(severity)", false)
        case 8:
            // Lines inserted at the top of a document: the cites into it now point elsewhere.
            let text = try String(contentsOf: url, encoding: .utf8)
            try write(target, "Intro.\n\nMore intro.\n\n" + text)
            return ("shift \(target)", false)
        default:
            try CLI.git(root, ["add", "-A"])
            try CLI.git(root, ["commit", "-q", "--allow-empty", "-m", "round \(round)"])
            return ("commit", false)
        }
    }

    func testCachedRunsEqualFreshRunsAndReplayOnlyWhenNothingChanged() throws {
        _ = try makeCorpus(count: 10)
        try assertRound("start", replays: false)
        for round in 1...12 {
            let (label, same) = try change(round, git: false)
            print("run memo round \(round): \(label)")
            try assertRound("round \(round): \(label)", replays: same)
        }
    }

    func testInGitACommitIsAChangeAndDriftStaysExact() throws {
        // The variables that make `GitState` refuse to key (they move git's files), as inside a commit hook.
        let moving: Set<String> = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR",
                                   "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                                   "GIT_CEILING_DIRECTORIES", "GIT_NAMESPACE", "GIT_GRAFT_FILE", "GIT_EXEC_PATH"]
        try XCTSkipIf(ProcessInfo.processInfo.environment.keys.contains {
            moving.contains($0) || $0.hasPrefix("GIT_CONFIG") || $0.hasPrefix("GIT_ATTR")
        }, "git's files are moved by the environment: the git state is (rightly) not keyed")
        _ = try makeCorpus(count: 8)
        try CLI.git(root, ["init", "-q"])
        try CLI.git(root, ["add", "-A"])
        try CLI.git(root, ["commit", "-q", "-m", "start"])
        try assertRound("start", replays: false)
        for round in 1...12 {
            let (label, same) = try change(round, git: true)
            print("run memo git round \(round): \(label)")
            try assertRound("git round \(round): \(label)", replays: same)
        }
    }

    /// The memo file of the corpus at `root` in `cache` (the only per-root folder there).
    private func memoPath(cache: String) throws -> String {
        let folders = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("analyses-") }
        XCTAssertEqual(folders.count, 1, "one per-root folder")
        return cache + "/" + (folders.first ?? "") + "/run-memo"
    }

    /// A memo cut short, bit-flipped, of another corpus (another scope), replaced by a link or a folder: never
    /// replayed, the run's output exact, nothing written through the link, and no crash.
    func testADamagedForeignOrNonRegularMemoIsAMissAndNeverWrittenThrough() throws {
        _ = try makeCorpus(count: 4)
        let fresh = try lint("json", cached: false).result
        XCTAssertFalse(try lint("json", cached: true).replayed)
        let path = try memoPath(cache: cache)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertTrue(try lint("json", cached: true).replayed, "an intact memo replays")
        func assertMiss(_ label: String) throws {
            let run = try lint("json", cached: true)
            XCTAssertFalse(run.replayed, label)
            XCTAssertEqual(run.result.status, fresh.status, label)
            XCTAssertEqual(run.result.stdout, fresh.stdout, label)
            XCTAssertEqual(run.result.stderr, fresh.stderr, label)
        }
        for cut in [0, 8, good.count / 2, good.count - 1] {
            try good.prefix(cut).write(to: URL(fileURLWithPath: path))
            try assertMiss("cut at \(cut)")
        }
        for offset in [9, good.count / 3, good.count - 3] {
            var flipped = good
            flipped[offset] ^= 0x10
            try flipped.write(to: URL(fileURLWithPath: path))
            try assertMiss("bit flipped at \(offset)")
        }
        // Another corpus's memo, in this corpus's folder: another scope.
        let otherCache = base.appendingPathComponent("other-cache").path
        try FileManager.default.copyItem(at: root, to: base.appendingPathComponent("copy"))
        _ = try CLI.run(["lint", "--root", base.appendingPathComponent("copy").path],
                        environment: ["DOCS_AUDIT_CACHE_DIR": otherCache])
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: try memoPath(cache: otherCache), toPath: path)
        try assertMiss("another scope")
        // A link to a file elsewhere: not read, not written through (the link itself is replaced).
        let outside = base.appendingPathComponent("outside")
        try good.write(to: outside)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside.path)
        try assertMiss("a link")
        XCTAssertEqual(try Data(contentsOf: outside), good, "the link's target is untouched")
        let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
        XCTAssertEqual(type, .typeRegular, "the link was replaced by a memo of its own")
        XCTAssertTrue(try lint("json", cached: true).replayed, "the memo written in its place replays")
        // A folder: not read, not replaced, the run still exact.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try assertMiss("a folder")
        try assertMiss("a folder, again")
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// The run memo's notes in the timings of a cached `lint --root root` run in `directory` (the base folder by
    /// default), and the run's result without the timings.
    private func memoNotes(root: String? = nil, in directory: URL? = nil, binary: String? = nil,
                           cached: Bool = true) throws -> (notes: [String], result: CLIResult) {
        let home = base.appendingPathComponent("home").path
        let environment = ["DOCS_AUDIT_CACHE_DIR": cache, "DOCS_AUDIT_TIMINGS": "1", "HOME": home,
                           "XDG_CONFIG_HOME": home + "/.config"]
        let arguments = ["lint", "--root", root ?? self.root.path] + (cached ? [] : ["--no-cache"])
        let run = try CLI.run(arguments, environment: environment, in: directory ?? base,
                              executable: binary.map(URL.init(fileURLWithPath:)))
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let stderr = lines.filter { !$0.hasPrefix("timing: ") }.joined(separator: "\n")
        return (lines.filter { $0.hasPrefix("timing: run memo: ") }.map { String($0.dropFirst(18)) },
                CLIResult(status: run.status, stdout: run.stdout, stderr: stderr))
    }

    /// Sets the modification time of every file of the corpus `seconds` into the past, so none is racily clean.
    private func age(_ paths: [String], by seconds: Int) {
        for path in paths {
            let then = timespec(tv_sec: time(nil) - seconds, tv_nsec: 0)
            var times = [then, then]
            _ = utimensat(AT_FDCWD, root.appendingPathComponent(path).path, &times, 0)
        }
    }

    /// A file touched (a new stamp, the same bytes) is hashed by the run after, which replays and writes the memo
    /// again with the new stamp: the run after that takes it by its stamp, hashing nothing.
    func testATouchedFileIsHashedOnceAndItsNewStampKept() throws {
        let names = try makeCorpus(count: 4)
        age(names + ["docs-audit.yml", "src/code.ts"], by: 200)
        let fresh = try memoNotes(cached: false).result
        XCTAssertEqual(try memoNotes().notes, ["miss (no memo); full run"])
        let replayed = try memoNotes()
        XCTAssertEqual(replayed.notes.count, 1, "\(replayed.notes)")
        XCTAssertTrue(replayed.notes.first?.hasPrefix("replayed ") == true, "\(replayed.notes)")
        age([names[1]], by: 100)
        let touched = try memoNotes()
        XCTAssertEqual(touched.notes.first, "1 file hashed (stamp changed), same bytes")
        XCTAssertEqual(Array(touched.notes.dropFirst()), replayed.notes)
        for _ in 1...2 {
            let after = try memoNotes()
            XCTAssertEqual(after.notes, replayed.notes, "the new stamp was kept: nothing hashed")
            XCTAssertEqual([after.result.stdout, after.result.stderr], [fresh.stdout, fresh.stderr])
            XCTAssertEqual(after.result.status, fresh.status)
        }
    }

    /// A miss says why: which file changed, was added or removed, or that the profile or the binary changed.
    func testAMissSaysWhatChanged() throws {
        let names = try makeCorpus(count: 4)
        age(names + ["docs-audit.yml", "src/code.ts"], by: 200)
        XCTAssertEqual(try memoNotes().notes, ["miss (no memo); full run"])
        func assertMiss(_ reason: String, binary: String? = nil, line: UInt = #line) throws {
            let notes = try memoNotes(binary: binary).notes
            XCTAssertEqual(notes, ["miss (\(reason)); full run"], line: line)
            age(documents() + ["docs-audit.yml"], by: 200)
            // Settled again, the next run replays.
            XCTAssertTrue(try memoNotes(binary: binary).notes.last?.hasPrefix("replayed ") == true, line: line)
        }
        try write(names[0], "# Changed\n")
        try assertMiss("\(names[0]) changed")
        try write("docs/new.md", "# New\n")
        try assertMiss("docs/new.md added")
        try write("docs/new2.md", "# New\n")
        try write("docs/new3.md", "# New\n")
        try assertMiss("docs/new2.md and 1 more added")
        try FileManager.default.removeItem(at: root.appendingPathComponent(names[1]))
        try assertMiss("\(names[1]) removed")
        try FileManager.default.removeItem(at: root.appendingPathComponent(names[2]))
        try write("docs/new4.md", "# New\n")
        try assertMiss("docs/new4.md added, \(names[2]) removed")
        try write("docs-audit.yml", "rules:\n  links/missing-anchor: info\n")
        try assertMiss("the profile changed")
        try write("src/code.ts", "other code\n")
        try assertMiss("src/code.ts changed")
        // The same program without its build ID is another binary to the cache (its identity is then its hash).
        let copy = base.appendingPathComponent("docs-audit-copy").path
        try FileManager.default.copyItem(atPath: CLI.binary.path, toPath: copy)
        let strip = Process()
        strip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        strip.arguments = ["objcopy", "--remove-section", ".note.gnu.build-id", copy]
        try strip.run()
        strip.waitUntilExit()
        try XCTSkipIf(strip.terminationStatus != 0, "objcopy (binutils) cannot strip the build ID")
        try assertMiss("the docs-audit binary changed", binary: copy)
    }

    /// `--root corpus`, `--root ./corpus/` and the absolute path share one memo, and print the same notice naming
    /// the root (`corpus`) with the cache and without; another folder's run spells it differently: a miss saying so.
    func testEverySpellingOfTheRootSharesOneMemo() throws {
        base = base.resolvingSymlinksInPath()
        let names = try makeCorpus(count: 3)
        age(names + ["docs-audit.yml", "src/code.ts"], by: 200)
        let fresh = try memoNotes(root: "corpus", cached: false).result
        XCTAssertTrue(fresh.stderr.contains("cites/drift skipped: corpus is not in a git repository"), fresh.stderr)
        XCTAssertEqual(try memoNotes(root: "corpus").notes, ["miss (no memo); full run"])
        for spelling in ["./corpus/", root.path, "corpus//.", root.path + "/"] {
            let run = try memoNotes(root: spelling)
            XCTAssertEqual(run.notes.count, 1, "\(spelling): \(run.notes)")
            XCTAssertTrue(run.notes.first?.hasPrefix("replayed ") == true, "\(spelling): \(run.notes)")
            let uncached = try memoNotes(root: spelling, cached: false).result
            for result in [run.result, uncached] {
                XCTAssertEqual([result.stdout, result.stderr], [fresh.stdout, fresh.stderr], spelling)
                XCTAssertEqual(result.status, fresh.status, spelling)
            }
        }
        let inside = try memoNotes(root: ".", in: root)
        XCTAssertEqual(inside.notes, ["miss (the root is written `.`, the memo's as `corpus`); full run"])
        XCTAssertTrue(inside.result.stderr.contains("cites/drift skipped: . is not in a git repository"),
                      inside.result.stderr)
    }

    /// A narrowed run, `--no-cache` and other commands neither read nor write the memo.
    func testOnlyAWholeCachedLintUsesTheMemo() throws {
        let names = try makeCorpus(count: 4)
        _ = try CLI.run(["lint", "--root", root.path, "--no-cache"], environment: ["DOCS_AUDIT_CACHE_DIR": cache])
        _ = try CLI.run(["lint", "--root", root.path, root.appendingPathComponent(names[0]).path],
                        environment: ["DOCS_AUDIT_CACHE_DIR": cache])
        _ = try CLI.run(["extract", "--root", root.path], environment: ["DOCS_AUDIT_CACHE_DIR": cache])
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        for folder in folders where folder.hasPrefix("analyses-") {
            XCTAssertFalse(FileManager.default.fileExists(atPath: cache + "/" + folder + "/run-memo"))
        }
        XCTAssertFalse(try lint("json", cached: true).replayed)
        let narrowed = try CLI.run(["lint", "--root", root.path, root.appendingPathComponent(names[0]).path],
                                   environment: ["DOCS_AUDIT_CACHE_DIR": cache, "DOCS_AUDIT_TIMINGS": "1"])
        XCTAssertFalse(narrowed.stderr.contains("run memo"), "a narrowed run does not look at the memo")
        XCTAssertTrue(try lint("json", cached: true).replayed)
    }
}
