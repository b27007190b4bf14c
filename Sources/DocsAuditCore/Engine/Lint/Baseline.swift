import FoundationEssentials

/// Known findings a team has accepted for now: keyed on rule + file + subject (never line numbers), with
/// a count, so moving text does not revive them and a second identical finding is still new.
public struct Baseline: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var rule: String
        public var file: String
        public var subject: String
        public var count: Int
    }

    public var version = 1
    public var entries: [Entry]

    /// A baseline holding `findings`.
    public init(findings: [Finding]) {
        var counts: [String: (Finding, Int)] = [:]
        for finding in findings {
            let key = Self.key(finding)
            counts[key] = (finding, (counts[key]?.1 ?? 0) + 1)
        }
        entries = counts.values.map { Entry(rule: $0.0.rule, file: $0.0.file, subject: $0.0.subject, count: $0.1) }
            .sorted { ($0.file, $0.rule, $0.subject) < ($1.file, $1.rule, $1.subject) }
    }

    /// Reads a baseline file; the error names the file.
    public static func read(_ path: String) throws -> Baseline {
        let data: [UInt8]
        switch FileSystem.read(path, limit: maximumFileBytes) {
        case let .success(bytes): data = bytes
        case let .failure(failure): throw CorpusError("\(path): cannot read the baseline file: \(failure.message)")
        }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: Data(data))
        } catch let error as DecodingError {
            throw CorpusError("\(path): not a docs-audit baseline: \(Self.describe(error))")
        } catch {
            throw CorpusError("\(path): not a docs-audit baseline")
        }
        guard baseline.version == 1 else {
            throw CorpusError("\(path): baseline version \(baseline.version) is not supported (expected 1)")
        }
        for (number, entry) in baseline.entries.enumerated() where !(1...maximumCount).contains(entry.count) {
            throw CorpusError("\(path): entry \(number + 1) (\(entry.rule) in \(entry.file)) has count \(entry.count); "
                + "expected 1 to \(maximumCount)")
        }
        return baseline
    }

    /// The most bytes of a baseline file read: far more than any real corpus needs (400,000 entries), little
    /// enough that decoding it stays well under a gigabyte.
    static let maximumFileBytes = 64 << 20

    /// What is wrong with a baseline's JSON, in a user's words: where, and what was expected there.
    private static func describe(_ error: DecodingError) -> String {
        func place(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "at the top level" : "at `\(path.hasPrefix(".") ? String(path.dropFirst()) : path)`"
        }
        switch error {
        case let .dataCorrupted(context) where context.codingPath.isEmpty: return "not valid JSON"
        case let .dataCorrupted(context): return "a value that cannot be read \(place(context))"
        case let .keyNotFound(key, context): return "no `\(key.stringValue)` field \(place(context))"
        case let .typeMismatch(type, context): return "expected \(Self.typeName(type)) \(place(context))"
        case let .valueNotFound(type, context): return "expected \(Self.typeName(type)) \(place(context)), found null"
        @unknown default: return "unreadable JSON"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a number"
        case is [Any].Type: return "a list"
        default: return "an object"
        }
    }

    /// The largest count an entry may hold (a forged baseline cannot make the totals overflow).
    public static let maximumCount = 1_000_000_000

    /// Writes the baseline atomically through `SafeWrite`.
    public func write(_ path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        try SafeWrite.write(Array(data), to: path, what: "the baseline")
    }

    /// The findings not covered by the baseline: each entry absorbs up to `count` matching findings.
    public func filter(_ findings: [Finding]) -> [Finding] {
        var remaining: [String: Int] = [:]
        for entry in entries {
            let key = "\(entry.rule)\u{0}\(entry.file)\u{0}\(entry.subject)"
            let (sum, overflow) = remaining[key, default: 0].addingReportingOverflow(max(0, entry.count))
            remaining[key] = overflow ? Int.max : sum
        }
        return findings.filter { finding in
            let key = Self.key(finding)
            guard let left = remaining[key], left > 0 else { return true }
            remaining[key] = left - 1
            return false
        }
    }

    private static func key(_ finding: Finding) -> String { "\(finding.rule)\u{0}\(finding.file)\u{0}\(finding.subject)" }
}
