import CPCRE2

/// A pattern compiled by PCRE2 (8-bit code units, UTF and UCP, JIT when the platform has it) with bounded
/// matching: every match call stops after a fixed amount of work, heap and recursion, whatever the pattern
/// and the subject. The only file that calls PCRE2; no PCRE2 pointer leaves it.
///
/// The compiled code and the match context are only read while matching, so one instance is shared by all
/// threads; each call makes its own match data. The JIT compiles a pattern on its first match, not when the
/// profile loads: a run compiles only the patterns it uses, in the parallel pass rather than before it (JIT
/// compiling every pattern of the default profile was half its load time). No match starts before the JIT is done.
final class PCRE2Regex: @unchecked Sendable {
    /// Backtracking steps one match call may take before it gives up (PCRE2's default is 10,000,000). About
    /// 20 ms of JIT work: far beyond any line a profile pattern meets in a real corpus, small enough that a
    /// pattern which hits it on every line of a file is stopped after the first (see `PatternBudget`).
    static let matchLimit: UInt32 = 2_000_000
    /// Nesting of backtracking points (the interpreter's depth limit; the JIT has its own stack, below).
    static let depthLimit: UInt32 = 10_000
    /// Heap for backtracking, in KiB.
    static let heapLimitKiB: UInt32 = 20_000

    private let code: OpaquePointer
    private let context: OpaquePointer
    /// 1 once the JIT has compiled `code` (or failed to: then the interpreter runs); read with acquire ordering.
    private let jitDone: UnsafeMutablePointer<Int32>
    private let jitLock = Lock()
    /// The number of capture groups.
    let captureCount: Int

    /// Compiles `source`; throws the engine's message (with the offset it points at) when it refuses.
    /// A JavaScript body keeps JavaScript's meaning: ASCII `\d`, `\w` and `\b` (no UCP), `$` only at the very
    /// end unless `(?m)`, and `\uhhhh`, `\u{h…}` escapes.
    init(_ source: String, caseInsensitive: Bool, javaScript: Bool = false) throws(PatternError) {
        var options = UInt32(PCRE2_UTF)
        options |= javaScript ? UInt32(PCRE2_DOLLAR_ENDONLY) | UInt32(PCRE2_ALT_BSUX) : UInt32(PCRE2_UCP)
        if caseInsensitive { options |= UInt32(PCRE2_CASELESS) }
        guard let compileContext = pcre2_compile_context_create_8(nil) else {
            throw PatternError(source: source, reason: "out of memory")
        }
        defer { pcre2_compile_context_free_8(compileContext) }
        if javaScript { pcre2_set_compile_extra_options_8(compileContext, UInt32(PCRE2_EXTRA_ALT_BSUX)) }
        // Any Unicode line break ends a line for `.` and `$`, as it does for ICU.
        pcre2_set_newline_8(compileContext, UInt32(PCRE2_NEWLINE_ANY))
        var errorCode: Int32 = 0
        var errorOffset = 0
        // A terminating NUL after the bytes (not counted) gives even an empty pattern an address.
        let bytes = Array(source.utf8) + [0]
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count - 1, options, &errorCode, &errorOffset, compileContext)
        }
        guard let compiled else {
            throw PatternError(source: source, reason: "\(Self.message(errorCode)) at offset \(errorOffset)")
        }
        guard let matchContext = pcre2_match_context_create_8(nil) else {
            pcre2_code_free_8(compiled)
            throw PatternError(source: source, reason: "out of memory")
        }
        pcre2_set_match_limit_8(matchContext, Self.matchLimit)
        pcre2_set_depth_limit_8(matchContext, Self.depthLimit)
        pcre2_set_heap_limit_8(matchContext, Self.heapLimitKiB)
        var groups: UInt32 = 0
        _ = pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &groups)
        code = compiled
        context = matchContext
        captureCount = Int(groups)
        jitDone = .allocate(capacity: 1)
        jitDone.initialize(to: 0)
    }

    deinit {
        pcre2_code_free_8(code)
        pcre2_match_context_free_8(context)
        jitDone.deinitialize(count: 1)
        jitDone.deallocate()
    }

    /// JIT-compiles the code once, before its first match; a second thread waits for the first's compile.
    /// Without JIT support (or memory for it) the interpreter runs, under the same limits.
    private func compileJITOnce() {
        guard docs_audit_load_acquire(jitDone) == 0 else { return }
        jitLock.withLock {
            guard docs_audit_load_acquire(jitDone) == 0 else { return }
            _ = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))
            docs_audit_store_release(jitDone, 1)
        }
    }

    /// PCRE2's text for an error code.
    private static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        guard length > 0 else { return "error \(code)" }
        return String(decoding: buffer.prefix(Int(length)), as: UTF8.self)
    }

    /// Every non-overlapping match in UTF-8 `bytes` (at most one when `first`), and whether a limit stopped
    /// the search. After an empty match the search goes on one character later, as ICU's does.
    func matches(in bytes: UnsafeBufferPointer<UInt8>, first: Bool) -> (matches: [[Range<Int>?]], limit: Bool) {
        guard let subject = bytes.baseAddress else {
            // An empty string may have no address; PCRE2 wants one even for no bytes.
            var zero: UInt8 = 0
            return withUnsafePointer(to: &zero) { matches(in: UnsafeBufferPointer(start: $0, count: 0), first: first) }
        }
        compileJITOnce()
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return ([], true) }
        defer { pcre2_match_data_free_8(data) }
        var found: [[Range<Int>?]] = []
        var offset = 0
        while offset <= bytes.count {
            let result = pcre2_match_8(code, subject, bytes.count, offset, UInt32(PCRE2_NO_UTF_CHECK), data, context)
            if result == PCRE2_ERROR_NOMATCH { break }
            guard result > 0 else { return (found, true) }
            guard let vector = pcre2_get_ovector_pointer_8(data) else { break }
            var ranges: [Range<Int>?] = []
            ranges.reserveCapacity(captureCount + 1)
            for group in 0...captureCount {
                let start = vector[2 * group], end = vector[2 * group + 1]
                // Unset groups are PCRE2_UNSET (all bits set); `\K` can put a start after its end.
                if group < Int(result), start >= 0, end >= start, end <= bytes.count {
                    ranges.append(start..<end)
                } else {
                    ranges.append(nil)
                }
            }
            guard let whole = ranges[0] else { break }
            found.append(ranges)
            if first { break }
            offset = whole.isEmpty ? Self.nextScalar(after: whole.upperBound, in: bytes) : whole.upperBound
        }
        return (found, false)
    }

    /// The offset of the scalar after the one at `offset` (one past the end when `offset` is the end).
    private static func nextScalar(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var next = offset + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }
}
