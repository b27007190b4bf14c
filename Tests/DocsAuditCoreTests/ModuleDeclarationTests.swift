import Foundation
import XCTest
@testable import DocsAuditCore

/// A module (plans, specs, registries, graph, backlog, dependencies, gates) runs only when the profile declares
/// its section: without it no module rule fires and `extract` has nothing in the module's part of the model.
final class ModuleDeclarationTests: XCTestCase {
    /// The example corpus with defects every module reports under the default profile.
    private func plantedCorpus() throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/corpus")
        var files: [String: String] = [:]
        for path in FileManager.default.enumerator(atPath: source.path)?.compactMap({ $0 as? String }) ?? []
        where path.hasSuffix(".md") {
            files[path] = try String(contentsOf: source.appendingPathComponent(path), encoding: .utf8)
        }
        func plant(_ path: String, _ old: String, _ new: String) {
            XCTAssertNotNil(files[path]?.range(of: old), "\(path) no longer has \(old)")
            files[path] = files[path]?.replacingOccurrences(of: old, with: new)
        }
        plant("docs/plans/001-sync-core.md", "| **Status** | `approved` |", "| **Status** | `bogus` |")
        plant("docs/architecture/cross-plan-dependencies.md", "  NS03 --> NS04\n", "  NS03 --> NS04\n  NS04 --> NS02\n")
        plant("docs/backlog.md", "- Priority: `P2`\n", "")
        plant("docs/architecture/contracts/api-contracts.md", "| `note.list` |", "| `Note_List` |")
        return try Fixture.directory(files)
    }

    /// The default profile with `sections` removed, decoded onto an empty base.
    static func profile(without sections: Set<String>) throws -> Profile {
        let node = try XCTUnwrap(try YAMLReader.read(DefaultProfileText.yaml, file: "rules/default.yml"))
        guard case let .mapping(pairs) = node.content else { throw XCTSkip("the default profile is not a mapping") }
        let kept = YAMLNode(.mapping(pairs.filter { !sections.contains($0.key.string ?? "") }),
                            line: node.line, column: node.column)
        var profile = Profile()
        try ProfileDecoder.apply(ConfigNode(node: kept, file: "rules/default.yml", keyPath: ""), to: &profile)
        return profile
    }

    private static let moduleRules: [ProfileModule: Set<String>] = {
        var rules: [ProfileModule: Set<String>] = [:]
        for case let rule as any ModuleRule in RuleCatalog.rules {
            rules[rule.module, default: []].insert(rule.description.id)
        }
        return rules
    }()

    private func lint(_ root: URL, _ profile: Profile) throws -> (findings: [Finding], model: CorpusModel) {
        let result = Linter.run(try CorpusLoader.load(root: root.path, profile: profile))
        return (result.findings, result.model)
    }

    func testTheDefaultProfileDeclaresEveryModule() throws {
        let profile = try ProfileLoader.defaultProfile()
        XCTAssertEqual(profile.modules, Set(ProfileModule.allCases))
    }

    func testEveryModuleRuleIsTiedToItsSection() {
        XCTAssertEqual(Self.moduleRules[.graph]?.count, 13)
        XCTAssertEqual(Self.moduleRules[.plans], ["plans/status", "tasks/traceability", "obligations/reciprocity"])
        XCTAssertEqual(Self.moduleRules[.registries], ["registry/method-name-format"])
        XCTAssertEqual(Self.moduleRules[.backlog], ["backlog/fields"])
        XCTAssertEqual(Self.moduleRules[.dependencies], ["deps/tier-order"])
    }

    func testWithoutAnyModuleSectionNoModuleRuleFiresAndTheModelHasNoModulePart() throws {
        let root = try plantedCorpus()
        let withModules = try lint(root, try ProfileLoader.defaultProfile())
        let fired = Set(withModules.findings.map(\.rule))
        for rule in ["plans/status", "graph/cycle", "backlog/fields", "registry/method-name-format"] {
            XCTAssertTrue(fired.contains(rule), "the planted defect for \(rule) is not reported: \(fired.sorted())")
        }
        XCTAssertFalse(withModules.model.plans.isEmpty)

        let bare = try Self.profile(without: Set(ProfileModule.allCases.map(\.rawValue)))
        XCTAssertTrue(bare.modules.isEmpty)
        let without = try lint(root, bare)
        let everyModuleRule = Self.moduleRules.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        XCTAssertEqual(without.findings.filter { everyModuleRule.contains($0.rule) }.map(\.rule), [])
        let model = without.model
        XCTAssertEqual(model.documents.count, withModules.model.documents.count)
        XCTAssertTrue(model.plans.isEmpty)
        XCTAssertTrue(model.specs.isEmpty)
        XCTAssertNil(model.nextSteps)
        XCTAssertTrue(model.backlog.isEmpty)
        XCTAssertTrue(model.dependencies.rows.isEmpty)
        XCTAssertTrue(model.dependencies.tiers.isEmpty)
        XCTAssertTrue(model.methodRegistries.tables.isEmpty)
        XCTAssertTrue(model.methodRegistries.formats.isEmpty)
        XCTAssertTrue(model.errorCodes.isEmpty)
        XCTAssertFalse(model.diagrams.isEmpty, "diagrams are the engine's, not a module's")
    }

    func testEachModuleStopsAloneWhenItsSectionIsRemoved() throws {
        let root = try plantedCorpus()
        let all = Set(try lint(root, try ProfileLoader.defaultProfile()).findings.map(\.rule))
        for module in [ProfileModule.plans, .graph, .backlog, .registries] {
            let profile = try Self.profile(without: [module.rawValue])
            XCTAssertFalse(profile.declares(module))
            let fired = Set(try lint(root, profile).findings.map(\.rule))
            let own = Self.moduleRules[module] ?? []
            XCTAssertEqual(fired.intersection(own), [], "\(module) rules fire without its section")
            let others = all.subtracting(own).filter { rule in
                Self.moduleRules.contains { $0.key != module && $0.value.contains(rule) }
            }
            XCTAssertEqual(fired.intersection(others), others, "removing \(module) stopped another module")
        }
    }

    func testANullSectionRemovesTheInheritedModule() throws {
        var profile = try ProfileLoader.defaultProfile()
        try ProfileLoader.apply(yaml: "gates: ~\ngraph: ~\n", file: "docs-audit.yml", to: &profile)
        XCTAssertFalse(profile.declares(.gates))
        XCTAssertFalse(profile.declares(.graph))
        XCTAssertTrue(profile.declares(.plans))
        XCTAssertEqual(profile.gates.tags, [])
        XCTAssertNil(profile.graph.nodeEntryID)
        try ProfileLoader.apply(yaml: "gates:\n  size-ratio: 2\n", file: "docs-audit.yml", to: &profile)
        XCTAssertTrue(profile.declares(.gates), "declaring the section again turns the module back on")
    }

    func testGatesNeedADeclaredGatesSection() throws {
        let profile = try Self.profile(without: ["gates"])
        let root = try Fixture.directory(["README.md": "# Readme\n"])
        let evaluator = GateEvaluator(root: root.path, profile: profile, baseline: "HEAD")
        XCTAssertThrowsError(try evaluator.evaluate(tier: 1, plans: [])) { error in
            XCTAssertEqual((error as? CorpusError)?.message,
                           "the profile declares no readiness gates (no `gates` section)")
        }
        XCTAssertNil(GateEvaluator.undeclaredGates(try ProfileLoader.defaultProfile()))
    }

    func testAProfileThatNamesNoHeaderFieldReadsNone() throws {
        let profile = try Self.profile(without: ["header"])
        XCTAssertEqual(profile.header.statusField, "")
        let root = try Fixture.directory([
            "docs/plans/001-a.md": "# Plan-001: A\n\n| Field | Value |\n| --- | --- |\n| | `approved` |\n",
        ])
        let model = Extractor.extract(try CorpusLoader.load(root: root.path, profile: profile))
        XCTAssertEqual(model.documents.first?.path, "docs/plans/001-a.md")
        XCTAssertNil(model.documents.first?.status, "a row with an empty field name is not the Status row")
    }

    func testSwiftDefaultsHoldNoCorpusConvention() {
        let empty = Profile()
        XCTAssertEqual(empty.header.statusField, "")
        XCTAssertEqual(empty.header.numberField, "")
        XCTAssertEqual(empty.graph.file, "")
        XCTAssertEqual(empty.dependencies.file, "")
        XCTAssertEqual(empty.registries.errorCodeKinds, [])
        XCTAssertNil(empty.registries.methodFormatFallback)
        XCTAssertEqual(empty.gates.tags, [])
        XCTAssertEqual(empty.gates.ephemeralFamilies, [])
        XCTAssertEqual(empty.gates.commitSubject, "")
        XCTAssertEqual(empty.gates.reviewFile, "")
        XCTAssertNil(empty.gates.tasksTagLabel)
        XCTAssertNil(empty.gates.ledgerPlan)
        XCTAssertEqual(empty.plans.preconditionLabel, "")
        XCTAssertTrue(empty.modules.isEmpty)
        XCTAssertEqual(empty.label(kind: "plan", number: "024"), "plan 024")
    }
}
