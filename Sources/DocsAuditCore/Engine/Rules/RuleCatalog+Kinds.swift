/// The catalog's rules by what they read, listed by type: asking each rule `as? any DocumentRule` costs a scan of
/// the binary's conformance records per rule type (about 6.8M instructions for the catalog, before any file is
/// read), where these lists cost nothing. `RuleCatalogKindTests` checks them against those casts, so a new rule
/// conforming to `DocumentRule` or `ModuleRule` must be added here as well as to `rules`.
extension RuleCatalog {
    /// The rules of `rules` that read one document's tree, in the catalog's order.
    static let documentRules: [any DocumentRule] = [
        EphemeralTagRule(), UndefinedReferenceLinkRule(), UnusedDefinitionRule(),
        TableArityRule(), TableShortRowRule(), TableNotRenderedRule(), TableCodePipeRule(), TableTotalRule(),
    ]

    /// The rules of `rules` that belong to a module, in the catalog's order.
    static let moduleRules: [any ModuleRule] = [
        GraphParseErrorRule(), DuplicateNodeRule(), DanglingEdgeRule(), UndefinedClassRule(), CycleRule(),
        StatusClassRule(), ReadyUpstreamRule(), BlockedUpstreamRule(), EntryNodePairingRule(), UpstreamEdgesRule(),
        CompletedBacklogEdgeRule(), SetClaimRule(), PRChecklistRule(), MethodNameFormatRule(),
        StatusRule(), TraceabilityRule(), ObligationReciprocityRule(), TierOrderRule(), BacklogFieldsRule(),
    ]

    /// The module of each module rule, by rule ID.
    static let ruleModules: [String: ProfileModule] = Dictionary(
        moduleRules.map { ($0.description.id, $0.module) }, uniquingKeysWith: { first, _ in first })
}
