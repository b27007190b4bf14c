/// Runs the checks over a loaded corpus. For now it reports input that could not be read or parsed
/// faithfully; the corpus rules build on the same entry point.
public enum Linter {
    public static func lint(_ corpus: Corpus) -> [Finding] {
        let findings = corpus.problems.map { problem in
            Finding(rule: problem.code, severity: .error, file: problem.path, line: problem.line, column: problem.column,
                    message: problem.message, subject: problem.code)
        }
        return Finding.sorted(findings)
    }
}
