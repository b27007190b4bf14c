#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of a file, compared the way git compares its index: a file whose size, modification and
/// change times (nanoseconds), inode and device are all unchanged is taken as unchanged and not read.
struct FileStamp: Equatable, Sendable {
    var size: UInt64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: UInt64
    var changedSeconds: Int64
    var changedNanoseconds: UInt64
    var inode: UInt64
    var device: UInt64

    /// Whether the file was last modified well before `writtenAt` (nanoseconds since the epoch), the start of the
    /// run that recorded this stamp: not "racily clean" (`AnalysisIndex.racyWindowNanoseconds`), so an equal
    /// stamp later means equal content.
    func isSettled(before writtenAt: Int64) -> Bool {
        let (seconds, overflow) = modifiedSeconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow, modifiedNanoseconds < 1_000_000_000 else { return false }
        let modified = seconds.addingReportingOverflow(Int64(modifiedNanoseconds))
        return !modified.overflow && modified.partialValue < writtenAt - AnalysisIndex.racyWindowNanoseconds
    }

    /// The stamp of the file at `path` (following a final link, as reading it does), or nil.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(size: UInt64(truncatingIfNeeded: info.st_size),
                         modifiedSeconds: Int64(info.st_mtim.tv_sec),
                         modifiedNanoseconds: UInt64(truncatingIfNeeded: info.st_mtim.tv_nsec),
                         changedSeconds: Int64(info.st_ctim.tv_sec),
                         changedNanoseconds: UInt64(truncatingIfNeeded: info.st_ctim.tv_nsec),
                         inode: UInt64(truncatingIfNeeded: info.st_ino),
                         device: UInt64(truncatingIfNeeded: info.st_dev))
    }
}

/// The cache of one corpus root: a single binary file holding, per file, its path, its stamp (`FileStamp`)
/// when it came from the working tree, the SHA-256 of its bytes, and its `FileAnalysis` (`BinaryCodable`).
///
/// Layout (numbers are varints unless said otherwise):
/// `docsaidx` (8 bytes), format, scope (length and UTF-8), the writing run's start time (seconds,
/// nanoseconds), entry count; per entry: path (length and UTF-8), flags (1: has a stamp), the stamp's seven
/// numbers (zigzag for the two seconds), the content hash (32 bytes), the analysis blob (length and bytes);
/// and last a checksum (8 bytes, little-endian) of everything before it.
///
/// The file is untrusted input: anything that does not parse, a wrong checksum, a count or length past the
/// end, makes the whole index empty (every file a miss), never an error.
struct AnalysisIndex: Sendable {
    static let magic = Array("docsaidx".utf8)
    static let fileName = "index"
    /// A file whose modification time is this close to (or after) the start of the run that wrote the index
    /// may have been modified again within the file system's clock tick after it was read ("racily clean", in
    /// git's words): its content is hashed, never trusted by its stamp.
    static let racyWindowNanoseconds: Int64 = 2_000_000_000

    struct Entry: Sendable {
        let stamp: FileStamp?
        /// The range of the content hash in `bytes`.
        let hash: Range<Int>
        /// The range of the analysis blob in `bytes`.
        let blob: Range<Int>
    }

    /// The index file's bytes (kept while entries are reused: blobs are copied from them into the next index).
    let bytes: [UInt8]
    let entries: [String: Entry]
    /// When the run that wrote the index started, in nanoseconds since the epoch.
    let writtenAt: Int64

    static let empty = AnalysisIndex(bytes: [], entries: [:], writtenAt: 0)

    /// The content hash of `entry`.
    func hash(of entry: Entry) -> ArraySlice<UInt8> { bytes[entry.hash] }

    /// Whether `entry`'s stamp may be trusted without reading the file: equal, and not racily clean.
    func trusts(_ entry: Entry, stamp: FileStamp) -> Bool {
        guard let stored = entry.stamp, stored == stamp else { return false }
        return stamp.isSettled(before: writtenAt)
    }

    /// The index in `bytes` for `scope`; empty when the bytes are not a complete index of this scope.
    static func parse(_ bytes: [UInt8], scope: String) -> AnalysisIndex {
        guard bytes.count >= magic.count + 8, Array(bytes.prefix(magic.count)) == magic else { return .empty }
        let bodyEnd = bytes.count - 8
        var check = BinaryReader(bytes, range: bodyEnd..<bytes.count)
        guard let stored = try? check.fixed(size: 8), stored == checksum(bytes, upTo: bodyEnd) else {
            return .empty
        }
        var reader = BinaryReader(bytes, range: magic.count..<bodyEnd)
        do {
            guard try reader.varint() == UInt64(AnalysisCache.format) else { return .empty }
            guard try reader.string() == scope else { return .empty }
            let seconds = try reader.signed()
            let nanoseconds = try reader.varint()
            let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            guard !overflow, scaled >= 0, scaled <= Int64.max - 1_000_000_000, nanoseconds < 1_000_000_000 else {
                return .empty
            }
            let count = try reader.count(minimumSize: 42)
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string()
                let flags = try reader.varint()
                guard flags <= 1 else { return .empty }
                let stamp = FileStamp(size: try reader.varint(), modifiedSeconds: try reader.signed(),
                                      modifiedNanoseconds: try reader.varint(),
                                      changedSeconds: try reader.signed(),
                                      changedNanoseconds: try reader.varint(), inode: try reader.varint(),
                                      device: try reader.varint())
                let hashStart = reader.position
                _ = try reader.fixed(size: 8)
                _ = try reader.fixed(size: 8)
                _ = try reader.fixed(size: 8)
                _ = try reader.fixed(size: 8)
                let blob = try reader.slice()
                guard entries[path] == nil else { return .empty }
                entries[path] = Entry(stamp: flags == 1 ? stamp : nil, hash: hashStart..<(hashStart + 32), blob: blob)
            }
            guard reader.isAtEnd else { return .empty }
            return AnalysisIndex(bytes: bytes, entries: entries, writtenAt: scaled + Int64(nanoseconds))
        } catch {
            return .empty
        }
    }

    /// One entry of the index to write: its blob is new bytes, an analysis encoded as the index is written (so a
    /// run that writes its index in the background encodes it there, off the run's path), or a range of the
    /// previous index's bytes.
    struct Record: Sendable {
        enum Blob: Sendable {
            case new([UInt8])
            case analysis(FileAnalysis)
            case previous(Range<Int>)
        }

        let path: String
        let stamp: FileStamp?
        let hash: [UInt8]
        let blob: Blob
    }

    /// The bytes of an index of `records` for `scope`, written by a run that started at `startedAt`
    /// (nanoseconds since the epoch); `previous` holds the blobs the records reuse.
    static func serialize(_ records: [Record], scope: String, startedAt: Int64, previous: [UInt8]) -> [UInt8] {
        var whole: [UInt8] = []
        _ = serialize(records, scope: scope, startedAt: startedAt, previous: previous) { piece in
            whole += piece
            return true
        }
        return whole
    }

    /// The same bytes handed to `emit` in pieces of about `pieceSize` (a multiple of 8 but the last), so the
    /// index is never whole in memory beside the previous one; false as soon as `emit` returns false.
    static func serialize(_ records: [Record], scope: String, startedAt: Int64, previous: [UInt8],
                          pieceSize: Int = 1 << 20, emit: (ArraySlice<UInt8>) -> Bool) -> Bool {
        var out = magic
        out.reserveCapacity(pieceSize + (1 << 12))
        var sum = Checksum()
        // Hands over what is buffered (all of it when `last`, else a multiple of 8 bytes, as `Checksum` needs).
        func spill(last: Bool) -> Bool {
            let size = last ? out.count : out.count - out.count % 8
            guard size > 0 else { return true }
            out.withUnsafeBytes { sum.add(UnsafeRawBufferPointer(rebasing: $0[0..<size])) }
            guard emit(out[0..<size]) else { return false }
            out.removeFirst(size)
            return true
        }
        Varint.append(AnalysisCache.format, to: &out)
        Varint.append(scope.utf8.count, to: &out)
        out += scope.utf8
        Varint.appendSigned(startedAt / 1_000_000_000, to: &out)
        Varint.append(Int(startedAt % 1_000_000_000), to: &out)
        Varint.append(records.count, to: &out)
        for record in records {
            Varint.append(record.path.utf8.count, to: &out)
            out += record.path.utf8
            let stamp = record.stamp ?? FileStamp(size: 0, modifiedSeconds: 0, modifiedNanoseconds: 0,
                                                  changedSeconds: 0, changedNanoseconds: 0, inode: 0, device: 0)
            Varint.append(record.stamp == nil ? 0 : 1, to: &out)
            Varint.append(stamp.size, to: &out)
            Varint.appendSigned(stamp.modifiedSeconds, to: &out)
            Varint.append(stamp.modifiedNanoseconds, to: &out)
            Varint.appendSigned(stamp.changedSeconds, to: &out)
            Varint.append(stamp.changedNanoseconds, to: &out)
            Varint.append(stamp.inode, to: &out)
            Varint.append(stamp.device, to: &out)
            out += record.hash
            switch record.blob {
            case let .new(bytes):
                Varint.append(bytes.count, to: &out)
                out += bytes
            case let .analysis(analysis):
                let bytes = AnalysisCache.blob(analysis)
                Varint.append(bytes.count, to: &out)
                out += bytes
            case let .previous(range):
                Varint.append(range.count, to: &out)
                out += previous[range]
            }
            if out.count >= pieceSize, !spill(last: false) { return false }
        }
        guard spill(last: true) else { return false }
        Varint.appendFixed(sum.value, size: 8, to: &out)
        return emit(out[...])
    }

    /// A fast 64-bit checksum of `bytes[0..<end]`.
    static func checksum(_ bytes: [UInt8], upTo end: Int) -> UInt64 {
        var sum = Checksum()
        bytes.withUnsafeBytes { sum.add(UnsafeRawBufferPointer(rebasing: $0[0..<min(max(0, end), $0.count)])) }
        return sum.value
    }

    /// A fast 64-bit checksum fed in pieces, each a multiple of 8 bytes long but the last (not cryptographic:
    /// the folder is the user's own, checked by `CacheFolder`; this finds truncation and damage).
    struct Checksum {
        private var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        private var length: UInt64 = 0

        mutating func add(_ buffer: UnsafeRawBufferPointer) {
            var offset = 0
            while offset + 8 <= buffer.count {
                let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                hash = (hash ^ word) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
                offset += 8
            }
            while offset < buffer.count {
                hash = (hash ^ UInt64(buffer[offset])) &* 0x0000_0100_0000_01B3
                offset += 1
            }
            length &+= UInt64(buffer.count)
        }

        var value: UInt64 {
            var result = (hash ^ length) &* 0x0000_0100_0000_01B3
            result ^= result >> 32
            return result
        }
    }

    /// Now, in nanoseconds since the epoch.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}
