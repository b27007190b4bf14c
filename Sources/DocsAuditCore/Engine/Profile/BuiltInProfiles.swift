/// The profiles the binary carries, by name: `default` (rules/default.yml) and every other rules/NAME.yml
/// (`make embed` regenerates `BuiltInProfileTable.swift` from the folder). A corpus config picks one with
/// `extends: NAME`, or `extends: none` for the engine alone.
public enum BuiltInProfiles {
    /// The profile a corpus config extends when it does not say.
    public static let defaultName = "default"
    /// The `extends` value that means no built-in profile at all.
    public static let noneName = "none"

    /// Every built-in profile name, in table order.
    public static var names: [String] { table.map(\.name) }

    /// The text of built-in profile `name`, and its file in the repository, or nil for an unknown name.
    public static func text(of name: String) -> (file: String, yaml: String)? {
        table.first { $0.name == name }.map { ($0.file, $0.yaml) }
    }
}
