import XCTest
@testable import DocsAuditCore

/// Each test here kills a mutant of scripts/mutants.json that survived the rest of the suite and the
/// injections (`make mutate`, docs/robustness.md): it pins the behaviour the mutant changed.
final class MutationKillTests: XCTestCase {
    private let classDefs = "  classDef ready fill:#9f9\n  classDef blocked fill:#fcc\n  classDef completed fill:#ccc"

    private func map(_ graph: String, _ entries: String) -> [String: String] {
        [MapFixture.path: MapFixture.map(graph: "graph TB\n\(graph)\n\(classDefs)", entries: entries)]
    }

    /// Mutant `dangling-edge-target-only`: an undeclared node at the start of an edge is reported too.
    func testDanglingEdgeFromAnUndeclaredSource() throws {
        try RuleHarness.assert("graph/dangling-edge", map("""
          NS12[NS-12: a]:::completed
        ↓  NS98 --> NS12
        """, MapFixture.entry("NS-12", status: "completed")),
            messages: ["edge NS98 --> NS12: NS98 is not declared in the graph"])
    }

    /// Mutant `undefined-class-every-use`: an undefined class is reported once, at its first use.
    func testUndefinedClassReportedOnceAtItsFirstUse() throws {
        try RuleHarness.assert("graph/undefined-class", map("""
        ↓  NS01[NS-01: a]:::redy
          NS02[NS-02: b]:::redy
        """, MapFixture.entry("NS-01", status: "todo") + "\n" + MapFixture.entry("NS-02", status: "todo")),
            messages: ["class `redy` (on NS01) has no classDef"])
    }
}
