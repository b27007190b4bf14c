/// Turns file bytes into text, or says exactly where and why it cannot.
enum TextDecoding {
    struct Problem: Error {
        let code: String
        let line: Int
        let column: Int
        let message: String
    }

    /// Decodes UTF-8 (a leading BOM is dropped); NUL bytes mark a binary file.
    static func decode(_ bytes: [UInt8]) -> Result<String, Problem> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // `memchr` finds the first NUL (nearly always none) at a fraction of a byte-by-byte test's cost.
        let firstNUL = body.withUnsafeBufferPointer { bytes in
            ByteSearch.firstIndex(of: 0, in: bytes, from: 0).map { body.startIndex + $0 }
        }
        if let nul = firstNUL {
            let (line, column) = position(of: nul, in: body)
            return .failure(Problem(code: "input/binary", line: line, column: column,
                                    message: "binary file: NUL byte at line \(line), column \(column)"))
        }
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        let offset = firstInvalidOffset(body)
        let (line, column) = position(of: offset, in: body)
        return .failure(Problem(code: "input/not-utf8", line: line, column: column,
                                message: "not valid UTF-8: bad byte at line \(line), column \(column)"))
    }

    private static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }

    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < offset && index < bytes.endIndex {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, offset - lineStart + 1)
    }
}
