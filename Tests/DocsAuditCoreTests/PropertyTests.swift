import XCTest
@testable import DocsAuditCore

/// A small deterministic generator (SplitMix64), so every run explores the same cases.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class PropertyTests: XCTestCase {
    /// For random DAGs written as Mermaid with random entry Statuses, the derived ready set equals a
    /// reference computed straight from the definition.
    func testDerivedReadySetMatchesAReference() throws {
        var random = SeededRandom(seed: 42)
        let statuses = ["todo", "in_progress", "blocked", "completed"]
        for round in 0..<60 {
            let count = Int.random(in: 1...12, using: &random)
            var edges: [(Int, Int)] = []
            for to in 0..<count {
                for from in 0..<to where Int.random(in: 0..<4, using: &random) == 0 { edges.append((from, to)) }
            }
            let status = (0..<count).map { _ in statuses.randomElement(using: &random) ?? "todo" }
            let graph = (0..<count).map { "  NS\(String(format: "%02d", $0 + 1))[NS-\(String(format: "%02d", $0 + 1)): step]" }
                + edges.map { "  NS\(String(format: "%02d", $0.0 + 1)) --> NS\(String(format: "%02d", $0.1 + 1))" }
            let entries = (0..<count).map { index -> String in
                let upstream = edges.filter { $0.1 == index }.map { "NS-\(String(format: "%02d", $0.0 + 1))" }
                return MapFixture.entry("NS-\(String(format: "%02d", index + 1))", status: status[index],
                                        upstream: upstream.isEmpty ? "none" : upstream.joined(separator: " + "))
            }.joined(separator: "\n")
            let text = MapFixture.map(graph: "graph TB\n" + graph.joined(separator: "\n"), entries: entries)
            let corpus = try Fixture.corpus([MapFixture.path: text])
            let derived = DerivedGraph.derive(LintContext(corpus: corpus, model: Extractor.extract(corpus)))
            let reference = (0..<count).filter { index in
                switch status[index] {
                case "in_progress": return true
                case "todo": return edges.filter { $0.1 == index }.allSatisfy { status[$0.0] == "completed" }
                default: return false
                }
            }.map { "NS\(String(format: "%02d", $0 + 1))" }
            XCTAssertEqual(derived.ready, reference, "round \(round)")
        }
    }

    /// For random heading text, slugs follow the github-slugger rules, checked against an independent
    /// implementation: an ICU regex removing every character outside letters, marks, numbers, `-`, `_`, space.
    func testSlugsAgreeWithTheRules() throws {
        var random = SeededRandom(seed: 7)
        let alphabet = Array("abcXYZ019 -_.,:;!?()[]{}<>/\\|+*&^%$#@~`'\"§—–…→éÅßñ漢字😀🚀\u{301}\t")
        let remove = try NSRegularExpression(pattern: "[^\\p{L}\\p{M}\\p{N}\\- _]")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...24, using: &random)).compactMap { _ in alphabet.randomElement(using: &random) })
            let lower = text.lowercased()
            let stripped = remove.stringByReplacingMatches(in: lower, range: NSRange(lower.startIndex..., in: lower), withTemplate: "")
            // JavaScript replaces spaces code point by code point, even when a combining mark follows one
            // (Swift's String would treat " \u{301}" as one character), so the reference works on scalars.
            let expected = String(String.UnicodeScalarView(stripped.unicodeScalars.map { $0 == " " ? "-" : $0 }))
            XCTAssertEqual(Slugger.baseSlug(text), expected, "heading \(text.debugDescription)")
        }
    }

    /// Parsing a generated flowchart gives the generated graph, and printing it and parsing the print gives
    /// that same generated graph again (compared with what was generated, not with the first parse, so a
    /// parser that loses or alters something is caught even when the printer repeats the loss).
    func testMermaidPrintParseRoundTrip() {
        var random = SeededRandom(seed: 99)
        // Opener, closer and the shape's name in Mermaid's documentation.
        let shapes = [("[", "]", "rectangle"), ("(", ")", "round"), ("{", "}", "rhombus"), ("((", "))", "circle"),
                      ("[[", "]]", "subroutine"), ("([", "])", "stadium"), ("[(", ")]", "cylinder"),
                      ("{{", "}}", "hexagon"), (">", "]", "asymmetric")]
        let arrows = ["-->", "---", "-.->", "==>", "-.-", "==="]
        let labels = ["plain", "with spaces", "brackets [x]", "arrow --> inside", "a<br/>b", "§6 — done"]
        for round in 0..<100 {
            let count = Int.random(in: 1...10, using: &random)
            let direction = ["TB", "LR", "TD"].randomElement(using: &random) ?? "TB"
            var lines = ["graph \(direction)"]
            var expected = ["graph \(direction)"]
            var edges: [String] = []
            for index in 0..<count {
                let (open, close, shape) = shapes.randomElement(using: &random) ?? ("[", "]", "rectangle")
                let label = labels.randomElement(using: &random) ?? "x"
                let className = Bool.random(using: &random) ? "c\(index % 3)" : ""
                lines.append("  N\(index)\(open)\"\(label)\"\(close)\(className.isEmpty ? "" : ":::" + className)")
                expected.append("N\(index)|\(shape)|\(label)|\(className)")
            }
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let from = Int.random(in: 0..<count, using: &random)
                let to = Int.random(in: 0..<count, using: &random)
                let labelled = Bool.random(using: &random)
                let arrow = arrows.randomElement(using: &random) ?? "-->"
                lines.append("  N\(from) \(arrow)\(labelled ? "|go|" : "") N\(to)")
                edges.append("N\(from)\(arrow)N\(to)|\(labelled ? "go" : "")")
            }
            lines.append("  classDef c0 fill:#f00")
            lines.append("  style N0 stroke:#00f")
            expected += edges + ["c0 fill:#f00", "N0 stroke:#00f"]
            let generated = expected.joined(separator: "\n")
            let parsed = MermaidParser.parse(lines.joined(separator: "\n"))
            XCTAssertEqual(parsed.problems, [], "round \(round): \(lines)")
            XCTAssertEqual(Self.shape(parsed), generated, "round \(round): the parse of \(lines)")
            let printed = MermaidPrinter.print(parsed)
            let again = MermaidParser.parse(printed)
            XCTAssertEqual(again.problems, [], "round \(round): \(printed)")
            XCTAssertEqual(Self.shape(again), generated, "round \(round): the parse of the print \(printed)")
        }
    }

    /// The graph without line numbers.
    static func shape(_ graph: MermaidGraph) -> String {
        let nodes = graph.nodes.map { "\($0.id)|\($0.shape ?? "")|\($0.label ?? "")|\($0.className ?? "")" }
        let edges = graph.edges.map { "\($0.from)\($0.arrow)\($0.to)|\($0.label ?? "")" }
        return (["\(graph.keyword) \(graph.direction)"] + nodes + edges + graph.classDefs.map { "\($0.name) \($0.style)" }
            + graph.styles.map { "\($0.node) \($0.style)" }).joined(separator: "\n")
    }
}
