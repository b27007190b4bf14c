/// Whether an ASCII byte of a line is a character of its own, so that a byte scan reads it as a character scan
/// would. An ASCII byte joins a neighbour only when the scalar after it extends it (a combining accent, a
/// zero-width joiner, a spacing mark) or the scalar before it is a prepended one (Arabic number signs and the
/// like): rules that depend on the pair alone, so the pair is asked of the standard library's own breaking.
enum GraphemeJoin {
    /// Whether the ASCII byte at `index` of `bytes` (UTF-8) forms one character with the scalar before or after it.
    static func joins(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let ascii = Unicode.Scalar(bytes[index])
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80 {
            guard let next = scalar(in: bytes, from: index + 1) else { return true }
            if pairJoins(ascii, next) { return true }
        }
        if index > 0, bytes[index - 1] >= 0x80 {
            var start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80, index - start < 4 { start -= 1 }
            guard let previous = scalar(in: bytes, from: start) else { return true }
            if pairJoins(previous, ascii) { return true }
        }
        return false
    }

    /// The scalar whose encoding starts at `start`, or nil when the bytes there are not one.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Unicode.Scalar? {
        var iterator = bytes[start...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Whether `first` then `second` make one character. Scalars in the blocks that hold no extending,
    /// joining, spacing-mark or prepended scalar (Latin, general punctuation, arrows, symbols) answer at once.
    private static func pairJoins(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        if isInert(first.value) && isInert(second.value) { return false }
        var scalars = String.UnicodeScalarView()
        scalars.append(first)
        scalars.append(second)
        return String(scalars).count == 1
    }

    /// Latin to IPA and spacing modifiers, dashes and quotes, per-mille to the last general punctuation before
    /// the invisible operators, super- and subscripts and currency, letter-like symbols to miscellaneous symbols
    /// and arrows; an ASCII scalar other than CR.
    private static func isInert(_ value: UInt32) -> Bool {
        (value < 0x300 && value != 0x0D) || (0x2010..<0x2028).contains(value) || (0x2030..<0x205F).contains(value)
            || (0x2070..<0x20D0).contains(value) || (0x2100..<0x2C00).contains(value)
    }
}
