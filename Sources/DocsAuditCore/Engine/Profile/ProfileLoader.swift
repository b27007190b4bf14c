import FoundationEssentials

/// Reads profiles: a built-in one, and a corpus's `docs-audit.yml` laid over the profile it extends as YAML
/// trees (`YAMLMerge`), then decoded once from the merged tree.
public enum ProfileLoader {
    /// The name a corpus gives its own profile, at its root.
    public static let corpusConfigName = "docs-audit.yml"

    /// The built-in profile (`rules/default.yml`, embedded at build time).
    public static func defaultProfile() throws -> Profile { try builtIn(BuiltInProfiles.defaultName) }

    /// The built-in profile `name` (`docs-audit.yml`'s `extends: NAME`); `none` is the engine alone.
    public static func builtIn(_ name: String) throws -> Profile {
        guard name != BuiltInProfiles.noneName else { return Profile() }
        guard let (file, yaml) = BuiltInProfiles.text(of: name) else {
            throw ConfigError(file: name, line: 1, column: 1, key: "", message: unknownProfile(name))
        }
        // A built-in profile extends nothing; it may say so (`extends: none`), so that the same file passed with
        // `--config` stands alone too instead of being laid over the default.
        guard var tree = try YAMLReader.read(yaml, file: file) else { return Profile() }
        if let extends = try takeExtends(from: &tree), extends != BuiltInProfiles.noneName {
            throw ConfigError(file: file, line: 1, column: 1, key: "extends",
                              message: "a built-in profile extends nothing (`extends: none` or no key)")
        }
        return try layer(tree, text: yaml, over: Profile())
    }

    /// The profile a corpus uses: `configFile` (if any) laid over the profile it extends; with no file,
    /// `root/docs-audit.yml` is used when present, and the default profile when not.
    public static func load(root: String, configFile: String?) throws -> Profile {
        let path: String?
        if let configFile {
            path = configFile
        } else {
            let candidate = PathText.join(root, corpusConfigName)
            path = FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }
        guard let path else { return try defaultProfile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: 1, column: 1, key: "", message: "cannot read the config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: 1, column: 1, key: "", message: "the config file is not UTF-8")
        }
        return try load(yaml: text, file: path)
    }

    /// The profile of a corpus config whose text is `yaml`: laid over the built-in profile its `extends`
    /// names (the default when it names none).
    public static func load(yaml: String, file: String) throws -> Profile {
        var profile = try defaultProfile()
        try apply(yaml: yaml, file: file, to: &profile)
        return profile
    }

    /// Lays one YAML document over `profile` by the merge rule, and decodes the result afresh. A document
    /// with `extends` is laid over that built-in profile instead. An empty document changes nothing.
    public static func apply(yaml: String, file: String, to profile: inout Profile) throws {
        guard var overlay = try YAMLReader.read(yaml, file: file) else { return }
        var base = profile
        if let extends = try takeExtends(from: &overlay) {
            base = try builtIn(extends)
        }
        profile = try layer(overlay, text: yaml, over: base)
    }

    /// `overlay` (read from `text`) merged over `base`'s tree and decoded from scratch.
    private static func layer(_ overlay: YAMLNode, text: String, over base: Profile) throws -> Profile {
        try ProfileVersion.check(overlay, over: base.tree)
        let tree = base.tree.map { YAMLMerge.merge($0, overlay) } ?? YAMLMerge.withoutNullKeys(overlay)
        var result = Profile()
        try ProfileDecoder.apply(ConfigNode(node: tree, file: tree.file, keyPath: ""), to: &result)
        result.tree = tree
        result.sources = base.sources + [text]
        result.layers = base.layers + [overlay.file]
        return result
    }

    /// The value of the overlay's `extends` key (removed from it), or nil when it has none.
    private static func takeExtends(from overlay: inout YAMLNode) throws -> String? {
        guard case var .mapping(pairs) = overlay.content,
              let index = pairs.firstIndex(where: { $0.key.string == "extends" }) else { return nil }
        let pair = pairs.remove(at: index)
        overlay.content = .mapping(pairs)
        if pair.value.isNull { return nil }
        let node = ConfigNode(node: pair.value, file: pair.value.file, keyPath: "extends", keyMark: pair.key)
        let name = try node.string()
        guard name == BuiltInProfiles.noneName || BuiltInProfiles.text(of: name) != nil else {
            throw node.error(unknownProfile(name))
        }
        return name
    }

    private static func unknownProfile(_ name: String) -> String {
        let known = BuiltInProfiles.names + [BuiltInProfiles.noneName]
        return "no built-in profile `\(name)`\(DidYouMean.hint(name, in: known)) "
            + "(known: \(known.map { "`\($0)`" }.joined(separator: ", ")))"
    }
}
