import DocsAuditCore
import DocsAuditReporters
import Foundation

/// Runs arbitrary bytes through everything docs-audit does with a file: the parse, the Mermaid parser,
/// extraction, every rule, every reporter, the derived graph, sync, and the HTML report.
enum FuzzTarget {
    static let profile: Profile = (try? ProfileLoader.defaultProfile()) ?? Profile()

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = MermaidParser.parse(text)
        // The same text as a plan, the dependency map (so the graph rules see it) and a backlog.
        let paths = ["docs/plans/001-fuzz.md", profile.graph.file, "docs/backlog.md"]
        let analysed = paths.map { path in DocumentAnalyzer.analyze(path: path, text: text, profile: profile) }
        // Every analysis goes through the cache's binary coding, as a cached run would read it.
        let analyses = analysed.map { pair -> FileAnalysis in
            guard let decoded = AnalysisCache.roundTrip(pair.1, fileSize: bytes.count) else {
                fatalError("a file analysis did not survive the cache's coding")
            }
            return decoded
        }
        let corpus = Corpus(root: "/nonexistent-fuzz-root", profile: profile, documents: analysed.map(\.0),
                            analyses: analyses, problems: [])
        let result = Linter.run(corpus)
        let report = Report(findings: result.findings)
        for format in ReportFormat.allCases { _ = try? format.render(report) }
        // Escaping invariant: corpus text never adds a line to a line-per-finding format (GitHub adds one notice
        // line past its annotation limit) and never carries a carriage return or an escape character.
        let plain = TextReporter.render(report.findings)
        let github = GitHubReporter.render(report.findings)
        let newlines = { (output: String) in output.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        precondition(newlines(plain) == report.findings.count, "a text finding spans more than one line")
        precondition((report.findings.count...(report.findings.count + 1)).contains(newlines(github)),
                     "a GitHub command spans more than one line")
        precondition(!plain.utf8.contains(0x0D) && !plain.utf8.contains(0x1B), "a control character reached text output")
        _ = try? JSONOutput.encode(result.model)
        let context = LintContext(corpus: corpus, model: result.model)
        let graph = DerivedGraph.derive(context)
        for format in GraphRenderer.Format.allCases {
            for diagram in GraphRenderer.Diagram.allCases { _ = try? GraphRenderer.render(graph, format: format, diagram: diagram) }
        }
        if let sync = GraphSync.plan(context) { _ = UnifiedDiff.make(sync.original, sync.updated, path: sync.path) }
        let gates = GateReport(baseline: "fuzz", head: "fuzz", tier: 1, plans: result.model.plans.map { "Plan-\($0.number)" })
        let readiness = ReadinessReport(gates: gates, context: context, findings: result.findings, ledger: nil)
        _ = MarkdownReportRenderer.render(readiness)
        _ = HTMLReportRenderer.render(readiness, svg: { _ in .unavailable })
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

/// libFuzzer's own driver (LLVM ≥ 11), for when the entry point is ours rather than libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: FuzzCallback) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver.
@_cdecl("docs_audit_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector) { data, size in fuzzOneInput(data, size) }
}
#else
/// Replays saved inputs (files or folders of files) through the fuzz target: `docs-audit-fuzz Fuzz/inputs`.
/// A path that does not exist is an error (exit 2): a replay of nothing must not pass.
@main
struct FuzzReplay {
    static func main() {
        var files: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("docs-audit-fuzz: \(argument) does not exist\n".utf8))
                exit(2)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.sorted().filter { !$0.hasPrefix(".") }.map { argument + "/" + $0 }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            data.withUnsafeBytes { FuzzTarget.run($0) }
        }
        print("replayed \(files.count) inputs")
    }
}
#endif
