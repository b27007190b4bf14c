/// The cache's binary form of a Mermaid diagram (`BinaryCodable`).
extension MermaidGraph: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(keyword)
        writer.string(direction)
        writer.write(nodes)
        writer.write(edges)
        writer.write(classDefs)
        writer.write(classAssignments)
        writer.write(styles)
        writer.write(subgraphs)
        writer.write(problems)
    }

    init(from reader: inout BinaryReader) throws {
        self.init()
        keyword = try reader.string()
        direction = try reader.string()
        nodes = try reader.read()
        edges = try reader.read()
        classDefs = try reader.read()
        classAssignments = try reader.read()
        styles = try reader.read()
        subgraphs = try reader.read()
        problems = try reader.read()
    }
}

extension MermaidNode: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(label)
        writer.write(shape)
        writer.write(className)
        writer.int(line)
        writer.write(declarationLines)
    }

    init(from reader: inout BinaryReader) throws {
        id = try reader.string()
        label = try reader.read()
        shape = try reader.read()
        className = try reader.read()
        line = try reader.line()
        declarationLines = try reader.read()
    }
}

extension MermaidEdge: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(from)
        writer.string(to)
        writer.string(arrow)
        writer.write(label)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        from = try reader.string()
        to = try reader.string()
        arrow = try reader.string()
        label = try reader.read()
        line = try reader.line()
    }
}

extension MermaidClassDef: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.string(style)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        name = try reader.string()
        style = try reader.string()
        line = try reader.line()
    }
}

extension MermaidClassAssignment: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(node)
        writer.string(className)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        node = try reader.string()
        className = try reader.string()
        line = try reader.line()
    }
}

extension MermaidStyle: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(node)
        writer.string(style)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        node = try reader.string()
        style = try reader.string()
        line = try reader.line()
    }
}

extension MermaidSubgraph: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(title)
        writer.int(line)
        writer.write(endLine)
        writer.write(nodes)
    }

    init(from reader: inout BinaryReader) throws {
        id = try reader.string()
        title = try reader.read()
        line = try reader.line()
        endLine = try reader.lineOrNil()
        nodes = try reader.read()
    }
}

extension MermaidProblem: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(line)
        writer.string(message)
        writer.string(statement)
    }

    init(from reader: inout BinaryReader) throws {
        line = try reader.line()
        message = try reader.string()
        statement = try reader.string()
    }
}
