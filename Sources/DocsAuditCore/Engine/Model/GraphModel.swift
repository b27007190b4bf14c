/// The next-steps DAG: its diagram and the detail entries below it.
public struct NextStepsModel: Sendable, Codable {
    public var path: String
    public var sectionLine: Int
    /// Index into `CorpusModel.diagrams`, when the section holds a flowchart.
    public var diagram: Int?
    public var entries: [NextStepEntry] = []
    /// Prose claims about the derived sets (`the ready set is now …`), for the lint rules.
    public var setClaims: [SetClaim] = []
}

/// `### NS-NN: title` (or a range `NS-15..NS-21`) and its fields.
public struct NextStepEntry: Sendable, Codable {
    public var id: String
    /// The last ID of a range heading.
    public var rangeEnd: String?
    /// The node ID this entry maps to (`NS-13a` → `NS13a`; a range takes its first member).
    public var nodeID: String
    public var title: String
    public var line: Int
    public var status: String?
    public var statusNote: String?
    public var type: String?
    public var priority: String?
    public var upstream: Upstream?
    public var references: String?
    public var summary: String?
    public var exitCriteria: String?
    public var prs: [PRRow]?
    /// Every `- Key: value` field in order, as written.
    public var fields: [EntryField] = []
}

/// A `- Key: value` field.
public struct EntryField: Sendable, Codable {
    public var key: String
    public var value: String
    public var line: Int
}

/// The Upstream field, tokenised.
public struct Upstream: Sendable, Codable {
    public var text: String
    public var line: Int
    /// True when it says `none…` (or has no blocking token): parenthesised IDs are history, not upstreams.
    public var none: Bool
    /// NS and BL IDs that block this entry, in order.
    public var tokens: [String]
    /// True when the tokens are an arrow chain (`NS-14 → NS-15 → … → NS-21`).
    public var chain: Bool
    /// True when the chain holds an ellipsis (`... →`).
    public var ellipsis: Bool
}

/// A `PRs:` checklist row.
public struct PRRow: Sendable, Codable {
    public var checked: Bool
    public var id: String
    public var text: String
    public var pr: Int?
    public var merged: String?
    public var line: Int
}

/// A sentence that claims a derived set (`ready set (…)`, `the ready set is now X, Y (N items)`).
public struct SetClaim: Sendable, Codable {
    public var set: String
    public var ids: [String]
    public var count: Int?
    public var path: String
    public var line: Int
    /// The list as written (`NS-09, NS-17..NS-21`).
    public var text: String?
    /// The first piece of the list that is neither an ID nor a range of IDs; the claim is then unreadable.
    public var unreadable: String?
}

/// A backlog item.
public struct BacklogItem: Sendable, Codable {
    public var id: String
    public var title: String
    public var status: String?
    public var priority: String?
    public var path: String
    public var line: Int
    /// Active items live in the backlog; archived ones in the archive.
    public var archived: Bool
    /// `heading` or `table-row`.
    public var form: String
    public var fields: [EntryField] = []
}

/// §3 and §5 of the dependency map.
public struct DependencyModel: Sendable, Codable {
    public var path: String?
    public var rows: [DependencyRow] = []
    public var tiers: [Tier] = []
    public var carveOuts: [CarveOut] = []
}

/// A §3 row: a plan and its upstream plans.
public struct DependencyRow: Sendable, Codable {
    public var plan: String
    /// Plans named as upstream (before any `Forward:` marker, outside non-dependency asides).
    public var upstream: [String]
    /// Plans named but not upstream (forward mentions, exclusions).
    public var mentioned: [String]
    public var type: String
    public var line: Int
}

/// A §5 tier row.
public struct Tier: Sendable, Codable {
    public var tier: Int
    public var line: Int
    public var plans: [TierPlacement]
    public var prerequisites: String
}

/// A plan placed in a tier, whole or as a slice.
public struct TierPlacement: Sendable, Codable {
    public var plan: String
    /// `whole`, `partial` or `remainder`.
    public var slice: String
    public var note: String?
}

/// A carve-out subsection naming one or two plans.
public struct CarveOut: Sendable, Codable {
    public var plans: [String]
    public var title: String
    public var line: Int
    public var slug: String
}

/// A Markdown link to a relative path and/or fragment.
public struct LinkRef: Sendable, Codable {
    public var path: String
    public var line: Int
    public var column: Int
    public var destination: String
    /// The target file relative to the corpus root (nil for a same-document fragment); may start with
    /// `../` when the link leaves the root.
    public var target: String?
    public var fragment: String?
    /// True for an image's source (`![alt](diagram.png)`): its file must exist like a link's target; absent
    /// for a link.
    public var image: Bool? = nil
}

/// A line cite in one of the spellings the profile declares.
public struct LineCite: Sendable, Codable {
    /// `label-colon`, `link-colon` or `code-pin`.
    public var form: String
    public var text: String
    public var path: String
    public var line: Int
    public var column: Int
    /// The cited file relative to the corpus root, when it can be resolved.
    public var target: String?
    /// The ID the cite names (`Plan-024`) for label cites.
    public var label: String?
    public var ranges: [LineSpan]
}

/// Lines `start...end` of a file.
public struct LineSpan: Sendable, Codable, Equatable {
    public var start: Int
    public var end: Int
}
