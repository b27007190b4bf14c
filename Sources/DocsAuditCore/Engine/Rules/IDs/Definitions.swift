/// Where each ID is defined and reserved, gathered once from the model for the ID rules. A class: rules pass it
/// around per reference, and it is never changed after it is built.
final class Definitions: Sendable {
    struct Site: Hashable {
        var path: String
        var line: Int
    }

    /// Definition sites by identity (`BL-108`, `I-024-1`, `Plan-024`, `NS-13a`, `T-024-1-2`, …); families with
    /// `local` are keyed by path too (`localKey`).
    let sites: [String: [Site]]
    /// The IDs each family defines first (range members excluded), in corpus order, for duplicate checks.
    let families: [String: [String]]
    /// The first reservation of each reserved identity (`ids.<family>.reservations`).
    let reservations: [String: IDReference]
    /// IDs defined through a variant (`NS-13` when `NS-13a` is defined and its family has `variants`).
    private let variantStems: Set<String>
    /// The longest variant suffix looked at.
    static let maxVariantLength = 8
    /// Prefixes of the IDs of each family a wildcard family names (`wildcard-of`).
    private let prefixes: [String: Set<String>]
    /// The longest wildcard prefix looked at.
    static let maxPrefixLength = 64

    init(_ model: CorpusModel, profile: Profile) {
        var sites: [String: [Site]] = [:]
        var families: [String: [String]] = [:]
        var reservations: [String: IDReference] = [:]
        var variantStems = Set<String>()
        var prefixes: [String: Set<String>] = [:]
        for definition in model.definitions {
            let local = profile.ids[definition.family]?.local == true
            let key = local ? Self.localKey(definition.path, definition.id) : definition.id
            if sites[key] == nil && definition.member != true { families[definition.family, default: []].append(key) }
            sites[key, default: []].append(Site(path: definition.path, line: definition.line))
        }
        // `variants`: every defined ID minus a suffix the family's pattern accepts (`NS-13a` → `NS-13`), so a
        // reference is looked up once, not compared with every definition.
        for family in profile.ids.values {
            guard let variants = family.variants else { continue }
            for id in families[family.name] ?? [] {
                for length in 1...max(1, min(Self.maxVariantLength, id.count - 1)) where length < id.count {
                    let suffix = String(id.suffix(length))
                    if variants.firstMatch(in: suffix)?[0] == suffix {
                        variantStems.insert(family.name + "\u{0}" + id.dropLast(length))
                    }
                }
            }
        }
        // `wildcard-of`: every prefix of the target family's IDs, so a wildcard is one lookup.
        for target in Set(profile.ids.values.compactMap(\.wildcardOf)) {
            var set = Set<String>()
            for id in families[target] ?? [] {
                var prefix = ""
                for char in id.prefix(Self.maxPrefixLength) {
                    prefix.append(char)
                    set.insert(prefix)
                }
            }
            prefixes[target] = set
        }
        for reference in model.references where reference.reserved == true {
            guard let family = profile.ids[reference.family], family.isChecked else { continue }
            let ids = reference.range == true ? IDRanges.members(of: reference.id, family: family) : nil
            for id in ids ?? [reference.identity] where reservations[id] == nil {
                reservations[id] = reference
            }
        }
        self.sites = sites
        self.families = families
        self.reservations = reservations
        self.variantStems = variantStems
        self.prefixes = prefixes
    }

    static func localKey(_ path: String, _ id: String) -> String { path + "\u{0}" + id }

    /// Whether `id` (an identity) is defined anywhere.
    func isDefined(_ id: String) -> Bool { sites[id] != nil }

    /// Whether `id`, referenced in `path` as an ID of `family`, is defined (or, with `variants`, a variant of it
    /// is; with `local`, in the same file).
    func isDefined(_ id: String, family: IDFamily, path: String) -> Bool {
        if family.local { return sites[Self.localKey(path, id)] != nil }
        if sites[id] != nil { return true }
        return family.variants != nil && variantStems.contains(family.name + "\u{0}" + id)
    }

    /// The IDs of `family` that start with `prefix` exist (wildcards such as `I-024-*`).
    func hasAny(family: String, prefix: String) -> Bool {
        prefixes[family]?.contains(prefix) == true
    }
}
