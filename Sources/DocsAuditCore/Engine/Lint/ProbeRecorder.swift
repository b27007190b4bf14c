/// Everything a lint run asks the file system outside the corpus documents, with the answers it got: whether a
/// link's target exists (`LintContext.targetExists`, the search for `.git`), the bytes of a file a line cite
/// names (`LintContext.readFile`), the git attribute files a blame depends on. Every rule asks through the lint
/// context, which goes through this recorder, so the run memo (`RunMemo`) can ask the same questions again on
/// the next run: a different answer means the stored result may be stale.
///
/// Answers are kept small: a file's bytes as their SHA-256. The same question asked twice with different
/// answers (a file changed during the run) makes the recording unusable (`isConsistent`).
public final class ProbeRecorder: @unchecked Sendable {
    /// One question put to the file system.
    struct Probe: Hashable, Sendable {
        /// What was asked.
        enum Kind: UInt8, Sendable {
            /// `lstat`: absent, file, folder, link or other.
            case entryType = 0
            /// A whole read bounded by a limit: failed, or the SHA-256 of the bytes.
            case read = 1
            /// A read the way git state keys read a file (`GitState.file`): absent, unreadable, or bytes.
            case gitFile = 2
        }

        let kind: Kind
        let path: String
        /// The read limit (0 for `entryType`).
        let limit: Int
    }

    private let lock = Lock()
    private var answers: [Probe: [UInt8]] = [:]
    private var conflicting = false

    public init() {}

    /// The probes and their answers, in a stable order.
    var recorded: [(probe: Probe, answer: [UInt8])] {
        lock.withLock { answers.map { ($0.key, $0.value) } }
            .sorted { ($0.probe.kind.rawValue, $0.probe.path, $0.probe.limit)
                < ($1.probe.kind.rawValue, $1.probe.path, $1.probe.limit) }
    }

    /// Whether no question got two different answers during the run.
    var isConsistent: Bool { lock.withLock { !conflicting } }

    /// `FileSystem.entryType(path)`, recorded.
    func entryType(_ path: String) -> FileSystem.EntryType? {
        let type = FileSystem.entryType(path)
        record(Probe(kind: .entryType, path: path, limit: 0), Self.answer(type))
        return type
    }

    /// `FileSystem.read(path, limit:)`, recorded.
    func read(_ path: String, limit: Int) -> Result<[UInt8], FileSystem.Failure> {
        let result = FileSystem.read(path, limit: limit)
        record(Probe(kind: .read, path: path, limit: limit), Self.answer(result))
        return result
    }

    /// `GitState.file(path, limit:)`, recorded.
    func gitFile(_ path: String, limit: Int) -> GitState.FileRead {
        let result = GitState.file(path, limit: limit)
        record(Probe(kind: .gitFile, path: path, limit: limit), Self.answer(result))
        return result
    }

    /// The answer `probe` gets now, in the recorded form.
    static func ask(_ probe: Probe) -> [UInt8] {
        switch probe.kind {
        case .entryType: return answer(FileSystem.entryType(probe.path))
        case .read: return answer(FileSystem.read(probe.path, limit: probe.limit))
        case .gitFile: return answer(GitState.file(probe.path, limit: probe.limit))
        }
    }

    private func record(_ probe: Probe, _ answer: [UInt8]) {
        lock.withLock {
            if let earlier = answers.updateValue(answer, forKey: probe), earlier != answer { conflicting = true }
        }
    }

    private static func answer(_ type: FileSystem.EntryType?) -> [UInt8] {
        switch type {
        case nil: return [0]
        case .file?: return [1]
        case .directory?: return [2]
        case .symlink?: return [3]
        case .other?: return [4]
        }
    }

    private static func answer(_ result: Result<[UInt8], FileSystem.Failure>) -> [UInt8] {
        switch result {
        case .failure: return [0]
        case let .success(bytes): return [1] + sha256(bytes)
        }
    }

    private static func answer(_ result: GitState.FileRead) -> [UInt8] {
        switch result {
        case .absent: return [0]
        case .unreadable: return [1]
        case let .bytes(bytes): return [2] + sha256(bytes)
        }
    }
}
