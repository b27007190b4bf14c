/// A numbered plan and its structure.
public struct PlanModel: Sendable, Codable {
    public var path: String
    public var number: String
    public var title: String?
    public var status: String?
    public var phases: [Phase] = []
    public var invariants: [Definition] = []
    public var obligations: [Obligation] = []
    public var requiredADRs: [String] = []
    public var targetAreas: [TargetArea] = []
    public var testIDs: [TestID] = []
    public var preconditions: [Precondition] = []
    /// Tasks blocks outside any recognised Phase (kept, never dropped).
    public var looseTasksBlocks: [TasksBlock] = []

    /// Every task of every Tasks block.
    public var allTasks: [PlanTask] {
        phases.flatMap { $0.tasksBlocks.flatMap(\.tasks) } + looseTasksBlocks.flatMap(\.tasks)
    }
}

/// `### Phase N — title`.
public struct Phase: Sendable, Codable {
    public var id: String
    public var title: String?
    public var line: Int
    public var endLine: Int
    /// The `**Precondition:**` paragraph, if any.
    public var precondition: String?
    public var tasksBlocks: [TasksBlock] = []
}

/// A `#### Tasks` block.
public struct TasksBlock: Sendable, Codable {
    public var line: Int
    public var endLine: Int
    public var tasks: [PlanTask] = []
}

/// One task, in any of the four shapes.
public struct PlanTask: Sendable, Codable {
    /// `heading-fields` (H5 + inline bold fields), `bullet-fields` (bold ID + bold fields),
    /// `bullet-parenthesised` (bold ID + `(Files: …; …) —`), `heading-bullets` (H5 + one bullet per field).
    public enum Shape: String, Sendable, Codable, CaseIterable {
        case headingFields = "heading-fields"
        case bulletFields = "bullet-fields"
        case bulletParenthesised = "bullet-parenthesised"
        case headingBullets = "heading-bullets"
    }

    public var id: String
    public var shape: Shape
    public var title: String
    public var line: Int
    /// Paths in the Files field (its code spans).
    public var files: [String] = []
    public var specCoverage: String?
    public var verifiesInvariant: String?
    public var steps: [Step] = []
    /// Every labelled field as written, by label.
    public var fields: [TaskField] = []
}

/// A labelled field of a task.
public struct TaskField: Sendable, Codable {
    public var label: String
    public var value: String
    public var line: Int
}

/// A step entry of a task.
public struct Step: Sendable, Codable {
    public var text: String
    public var line: Int
    public var checked: Bool?
}

/// An invariant (or other ID'd definition heading).
public struct Definition: Sendable, Codable {
    public var id: String
    public var title: String
    public var line: Int
}

/// A cross-plan obligation and the plans it names.
public struct Obligation: Sendable, Codable {
    public var id: String
    public var title: String
    public var line: Int
    /// `Plan-NNN` named in the heading (else the first paragraph), the host plan excluded.
    public var counterparties: [String]
}

/// A Target Areas bullet's path.
public struct TargetArea: Sendable, Codable {
    public var path: String
    public var line: Int
}

/// A test ID from the Test And Verification Plan.
public struct TestID: Sendable, Codable {
    public var id: String
    public var line: Int
}

/// A checkbox in Preconditions.
public struct Precondition: Sendable, Codable {
    public var text: String
    public var checked: Bool
    public var line: Int
}

/// A spec and its acceptance criteria.
public struct SpecModel: Sendable, Codable {
    public var path: String
    public var number: String
    public var title: String?
    public var status: String?
    public var acceptanceCriteria: [AcceptanceCriterion] = []
}

/// One acceptance-criteria bullet; `ordinal` is its 1-based place in the section.
public struct AcceptanceCriterion: Sendable, Codable {
    public var ordinal: Int
    /// An explicit ID (`AC3`) when the bullet starts with one.
    public var id: String?
    public var text: String
    public var line: Int
    public var checked: Bool?
}
