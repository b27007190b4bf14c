/// The corpus conventions every extractor and rule reads: paths, document kinds, ID families, section
/// names and table shapes. Loaded from `rules/default.yml` (embedded) and a corpus's `docs-audit.yml`.
public struct Profile: Sendable {
    public var version = ProfileVersion.current
    /// Every YAML text applied to make this profile, in order: with the tool, they determine it (the cache
    /// keys on them).
    public internal(set) var sources: [String] = []
    /// The merged YAML tree this profile was decoded from (nil for the engine alone, `extends: none` with no
    /// file): every node says which file and line it came from (`config --print`).
    public internal(set) var tree: YAMLNode?
    /// The files laid one over the other to make this profile, base first (`rules/default.yml`, then the
    /// corpus's `docs-audit.yml`).
    public internal(set) var layers: [String] = []
    public var corpus = CorpusSettings()
    public var kinds: [DocumentKindRule] = []
    /// ID families by name (`plan`, `invariant`, `backlog`, …).
    public var ids: [String: IDFamily] = [:]
    public var header = HeaderSettings()
    public var plans = PlanSettings()
    public var specs = SpecSettings()
    public var registries = RegistrySettings()
    public var graph = GraphSettings()
    /// The flowcharts the graph rules check (`graphs:`); none declared, none checked.
    public var graphs: [DeclaredPlace] = []
    public var backlog = BacklogSettings()
    public var dependencies = DependencySettings()
    public var cites = CiteSettings()
    public var links = LinkSettings()
    public var tags = TagSettings()
    public var gates = GateSettings()
    /// The module sections (`plans`, `graph`, `gates`, …) the profile declares: a module runs only then.
    public internal(set) var modules: Set<ProfileModule> = []
    /// Severity per rule ID; nil turns a rule off.
    public var ruleSeverities: [String: Severity?] = [:]
    /// Where a rule reports, per rule ID (`rules:` in the mapping form); a rule without one reports anywhere.
    public var ruleScopes: [String: RuleScope] = [:]
    public var overrides: [RuleOverride] = []
    /// The rules this profile defines (`custom-rules`), run after the built-in ones.
    public var customRules: [CustomRule] = []

    public init() {}

    /// The severity of `rule` for a finding in `path`, or nil when the rule is off there.
    public func severity(of rule: RuleDescription, at path: String) -> Severity? {
        var severity = ruleSeverities[rule.id] ?? rule.severity
        for override in overrides where override.paths.contains(where: { $0.matches(path) }) {
            if let setting = override.rules[rule.id] { severity = setting }
        }
        return severity
    }

    /// Where `rule` reports for a finding in `path`: the last matching override that scopes it, else its
    /// `rules:` scope; nil when nothing narrows it.
    public func scope(of rule: String, at path: String) -> RuleScope? {
        var scope = ruleScopes[rule]
        for override in overrides where override.paths.contains(where: { $0.matches(path) }) {
            if let given = override.scopes[rule] { scope = given }
        }
        return scope
    }

    /// Whether any rule is scoped, here or in an override (the linter skips the scope pass when none is).
    public var hasRuleScopes: Bool { !ruleScopes.isEmpty || overrides.contains { !$0.scopes.isEmpty } }

    /// The pattern of ID family `name`, or nil when the profile has no such family (callers skip then).
    public func id(_ name: String) -> Pattern? { ids[name]?.pattern }

    /// The ID families in declaration order.
    public var idFamilies: [IDFamily] { ids.values.sorted { ($0.order, $0.name) < ($1.order, $1.name) } }

    /// The kind of the document at `path` (relative to the root).
    public func kind(of path: String) -> String {
        kinds.first { $0.paths.contains { $0.matches(path) } }?.name ?? "other"
    }

    /// The kind rule named `name`.
    public func kindRule(_ name: String) -> DocumentKindRule? { kinds.first { $0.name == name } }

    /// Whether the profile declares `module`'s section (only then do its extractors and rules run).
    public func declares(_ module: ProfileModule) -> Bool { modules.contains(module) }

    /// How a document of `kind` with `number` is named in the corpus: the kind's `label` template
    /// (`Plan-{number}` → `Plan-024`); without one, the kind name and the number (`plan 024`).
    public func label(kind: String, number: String) -> String {
        guard let template = kindRule(kind)?.label else { return "\(kind) \(number)" }
        return template.render(["number": number])
    }

    /// The number of the document of `kind` that `label` names (`Plan-024` → `024`), or nil when `label` is
    /// not such a name; a bare number is taken as it is.
    public func number(kind: String, inLabel label: String) -> String? {
        if !label.isEmpty, label.allSatisfy({ $0.isASCII && $0.isNumber }) { return label }
        guard let template = kindRule(kind)?.label else { return nil }
        return template.value(of: "number", in: label)
    }
}

/// A section of the profile that turns a module on: its extractors and rules run only when it is declared.
public enum ProfileModule: String, Sendable, CaseIterable {
    case plans, specs, registries, graph, backlog, dependencies, gates
}

/// Severities for rules in some paths.
public struct RuleOverride: Sendable {
    public var paths: [Glob]
    public var rules: [String: Severity?]
    /// Scopes given in the mapping form, replacing the rule's own scope in these paths.
    public var scopes: [String: RuleScope] = [:]
}

/// Which files make up the corpus.
public struct CorpusSettings: Sendable {
    public var include: [Glob] = [Glob("**/*.md")]
    public var exclude: [Glob] = []
    public var frozen: [Glob] = []
    /// The severity of link, anchor and line-cite findings inside frozen trees (GitHub still shows those
    /// files, so their links still break); nil reports nothing there.
    public var frozenLinks: Severity? = .warning
    public var maxFileBytes = 64 << 20
    /// The most bytes one run reads in all; files past it (in path order) are reported, not read.
    public var maxTotalBytes = 256 << 20
    /// The largest `max-file-bytes` a config may set (1 GiB): a file is held in memory whole, several times.
    public static let maxFileBytesLimit = 1 << 30
    /// The largest `max-total-bytes` a config may set (1 TiB).
    public static let maxTotalBytesLimit = 1 << 40
}

/// A document kind: the globs that select it, how its H1 reads, its Status lifecycle.
public struct DocumentKindRule: Sendable {
    public var name: String
    public var paths: [Glob]
    /// H1 pattern; group 1 is the number, group 2 the title.
    public var title: Pattern?
    public var statuses: [String]
    /// Where the document number comes from (default: the title's group 1).
    public var number = NumberSource()
    /// The header's form and the fields it must hold.
    public var header = KindHeader()
    /// How a document of this kind is named from its number (`Plan-{number}`); nil: the kind name and number.
    public var label: NameTemplate?
}

/// Field names in the header table (empty: the profile names no such field).
public struct HeaderSettings: Sendable {
    public var statusField = ""
    public var numberField = ""
    public var specField = ""
    public var requiredADRsField = ""
    public var dependenciesField = ""
}

/// Plan structure.
public struct PlanSettings: Sendable {
    public var phaseSections: Pattern?
    public var phaseHeading: Pattern?
    public var preconditionLabel = ""
    public var tasksHeading: Pattern?
    public var taskHeading: Pattern?
    public var taskBulletID: Pattern?
    /// Task field labels, compiled once: key (`files`, `spec-coverage`, `verifies-invariant`, `step`) and a
    /// case-insensitive whole-label pattern, in key order.
    public var taskFields: [(key: String, pattern: Pattern)] = []
    public var invariantsSection: Pattern?
    public var invariantHeading: Pattern?
    public var obligationsSection: Pattern?
    public var obligationHeading: Pattern?
    public var targetAreasSection: Pattern?
    public var testsSection: Pattern?
    public var testIDCell: Pattern?
    public var testIDBullet: Pattern?
    public var preconditionsSection: Pattern?
}

/// Spec structure.
public struct SpecSettings: Sendable {
    public var acceptanceSection: Pattern?
    public var acceptanceID: Pattern?
}

/// Method-name and error-code registries.
public struct RegistrySettings: Sendable {
    /// The tables that are method registries (`method-tables`); the method-name rule reads only these.
    public var methodTables: [MethodTableDeclaration] = []
    public var methodFormatDeclaration: Pattern?
    /// Used when the corpus declares no method-name format; nil: such tables are not checked.
    public var methodFormatFallback: Pattern?
    public var errorCodesSection: Pattern?
    public var errorCodeKinds: [String] = []
    public var errorCode: Pattern?
}

/// Where the next-steps DAG lives and how its entries read.
public struct GraphSettings: Sendable {
    public var file = ""
    public var section: Pattern?
    public var entryHeading: Pattern?
    public var nodeID: Pattern?
    public var backlogNodeID: Pattern?
    /// The entry ID a next-step node stands for, from `node-id`'s groups (`NS-{1}{2}`).
    public var nodeEntryID: NameTemplate?
    /// The backlog item ID a backlog node stands for, from `backlog-node-id`'s groups (`BL-{1:3}{2}`).
    public var backlogNodeItemID: NameTemplate?
    public var entryStatuses: [String] = []
    public var prRow: Pattern?
    public var setClaim: Pattern?
    public var readyClass = "ready"
    public var blockedClass = "blocked"
    public var completedClass = "completed"
    /// Entry Status → the node classes it allows.
    public var statusClasses: [String: [String]] = [:]
}

/// Backlog items.
public struct BacklogSettings: Sendable {
    public var heading: Pattern?
    public var idCell: Pattern?
    public var completedGroup: Pattern?
    public var statuses: [String] = []
    public var priorities: [String] = []
    public var requiredFields: [String] = []
}

/// The inter-plan dependency table (§3) and tier table (§5).
public struct DependencySettings: Sendable {
    public var file = ""
    public var dependencySection: Pattern?
    public var tierSection: Pattern?
    public var forwardMarker: Pattern?
    public var nonUpstream: Pattern?
    public var partialSlice: Pattern?
    public var remainderSlice: Pattern?
    public var carveOutHeading: Pattern?
    public var deferral: Pattern?
}

/// Readiness gates and calibration bands.
public struct GateSettings: Sendable {
    /// The largest number a band may name (far past any count or ratio a plan reaches, and exactly an Int).
    static let bandLimit: Double = 1_000_000_000

    /// Tags that mark tier K's finished audit, tried in order (`{K}` is the tier).
    public var tags: [String] = []
    /// The `tags.families` the `no-ephemeral-tags` line counts in committed files.
    public var ephemeralFamilies: [String] = []
    /// The subject of the commit that finished tier K's audit (`{K}` is the tier); empty: none is looked for.
    public var commitSubject = ""
    /// What G5 calls the gate family's tags in its title and figures (`PR #N`); nil: the family's name.
    public var tasksTagLabel: String?
    /// The plan a ledger `Review minutes (…)` label names (group 0, as written); nil: every label is tier-wide.
    public var ledgerPlan: Pattern?
    public var canonicalPaths: [String: String] = [:]
    public var sizeRatio = 1.5
    public var maxStepsPerPhase = 50
    public var criticalSeverities: [String] = ["critical"]
    public var blockingSeverities: [String] = ["critical"]
    public var cosmeticSeverities: [String] = ["cosmetic", "nit"]
    public var findingHeading: Pattern?
    public var reviewFile = ""
    /// Band name → [low, high] (or [min] / [max] for one-sided bands).
    public var bands: [String: [Double]] = [:]
}

/// Ephemeral tag families and where they are provenance.
public struct TagSettings: Sendable {
    public var families: [String: Pattern] = [:]
    /// A family's own severity (`{pattern, severity}`) outside Tasks blocks; nil (`off`) turns the family off.
    /// A family not named here takes the rule's severity.
    public var familySeverities: [String: Severity?] = [:]
    /// Exemptions (docs/configuration.md): a reference qualified by another repository, a quotation, a dated
    /// amendment note.
    public var exemptions = TagExemptionSettings()
    public var provenanceSections: [Pattern] = []
    public var provenanceLines: [Pattern] = []
    public var provenanceRows: [Pattern] = []
    public var provenancePatterns: [Pattern] = []
    public var exempt: [Glob] = []
    public var exemptKinds: [String] = []
    public var tasksSeverity: Severity? = .error
    /// The family whose tags inside a Tasks block fail gate G5 (PR numbers); the others there are reported
    /// under the `no-ephemeral-tags` line.
    public var gateFamily = "pr-ref"
}

/// How links are resolved and fragments compared.
public struct LinkSettings: Sendable {
    /// How a link's `#fragment` is compared with heading slugs and anchors.
    public enum FragmentCase: String, Sendable {
        /// Exactly: slugs are lower case, so `#Goal` misses `## Goal` (what most renderers do).
        case exact
        /// Ignoring case, as GitHub's page script does when it scrolls to a fragment.
        case insensitive
    }

    public var fragmentCase = FragmentCase.exact
    /// URL prefixes that are this repository's own root (`https://github.com/o/r/blob/main/`): links under
    /// them are checked like relative links from the root.
    public var siteRoots: [String] = []
}

/// Line-cite spellings.
public struct CiteSettings: Sendable {
    public var labelColon: Pattern?
    public var linkColon: Pattern?
    public var codePin: Pattern?
    /// `Plan` → `docs/plans`: where a label-colon cite's number is looked up.
    public var kindFolders: [String: String] = [:]
    /// Both endpoints of a range must be non-blank lines (the corpus's own rule); off, only a range that is
    /// blank throughout is reported.
    public var endpoints = true
    /// Cites are followed through git history (`cites/drift`) when the corpus is in a git work tree.
    public var drift = true
}
