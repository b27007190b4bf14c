/// The IDs a change removed: defined by the named files of a narrowed run as they are at HEAD, and defined by no
/// file now. A reference elsewhere to such an ID is broken by the change, so a pre-commit run reports it with the
/// named file in `related` (`ids/undefined-reference`), as it reports links into a renamed heading.
///
/// HEAD is the version a commit replaces, for `--staged` and for files named by pre-commit alike. Outside git (or
/// before the first commit) there is no earlier version, and such references are reported only by a whole run.
enum RemovedDefinitions {
    /// The removed IDs (identities), each with the named file that defined it at HEAD; empty outside git.
    static func find(paths: Set<String>, corpus: Corpus, definitions: Definitions, rootPath: String,
                     repositoryRoot: String?) -> [String: String] {
        guard repositoryRoot != nil, !paths.isEmpty else { return [:] }
        let git = GitHistory(root: rootPath)
        guard let head = git.head() else { return [:] }
        let blobs = paths.sorted().map { GitHistory.Blob(commit: head, path: $0) }
        guard case let .success(contents) = git.contents(of: blobs) else { return [:] }
        var removed: [String: String] = [:]
        for blob in blobs {
            guard case let .some(.some(bytes)) = contents[blob],
                  case let .success(text) = TextDecoding.decode(bytes) else { continue }
            let (_, analysis) = DocumentAnalyzer.analyze(path: blob.path, text: text, profile: corpus.profile)
            for definition in analysis.facts.definitions where !definitions.isDefined(definition.id) {
                guard corpus.profile.ids[definition.family]?.local != true, removed[definition.id] == nil else {
                    continue
                }
                removed[definition.id] = blob.path
            }
        }
        return removed
    }
}
