import XCTest
@testable import DocsAuditCore

final class MermaidParserTests: XCTestCase {
    func testHeaderNodesClassesAndComments() {
        let graph = MermaidParser.parse("""
        graph TB
          %% READY group
          NS01[NS-01: Plan-024 Phase 1<br/>Rust crate]:::completed
          NS13a[NS-13a: gate → amendment]:::ready %% trailing comment
          classDef ready fill:#9f9,stroke:#0a0
          classDef completed fill:#ccc
        """, firstLine: 10)
        XCTAssertEqual(graph.keyword, "graph")
        XCTAssertEqual(graph.direction, "TB")
        XCTAssertEqual(graph.nodes.map(\.id), ["NS01", "NS13a"])
        XCTAssertEqual(graph.nodes[0].label, "NS-01: Plan-024 Phase 1<br/>Rust crate")
        XCTAssertEqual(graph.nodes[0].labelLines, ["NS-01: Plan-024 Phase 1", "Rust crate"])
        XCTAssertEqual(graph.nodes.map(\.className), ["completed", "ready"])
        XCTAssertEqual(graph.nodes.map(\.line), [12, 13])
        XCTAssertEqual(graph.classDefs.map(\.name), ["ready", "completed"])
        XCTAssertEqual(graph.classDefs[0].style, "fill:#9f9,stroke:#0a0")
        XCTAssertTrue(graph.problems.isEmpty)
    }

    func testEveryNodeShape() {
        let graph = MermaidParser.parse("""
        flowchart LR
          a[rect] --> b(round) --> c{rhombus} --> d((circle)) --> e[[sub]]
          f>asym] --> g([stadium]) --> h[(db)] --> i{{hex}} --> j[/para/]
          k["quoted [with] brackets"] --> l
        """)
        XCTAssertEqual(graph.nodes.map(\.shape), [
            "rectangle", "round", "rhombus", "circle", "subroutine", "asymmetric", "stadium", "cylinder", "hexagon",
            "parallelogram", "rectangle", nil,
        ])
        XCTAssertEqual(graph.node("k")?.label, "quoted [with] brackets")
        XCTAssertEqual(graph.edges.count, 9)
        XCTAssertEqual(graph.node("l")?.declarationLines, [], "a node seen only in an edge is not declared")
        XCTAssertTrue(graph.problems.isEmpty, "\(graph.problems)")
    }

    func testEdgeKindsLabelsChainsAndFans() {
        let graph = MermaidParser.parse("""
        graph TD
          A --> B
          A --- C
          A -.-> D
          A ==> E
          A -->|yes| F
          A -- maybe --> G
          H --> I --> J
          K & L --> M & N
          O-->P
        """)
        let pairs = graph.edges.map { "\($0.from)\($0.arrow)\($0.to)" }
        XCTAssertEqual(pairs, [
            "A-->B", "A---C", "A-.->D", "A==>E", "A-->F", "A-->G", "H-->I", "I-->J",
            "K-->M", "K-->N", "L-->M", "L-->N", "O-->P",
        ])
        XCTAssertEqual(graph.edges[4].label, "yes")
        XCTAssertEqual(graph.edges[5].label, "maybe")
        XCTAssertEqual(graph.edges.map(\.line).last, 10)
    }

    func testClassStatementsStylesAndSubgraphs() {
        let graph = MermaidParser.parse("""
        graph LR
          subgraph lane [Code lane]
            A[one] --> B[two]
          end
          class A,B hot
          style A fill:#f00
          classDef hot fill:#f99
        """)
        XCTAssertEqual(graph.subgraphs.map(\.id), ["lane"])
        XCTAssertEqual(graph.subgraphs.first?.title, "Code lane")
        XCTAssertEqual(graph.subgraphs.first?.nodes, ["A", "B"])
        XCTAssertEqual(graph.subgraphs.first?.endLine, 4)
        XCTAssertEqual(graph.nodes.map(\.className), ["hot", "hot"])
        XCTAssertEqual(graph.classAssignments.map(\.node), ["A", "B"])
        XCTAssertEqual(graph.styles.map(\.node), ["A"])
    }

    func testDuplicateDeclarationsAreAllRecorded() {
        let graph = MermaidParser.parse("graph TB\n  NS16[Tier 4]:::blocked\n  NS16[Tier 4 again]:::ready\n")
        XCTAssertEqual(graph.nodes.count, 1)
        XCTAssertEqual(graph.node("NS16")?.declarationLines, [2, 3])
        XCTAssertEqual(graph.node("NS16")?.label, "Tier 4", "the first declaration's label is kept")
        XCTAssertEqual(graph.node("NS16")?.className, "ready", "the last class wins")
    }

    func testUnparseableStatementsBecomeProblemsWithTheirLines() {
        let graph = MermaidParser.parse("""
        graph TB
          A[unclosed --> B
          C --> 
          D ~~> E
          end
          subgraph open
        """, firstLine: 5)
        XCTAssertEqual(graph.problems.map(\.line), [6, 7, 8, 9, 10])
        XCTAssertTrue(graph.problems[0].message.contains("not closed"), graph.problems[0].message)
        XCTAssertTrue(graph.problems[3].message.contains("end"))
        XCTAssertTrue(graph.problems[4].message.contains("never closed"))
    }

    func testMissingHeaderIsAProblem() {
        let graph = MermaidParser.parse("A --> B\n")
        XCTAssertEqual(graph.problems.first?.line, 1)
        XCTAssertTrue(graph.edges.isEmpty)
    }
}
