/// Everything `docs-audit extract` knows about a corpus, as one versioned JSON document
/// (schema in docs/model.md). Arrays are in path, then line order, so output is byte-stable.
public struct CorpusModel: Sendable, Codable {
    /// Bumped on any incompatible change to this shape.
    public static let schemaVersion = "1.2"

    public var schemaVersion = CorpusModel.schemaVersion
    public var documents: [DocumentInfo] = []
    public var plans: [PlanModel] = []
    public var specs: [SpecModel] = []
    public var methodRegistries = MethodRegistries()
    public var errorCodes: [ErrorCodeEntry] = []
    /// Every Mermaid flowchart in the corpus, wherever it is.
    public var diagrams: [Diagram] = []
    public var nextSteps: NextStepsModel?
    public var backlog: [BacklogItem] = []
    public var dependencies = DependencyModel()
    public var links: [LinkRef] = []
    public var cites: [LineCite] = []
    /// ID references found in prose (plans, specs, ADRs, invariants, CPs, tasks, NS, BL, findings).
    public var references: [IDReference] = []
    /// Where the profile's ID families define their IDs (`ids.<family>.defined`).
    public var definitions: [IDDefinition] = []
    /// Files that could not be read or parsed faithfully.
    public var problems: [InputProblem] = []

    public init() {}
}

/// One Markdown file.
public struct DocumentInfo: Sendable, Codable {
    public var path: String
    public var kind: String
    public var frozen: Bool
    /// The document number, read where the kind's `number` says (default: the H1, `Plan-024: …` → `024`).
    public var number: String?
    /// The H1 text.
    public var title: String?
    /// The header-table Status token (the code span alone in its cell), or nil when unreadable.
    public var status: String?
    /// The Status cell as written, when there is one.
    public var statusText: String?
    public var statusLine: Int?
    /// The header's fields in document order, in whatever form the kind declares (`kinds[].header.form`).
    public var header: [HeaderField]
    /// The line the header starts on, when there is one.
    public var headerLine: Int?
    public var lineCount: Int
    /// Heading anchors (GitHub slugs) and explicit `<a id|name>` anchors.
    public var anchors: [String]
}

/// A source location.
public struct Location: Sendable, Codable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }
}

/// An ID occurrence in text.
public struct IDReference: Sendable, Codable, Hashable {
    /// The ID family from the profile (`invariant`, `backlog`, …).
    public var family: String
    public var id: String
    public var path: String
    public var line: Int
    public var column: Int
    /// The innermost section title, for surface checks.
    public var section: String?
    /// True when the ID sits inside an inline code span: quoted as a literal (an example, a pattern), not cited.
    public var inCode: Bool
    /// The ID's identity when it differs from `id` (the family's `canonical`).
    public var canonical: String?
    /// True when `id` is a range (`I-007-1..3`, `NS-17..NS-21`): it names every member (expanded when checked,
    /// so a line of many ranges costs no memory per member).
    public var range: Bool?
    /// True inside a reservation phrase: the ID is a definition-to-be.
    public var reserved: Bool?

    /// The identity of the referenced ID.
    public var identity: String { canonical ?? id }
}

/// Where an ID is defined.
public struct IDDefinition: Sendable, Codable, Hashable {
    public var family: String
    /// The ID's identity (the family's `canonical`, or the ID as written).
    public var id: String
    public var path: String
    public var line: Int
    /// True for the members of a range definition (`NS-17..NS-21`), which are not checked for duplicates.
    public var member: Bool?
}
