/// Every rule, in one list: the engine runs them, `docs-audit rules` lists them, SARIF describes them,
/// docs/rules.md documents them (a test checks each is there).
///
/// A new rule is one file under `Rules/<category>/`, added here, and its examples in
/// `rules/examples/<rule-id>.yml` (`make embed`; a test lints each one). A rule that reads the merged model (most)
/// conforms to `Rule`; one that needs a single document's parse tree conforms to `DocumentRule` and runs in
/// the per-file pass, so its hits are cached with the file.
public enum RuleCatalog {
    /// Rules in the order `docs-audit rules` prints them.
    public static let rules: [any Rule] = [
        GraphParseErrorRule(), DuplicateNodeRule(), DanglingEdgeRule(), UndefinedClassRule(), CycleRule(),
        StatusClassRule(), ReadyUpstreamRule(), BlockedUpstreamRule(), EntryNodePairingRule(), UpstreamEdgesRule(),
        CompletedBacklogEdgeRule(), SetClaimRule(), PRChecklistRule(),
        MethodNameFormatRule(), EphemeralTagRule(),
        LinkTargetRule(), MissingAnchorRule(), UnverifiableLinkRule(), LineCiteRule(), CiteDriftRule(), UndefinedReferenceLinkRule(),
        UnusedDefinitionRule(),
        DuplicateDefinitionRule(), UndefinedReferenceRule(), ReservedRule(),
        StatusRule(), TraceabilityRule(), ObligationReciprocityRule(), TierOrderRule(),
        TableArityRule(), TableShortRowRule(), TableNotRenderedRule(), TableCodePipeRule(), TableTotalRule(),
        BacklogFieldsRule(),
        HeaderMissingFieldRule(), HeaderFieldValueRule(), HeaderIdentityRule(),
    ]

    /// Descriptions of what the engine itself reports (input problems, suppressions).
    public static let engineDescriptions: [RuleDescription] = InputProblem.codes.map { code in
        RuleDescription(id: code.code, severity: .error, summary: code.summary,
                        help: "The file is left out of every other check until it can be read as UTF-8 Markdown.")
    } + [PatternBudget.description, Suppressions.unusedDescription]

    /// Every description: rules, then the engine's own.
    public static var descriptions: [RuleDescription] { rules.map(\.description) + engineDescriptions }

    /// Old IDs of renamed rules, mapped to their current ID.
    public static let aliases: [String: String] = [:]

    /// The current ID for `id` (itself or through an alias), or nil when no rule has it.
    public static func resolve(_ id: String) -> String? {
        let current = aliases[id] ?? id
        return descriptions.contains { $0.id == current } ? current : nil
    }

    /// The description of `id` (or of the rule it is an alias of).
    public static func description(of id: String) -> RuleDescription? {
        guard let current = resolve(id) else { return nil }
        return descriptions.first { $0.id == current }
    }

    // MARK: With a profile's own rules

    /// The categories (ID prefixes) of the built-in rules, and those the schema reserves for rules to come: a
    /// profile's own rules take another namespace, so no later built-in rule can collide with one.
    public static let builtInCategories: Set<String> = Set(descriptions.map(\.category)).union(["header"])

    /// The categories of `descriptions`, each once, in the order they first appear: what `explain` takes
    /// besides a rule ID, and what a name typed for one may be a typo of.
    public static func categories(of descriptions: [RuleDescription]) -> [String] {
        var seen = Set<String>()
        return descriptions.map(\.category).filter { seen.insert($0).inserted }
    }

    /// The rules a run with `profile` runs: the built-in ones, then the profile's `custom-rules`.
    public static func rules(for profile: Profile) -> [any Rule] {
        rules + profile.customRules.map { $0 as any Rule }
    }

    /// Every description a run with `profile` can report: the built-in rules, the profile's own, the engine's.
    public static func descriptions(for profile: Profile) -> [RuleDescription] {
        rules.map(\.description) + profile.customRules.map(\.description) + engineDescriptions
    }

    /// The current ID for `id` among the built-in rules and `custom`, or nil when no rule has it.
    public static func resolve(_ id: String, custom: [CustomRule]) -> String? {
        resolve(id) ?? (custom.contains { $0.description.id == id } ? id : nil)
    }

    /// The description of `id` among the built-in rules and the profile's own.
    public static func description(of id: String, in profile: Profile) -> RuleDescription? {
        description(of: id) ?? profile.customRules.first { $0.description.id == id }?.description
    }
}
