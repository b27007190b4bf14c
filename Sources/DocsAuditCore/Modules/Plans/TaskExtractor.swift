/// Reads the tasks of one `#### Tasks` block in any of the four shapes.
struct TaskExtractor {
    let context: DocumentContext
    let labels: TaskFieldLabels

    init(context: DocumentContext) {
        self.context = context
        self.labels = TaskFieldLabels(context.profile.plans)
    }

    func extract(_ section: Section) -> TasksBlock {
        var block = TasksBlock(line: section.headingLine, endLine: section.range.end.line)
        var headingTask: PlanTask?
        for child in context.blocks(of: section) {
            if child.headingLevel != nil {
                if let task = headingTask { block.tasks.append(task) }
                headingTask = headingTaskStart(child)
                continue
            }
            if var task = headingTask {
                absorb(child, into: &task)
                headingTask = task
            } else if child.isList {
                block.tasks += child.items.compactMap(bulletTask)
            }
        }
        if let task = headingTask { block.tasks.append(task) }
        return block
    }

    /// `##### T5.1 — title`.
    private func headingTaskStart(_ heading: Block) -> PlanTask? {
        guard let pattern = context.profile.plans.taskHeading,
              let match = pattern.firstMatch(in: heading.plainText.trimmed),
              let id = match[1] else { return nil }
        return PlanTask(id: id, shape: .headingFields, title: (match[2] ?? "").trimmed, line: heading.range.start.line)
    }

    /// Content under a heading task: a paragraph of bold fields (shape A) or one bullet per field (shape D).
    private func absorb(_ block: Block, into task: inout PlanTask) {
        if block.kind == .paragraph {
            apply(LabelledFields(block.inlines).fields, to: &task)
        } else if block.isList {
            task.shape = .headingBullets
            for item in block.items {
                guard let lead = item.leadParagraph else { continue }
                let segmented = LabelledFields(lead.inlines)
                if segmented.fields.isEmpty {
                    task.steps.append(Step(text: lead.plainText.trimmed, line: item.range.start.line, checked: item.taskMark?.checked))
                } else {
                    apply(segmented.fields, to: &task, checked: item.taskMark?.checked)
                }
            }
        }
    }

    /// `- **T-024-1-2** title. **Files:** …` (shape B) or `- **T-007p-1-1** (Files: …; …) — title` (shape C).
    private func bulletTask(_ item: Block) -> PlanTask? {
        guard let lead = item.leadParagraph,
              let first = lead.inlines.first, first.isStrong,
              let pattern = context.profile.plans.taskBulletID,
              let id = pattern.firstMatch(in: first.text.trimmed)?[1] else { return nil }
        let rest = Array(lead.inlines.dropFirst())
        var task: PlanTask
        let segmented = LabelledFields(rest)
        let leadText = Inline.plainText(of: segmented.lead)
        if leadText.drop(while: { $0 == " " }).hasPrefix("(") {
            // Shape C; bold fields may still follow the description (`… — text. **Spec coverage:** …`).
            task = parenthesised(id: id, text: leadText, inlines: segmented.lead, line: item.range.start.line)
        } else {
            task = PlanTask(id: id, shape: .bulletFields, title: leadText.trimmed, line: item.range.start.line)
        }
        apply(segmented.fields, to: &task)
        for nested in item.children where nested.isList {
            for step in nested.items {
                guard let paragraph = step.leadParagraph else { continue }
                task.steps.append(Step(text: paragraph.plainText.trimmed, line: step.range.start.line, checked: step.taskMark?.checked))
            }
        }
        return task
    }

    /// Shape C: `(Files: a; Verifies invariant: I-1; Spec coverage: …) — title`.
    private func parenthesised(id: String, text: String, inlines: [Inline], line: Int) -> PlanTask {
        let body = text.drop(while: { $0 == " " }).dropFirst()
        var depth = 0
        var close = body.endIndex
        for index in body.indices {
            let char = body[index]
            if char == "(" { depth += 1 }
            if char == ")" {
                if depth == 0 {
                    close = index
                    break
                }
                depth -= 1
            }
        }
        let inside = body[..<close]
        var title = close < body.endIndex ? String(body[body.index(after: close)...]).trimmed : ""
        for dash in ["— ", "—", "- "] where title.hasPrefix(dash) {
            title = String(title.dropFirst(dash.count)).trimmed
            break
        }
        var task = PlanTask(id: id, shape: .bulletParenthesised, title: title, line: line)
        let spans = Inline.codeSpans(in: inlines).map(\.literal)
        for part in Self.splitTopLevel(inside, separator: ";") {
            let piece = part.trimmed
            guard !piece.isEmpty else { continue }
            let label: String
            let value: String
            if let colon = piece.firstIndex(of: ":") {
                label = String(piece[..<colon]).trimmed
                value = String(piece[piece.index(after: colon)...]).trimmed
            } else {
                label = piece.split(separator: " ").first.map(String.init) ?? piece
                value = piece
            }
            task.fields.append(TaskField(label: label, value: value, line: line))
            switch labels.key(for: label) {
            case "files"?: task.files += spans.filter { ByteSearch.contains(piece, $0) }
            case "spec-coverage"?: task.specCoverage = value
            case "verifies-invariant"?: task.verifiesInvariant = value
            case "step"?: task.steps.append(Step(text: value, line: line, checked: nil))
            default: break
            }
        }
        return task
    }

    private func apply(_ fields: [LabelledFields.Field], to task: inout PlanTask, checked: Bool? = nil) {
        for field in fields {
            task.fields.append(TaskField(label: field.label, value: field.text, line: field.line))
            switch labels.key(for: field.label) {
            case "files"?:
                let spans = field.codeSpans
                task.files += spans.isEmpty ? field.text.split(separator: ",").map { String($0).trimmed } : spans
            case "spec-coverage"?: task.specCoverage = field.text
            case "verifies-invariant"?: task.verifiesInvariant = field.text
            case "step"?: task.steps.append(Step(text: field.text, line: field.line, checked: checked))
            default: break
            }
        }
    }

    /// Splits at `separator` outside parentheses.
    static func splitTopLevel(_ text: Substring, separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var start = text.startIndex
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case separator where depth == 0:
                parts.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        parts.append(text[start...])
        return parts
    }
}

import FoundationEssentials
