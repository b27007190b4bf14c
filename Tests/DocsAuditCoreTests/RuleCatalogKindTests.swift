import XCTest
@testable import DocsAuditCore

/// The catalog's typed lists (`RuleCatalog.documentRules`, `.moduleRules`) hold exactly the rules the dynamic casts
/// they replaced find, in the catalog's order: a rule added to `rules` and not to its list fails here.
final class RuleCatalogKindTests: XCTestCase {
    func testDocumentRulesAreTheCatalogsDocumentRules() {
        let cast = RuleCatalog.rules.compactMap { $0 as? any DocumentRule }.map(\.description.id)
        XCTAssertEqual(RuleCatalog.documentRules.map(\.description.id), cast,
                       "add a new DocumentRule to RuleCatalog.documentRules too")
        XCTAssertFalse(cast.isEmpty)
    }

    /// `readsOneDocument`, which focused runs ask instead of casting, answers as the cast does, for custom rules too.
    func testReadsOneDocumentAnswersAsTheCast() throws {
        let custom = try ProfileLoader.load(yaml: """
            custom-rules:
              - id: custom/x
                summary: found
                forbid: 'TODO'
            """, file: "docs-audit.yml").customRules
        let rules: [any Rule] = RuleCatalog.rules + custom.map { $0 as any Rule }
        XCTAssertFalse(custom.isEmpty)
        for rule in rules {
            XCTAssertEqual(rule.readsOneDocument, rule is any DocumentRule, rule.description.id)
        }
    }

    func testModuleRulesAreTheCatalogsModuleRules() {
        let cast = RuleCatalog.rules.compactMap { $0 as? any ModuleRule }
        XCTAssertEqual(RuleCatalog.moduleRules.map(\.description.id), cast.map(\.description.id),
                       "add a new ModuleRule to RuleCatalog.moduleRules too")
        for rule in cast {
            XCTAssertEqual(RuleCatalog.ruleModules[rule.description.id], rule.module, rule.description.id)
        }
    }

    /// `runs(under:)` decides as the cast did: an engine rule always runs, a module rule only under a profile
    /// that declares its module.
    func testRunsUnderAProfileAsTheCastDecided() throws {
        let full = try ProfileLoader.defaultProfile()
        let bare = try ModuleDeclarationTests.profile(without: Set(ProfileModule.allCases.map(\.rawValue)))
        for profile in [full, bare] {
            for rule in RuleCatalog.rules {
                let expected = (rule as? any ModuleRule).map { profile.declares($0.module) } ?? true
                XCTAssertEqual(rule.runs(under: profile), expected, rule.description.id)
            }
        }
        XCTAssertTrue(RuleCatalog.rules.contains { !$0.runs(under: bare) }, "the bare profile turns module rules off")
    }
}
