import XCTest
@testable import DocsAuditCore

/// Expected slugs are the anchors GitHub renders for these headings (github-slugger's rules), several
/// of them used as link fragments in real documentation.
final class SlugTests: XCTestCase {
    func testPunctuationDashesAndSymbols() {
        let cases: [(String, String)] = [
            ("Plan-008 Bootstrap-vs-Remainder Carve-Out (Tier 1 / Tier 5)", "plan-008-bootstrap-vs-remainder-carve-out-tier-1--tier-5"),
            ("BL-108: Plan-024 Windows + macOS signing procurement evidence", "bl-108-plan-024-windows--macos-signing-procurement-evidence"),
            ("5. Canonical Build Order", "5-canonical-build-order"),
            ("NS-01: Plan-024 Phase 1 — Rust crate scaffolding", "ns-01-plan-024-phase-1--rust-crate-scaffolding"),
            ("§6 schema amendment", "6-schema-amendment"),
            ("Security Events (security_events)", "security-events-security_events"),
            ("Hello, World!", "hello-world"),
            ("😄 unicode emoji", "-unicode-emoji"),
            ("Ünïcödé Heading", "ünïcödé-heading"),
            ("a&b<c>d", "abcd"),
            ("  two  spaces ", "--two--spaces-"),
        ]
        for (heading, slug) in cases {
            XCTAssertEqual(Slugger.baseSlug(heading), slug, heading)
        }
    }

    func testBackticksInHeadingsUseTheCodeText() {
        let doc = Fixture.document("### NS-13b: Spec-027 `draft` → `approved` promotion\n")
        XCTAssertEqual(doc.sections.first?.slug, "ns-13b-spec-027-draft--approved-promotion")
    }

    func testDuplicatesAreNumberedLikeGitHub() {
        var slugger = Slugger()
        XCTAssertEqual(["Notes", "Notes", "Notes", "Notes-1", "notes"].map { slugger.slug(for: $0) },
                       ["notes", "notes-1", "notes-2", "notes-1-1", "notes-3"])
    }
}
