/// What `cites/drift` asked git before, so a warm run on an unchanged repository runs no git at all: blames
/// (keyed by `GitState.blameKey`: repository state, path, attributes, text and lines) and line maps (keyed by
/// `mapKey`: a commit, a target and the target's text now; a file at a commit never changes).
///
/// One file, `drift-memo`, beside the analysis index in the corpus's cache folder, written like every cache entry
/// (`CacheFolder.write`: a private temporary file renamed into place, never through a link) and only when a run
/// asked git something new. It belongs to a scope (the memo format and the tool's identity): a memo of another
/// scope, cut short, damaged (a SHA-256 trailer covers it) or malformed is empty, a miss, never an error. It keeps
/// what the last run used first, then older entries up to `maximumEntries` of each kind.
struct DriftMemo: Sendable {
    static let fileName = "drift-memo"
    static let format = 1
    /// A memo larger than this is not read.
    static let readLimit = 64 << 20
    /// At most this many blames, and as many maps, are kept.
    static let maximumEntries = 4096
    private static let magic = Array("docs-audit drift memo\n".utf8)

    /// Final line → commit (nil: not committed yet), as `GitHistory.lastChanges` returns.
    typealias Blame = [Int: String?]

    private(set) var blames: [[UInt8]: Blame] = [:]
    /// Nil: nothing to map (the target absent at the commit, not UTF-8 there, or the same as now).
    private(set) var maps: [[UInt8]: LineMap?] = [:]
    private var blameOrder: [[UInt8]] = []
    private var mapOrder: [[UInt8]] = []
    private var usedBlames: [[UInt8]] = []
    private var usedMaps: [[UInt8]] = []
    /// Whether a run added anything (then the memo is written).
    private(set) var changed = false

    /// The scope of memos this tool may read: the format and `tool` (the executable's identity).
    static func scope(tool: String) -> [UInt8] {
        sha256(Array("drift memo \(format)\u{0}\(tool)".utf8))
    }

    /// The key of the line map of `target` (relative to the corpus root) between `commit` and the text whose
    /// SHA-256 is `textHash`, in the repository at `repositoryRoot`.
    static func mapKey(repositoryRoot: String, commit: String, target: String, textHash: [UInt8]) -> [UInt8] {
        var builder = KeyBuilder()
        builder.add("map")
        builder.add(repositoryRoot)
        builder.add(commit)
        builder.add(target)
        builder.add(textHash)
        return builder.finish()
    }

    /// The remembered blame for `key`, marked as used.
    mutating func blame(_ key: [UInt8]) -> Blame? {
        guard let blame = blames[key] else { return nil }
        usedBlames.append(key)
        return blame
    }

    /// The remembered map for `key` (`.some(nil)`: nothing to map), marked as used.
    mutating func map(_ key: [UInt8]) -> LineMap?? {
        guard let map = maps[key] else { return nil }
        usedMaps.append(key)
        return .some(map)
    }

    mutating func remember(blame: Blame, for key: [UInt8]) {
        if blames.updateValue(blame, forKey: key) == nil { blameOrder.append(key) }
        usedBlames.append(key)
        changed = true
    }

    mutating func remember(map: LineMap?, for key: [UInt8]) {
        if maps.updateValue(map, forKey: key) == nil { mapOrder.append(key) }
        usedMaps.append(key)
        changed = true
    }

    // MARK: - On disk

    /// The memo stored in `folder` for `scope`, or an empty one.
    static func read(folder: String, scope: [UInt8]) -> DriftMemo {
        guard let bytes = CacheFolder.read(folder + "/" + fileName, limit: readLimit) else { return DriftMemo() }
        return parse(bytes, scope: scope) ?? DriftMemo()
    }

    /// Writes the memo into `folder` when this run added to it; whether it was written.
    @discardableResult
    func write(folder: String, scope: [UInt8]) -> Bool {
        guard changed else { return false }
        return CacheFolder.write(serialize(scope: scope), in: folder, name: Self.fileName)
    }

    /// The memo's bytes: the entries used by this run first, then older ones, up to `maximumEntries` each.
    func serialize(scope: [UInt8]) -> [UInt8] {
        var writer = MemoWriter()
        writer.bytes(Self.magic)
        writer.bytes(scope)
        let blameKeys = Self.kept(used: usedBlames, order: blameOrder)
        writer.number(blameKeys.count)
        for key in blameKeys {
            guard let blame = blames[key] else { continue }
            writer.bytes(key)
            writer.number(blame.count)
            for (line, commit) in blame.sorted(by: { $0.key < $1.key }) {
                writer.number(line)
                let hash = Array((commit ?? "").utf8)
                writer.byte(UInt8(truncatingIfNeeded: hash.count))
                writer.bytes(hash)
            }
        }
        let mapKeys = Self.kept(used: usedMaps, order: mapOrder)
        writer.number(mapKeys.count)
        for key in mapKeys {
            guard let entry = maps[key] else { continue }
            writer.bytes(key)
            guard let map = entry else {
                writer.byte(0)
                continue
            }
            writer.byte(1)
            writer.number(map.newLine.count)
            for line in map.newLine { writer.number(line ?? 0) }
            for blank in map.blank { writer.byte(blank ? 1 : 0) }
        }
        writer.bytes(sha256(writer.output))
        return writer.output
    }

    /// The keys to keep: those used (in order, once each), then the rest, at most `maximumEntries`.
    private static func kept(used: [[UInt8]], order: [[UInt8]]) -> [[UInt8]] {
        var seen = Set<[UInt8]>()
        var keys: [[UInt8]] = []
        for key in used + order where keys.count < maximumEntries && seen.insert(key).inserted { keys.append(key) }
        return keys
    }

    /// The memo in `bytes`, or nil when they are not a whole, undamaged memo of `scope`.
    static func parse(_ bytes: [UInt8], scope: [UInt8]) -> DriftMemo? {
        guard bytes.count >= magic.count + scope.count + 32 else { return nil }
        let body = bytes[..<(bytes.count - 32)]
        guard sha256(Array(body)).elementsEqual(bytes[(bytes.count - 32)...]) else { return nil }
        var reader = MemoReader(bytes: Array(body))
        guard reader.take(magic.count)?.elementsEqual(magic) == true,
              reader.take(scope.count)?.elementsEqual(scope) == true else { return nil }
        var memo = DriftMemo()
        // Each entry takes at least its key and a count, so a count cannot exceed what is left.
        guard let blameCount = reader.number(), blameCount <= reader.remaining / 36 else { return nil }
        for _ in 0..<blameCount {
            guard let key = reader.take(32), let count = reader.number(), count <= reader.remaining / 5 else {
                return nil
            }
            var blame: Blame = [:]
            for _ in 0..<count {
                guard let line = reader.number(), line >= 1, let length = reader.byte(),
                      length == 0 || length == 40 || length == 64, let hash = reader.take(Int(length)) else {
                    return nil
                }
                let commit = String(decoding: hash, as: UTF8.self)
                guard length == 0 || GitState.isObjectID(commit) else { return nil }
                blame[line] = length == 0 ? .some(nil) : .some(commit)
            }
            if memo.blames.updateValue(blame, forKey: Array(key)) == nil { memo.blameOrder.append(Array(key)) }
        }
        guard let mapCount = reader.number(), mapCount <= reader.remaining / 33 else { return nil }
        for _ in 0..<mapCount {
            guard let key = reader.take(32), let kind = reader.byte() else { return nil }
            var map: LineMap?
            switch kind {
            case 0: map = nil
            case 1:
                guard let count = reader.number(), count <= reader.remaining / 5 else { return nil }
                var newLine: [Int?] = []
                newLine.reserveCapacity(count)
                for _ in 0..<count {
                    guard let line = reader.number() else { return nil }
                    newLine.append(line == 0 ? nil : line)
                }
                guard let blanks = reader.take(count), blanks.allSatisfy({ $0 <= 1 }),
                      let read = LineMap(newLine: newLine, blank: blanks.map { $0 == 1 }) else { return nil }
                map = read
            default: return nil
            }
            if memo.maps.updateValue(map, forKey: Array(key)) == nil { memo.mapOrder.append(Array(key)) }
        }
        guard reader.remaining == 0 else { return nil }
        return memo
    }
}

/// Little-endian numbers (32 bits) and raw bytes.
private struct MemoWriter {
    var output: [UInt8] = []

    mutating func byte(_ value: UInt8) { output.append(value) }

    mutating func bytes<Bytes: Sequence>(_ value: Bytes) where Bytes.Element == UInt8 {
        output.append(contentsOf: value)
    }

    mutating func number(_ value: Int) {
        let clamped = UInt32(clamping: max(0, value))
        for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: clamped >> shift)) }
    }
}

/// Reads what `MemoWriter` wrote; nil past the end.
private struct MemoReader {
    let bytes: [UInt8]
    var offset = 0

    var remaining: Int { bytes.count - offset }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func byte() -> UInt8? { take(1)?.first }

    mutating func number() -> Int? {
        guard let part = take(4) else { return nil }
        return part.reversed().reduce(0) { ($0 << 8) | Int($1) }
    }
}
