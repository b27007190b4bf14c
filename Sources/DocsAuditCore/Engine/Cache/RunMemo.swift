#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of the last whole cached `lint` run, kept with every input it depended on, so that a run whose
/// inputs did not change prints it again without decoding a single analysis (the replay).
///
/// One file, `run-memo`, beside the analysis index in the corpus's cache folder, written like every cache entry
/// (`CacheFolder.write`: a private temporary file renamed into place, never through a link) and read bounded,
/// without following a link. It holds:
/// - the scope, each part kept apart so that a miss can say which changed: the memo format, the tool (the
///   analysis cache's format and the tool's identity), every profile text, and the root in its one spelling
///   (`RootSpelling`: notices name it, so `docs`, `./docs/` and its absolute path share one memo);
/// - the corpus: the walk's admitted paths in order, each with its `FileStamp` and the SHA-256 of the bytes
///   its analysis came from, and a digest of the walk's and admission's input problems;
/// - the git state (`GitState.key`) when `cites/drift` may ask git (a repository above the root, drift on); a
///   state that cannot be keyed means no memo;
/// - every question the rules put to the file system outside the corpus documents, with its answer
///   (`ProbeRecorder`: a link's target exists, a line cite's file's bytes, git attribute files);
/// - the result: the notices and the findings, each with its column in code points (no corpus file is read to
///   print them).
///
/// A run observes the key before loading anything (`observe`: the walk and one `stat` per file; a file whose
/// stamp changed, or is racily clean by `AnalysisIndex.trusts`' rule, is read and hashed and still matches
/// when its bytes are the same; the memo is then written again with the new stamps, so the next run does not
/// hash it again). A miss says why in the timings: which file changed, was added or removed, or that the
/// profile, the binary, the root's spelling, the input problems or the git state did. Everything the CLI
/// applies afterwards that has inputs of its own (a baseline, the output formats, colour) stays outside the
/// memo and is applied to a replay as to a full run. The file is untrusted: anything damaged (a checksum
/// covers it), cut short, of another format or scope, is a miss.
public enum RunMemo {
    static let fileName = "run-memo"
    static let format = 2

    /// What a replay prints: the stored notices and findings, and each finding's column in code points.
    public struct Replay: Sendable {
        public let findings: [Finding]
        public let notices: [String]
        let columns: [FindingPlace: Int]

        /// The 1-based column in code points of `finding` as the full run computed it.
        public func codePointColumn(_ finding: Finding) -> Int {
            columns[FindingPlace(finding)] ?? finding.column
        }
    }

    /// The inputs of a run as they stand before it loads the corpus: what a stored memo is checked against,
    /// and what a new memo is keyed by.
    public struct Observation: Sendable {
        let folder: String
        let scope: Scope
        let profile: Profile
        let realRoot: String
        /// The walk this observation made: a full run loads what it found (`CorpusLoader.load(walked:)`), so the
        /// memo is keyed by exactly the files that run read.
        public let walk: CorpusLoader.Walk
        /// When observing started, in nanoseconds since the epoch (the racy-clean rule's reference).
        let startedAt: Int64
        let admitted: [String]
        let stamps: [FileStamp?]
        let problemsDigest: [UInt8]
        /// The git state's key when `cites/drift` may ask git; nil when it cannot (no repository, drift off).
        let gitKey: [UInt8]?
        /// Whether a memo may be written and used at all (false: the git state cannot be keyed).
        let keyable: Bool
    }

    /// The observation of a whole cached `lint` of the corpus at `root` with `profile`, its cache in
    /// `cacheDirectory`; nil when the cache cannot be used or nothing is found (the full run says why).
    public static func observe(root: String, profile: Profile, cacheDirectory: String) -> Observation? {
        let startedAt = AnalysisIndex.now()
        guard let realRoot = FileSystem.realPath(root), FileSystem.isDirectory(realRoot) else { return nil }
        let cache = AnalysisCache.open(directory: cacheDirectory, realRoot: realRoot, profile: profile)
        guard cache.refusal == nil else { return nil }
        var problems: [InputProblem] = []
        let candidates = CorpusLoader.discover(realRoot: realRoot, profile: profile, problems: &problems)
        guard !candidates.isEmpty || !problems.isEmpty else { return nil }
        let walk = CorpusLoader.Walk(realRoot: realRoot, paths: candidates, problems: problems)
        var origins: [String: CorpusLoader.Origin] = [:]
        for path in candidates { origins[path] = .workingTree }
        // Admission takes each file's stamp (one `stat` per file).
        let (admitted, _, stamps) = CorpusLoader.admit(candidates, origins: origins, realRoot: realRoot,
                                                       settings: profile.corpus, problems: &problems)
        var gitKey: [UInt8]?
        var keyable = true
        if profile.cites.drift, let repository = LintContext.repositoryRoot(above: realRoot, probes: nil) {
            gitKey = GitState.read(repositoryRoot: repository, environment: GitState.processEnvironment)?.key
            keyable = gitKey != nil
        }
        let scope = Scope(tool: cache.toolScope, profile: cache.profileScope, root: RootSpelling.normalized(root),
                          realRoot: realRoot)
        return Observation(folder: cache.folder, scope: scope, profile: profile,
                           realRoot: realRoot, walk: walk, startedAt: startedAt, admitted: admitted, stamps: stamps,
                           problemsDigest: digest(problems), gitKey: gitKey, keyable: keyable)
    }

    /// What a memo is of, part by part.
    struct Scope: Sendable, Equatable {
        /// The analysis cache's format and the tool's identity, hashed.
        let tool: String
        /// Every profile text, hashed.
        let profile: String
        /// The root in its one spelling (`RootSpelling`).
        let root: String
        let realRoot: String

        /// Why a memo of `stored` scope is not of this one (the first part that differs), or nil when it is.
        func change(from stored: Scope) -> String? {
            if stored.tool != tool { return "the docs-audit binary changed" }
            if stored.profile != profile { return "the profile changed" }
            if stored.realRoot != realRoot { return "another corpus root" }
            if stored.root != root { return "the root is written `\(root)`, the memo's as `\(stored.root)`" }
            return nil
        }
    }

    /// A digest of input problems, in a stable order.
    private static func digest(_ problems: [InputProblem]) -> [UInt8] {
        var key = KeyBuilder()
        let sorted = Array(Set(problems)).sorted {
            ($0.path, $0.line, $0.column, $0.code, $0.message) < ($1.path, $1.line, $1.column, $1.code, $1.message)
        }
        for problem in sorted {
            key.add(problem.code)
            key.add(problem.path)
            key.add("\(problem.line):\(problem.column)")
            key.add(problem.message)
        }
        return key.finish()
    }
}

extension RunMemo.Observation {
    /// The stored result when a memo of this scope holds it for inputs that are all as they were; nil (a miss)
    /// otherwise, with the reason in the timings (`DOCS_AUDIT_TIMINGS`).
    public func replay() -> RunMemo.Replay? {
        let outcome = PhaseTimer.measure("run memo check") { check() }
        switch outcome {
        case let .hit(replay):
            PhaseTimer.note("run memo: replayed \(replay.findings.count) findings, no analysis decoded")
            return replay
        case let .miss(reason):
            PhaseTimer.note("run memo: miss (\(reason)); full run")
            return nil
        }
    }

    private enum Outcome {
        case hit(RunMemo.Replay)
        case miss(String)
    }

    private func check() -> Outcome {
        guard keyable else { return .miss("the git state cannot be keyed") }
        guard let bytes = CacheFolder.read(folder + "/" + RunMemo.fileName, limit: readLimit) else {
            return .miss("no memo")
        }
        guard let stored = StoredMemo.parse(bytes) else { return .miss("the memo is damaged or of another format") }
        if let change = scope.change(from: stored.scope) { return .miss(change) }
        guard stored.gitKey == (gitKey ?? []) else { return .miss("the git state changed") }
        guard stored.problemsDigest == problemsDigest else {
            return .miss("the input problems changed (a file unreadable, too large or badly named)")
        }
        guard stored.files.map(\.path) == admitted else { return .miss(Self.addedOrRemoved(stored.files, admitted)) }
        var files = stored.files
        var hashed = 0
        for (index, file) in stored.files.enumerated() {
            guard let stamp = stamps[index] else { return .miss("\(file.path) is not a regular file") }
            if file.stamp == stamp && stamp.isSettled(before: stored.writtenAt) { continue }
            hashed += 1
            guard case let .success(bytes) = FileSystem.read(realRoot + "/" + file.path,
                                                             limit: profile.corpus.maxFileBytes),
                  sha256(bytes) == file.hash else { return .miss("\(file.path) changed") }
            files[index] = StoredMemo.File(path: file.path, stamp: stamp, hash: file.hash)
        }
        for (probe, answer) in stored.probes where ProbeRecorder.ask(probe) != answer {
            let inside = probe.path.hasPrefix(realRoot + "/")
            return .miss("\(inside ? String(probe.path.dropFirst(realRoot.count + 1)) : probe.path) changed")
        }
        let replay = RunMemo.Replay(findings: stored.findings, notices: stored.notices, columns: stored.columns)
        if hashed > 0 {
            PhaseTimer.note("run memo: \(hashed) file\(hashed == 1 ? "" : "s") hashed (stamp changed), same bytes")
            refresh(stored, files: files, replay: replay)
        }
        return .hit(replay)
    }

    /// Writes `stored` again with `files`' stamps (as this run observed them, before hashing the bytes) and this
    /// run's start as its time, so the next run takes those files by their stamp instead of hashing them again.
    /// Failing to write is not an error: the next run hashes them again.
    private func refresh(_ stored: StoredMemo, files: [StoredMemo.File], replay: RunMemo.Replay) {
        PhaseTimer.measure("run memo write") {
            let memo = StoredMemo(scope: scope, writtenAt: startedAt, problemsDigest: stored.problemsDigest,
                                  gitKey: stored.gitKey, files: files, probes: stored.probes, notices: stored.notices,
                                  findings: stored.findings, columns: stored.columns)
            let bytes = memo.serialize(codePointColumn: replay.codePointColumn)
            guard bytes.count <= readLimit else { return }
            CacheFolder.write(bytes, in: folder, name: RunMemo.fileName)
        }
    }

    /// The files added and removed since the memo's run, the first of each named: `docs/x.md added`,
    /// `docs/y.md and 2 more removed`.
    private static func addedOrRemoved(_ stored: [StoredMemo.File], _ admitted: [String]) -> String {
        let before = Set(stored.map(\.path))
        let now = Set(admitted)
        func named(_ paths: [String], _ verb: String) -> String? {
            guard let first = paths.first else { return nil }
            return paths.count == 1 ? "\(first) \(verb)" : "\(first) and \(paths.count - 1) more \(verb)"
        }
        let parts = [named(admitted.filter { !before.contains($0) }, "added"),
                     named(stored.map(\.path).filter { !now.contains($0) }, "removed")].compactMap { $0 }
        return parts.isEmpty ? "files added or removed" : parts.joined(separator: ", ")
    }

    /// The most memo bytes read (and written).
    var readLimit: Int { max(64 << 20, profile.corpus.maxTotalBytes) }

    /// Writes the memo of a whole run over `corpus` (loaded after this observation) whose result is `findings`
    /// and `notices`, its rules' probes in `probes`; `codePointColumn` gives each finding's printed column.
    /// Nothing is written when the run's inputs cannot be keyed exactly: a file read differently than observed,
    /// a probe answered two ways, the git state moved. Failing to write is not an error.
    public func record(findings: [Finding], notices: [String], corpus: Corpus, probes: ProbeRecorder,
                       codePointColumn: (Finding) -> Int) {
        PhaseTimer.measure("run memo write") {
            guard let files = keyedFiles(corpus), probes.isConsistent else {
                PhaseTimer.note("run memo: not written (the corpus changed during the run)")
                return
            }
            if let gitKey, let repository = LintContext.repositoryRoot(above: realRoot, probes: nil),
               GitState.read(repositoryRoot: repository, environment: GitState.processEnvironment)?.key != gitKey {
                PhaseTimer.note("run memo: not written (the git state changed during the run)")
                return
            }
            let memo = StoredMemo(scope: scope, writtenAt: startedAt, problemsDigest: problemsDigest,
                                  gitKey: gitKey ?? [], files: files, probes: probes.recorded, notices: notices,
                                  findings: findings, columns: [:])
            let bytes = memo.serialize(codePointColumn: codePointColumn)
            guard bytes.count <= readLimit else { return }
            CacheFolder.write(bytes, in: folder, name: RunMemo.fileName)
        }
    }

    /// Each admitted path with its observed stamp and the hash of the bytes the run analysed; nil when that
    /// cannot be said exactly.
    private func keyedFiles(_ corpus: Corpus) -> [StoredMemo.File]? {
        guard keyable, corpus.documents.count <= admitted.count, corpus.textSource == .workingTree else { return nil }
        let problemPaths = Set(corpus.problems.map(\.path))
        var files: [StoredMemo.File] = []
        files.reserveCapacity(admitted.count)
        var documents = 0
        for (path, stamp) in zip(admitted, stamps) {
            guard let stamp else { return nil }
            if let document = corpus.document(at: path) {
                guard let hash = document.fileHash else { return nil }
                documents += 1
                files.append(StoredMemo.File(path: path, stamp: stamp, hash: hash))
                continue
            }
            // A file the run reported as a problem: its bytes are hashed now, and only a file untouched since
            // before the run (stamp as observed, not racily clean) is keyed by them.
            guard problemPaths.contains(path), FileStamp.of(realRoot + "/" + path) == stamp,
                  stamp.isSettled(before: startedAt),
                  case let .success(bytes) = FileSystem.read(realRoot + "/" + path, limit: profile.corpus.maxFileBytes)
            else { return nil }
            files.append(StoredMemo.File(path: path, stamp: stamp, hash: sha256(bytes)))
        }
        // Every document was observed: the walk the run did found the same files.
        guard documents == corpus.documents.count else { return nil }
        return files
    }
}

/// A memo as stored. Layout (numbers are varints): `docsarun`, format, the scope (tool, profile, root and real
/// root: strings), the writing run's start (signed nanoseconds), the problems digest and the git key
/// (length-prefixed), the files (path, the stamp's seven numbers, the 32-byte hash), the probes (kind, path,
/// limit, answer), the notices, the findings (rule, severity, file, line, column, code-point column, message,
/// subject, related), and last an 8-byte checksum.
struct StoredMemo {
    struct File {
        let path: String
        let stamp: FileStamp
        let hash: [UInt8]
    }

    let scope: RunMemo.Scope
    let writtenAt: Int64
    let problemsDigest: [UInt8]
    let gitKey: [UInt8]
    let files: [File]
    let probes: [(probe: ProbeRecorder.Probe, answer: [UInt8])]
    let notices: [String]
    let findings: [Finding]
    let columns: [FindingPlace: Int]

    func serialize(codePointColumn: (Finding) -> Int) -> [UInt8] {
        var writer = BinaryWriter(capacity: 1 << 16)
        for byte in RunMemoLayout.magic { writer.byte(byte) }
        writer.count(RunMemo.format)
        for part in [scope.tool, scope.profile, scope.root, scope.realRoot] { writer.string(part) }
        writer.varint(UInt64(max(0, writtenAt)))
        writer.lengthPrefixed(problemsDigest)
        writer.lengthPrefixed(gitKey)
        writer.count(files.count)
        for file in files {
            writer.string(file.path)
            let stamp = file.stamp
            writer.varint(stamp.size)
            writer.int(Int(stamp.modifiedSeconds))
            writer.varint(stamp.modifiedNanoseconds)
            writer.int(Int(stamp.changedSeconds))
            writer.varint(stamp.changedNanoseconds)
            writer.varint(stamp.inode)
            writer.varint(stamp.device)
            writer.lengthPrefixed(file.hash)
        }
        writer.count(probes.count)
        for (probe, answer) in probes {
            writer.byte(probe.kind.rawValue)
            writer.string(probe.path)
            writer.varint(UInt64(max(0, probe.limit)))
            writer.lengthPrefixed(answer)
        }
        writer.count(notices.count)
        for notice in notices { writer.string(notice) }
        writer.count(findings.count)
        for finding in findings {
            writer.string(finding.rule)
            writer.byte(RunMemoLayout.severityCode(finding.severity))
            writer.string(finding.file)
            writer.int(finding.line)
            writer.int(finding.column)
            writer.int(codePointColumn(finding))
            writer.string(finding.message)
            writer.string(finding.subject)
            writer.count(finding.related.count)
            for path in finding.related { writer.string(path) }
        }
        var bytes = writer.bytes
        Varint.appendFixed(AnalysisIndex.checksum(bytes, upTo: bytes.count), size: 8, to: &bytes)
        return bytes
    }

    /// The memo in `bytes` when they are a whole, undamaged memo of this format (of any scope: the caller
    /// compares it); nil otherwise.
    static func parse(_ bytes: [UInt8]) -> StoredMemo? {
        let magic = RunMemoLayout.magic
        guard bytes.count >= magic.count + 8, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
        let bodyEnd = bytes.count - 8
        var check = BinaryReader(bytes, range: bodyEnd..<bytes.count)
        guard let stored = try? check.fixed(size: 8), stored == AnalysisIndex.checksum(bytes, upTo: bodyEnd) else {
            return nil
        }
        var reader = BinaryReader(bytes, range: magic.count..<bodyEnd)
        do {
            guard try reader.varint() == UInt64(RunMemo.format) else { return nil }
            let scope = RunMemo.Scope(tool: try reader.string(), profile: try reader.string(),
                                      root: try reader.string(), realRoot: try reader.string())
            guard let writtenAt = Int64(exactly: try reader.varint()) else { return nil }
            let problemsDigest = try reader.lengthPrefixed()
            let gitKey = try reader.lengthPrefixed()
            var files: [File] = []
            let fileCount = try reader.count(minimumSize: 40)
            files.reserveCapacity(fileCount)
            for _ in 0..<fileCount {
                let path = try reader.string()
                let stamp = FileStamp(size: try reader.varint(), modifiedSeconds: Int64(try reader.int()),
                                      modifiedNanoseconds: try reader.varint(),
                                      changedSeconds: Int64(try reader.int()),
                                      changedNanoseconds: try reader.varint(), inode: try reader.varint(),
                                      device: try reader.varint())
                let hash = try reader.lengthPrefixed()
                guard hash.count == 32 else { return nil }
                files.append(File(path: path, stamp: stamp, hash: hash))
            }
            var probes: [(probe: ProbeRecorder.Probe, answer: [UInt8])] = []
            for _ in 0..<(try reader.count(minimumSize: 4)) {
                guard let kind = ProbeRecorder.Probe.Kind(rawValue: try reader.byte()) else { return nil }
                let path = try reader.string()
                guard let limit = Int(exactly: try reader.varint()) else { return nil }
                probes.append((ProbeRecorder.Probe(kind: kind, path: path, limit: limit), try reader.lengthPrefixed()))
            }
            var notices: [String] = []
            for _ in 0..<(try reader.count(minimumSize: 1)) { notices.append(try reader.string()) }
            var findings: [Finding] = []
            var columns: [FindingPlace: Int] = [:]
            let findingCount = try reader.count(minimumSize: 10)
            findings.reserveCapacity(findingCount)
            for _ in 0..<findingCount {
                let rule = try reader.string()
                guard let severity = RunMemoLayout.severity(try reader.byte()) else { return nil }
                let file = try reader.string()
                let line = try reader.int()
                let column = try reader.int()
                let codePoints = try reader.int()
                var finding = Finding(rule: rule, severity: severity, file: file, line: line, column: column,
                                      message: try reader.string(), subject: try reader.string())
                for _ in 0..<(try reader.count(minimumSize: 1)) { finding.related.append(try reader.string()) }
                findings.append(finding)
                columns[FindingPlace(file: file, line: line, column: column)] = codePoints
            }
            guard reader.isAtEnd else { return nil }
            return StoredMemo(scope: scope, writtenAt: writtenAt, problemsDigest: problemsDigest, gitKey: gitKey,
                              files: files, probes: probes, notices: notices, findings: findings, columns: columns)
        } catch {
            return nil
        }
    }
}

/// The memo's constants and codes.
private enum RunMemoLayout {
    static let magic = Array("docsarun".utf8)

    static func severityCode(_ severity: Severity) -> UInt8 {
        switch severity {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    static func severity(_ code: UInt8) -> Severity? {
        switch code {
        case 0: return .error
        case 1: return .warning
        case 2: return .info
        default: return nil
        }
    }
}

extension BinaryWriter {
    /// Length-prefixed raw bytes.
    mutating func lengthPrefixed(_ value: [UInt8]) {
        count(value.count)
        for byte in value { self.byte(byte) }
    }
}

extension BinaryReader {
    /// Length-prefixed raw bytes.
    mutating func lengthPrefixed() throws -> [UInt8] {
        var result: [UInt8] = []
        let length = try count(minimumSize: 1)
        result.reserveCapacity(length)
        for _ in 0..<length { result.append(try byte()) }
        return result
    }
}
