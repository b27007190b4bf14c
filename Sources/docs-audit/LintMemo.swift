import DocsAuditCore

extension Lint {
    /// The result of a whole `lint` run, before the baseline, the formats and the rest the command applies.
    struct WholeRun {
        let findings: [Finding]
        let notices: [String]
        let profile: Profile
        let codePointColumn: @Sendable (Finding) -> Int
    }

    /// The whole run's result. With a usable cache, the run memo's when none of its inputs changed (a replay:
    /// no analysis decoded, no file re-read); otherwise a full run, which then writes the memo (`RunMemo`).
    func memoized() throws -> WholeRun {
        let profile = try PhaseTimer.measure("profile") {
            try ProfileLoader.load(root: corpus.root, configFile: corpus.config)
        }
        let cacheDirectory = corpus.cacheDirectory
        let observation = cacheDirectory.flatMap { directory in
            PhaseTimer.measure("run memo observe") {
                RunMemo.observe(root: corpus.root, profile: profile, cacheDirectory: directory)
            }
        }
        if let replay = observation?.replay() {
            return WholeRun(findings: replay.findings, notices: replay.notices, profile: profile,
                            codePointColumn: { replay.codePointColumn($0) })
        }
        let loaded = try PhaseTimer.measure("read and analyse") {
            try CorpusLoader.load(root: corpus.root, profile: profile, cacheDirectory: cacheDirectory,
                                  walked: observation?.walk)
        }
        let probes = observation == nil ? nil : ProbeRecorder()
        let result = Linter.run(loaded, probes: probes)
        // Each column once, for the memo and the output alike.
        let column = loaded.codePointColumnLookup(result.findings)
        if let observation, let probes {
            observation.record(findings: result.findings, notices: result.notices, corpus: loaded, probes: probes,
                               codePointColumn: column)
        }
        return WholeRun(findings: result.findings, notices: result.notices, profile: profile, codePointColumn: column)
    }

}
