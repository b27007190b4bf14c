/// Why `docs-audit fix` leaves something for a person, in one voice and kept together: each says what is the
/// case, never only that no fix was made.
enum FixReason {
    /// Why git cannot tell what changed since the last commit.
    enum GitProblem: Error, Equatable {
        case notWorkTree, noCommit
        case failed(String)

        var text: String {
            switch self {
            case .notWorkTree: return "the corpus is not in a git work tree"
            case .noCommit: return "the repository has no commit yet"
            case let .failed(message): return "git could not compare the working tree with the last commit (\(message))"
            }
        }

        /// What stands in the way, read from the context (a run of git only when there is a work tree).
        static func of(_ context: LintContext) -> GitProblem? {
            guard context.repositoryRoot != nil else { return .notWorkTree }
            return GitObjects(root: context.corpus.root).resolves("HEAD") ? nil : .noCommit
        }
    }

    // MARK: Links into a moved file, and a moved file's own links

    static func noMoves(_ problem: GitProblem) -> String {
        "\(problem.text), so a moved file cannot be told from a missing one"
    }

    static func leavesRoot(_ target: String) -> String {
        "\(target) is outside the corpus root, where fix does not look for moves"
    }

    static func climbsAbove(_ root: String) -> String {
        "the path climbs above the \(root); fix does not guess where it should point"
    }

    static func deletedNotMoved(_ target: String) -> String {
        "\(target) was deleted since the last commit and git pairs no new file with it: a file moved with plain "
            + "`mv` is paired once the new file is added with `git add`; a file changed too much is not paired"
    }

    static func folderGone(_ target: String) -> String {
        "the files of the folder \(target) were moved or deleted since the last commit; fix follows moves of files, "
            + "not of a folder"
    }

    static func notInLastCommit(_ target: String) -> String {
        "\(target) is not in the last commit either, and fix follows only moves made since the last commit"
    }

    /// A link that pointed at `target` (written in `path`, or, when `path` moved, where it was), which does not
    /// exist now, at its old path or where it moved to.
    static func meantIsMissing(_ destination: String, in path: String, movedFrom origin: String?,
                               pointedAt target: String, movedTo: String?) -> String {
        var text = origin.map { "\(path) was moved from \($0) since the last commit; written there, " }
            ?? "in \(path), "
        text += "`\(destination)` pointed at \(target)"
        if let movedTo { text += ", since moved to \(movedTo)," }
        return text + " which does not exist now"
    }

    static func writtenSinceMove(_ destination: String, in path: String) -> String {
        "the lines of \(path) that write `\(destination)` were edited since the file moved, so fix takes it as "
            + "written for the new place"
    }

    static func mixedLines(_ destination: String, in path: String) -> String {
        "\(path) writes `\(destination)` on lines kept since the file moved and on lines edited since, so fix "
            + "cannot tell which place it was written for"
    }

    /// More (or fewer) `](destination` places than the parse has links and images with that destination.
    static func unaccounted(_ destination: String, in path: String, found: Int, parsed: Int) -> String {
        "fix finds `\(destination)` written as a link destination \(times(found)) in \(path), but the Markdown "
            + "parse has \(parsed) link\(parsed == 1 ? "" : "s") or image\(parsed == 1 ? "" : "s") with it, so fix "
            + "cannot tell which places to rewrite"
    }

    static func sharedPlace(_ count: Int) -> String {
        "the parse reports \(count) links at this place, so fix cannot tell which one the finding is about"
    }

    /// A moved file's link that now points at another file than before, and that fix could not rewrite.
    static func outboundNote(_ path: String, line: Int, destination: String, why: String) -> String {
        "\(path):\(line): the link `\(destination)` points at another file since \(path) moved, and fix could "
            + "not rewrite it: \(why)"
    }

    // MARK: Links into a renamed heading

    static func noRenames(_ problem: GitProblem) -> String {
        "\(problem.text), so a renamed heading cannot be told from a missing one"
    }

    static func notAtHead(_ target: String) -> String {
        "\(target) is not in the last commit, so there are no earlier headings to compare with"
    }

    static func unchanged(_ target: String, _ fragment: String) -> String {
        "\(target) has not changed since the last commit, so no heading `\(fragment)` was renamed there"
    }

    static func noHeadingAtHead(_ target: String, _ fragment: String) -> String {
        "\(target) had no heading `\(fragment)` at the last commit either, so no rename since then explains the link"
    }

    static func unpaired(_ target: String, _ fragment: String) -> String {
        "the heading `\(fragment)` of \(target) was removed or renamed since the last commit, and fix cannot tell "
            + "which heading, if any, took its place"
    }

    // MARK: Everything else

    static func frozen(_ path: String) -> String { "\(path) is in a frozen tree (--include-frozen fixes it)" }

    static func refused(_ why: String) -> String { "its fix was refused: \(why)" }

    static let staleCite = "the cited lines were rewritten or deleted: only a person can tell what the cite should "
        + "point at now"

    static let movedCiteUnwritten = "the cited lines moved, but fix could not find the cited range written on the "
        + "cite's line to rewrite"

    static let requireRule = "the custom rule requires text, and fix cannot write what is missing"

    static let noReplacement = "the custom rule has no `replacement`"

    static let replacementUnsettled = "the custom rule's `replacement` would leave a match of its pattern there, "
        + "so it is not applied"

    static func noAutomaticFix(_ rule: String) -> String { "fix has no automatic change for \(rule)" }

    /// Why a finding that carries no fix of its own has none.
    static func withoutFix(_ finding: Finding, profile: Profile) -> String {
        if finding.rule == "cites/drift" {
            return finding.message.hasSuffix(CiteDriftRule.staleNote) ? staleCite : movedCiteUnwritten
        }
        if let rule = profile.customRules.first(where: { $0.description.id == finding.rule }) {
            switch rule.check {
            case .require: return requireRule
            case .forbid: return rule.replacement == nil ? noReplacement : replacementUnsettled
            }
        }
        return noAutomaticFix(finding.rule)
    }

    private static func times(_ count: Int) -> String {
        count == 0 ? "nowhere" : count == 1 ? "once" : "\(count) times"
    }
}
