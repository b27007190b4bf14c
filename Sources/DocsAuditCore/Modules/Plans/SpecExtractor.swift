/// A spec's acceptance criteria: the list items of its Acceptance Criteria section, numbered in order.
enum SpecExtractor {
    static func extract(_ context: DocumentContext, info: DocumentInfo) -> SpecModel {
        var spec = SpecModel(path: context.path, number: info.number ?? "", title: info.title, status: info.status)
        let settings = context.profile.specs
        var ordinal = 0
        for section in context.sections(matching: settings.acceptanceSection) {
            for list in context.blocks(of: section) where list.isList {
                for item in list.items {
                    ordinal += 1
                    let text = item.leadParagraph?.plainText.trimmed ?? ""
                    let id = settings.acceptanceID?.firstMatch(in: text)?[1]
                    spec.acceptanceCriteria.append(AcceptanceCriterion(
                        ordinal: ordinal, id: id, text: text, line: item.range.start.line, checked: item.taskMark?.checked))
                }
            }
        }
        return spec
    }
}
