/// A rule that may also say something about the run itself (a check it had to skip, and why): one line each,
/// never a finding, which the command prints once on standard error as `info`.
protocol NoticingRule: Rule {
    func checkWithNotices(_ context: LintContext) -> (hits: [RuleHit], notices: [String])
}
