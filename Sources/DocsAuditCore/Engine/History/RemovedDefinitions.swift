/// The IDs a change removed: defined by the named files of a narrowed run as they are at HEAD, and defined by no
/// file now. A reference elsewhere to such an ID is broken by the change, so a pre-commit run reports it with the
/// named file in `related` (`ids/undefined-reference`), as it reports links into a renamed heading.
///
/// HEAD is the version a commit replaces, for `--staged` and for files named by pre-commit alike; it is read as
/// `fix` reads it for renamed headings (`GitObjects`). Outside git (or before the first commit) there is no
/// earlier version, and such references are reported only by a whole run.
enum RemovedDefinitions {
    /// What the named files were at HEAD.
    struct Found: Sendable {
        /// The removed IDs (identities), each with the named file that defined it at HEAD.
        var ids: [String: String] = [:]
        /// The label of each spec a named file held at HEAD (`Spec-007`), with that file: a task elsewhere that
        /// cites the spec or its criteria may break when the file changes or goes.
        var specs: [String: String] = [:]
    }

    /// What the named files defined at HEAD and no file defines now; empty outside git.
    static func find(paths: Set<String>, corpus: Corpus, definitions: Definitions, rootPath: String,
                     repositoryRoot: String?) -> Found {
        guard repositoryRoot != nil, !paths.isEmpty else { return Found() }
        // Only corpus documents: a named image or a file the profile excludes defined nothing.
        let named = paths.sorted().filter { CorpusLoader.isSelected($0, corpus.profile) }
        guard !named.isEmpty, let old = try? GitObjects(root: rootPath).contents(at: "HEAD", paths: named) else {
            return Found()
        }
        var found = Found()
        for path in named {
            // The same limit as the working tree's files (`corpus.max-file-bytes`): a huge old version is skipped.
            guard case let .some(.some(text)) = old[path], text.utf8.count <= corpus.profile.corpus.maxFileBytes else {
                continue
            }
            let (_, analysis) = DocumentAnalyzer.analyze(path: path, text: text, profile: corpus.profile)
            for definition in analysis.facts.definitions where !definitions.isDefined(definition.id) {
                guard corpus.profile.ids[definition.family]?.local != true, found.ids[definition.id] == nil else {
                    continue
                }
                found.ids[definition.id] = path
            }
            if let spec = analysis.facts.spec {
                found.specs[corpus.profile.label(kind: "spec", number: spec.number)] = path
            }
        }
        return found
    }
}
