/// The cache's binary form of the profile-declared structures' facts (`BinaryCodable`): plans, specs, the
/// next-steps graph, the backlog and the dependency map.
extension PlanModel: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.string(number)
        writer.write(title)
        writer.write(status)
        writer.write(phases)
        writer.write(invariants)
        writer.write(obligations)
        writer.write(requiredADRs)
        writer.write(targetAreas)
        writer.write(testIDs)
        writer.write(preconditions)
        writer.write(looseTasksBlocks)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedString()
        number = try reader.string()
        title = try reader.read()
        status = try reader.read()
        phases = try reader.read()
        invariants = try reader.read()
        obligations = try reader.read()
        requiredADRs = try reader.read()
        targetAreas = try reader.read()
        testIDs = try reader.read()
        preconditions = try reader.read()
        looseTasksBlocks = try reader.read()
    }
}

extension Phase: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(title)
        writer.int(line)
        writer.int(endLine)
        writer.write(precondition)
        writer.write(tasksBlocks)
    }

    init(from reader: inout BinaryReader) throws {
        id = try reader.string()
        title = try reader.read()
        line = try reader.line()
        endLine = try reader.line()
        precondition = try reader.read()
        tasksBlocks = try reader.read()
    }
}

extension TasksBlock: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(line)
        writer.int(endLine)
        writer.write(tasks)
    }

    init(from reader: inout BinaryReader) throws {
        line = try reader.line()
        endLine = try reader.line()
        tasks = try reader.read()
    }
}

extension PlanTask.Shape: BinaryCodable {}

extension PlanTask: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(shape)
        writer.string(title)
        writer.int(line)
        writer.write(files)
        writer.write(specCoverage)
        writer.write(verifiesInvariant)
        writer.write(steps)
        writer.write(fields)
    }

    init(from reader: inout BinaryReader) throws {
        id = try reader.string()
        shape = try reader.read()
        title = try reader.string()
        line = try reader.line()
        files = try reader.read()
        specCoverage = try reader.read()
        verifiesInvariant = try reader.read()
        steps = try reader.read()
        fields = try reader.read()
    }
}

extension TaskField: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(label)
        writer.string(value)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        label = try reader.string()
        value = try reader.string()
        line = try reader.line()
    }
}

extension Step: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(text)
        writer.int(line)
        writer.write(checked)
    }

    init(from reader: inout BinaryReader) throws {
        text = try reader.string()
        line = try reader.line()
        checked = try reader.read()
    }
}

extension Definition: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        id = try reader.string()
        title = try reader.string()
        line = try reader.line()
    }
}

extension Obligation: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.int(line)
        writer.write(counterparties)
    }

    init(from reader: inout BinaryReader) throws {
        id = try reader.string()
        title = try reader.string()
        line = try reader.line()
        counterparties = try reader.read()
    }
}

extension TargetArea: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(path)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.string()
        line = try reader.line()
    }
}

extension TestID: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        id = try reader.string()
        line = try reader.line()
    }
}

extension Precondition: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(text)
        writer.write(checked)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        text = try reader.string()
        checked = try reader.read()
        line = try reader.line()
    }
}

extension SpecModel: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.string(number)
        writer.write(title)
        writer.write(status)
        writer.write(acceptanceCriteria)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedString()
        number = try reader.string()
        title = try reader.read()
        status = try reader.read()
        acceptanceCriteria = try reader.read()
    }
}

extension AcceptanceCriterion: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(ordinal)
        writer.write(id)
        writer.string(text)
        writer.int(line)
        writer.write(checked)
    }

    init(from reader: inout BinaryReader) throws {
        ordinal = try reader.int()
        id = try reader.read()
        text = try reader.string()
        line = try reader.line()
        checked = try reader.read()
    }
}

extension NextStepsModel: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.int(sectionLine)
        writer.write(diagram)
        writer.write(entries)
        writer.write(setClaims)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedString()
        sectionLine = try reader.line()
        diagram = try reader.read()
        entries = try reader.read()
        setClaims = try reader.read()
    }
}

extension NextStepEntry: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(rangeEnd)
        writer.string(nodeID)
        writer.string(title)
        writer.int(line)
        writer.write(status)
        writer.write(statusNote)
        writer.write(type)
        writer.write(priority)
        writer.write(upstream)
        writer.write(references)
        writer.write(summary)
        writer.write(exitCriteria)
        writer.write(prs)
        writer.write(fields)
    }

    init(from reader: inout BinaryReader) throws {
        id = try reader.string()
        rangeEnd = try reader.read()
        nodeID = try reader.string()
        title = try reader.string()
        line = try reader.line()
        status = try reader.read()
        statusNote = try reader.read()
        type = try reader.read()
        priority = try reader.read()
        upstream = try reader.read()
        references = try reader.read()
        summary = try reader.read()
        exitCriteria = try reader.read()
        prs = try reader.read()
        fields = try reader.read()
    }
}

extension EntryField: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(key)
        writer.string(value)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        key = try reader.string()
        value = try reader.string()
        line = try reader.line()
    }
}

extension Upstream: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(text)
        writer.int(line)
        writer.write(none)
        writer.write(tokens)
        writer.write(chain)
        writer.write(ellipsis)
    }

    init(from reader: inout BinaryReader) throws {
        text = try reader.string()
        line = try reader.line()
        none = try reader.read()
        tokens = try reader.read()
        chain = try reader.read()
        ellipsis = try reader.read()
    }
}

extension PRRow: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(checked)
        writer.string(id)
        writer.string(text)
        writer.write(pr)
        writer.write(merged)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        checked = try reader.read()
        id = try reader.string()
        text = try reader.string()
        pr = try reader.read()
        merged = try reader.read()
        line = try reader.line()
    }
}

extension SetClaim: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(set)
        writer.write(ids)
        writer.write(count)
        writer.shared(path)
        writer.int(line)
        writer.write(text)
        writer.write(unreadable)
    }

    init(from reader: inout BinaryReader) throws {
        set = try reader.string()
        ids = try reader.read()
        count = try reader.read()
        path = try reader.sharedString()
        line = try reader.line()
        text = try reader.read()
        unreadable = try reader.read()
    }
}

extension BacklogItem: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.write(status)
        writer.write(priority)
        writer.shared(path)
        writer.int(line)
        writer.write(archived)
        writer.string(form)
        writer.write(fields)
    }

    init(from reader: inout BinaryReader) throws {
        id = try reader.string()
        title = try reader.string()
        status = try reader.read()
        priority = try reader.read()
        path = try reader.sharedString()
        line = try reader.line()
        archived = try reader.read()
        form = try reader.string()
        fields = try reader.read()
    }
}

extension DependencyModel: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.shared(path)
        writer.write(rows)
        writer.write(tiers)
        writer.write(carveOuts)
    }

    init(from reader: inout BinaryReader) throws {
        path = try reader.sharedStringOrNil()
        rows = try reader.read()
        tiers = try reader.read()
        carveOuts = try reader.read()
    }
}

extension DependencyRow: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(plan)
        writer.write(upstream)
        writer.write(mentioned)
        writer.string(type)
        writer.int(line)
    }

    init(from reader: inout BinaryReader) throws {
        plan = try reader.string()
        upstream = try reader.read()
        mentioned = try reader.read()
        type = try reader.string()
        line = try reader.line()
    }
}

extension Tier: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(tier)
        writer.int(line)
        writer.write(plans)
        writer.string(prerequisites)
    }

    init(from reader: inout BinaryReader) throws {
        tier = try reader.int()
        line = try reader.line()
        plans = try reader.read()
        prerequisites = try reader.string()
    }
}

extension TierPlacement: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(plan)
        writer.string(slice)
        writer.write(note)
    }

    init(from reader: inout BinaryReader) throws {
        plan = try reader.string()
        slice = try reader.string()
        note = try reader.read()
    }
}

extension CarveOut: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(plans)
        writer.string(title)
        writer.int(line)
        writer.string(slug)
    }

    init(from reader: inout BinaryReader) throws {
        plans = try reader.read()
        title = try reader.string()
        line = try reader.line()
        slug = try reader.string()
    }
}
