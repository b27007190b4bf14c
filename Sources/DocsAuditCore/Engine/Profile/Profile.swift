/// The corpus conventions every extractor and rule reads: paths, document kinds, ID families, section
/// names and table shapes. Loaded from `rules/default.yml` (embedded) and a corpus's `docs-audit.yml`.
public struct Profile: Sendable {
    public var version = 1
    /// Every YAML text applied to make this profile, in order: with the tool, they determine it (the cache
    /// keys on them).
    public internal(set) var sources: [String] = []
    public var corpus = CorpusSettings()
    public var kinds: [DocumentKindRule] = []
    /// ID families by name (`plan`, `invariant`, `backlog`, …).
    public var ids: [String: IDFamily] = [:]
    public var header = HeaderSettings()
    public var plans = PlanSettings()
    public var specs = SpecSettings()
    public var registries = RegistrySettings()
    public var graph = GraphSettings()
    public var backlog = BacklogSettings()
    public var dependencies = DependencySettings()
    public var cites = CiteSettings()
    public var links = LinkSettings()
    public var tags = TagSettings()
    public var gates = GateSettings()
    /// Severity per rule ID; nil turns a rule off.
    public var ruleSeverities: [String: Severity?] = [:]
    public var overrides: [RuleOverride] = []

    public init() {}

    /// The severity of `rule` for a finding in `path`, or nil when the rule is off there.
    public func severity(of rule: RuleDescription, at path: String) -> Severity? {
        var severity = ruleSeverities[rule.id] ?? rule.severity
        for override in overrides where override.paths.contains(where: { $0.matches(path) }) {
            if let setting = override.rules[rule.id] { severity = setting }
        }
        return severity
    }

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
}

/// Severities for rules in some paths.
public struct RuleOverride: Sendable {
    public var paths: [Glob]
    public var rules: [String: Severity?]
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
}

/// Field names in the header table.
public struct HeaderSettings: Sendable {
    public var statusField = "Status"
    public var numberField = "NNN"
    public var specField = "Spec"
    public var requiredADRsField = "Required ADRs"
    public var dependenciesField = "Dependencies"
}

/// Plan structure.
public struct PlanSettings: Sendable {
    public var phaseSections: Pattern?
    public var phaseHeading: Pattern?
    public var preconditionLabel = "Precondition"
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
    public var methodTableHeader: Pattern?
    public var methodFormatDeclaration: Pattern?
    public var methodFormatFallback = "^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+$"
    public var errorCodesSection: Pattern?
    public var errorCodeKinds: [String] = ["contract"]
    public var errorCode: Pattern?
}

/// Where the next-steps DAG lives and how its entries read.
public struct GraphSettings: Sendable {
    public var file = "docs/architecture/cross-plan-dependencies.md"
    public var section: Pattern?
    public var entryHeading: Pattern?
    public var nodeID: Pattern?
    public var backlogNodeID: Pattern?
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
    public var file = "docs/architecture/cross-plan-dependencies.md"
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
    /// Tags that mark tier K's finished audit, tried in order (`{K}` is the tier).
    public var tags = ["plan-readiness-audit-tier-{K}-complete", "plan-readiness-audit-tier-{K}"]
    /// The `tags.families` the `no-ephemeral-tags` line counts in committed files.
    public var ephemeralFamilies = ["finding", "dep-trace", "pr-ref"]
    public var commitSubject = "^docs\\(repo\\): (?:resolve|apply) Tier[- ]?{K} plan-readiness audit"
    public var canonicalPaths: [String: String] = [:]
    public var sizeRatio = 1.5
    public var maxStepsPerPhase = 50
    public var criticalSeverities: [String] = ["critical"]
    public var blockingSeverities: [String] = ["critical"]
    public var cosmeticSeverities: [String] = ["cosmetic", "nit"]
    public var findingHeading: Pattern?
    public var reviewFile = "REVIEW.md"
    /// Band name → [low, high] (or [min] / [max] for one-sided bands).
    public var bands: [String: [Double]] = [:]
}

/// Ephemeral tag families and where they are provenance.
public struct TagSettings: Sendable {
    public var families: [String: Pattern] = [:]
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
}
