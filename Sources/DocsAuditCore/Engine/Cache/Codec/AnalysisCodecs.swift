/// The cache's binary form of a file analysis and of what it holds besides facts (`BinaryCodable`: each type
/// lists its fields in the same order twice; a file's own path is `shared`).
extension FileAnalysis: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(facts)
        writer.write(documentHits)
        writer.write(suppressions)
        writer.write(parseProblems)
        writer.int(totalCheckMarkers)
        writer.write(stoppedPatterns)
    }

    init(from reader: inout BinaryReader) throws {
        facts = try reader.read()
        documentHits = try reader.read()
        suppressions = try reader.read()
        parseProblems = try reader.read()
        totalCheckMarkers = try reader.int()
        stoppedPatterns = try reader.read()
    }
}

extension Extractor.DocumentFacts: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(info)
        writer.write(plan)
        writer.write(spec)
        writer.write(registries)
        writer.write(diagrams)
        writer.write(nextSteps)
        writer.write(backlog)
        writer.write(dependencies)
        writer.write(links)
        writer.write(cites)
        writer.write(references)
        writer.write(headings)
        writer.write(definitions)
        writer.write(blankLines)
    }

    init(from reader: inout BinaryReader) throws {
        info = try reader.read()
        plan = try reader.read()
        spec = try reader.read()
        registries = try reader.read()
        diagrams = try reader.read()
        nextSteps = try reader.read()
        backlog = try reader.read()
        dependencies = try reader.read()
        links = try reader.read()
        cites = try reader.read()
        references = try reader.read()
        headings = try reader.read()
        definitions = try reader.read()
        blankLines = try reader.read()
    }
}

extension Severity: BinaryCodable {}

extension RuleHit: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.int(line)
        writer.int(column)
        writer.string(message)
        writer.string(subject)
        writer.write(related)
        // 0: the rule chose no severity; 1: it chose off; 2: it chose the severity that follows.
        switch severityOverride {
        case .none: writer.byte(0)
        case .some(.none): writer.byte(1)
        case let .some(.some(severity)):
            writer.byte(2)
            writer.write(severity)
        }
        writer.write(fix)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedString()
        line = try reader.line()
        column = try reader.column()
        message = try reader.string()
        subject = try reader.string()
        related = try reader.read()
        switch try reader.byte() {
        case 0: severityOverride = nil
        case 1: severityOverride = .some(nil)
        case 2: severityOverride = .some(try reader.read(Severity.self))
        default: throw BinaryReader.Corrupt()
        }
        fix = try reader.read()
    }
}

extension TextEdit: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.int(line)
        writer.int(column)
        writer.int(length)
        writer.string(replacement)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedString()
        line = try reader.line()
        column = try reader.column()
        length = try reader.int()
        replacement = try reader.string()
    }
}

extension Suppressions.Directive.Kind: BinaryCodable {}

extension Suppressions.Directive: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(kind)
        writer.write(rules)
        writer.int(line)
        writer.int(lines.lowerBound)
        writer.int(lines.upperBound)
    }

    init(from reader: inout BinaryReader) throws {
        kind = try reader.read()
        rules = try reader.read()
        line = try reader.line()
        lines = try reader.lineRange()
    }
}

extension ParseProblem: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(line)
        writer.string(message)
    }

    init(from reader: inout BinaryReader) throws {
        line = try reader.line()
        message = try reader.string()
    }
}

extension PatternBudget.StoppedPattern: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(source)
        writer.write(origin)
    }

    init(from reader: inout BinaryReader) throws {
        source = try reader.string()
        origin = try reader.read()
    }
}
