/// The cache's binary form of the generic facts (`BinaryCodable`): document info, links, cites, ID references
/// and definitions, headings, registries and diagrams. Lines and columns are read as such (`BinaryReader.line`).
extension DocumentInfo: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.shared(kind)
        writer.write(frozen)
        writer.write(number)
        writer.write(title)
        writer.write(status)
        writer.write(statusText)
        writer.write(statusLine)
        writer.write(header)
        writer.write(headerLine)
        writer.int(lineCount)
        writer.write(anchors)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedString()
        kind = try reader.sharedString()
        frozen = try reader.read()
        number = try reader.read()
        title = try reader.read()
        status = try reader.read()
        statusText = try reader.read()
        statusLine = try reader.lineOrNil()
        header = try reader.read()
        headerLine = try reader.lineOrNil()
        lineCount = try reader.line()
        anchors = try reader.read()
    }
}

extension HeaderField: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.string(value)
        writer.int(line)
        writer.int(column)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(name: try reader.string(), value: try reader.string(), line: try reader.line(),
                  column: try reader.column())
    }
}

extension IDReference: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(family)
        writer.string(id)
        writer.shared(path)
        writer.int(line)
        writer.int(column)
        writer.shared(section)
        writer.write(inCode)
        writer.write(canonical)
        writer.write(range)
        writer.write(reserved)
    }

    init(from reader: inout BinaryReader) throws {
        family = try reader.sharedString()
        id = try reader.string()
        path = try reader.sharedString()
        line = try reader.line()
        column = try reader.column()
        section = try reader.sharedStringOrNil()
        inCode = try reader.read()
        canonical = try reader.read()
        range = try reader.read()
        reserved = try reader.read()
    }
}

extension IDDefinition: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(family)
        writer.string(id)
        writer.shared(path)
        writer.int(line)
        writer.write(member)
    }

    init(from reader: inout BinaryReader) throws {
        family = try reader.sharedString()
        id = try reader.string()
        path = try reader.sharedString()
        line = try reader.line()
        member = try reader.read()
    }
}

extension LinkRef: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.int(line)
        writer.int(column)
        writer.string(destination)
        writer.shared(target)
        writer.write(fragment)
        writer.write(image)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedString()
        line = try reader.line()
        column = try reader.column()
        destination = try reader.string()
        target = try reader.sharedStringOrNil()
        fragment = try reader.read()
        image = try reader.read()
    }
}

extension LineCite: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(form)
        writer.string(text)
        writer.shared(path)
        writer.int(line)
        writer.int(column)
        writer.shared(target)
        writer.write(label)
        writer.write(ranges)
    }

    init(from reader: inout BinaryReader) throws {
        form = try reader.sharedString()
        text = try reader.string()
        path = try reader.sharedString()
        line = try reader.line()
        column = try reader.column()
        target = try reader.sharedStringOrNil()
        label = try reader.read()
        ranges = try reader.read()
    }
}

/// The lines of another file: only the general bound.
extension LineSpan: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(start)
        writer.int(end)
    }

    init(from reader: inout BinaryReader) throws {
        start = try reader.int()
        end = try reader.int()
    }
}

extension HeadingFact: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(line)
        writer.int(level)
        writer.string(title)
    }

    init(from reader: inout BinaryReader) throws {
        line = try reader.line()
        level = try reader.int()
        title = try reader.string()
    }
}

extension RegistryExtractor.Facts: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(formats)
        writer.write(tables)
        writer.write(errorCodes)
    }

    init(from reader: inout BinaryReader) throws {
        formats = try reader.read()
        tables = try reader.read()
        errorCodes = try reader.read()
    }
}

extension MethodNameFormat: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(source)
        writer.string(flags)
        writer.shared(path)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        source = try reader.string()
        flags = try reader.string()
        path = try reader.sharedString()
        line = try reader.line()
    }
}

extension RegistryTable: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.int(line)
        writer.shared(section)
        writer.write(header)
        writer.write(rows)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedString()
        line = try reader.line()
        section = try reader.sharedStringOrNil()
        header = try reader.read()
        rows = try reader.read()
    }
}

extension RegistryRow: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.int(line)
        writer.int(column)
    }

    init(from reader: inout BinaryReader) throws {
        name = try reader.string()
        line = try reader.line()
        column = try reader.column()
    }
}

extension ErrorCodeEntry: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(code)
        writer.string(namespace)
        writer.shared(path)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        code = try reader.string()
        namespace = try reader.string()
        path = try reader.sharedString()
        line = try reader.line()
    }
}

extension Diagram: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.int(line)
        writer.shared(section)
        writer.write(declared)
        writer.write(graph)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedString()
        line = try reader.line()
        section = try reader.sharedStringOrNil()
        declared = try reader.read()
        graph = try reader.read()
    }
}

/// The line count, then the words (8 bytes each, little-endian).
extension BlankLines: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(lineCount)
        writer.count(words.count)
        for word in words { writer.fixed(word) }
    }

    init(from reader: inout BinaryReader) throws {
        lineCount = try reader.line()
        let count = try reader.count(minimumSize: 8)
        words = []
        words.reserveCapacity(count)
        for _ in 0..<count { words.append(try reader.fixed(size: 8)) }
    }
}
