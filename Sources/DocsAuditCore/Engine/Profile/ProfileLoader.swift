import FoundationEssentials

/// Reads profiles: the embedded default, then a corpus's `docs-audit.yml` laid over it key by key.
public enum ProfileLoader {
    /// The name a corpus gives its own profile, at its root.
    public static let corpusConfigName = "docs-audit.yml"

    /// The built-in profile (`rules/default.yml`, embedded at build time).
    public static func defaultProfile() throws -> Profile {
        var profile = Profile()
        try apply(yaml: DefaultProfileText.yaml, file: "rules/default.yml", to: &profile)
        return profile
    }

    /// The default profile with `configFile` (if any) applied; with no file, `root/docs-audit.yml` is
    /// used when present.
    public static func load(root: String, configFile: String?) throws -> Profile {
        var profile = try defaultProfile()
        let path: String?
        if let configFile {
            path = configFile
        } else {
            let candidate = PathText.join(root, corpusConfigName)
            path = FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }
        guard let path else { return profile }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: 1, column: 1, key: "", message: "cannot read the config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: 1, column: 1, key: "", message: "the config file is not UTF-8")
        }
        try apply(yaml: text, file: path, to: &profile)
        return profile
    }

    /// Applies the keys of one YAML document to `profile`.
    public static func apply(yaml: String, file: String, to profile: inout Profile) throws {
        guard let node = try YAMLReader.read(yaml, file: file) else { return }  // an empty file changes nothing
        try ProfileDecoder.apply(ConfigNode(node: node, file: file, keyPath: ""), to: &profile)
        profile.sources.append(yaml)
    }
}
