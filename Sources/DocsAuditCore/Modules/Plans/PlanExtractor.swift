/// Phases, Tasks blocks, invariants, obligations, Required ADRs, Target Areas, test IDs and
/// Preconditions of one plan.
enum PlanExtractor {
    static func extract(_ context: DocumentContext, info: DocumentInfo) -> PlanModel {
        let settings = context.profile.plans
        var plan = PlanModel(path: context.path, number: info.number ?? "", title: info.title, status: info.status)
        let tasks = TaskExtractor(context: context)
        let tasksSections = context.sections(matching: settings.tasksHeading)
        var claimed = Set<Int>()
        for section in context.sections(matching: settings.phaseHeading)
        where context.hasAncestor(section, matching: settings.phaseSections) {
            guard let match = settings.phaseHeading?.firstMatch(in: section.title), let id = match[1] else { continue }
            var phase = Phase(id: id, title: match[2]?.trimmed, line: section.headingLine, endLine: section.range.end.line)
            phase.precondition = precondition(in: context.blocks(of: section), label: settings.preconditionLabel)
            for tasksSection in tasksSections where section.range.contains(line: tasksSection.headingLine) {
                phase.tasksBlocks.append(tasks.extract(tasksSection))
                claimed.insert(tasksSection.index)
            }
            plan.phases.append(phase)
        }
        plan.looseTasksBlocks = tasksSections.filter { !claimed.contains($0.index) }.map(tasks.extract)
        plan.invariants = definitions(context, heading: settings.invariantHeading, under: settings.invariantsSection)
        plan.obligations = obligations(context, ownNumber: plan.number)
        plan.requiredADRs = requiredADRs(context)
        plan.targetAreas = targetAreas(context)
        plan.testIDs = testIDs(context)
        plan.preconditions = preconditions(context)
        return plan
    }

    /// The text after a bold `Precondition:` label in the phase's own paragraphs.
    private static func precondition(in blocks: ArraySlice<Block>, label: String) -> String? {
        for block in blocks {
            if block.headingLevel != nil { break }
            guard block.kind == .paragraph else { continue }
            let segmented = LabelledFields(block.inlines)
            if let field = segmented.fields.first(where: { $0.label == label }), segmented.lead.allSatisfy({ $0.text.trimmed.isEmpty }) {
                return field.text
            }
        }
        return nil
    }

    static func definitions(_ context: DocumentContext, heading: Pattern?, under parent: Pattern?) -> [Definition] {
        context.sections(matching: heading).compactMap { section in
            guard context.hasAncestor(section, matching: parent),
                  let match = heading?.firstMatch(in: section.title), let id = match[1] else { return nil }
            let title = match[match.count - 1] ?? ""
            return Definition(id: id, title: title.trimmed, line: section.headingLine)
        }
    }

    private static func obligations(_ context: DocumentContext, ownNumber: String) -> [Obligation] {
        let settings = context.profile.plans
        let own = context.profile.label(kind: context.document.kind, number: ownNumber)
        return definitions(context, heading: settings.obligationHeading, under: settings.obligationsSection).map { definition in
            var parties: [String] = []
            if let section = context.sections.first(where: { $0.headingLine == definition.line }) {
                let heading = context.markdown.blocks.indices.contains(section.blockIndices.lowerBound - 1)
                    ? context.markdown.blocks[section.blockIndices.lowerBound - 1] : nil
                parties = planMentions(heading.map { [$0] } ?? [], context: context)
                if parties.filter({ $0 != own }).isEmpty,
                   let first = context.blocks(of: section).first(where: { $0.kind == .paragraph }) {
                    parties += planMentions([first], context: context)
                }
            }
            var seen = Set<String>()
            let counterparties = parties.filter { $0 != own && seen.insert($0).inserted }
            return Obligation(id: definition.id, title: definition.title, line: definition.line, counterparties: counterparties)
        }
    }

    /// Plan IDs (the `plan` family) and links to documents of this plan's kind in `blocks`, as labels, in order.
    private static func planMentions(_ blocks: [Block], context: DocumentContext) -> [String] {
        guard let planID = context.profile.id("plan") else { return [] }
        let kind = context.document.kind
        var found: [String] = []
        for block in blocks {
            found += planID.matches(in: block.plainText).compactMap { $0[0] }
            for link in Inline.links(in: block.inlines) {
                guard case let .link(destination, _) = link.kind,
                      let number = linkedNumber(destination, kind: kind, context) else { continue }
                found.append(context.profile.label(kind: kind, number: number))
            }
        }
        return found
    }

    /// The number of the document of `kind` a link points to (`../plans/001-x.md` → `001`): the target's kind
    /// comes from the profile's globs, its number from the digits its file name starts with.
    private static func linkedNumber(_ destination: String, kind: String, _ context: DocumentContext) -> String? {
        guard let target = LinkExtractor.resolve(destination, from: context.path,
                                                 siteRoots: context.profile.links.siteRoots)?.target,
              context.profile.kind(of: target) == kind else { return nil }
        let name = target.split(separator: "/").last ?? Substring(target)
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, name.dropFirst(digits.count).hasPrefix("-") else { return nil }
        return String(digits)
    }

    private static func requiredADRs(_ context: DocumentContext) -> [String] {
        let kind = "adr"
        guard let (cell, _) = context.headerCell(context.profile.header.requiredADRsField),
              let adr = context.profile.id(kind) else { return [] }
        var ids = adr.matches(in: cell.plainText).compactMap { $0[0] }
        for link in Inline.links(in: cell.inlines) {
            guard case let .link(destination, _) = link.kind,
                  let number = linkedNumber(destination, kind: kind, context) else { continue }
            ids.append(context.profile.label(kind: kind, number: number))
        }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    private static func targetAreas(_ context: DocumentContext) -> [TargetArea] {
        context.sections(matching: context.profile.plans.targetAreasSection).flatMap { section in
            context.blocks(of: section).filter(\.isList).flatMap(\.items).compactMap { item in
                guard let lead = item.leadParagraph, let path = lead.firstCodeSpan else { return nil }
                return TargetArea(path: path, line: item.range.start.line)
            }
        }
    }

    private static func testIDs(_ context: DocumentContext) -> [TestID] {
        let settings = context.profile.plans
        var ids: [TestID] = []
        for section in context.sections(matching: settings.testsSection) {
            for block in context.blocks(of: section).flatMap(\.descendantsAndSelf) {
                if block.isTable, let pattern = settings.testIDCell {
                    for row in block.tableRows.dropFirst() {
                        guard let cell = row.cells.first, let id = pattern.firstMatch(in: cell.plainText.trimmed)?[1] else { continue }
                        ids.append(TestID(id: id, line: row.range.start.line))
                    }
                } else if case .item = block.kind, let pattern = settings.testIDBullet,
                          let first = block.leadParagraph?.inlines.first, first.isStrong,
                          let id = pattern.firstMatch(in: first.text.trimmed)?[1] {
                    ids.append(TestID(id: id, line: block.range.start.line))
                }
            }
        }
        return ids
    }

    private static func preconditions(_ context: DocumentContext) -> [Precondition] {
        context.sections(matching: context.profile.plans.preconditionsSection).flatMap { section in
            context.blocks(of: section).filter(\.isList).flatMap(\.items).compactMap { item in
                guard let mark = item.taskMark, let lead = item.leadParagraph else { return nil }
                return Precondition(text: lead.plainText.trimmed, checked: mark.checked, line: item.range.start.line)
            }
        }
    }
}
