/// Links broken by a file moved since the last commit. `git mv notes/old.md moved/new.md` breaks every link to
/// `notes/old.md`, and, when the file changes folder, the file's own relative links (and those of its link
/// reference definitions); `fix` points each at the file it pointed at before the move, written relative to
/// the linking file as before (`./` kept, the fragment, query and title untouched).
///
/// A move is git's own rename detection between HEAD and the working tree (the files git tracks), so a file
/// moved with plain `mv` and not added is no move, and a person decides. Only the destination's path is
/// rewritten, at every place the document writes that destination (`LinkDestinations`).
enum MovedFileLinks {
    /// The moves since the last commit, and the files deleted with no new file paired to them.
    struct Moves {
        /// Old path → new path, relative to the corpus root, for moved files whose old path is gone.
        let renames: [String: String]
        let deleted: Set<String>
        /// Every folder that held a file deleted or moved away (`docs`, `docs/old`), so a link into one is
        /// explained by a lookup, not a scan of every such file.
        let vacatedFolders: Set<String>
        /// New path → old path.
        var origins: [String: String] { Dictionary(renames.map { ($1, $0) }) { first, _ in first } }

        init(renames: [String: String] = [:], deleted: Set<String> = []) {
            self.renames = renames
            self.deleted = deleted
            var folders = Set<String>()
            for path in deleted.union(renames.keys) {
                var parts = path.split(separator: "/").dropLast()
                while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts = parts.dropLast() }
            }
            vacatedFolders = folders
        }
    }

    /// A document and a destination it writes: every place it writes it is rewritten alike.
    struct Group: Hashable {
        var path: String
        var destination: String
    }

    /// A group fix cannot rewrite, with the reason.
    struct Refusal {
        var text: String
        /// The link now points at an existing file other than the one it meant, so no finding reports it.
        var pointsElsewhere: Bool
        /// The destination was written for the moved file's new place: the move does not explain the link.
        var writtenForNewPlace = false
        /// The first line that writes the destination, when its places were found.
        var line: Int?
    }

    /// What the moves change.
    struct Plan {
        var edits: [Group: [TextEdit]] = [:]
        var refused: [Group: Refusal] = [:]
        /// The files behind each group's change: the linking file, where it was, the target and where it went.
        var causes: [Group: Set<String>] = [:]
    }

    /// What git reports moved and deleted since HEAD, or why it cannot tell.
    static func moves(_ context: LintContext) -> Result<Moves, FixReason.GitProblem> {
        if let problem = FixReason.GitProblem.of(context) { return .failure(problem) }
        let changes: (renames: [String: String], deleted: Set<String>)
        do {
            changes = try GitObjects(root: context.corpus.root).changes(from: "HEAD", to: nil)
        } catch {
            return .failure(.failed("\(error)"))
        }
        // A file at the old path again (a new file, not added) is what links to that path mean now.
        return .success(Moves(renames: changes.renames.filter { !context.targetExists($0.key) },
                              deleted: changes.deleted))
    }

    /// The edits for every link the moves break: in the moved files, and into them from anywhere.
    static func plan(_ context: LintContext, moves: Moves, destinations: inout DestinationCache) -> Plan {
        var plan = Plan()
        guard !moves.renames.isEmpty else { return plan }
        let origins = moves.origins
        let siteRoots = context.profile.links.siteRoots
        // Documents that may write a destination into a moved file: those whose parsed links do, and (for a link
        // reference definition no link uses) those whose text names a moved file.
        var candidates = Set(origins.keys.filter { context.corpus.document(at: $0) != nil })
        for link in context.model.links where link.target.map({ moves.renames[$0] != nil }) ?? false {
            candidates.insert(link.path)
        }
        let names = MovedNames(moves.renames.keys.compactMap { $0.split(separator: "/").last.map(String.init) })
        for document in context.corpus.documents where !candidates.contains(document.path) {
            if names.named(in: document.source.text) { candidates.insert(document.path) }
        }
        let kept = keptLines(context, origins: origins)
        for path in candidates.sorted() {
            guard let written = destinations.of(path) else { continue }
            let origin = origins[path]
            for destination in written.destinations {
                guard let before = LinkExtractor.resolve(destination, from: origin ?? path, siteRoots: siteRoots),
                      let meant = before.target, !meant.isEmpty else { continue }
                let now = LinkExtractor.resolve(destination, from: path, siteRoots: siteRoots)?.target
                let moved = moves.renames[meant]
                let wanted = moved ?? meant
                guard now != wanted else { continue }
                let group = Group(path: path, destination: destination)
                let elsewhere = now.map(context.targetExists) ?? false
                var places: [LinkDestinations.Place] = []
                func refuse(_ text: String, note: Bool = false, newPlace: Bool = false) {
                    plan.refused[group] = Refusal(text: text, pointsElsewhere: note && elsewhere,
                                                  writtenForNewPlace: newPlace, line: places.first?.line)
                }
                plan.causes[group] = Set([path, meant] + [origin, moved].compactMap { $0 })
                switch written.places(of: destination) {
                case let .failure(why):
                    refuse(why.text, note: true)
                    continue
                case let .success(found): places = found
                }
                // In a moved file, a line edited since the last commit was written for the new place.
                if origin != nil {
                    let lines = kept[path]
                    let old = places.filter { lines?.contains($0.line) ?? false }
                    guard !old.isEmpty else {
                        refuse(FixReason.writtenSinceMove(destination, in: path), newPlace: true)
                        continue
                    }
                    guard old.count == places.count else {
                        refuse(FixReason.mixedLines(destination, in: path), note: true)
                        continue
                    }
                }
                guard context.targetExists(wanted) else {
                    refuse(FixReason.meantIsMissing(destination, in: path, movedFrom: origin, pointedAt: meant,
                                                    movedTo: moved))
                    continue
                }
                let (prefix, target, suffix) = newPath(destination, to: wanted, from: path, siteRoots: siteRoots)
                plan.edits[group] = places.map { place in
                    TextEdit(path: path, line: place.line, column: place.column, length: place.pathLength,
                             replacement: prefix + encoded(target, angled: place.angled) + suffix)
                }
            }
        }
        return plan
    }

    /// For each moved file, its lines as they were at its old path in the last commit (the line alignment
    /// `fix --dry-run` diffs with): what the file's links there were written for. A file git cannot give has
    /// none (its links are taken as written for the new place, and left).
    private static func keptLines(_ context: LintContext, origins: [String: String]) -> [String: Set<Int>] {
        let moved = origins.filter { context.corpus.document(at: $0.key) != nil }
        guard !moved.isEmpty,
              let old = try? GitObjects(root: context.corpus.root).contents(at: "HEAD", paths: Array(moved.values))
        else { return [:] }
        var kept: [String: Set<Int>] = [:]
        for (path, origin) in moved {
            guard let document = context.corpus.document(at: path), let text = old[origin] ?? nil else { continue }
            let before = SourceText(text)
            let now = document.source
            let map = LineMap(old: before.lines(1...max(1, before.lineCount)),
                              new: now.lines(1...max(1, now.lineCount)))
            kept[path] = Set(map.newLine.compactMap { $0 })
        }
        return kept
    }

    /// Why a broken link to `target` is no moved file's link, when no group of the plan holds it.
    static func reason(target: String, moves: Result<Moves, FixReason.GitProblem>, context: LintContext) -> String {
        if context.absolutePath(target) == nil {
            return FixReason.climbsAbove(context.repositoryRoot == nil ? "corpus root" : "repository root")
        }
        let found: Moves
        switch moves {
        case let .failure(problem): return FixReason.noMoves(problem)
        case let .success(value): found = value
        }
        if context.leavesRoot(target) { return FixReason.leavesRoot(target) }
        if found.deleted.contains(target) { return FixReason.deletedNotMoved(target) }
        if found.vacatedFolders.contains(target) { return FixReason.folderGone(target) }
        return FixReason.notInLastCommit(target)
    }

    /// The new destination path, written as `destination` was: from a site root, from the root (`/`), or
    /// relative to the linking file (`./` kept where the path stays below its folder, a trailing `/` kept).
    private static func newPath(_ destination: String, to target: String, from path: String,
                                siteRoots: [String]) -> (prefix: String, path: String, suffix: String) {
        let written = destination.prefix { $0 != "?" && $0 != "#" }
        let suffix = written.hasSuffix("/") ? "/" : ""
        if let root = siteRoots.first(where: { destination.hasPrefix($0) }) { return (root, target, suffix) }
        if written.hasPrefix("/") { return ("/", target, suffix) }
        let relative = relative(from: path, to: target)
        return (written.hasPrefix("./") && !relative.hasPrefix("../") ? "./" : "", relative, suffix)
    }

    /// `path` percent-encoded where a link destination cannot hold the byte as it is (a `%` itself, so that the
    /// link reads back as the path): white space and parentheses too, unless written between `<` and `>`.
    static func encoded(_ path: String, angled: Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            let special = byte < 0x20 || byte == 0x7F || [0x25, 0x23, 0x3F, 0x5C, 0x3C, 0x3E].contains(byte)
            if special || (!angled && [0x20, 0x28, 0x29].contains(byte)) {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `to` (relative to the corpus root) written relative to the folder of the file `from`.
    static func relative(from: String, to: String) -> String {
        let folder = from.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        let target = to.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < folder.count, common < target.count - 1,
              folder[folder.startIndex + common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: folder.count - common)
        return (up + target[common...].map(String.init)).joined(separator: "/")
    }
}

/// The names of moved files, looked for in a document's text in one pass over its bytes however many files moved:
/// the text is cut into words at the bytes a destination is written between (white space, brackets, quotes, `/`,
/// `#`, `?`, `:` …) and each word looked up. A name holding one of those bytes is searched for as it is.
struct MovedNames {
    private var words = Set<[UInt8]>()
    /// The words' lengths: a word of another length is not looked up (nor copied).
    private var lengths = Set<Int>()
    private var awkward: [String] = []

    init(_ names: [String]) {
        for name in names {
            let bytes = Array(name.utf8)
            if bytes.isEmpty { continue }
            if bytes.contains(where: Self.isBreak) {
                awkward.append(name)
            } else {
                words.insert(bytes)
                lengths.insert(bytes.count)
            }
        }
    }

    static func isBreak(_ byte: UInt8) -> Bool {
        byte <= 0x20 || Self.breaks.contains(byte)
    }

    private static let breaks = Set(Array("()[]<>\"'`/\\#?:|,;*!=".utf8))

    /// Whether `text` names one of the files.
    func named(in text: String) -> Bool {
        if awkward.contains(where: { ByteSearch.contains(text, $0) }) { return true }
        guard !words.isEmpty else { return false }
        return ByteSearch.withBytes(of: Substring(text)) { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || Self.isBreak(bytes[index]) {
                if index > start, lengths.contains(index - start), words.contains(Array(bytes[start..<index])) {
                    return true
                }
                start = index + 1
            }
            return false
        }
    }
}
