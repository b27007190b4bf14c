/// Lays a YAML mapping over a `Profile`, key by key, rejecting unknown keys and wrong types with the file,
/// line and key path. Each settings group is a table from key to setter, so the schema reads in one place
/// (and `docs/configuration.md` documents the same keys).
enum ProfileDecoder {
    typealias Setter<T> = (inout T, ConfigNode) throws -> Void

    static func apply(_ root: ConfigNode, to profile: inout Profile) throws {
        // No ID family or kind is required: a profile without one (`extends: none`) skips what needs it, and a
        // document no kind selects is `other`.
        try CustomRuleDecoder.apply(root, to: &profile)  // first: `rules:` may name them, wherever it stands
        try decode(root, into: &profile, fields: profileFields)
    }

    /// Applies each key of `node` through `fields`.
    static func decode<T>(_ node: ConfigNode, into value: inout T, fields: KeyValuePairs<String, Setter<T>>) throws {
        try node.eachKey { key, child in
            guard let setter = fields.first(where: { $0.key == key })?.value else {
                throw child.unknownKey(fields.map(\.key))
            }
            try setter(&value, child)
        }
    }

    static var profileFields: KeyValuePairs<String, Setter<Profile>> { [
        "version": { profile, node in
            // Each file's version is checked before the merge (`ProfileVersion.check`); this is the winner.
            let version = try node.int()
            guard ProfileVersion.supported.contains(version) else {
                throw node.error("unsupported profile version `\(version)` (this tool reads 1 and 2)")
            }
            profile.version = version
        },
        "corpus": { try decode($1, into: &$0.corpus, fields: corpusFields) },
        "kinds": { profile, node in profile.kinds = try node.items().map(KindDecoder.kindRule) },
        "ids": { try IDFamilyDecoder.apply($1, to: &$0) },
        "header": { try decode($1, into: &$0.header, fields: headerFields) },
        "plans": { try module(.plans, $1, &$0, \.plans, planFields) },
        "specs": { try module(.specs, $1, &$0, \.specs, specFields) },
        "registries": { try module(.registries, $1, &$0, \.registries, registryFields) },
        "graph": { try module(.graph, $1, &$0, \.graph, graphFields) },
        "graphs": { $0.graphs = try PlaceDecoder.graphs($1) },
        "backlog": { try module(.backlog, $1, &$0, \.backlog, backlogFields) },
        "dependencies": { try module(.dependencies, $1, &$0, \.dependencies, dependencyFields) },
        "cites": { try decode($1, into: &$0.cites, fields: citeFields) },
        "links": { try decode($1, into: &$0.links, fields: linkFields) },
        "tags": { try decode($1, into: &$0.tags, fields: tagFields) },
        "gates": { try module(.gates, $1, &$0, \.gates, gateFields) },
        "custom-rules": { _, _ in },  // decoded first, by CustomRuleDecoder.apply
        "rules": { profile, node in
            let settings = try ruleSettings(node, custom: profile.customRules)
            profile.ruleSeverities = settings.severities
            profile.ruleScopes = settings.scopes
        },
        "overrides": { profile, node in
            let custom = profile.customRules
            profile.overrides = try node.items().map { item in
                var override = RuleOverride(paths: [], rules: [:])
                try decode(item, into: &override, fields: [
                    "paths": { $0.paths = try $1.globs() },
                    "rules": { override, node in
                        let settings = try ruleSettings(node, custom: custom)
                        override.rules = settings.severities
                        override.scopes = settings.scopes
                    },
                ])
                if override.paths.isEmpty { throw item.error("an override needs paths") }
                return override
            }
        },
    ] }

    /// A module's section: declaring it turns the module on; `~` (null) removes an inherited one.
    static func module<T: Sendable>(_ module: ProfileModule, _ node: ConfigNode, _ profile: inout Profile,
                                    _ path: WritableKeyPath<Profile, T>,
                                    _ fields: KeyValuePairs<String, Setter<T>>) throws {
        if node.node.isNull {
            profile.modules.remove(module)
            profile[keyPath: path] = Profile()[keyPath: path]
            return
        }
        try decode(node, into: &profile[keyPath: path], fields: fields)
        profile.modules.insert(module)
    }

    /// `{rule-id: severity}` or `{rule-id: {severity, kinds, paths, exclude-paths, sections}}`, with unknown
    /// rule IDs rejected (naming the nearest one) and renamed IDs mapped. A mapping without `severity` keeps
    /// the rule's severity.
    static func ruleSettings(_ node: ConfigNode, custom: [CustomRule] = []) throws
        -> (severities: [String: Severity?], scopes: [String: RuleScope]) {
        var severities: [String: Severity?] = [:]
        var scopes: [String: RuleScope] = [:]
        guard case .mapping = node.node.content else {
            if let text = node.node.string, text.isEmpty || text == "{}" { return ([:], [:]) }
            throw node.error("expected a mapping of rule IDs to error, warning, info or off (or to a mapping)")
        }
        try node.eachKey { id, child in
            guard let known = RuleCatalog.resolve(id, custom: custom) else {
                let descriptions = RuleCatalog.descriptions + custom.map(\.description)
                // A category is a name `explain` takes, but a severity is set rule by rule.
                if let member = descriptions.first(where: { $0.category == id }) {
                    throw child.error(atKey: "unknown rule ID `\(id)`: `\(id)` is a category, and rules are set one "
                        + "by one, such as `\(member.id)` (see `docs-audit explain \(id)`)")
                }
                let hint = DidYouMean.hint(id, in: descriptions.map(\.id))
                throw child.error(atKey: "unknown rule ID `\(id)`\(hint) (see `docs-audit rules`)")
            }
            guard case .mapping = child.node.content else {
                severities[known] = .some(try child.severity())
                return
            }
            var scope = RuleScope()
            try decode(child, into: &scope, fields: [
                "severity": { _, value in severities[known] = .some(try value.severity()) },
                "kinds": { $0.kinds = try $1.strings() },
                "paths": { $0.paths = try $1.globs() },
                "exclude-paths": { $0.excludePaths = try $1.globs() },
                "sections": { $0.sections = try $1.patterns() },
            ])
            scopes[known] = scope
        }
        return (severities, scopes)
    }

    static var corpusFields: KeyValuePairs<String, Setter<CorpusSettings>> { [
        "include": { $0.include = try $1.globs() },
        "exclude": { $0.exclude = try $1.globs() },
        "frozen": { $0.frozen = try $1.globs() },
        "frozen-links": { $0.frozenLinks = try $1.severity() },
        "max-file-bytes": { $0.maxFileBytes = try $1.int(in: 1...CorpusSettings.maxFileBytesLimit) },
        "max-total-bytes": { $0.maxTotalBytes = try $1.int(in: 1...CorpusSettings.maxTotalBytesLimit) },
    ] }

    static var headerFields: KeyValuePairs<String, Setter<HeaderSettings>> { [
        "status-field": { $0.statusField = try $1.string() },
        "number-field": { $0.numberField = try $1.string() },
        "spec-field": { $0.specField = try $1.string() },
        "required-adrs-field": { $0.requiredADRsField = try $1.string() },
        "dependencies-field": { $0.dependenciesField = try $1.string() },
    ] }

    static var planFields: KeyValuePairs<String, Setter<PlanSettings>> { [
        "phase-sections": { $0.phaseSections = try $1.pattern() },
        "phase-heading": { $0.phaseHeading = try $1.pattern() },
        "precondition-label": { $0.preconditionLabel = try $1.string() },
        "tasks-heading": { $0.tasksHeading = try $1.pattern() },
        "task-heading": { $0.taskHeading = try $1.pattern() },
        "task-bullet-id": { $0.taskBulletID = try $1.pattern() },
        "task-fields": { settings, node in
            var fields: [(key: String, pattern: Pattern)] = []
            try node.eachKey { key, child in
                guard taskFieldKeys.contains(key) else { throw child.unknownKey(taskFieldKeys) }
                for label in try child.strings() {
                    do {
                        fields.append((key, try Pattern("^(?:\(label))$", caseInsensitive: true)))
                    } catch {
                        throw child.error("not a valid regular expression: \(label)")
                    }
                }
            }
            settings.taskFields = fields.sorted { $0.key < $1.key }
        },
        "invariants-section": { $0.invariantsSection = try $1.pattern() },
        "invariant-heading": { $0.invariantHeading = try $1.pattern() },
        "obligations-section": { $0.obligationsSection = try $1.pattern() },
        "obligation-heading": { $0.obligationHeading = try $1.pattern() },
        "target-areas-section": { $0.targetAreasSection = try $1.pattern() },
        "tests-section": { $0.testsSection = try $1.pattern() },
        "test-id-cell": { $0.testIDCell = try $1.pattern() },
        "test-id-bullet": { $0.testIDBullet = try $1.pattern() },
        "preconditions-section": { $0.preconditionsSection = try $1.pattern() },
    ] }

    /// The task fields plans are read for (`plans.task-fields` keys).
    static let taskFieldKeys = ["files", "spec-coverage", "verifies-invariant", "step"]

    static var specFields: KeyValuePairs<String, Setter<SpecSettings>> { [
        "acceptance-section": { $0.acceptanceSection = try $1.pattern() },
        "acceptance-id": { $0.acceptanceID = try $1.pattern() },
    ] }

    static var registryFields: KeyValuePairs<String, Setter<RegistrySettings>> { [
        "method-tables": { $0.methodTables = try PlaceDecoder.methodTables($1) },
        "method-table-header": { $0.methodTables = try PlaceDecoder.methodTableHeader($1) },
        "method-format-declaration": { $0.methodFormatDeclaration = try $1.pattern() },
        "method-format-fallback": { $0.methodFormatFallback = try $1.pattern() },
        "error-codes-section": { $0.errorCodesSection = try $1.pattern() },
        "error-code-kinds": { $0.errorCodeKinds = try $1.strings() },
        "error-code": { $0.errorCode = try $1.pattern() },
    ] }

    static var graphFields: KeyValuePairs<String, Setter<GraphSettings>> { [
        "file": { $0.file = try $1.string() },
        "section": { $0.section = try $1.pattern() },
        "entry-heading": { $0.entryHeading = try $1.pattern() },
        "node-id": { $0.nodeID = try $1.pattern() },
        "backlog-node-id": { $0.backlogNodeID = try $1.pattern() },
        "node-entry-id": { $0.nodeEntryID = try $1.groupTemplate() },
        "backlog-node-item-id": { $0.backlogNodeItemID = try $1.groupTemplate() },
        "entry-statuses": { $0.entryStatuses = try $1.strings() },
        "pr-row": { $0.prRow = try $1.pattern() },
        "set-claim": { $0.setClaim = try $1.pattern() },
        "ready-class": { $0.readyClass = try $1.string() },
        "blocked-class": { $0.blockedClass = try $1.string() },
        "completed-class": { $0.completedClass = try $1.string() },
        "status-classes": { settings, node in
            var map: [String: [String]] = [:]
            try node.eachKey { key, child in map[key] = try child.strings() }
            settings.statusClasses = map
        },
    ] }

    static var backlogFields: KeyValuePairs<String, Setter<BacklogSettings>> { [
        "heading": { $0.heading = try $1.pattern() },
        "id-cell": { $0.idCell = try $1.pattern() },
        "completed-group": { $0.completedGroup = try $1.pattern() },
        "statuses": { $0.statuses = try $1.strings() },
        "priorities": { $0.priorities = try $1.strings() },
        "required-fields": { $0.requiredFields = try $1.strings() },
    ] }

    static var dependencyFields: KeyValuePairs<String, Setter<DependencySettings>> { [
        "file": { $0.file = try $1.string() },
        "dependency-section": { $0.dependencySection = try $1.pattern() },
        "tier-section": { $0.tierSection = try $1.pattern() },
        "forward-marker": { $0.forwardMarker = try $1.pattern() },
        "non-upstream": { $0.nonUpstream = try $1.pattern() },
        "partial-slice": { $0.partialSlice = try $1.pattern() },
        "remainder-slice": { $0.remainderSlice = try $1.pattern() },
        "carve-out-heading": { $0.carveOutHeading = try $1.pattern() },
        "deferral": { $0.deferral = try $1.pattern() },
    ] }

    static var tagFields: KeyValuePairs<String, Setter<TagSettings>> { [
        "families": { try TagDecoder.families($1, into: &$0) },
        "exempt-qualified": { $0.exemptions.qualified = try $1.bool() },
        "exempt-quoted": { $0.exemptions.quoted = try $1.bool() },
        "exempt-dated-notes": { $0.exemptions.datedNotes = try TagDecoder.datedNotes($1) },
        "provenance-sections": { $0.provenanceSections = try $1.patterns() },
        "provenance-lines": { $0.provenanceLines = try $1.patterns() },
        "provenance-rows": { $0.provenanceRows = try $1.patterns() },
        "provenance-patterns": { $0.provenancePatterns = try $1.patterns() },
        "exempt": { $0.exempt = try $1.globs() },
        "exempt-kinds": { $0.exemptKinds = try $1.strings() },
        "gate-family": { $0.gateFamily = try $1.string() },
        "tasks-severity": { $0.tasksSeverity = try $1.severity() },
    ] }

    static var gateFields: KeyValuePairs<String, Setter<GateSettings>> { [
        "tag": { $0.tags = [try $1.string()] },
        "tags": { $0.tags = try $1.strings() },
        "ephemeral-families": { $0.ephemeralFamilies = try $1.strings() },
        "commit-subject": { settings, node in
            let source = try node.string()
            _ = try ConfigNode.checkedPattern(source.replacingEvery("{K}", with: "1"), at: node)
            settings.commitSubject = source
        },
        "canonical-paths": { settings, node in
            var map: [String: String] = [:]
            if case .mapping = node.node.content { try node.eachKey { key, child in map[key] = try child.string() } }
            settings.canonicalPaths = map
        },
        "size-ratio": { settings, node in
            guard let value = Double(try node.string()) else { throw node.error("expected a number") }
            settings.sizeRatio = value
        },
        "max-steps-per-phase": { $0.maxStepsPerPhase = try $1.int() },
        "critical-severities": { $0.criticalSeverities = try $1.strings() },
        "blocking-severities": { $0.blockingSeverities = try $1.strings() },
        "cosmetic-severities": { $0.cosmeticSeverities = try $1.strings() },
        "finding-heading": { $0.findingHeading = try $1.pattern() },
        "review-file": { $0.reviewFile = try $1.string() },
        "tasks-tag-label": { $0.tasksTagLabel = try $1.string() },
        "ledger-plan": { $0.ledgerPlan = try $1.pattern() },
        "bands": { settings, node in
            var bands: [String: [Double]] = [:]
            // A band is a count, a ratio or minutes: a finite number from 0 to `bandLimit`, a range low to high.
            func band(_ text: String, _ child: ConfigNode) throws -> Double {
                guard let value = Double(text), value.isFinite, (0...GateSettings.bandLimit).contains(value) else {
                    throw child.error("expected a number from 0 to \(Int(GateSettings.bandLimit))")
                }
                return value
            }
            try node.eachKey { key, child in
                if case .sequence = child.node.content {
                    let values = try child.strings().map { try band($0, child) }
                    guard (1...2).contains(values.count), values.count == 1 || values[0] <= values[1] else {
                        throw child.error("expected [low, high] with low ≤ high, or one number")
                    }
                    bands[key] = values
                } else {
                    bands[key] = [try band(try child.string(), child)]
                }
            }
            settings.bands = bands
        },
    ] }

    static var linkFields: KeyValuePairs<String, Setter<LinkSettings>> { [
        "fragment-case": { settings, node in
            let value = try node.string()
            guard let choice = LinkSettings.FragmentCase(rawValue: value) else {
                throw node.error("expected exact or insensitive, found `\(value)`")
            }
            settings.fragmentCase = choice
        },
        "site-roots": { settings, node in
            settings.siteRoots = try node.strings().map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        },
    ] }

    static var citeFields: KeyValuePairs<String, Setter<CiteSettings>> { [
        "label-colon": { $0.labelColon = try $1.pattern() },
        "link-colon": { $0.linkColon = try $1.pattern() },
        "code-pin": { $0.codePin = try $1.pattern() },
        "kind-folders": { settings, node in
            var folders: [String: String] = [:]
            try node.eachKey { key, child in folders[key] = try child.string() }
            settings.kindFolders = folders
        },
        "endpoints": { $0.endpoints = try $1.bool() },
        "drift": { $0.drift = try $1.bool() },
    ] }
}

extension ConfigNode {
    /// Compiles `source` only to check it, reporting the failure at `node`.
    static func checkedPattern(_ source: String, at node: ConfigNode) throws -> Pattern {
        do {
            return try Pattern(source)
        } catch {
            throw node.error("not a valid regular expression: \(source) (\(error.reason))")
        }
    }
}
