import XCTest
@testable import DocsAuditCore

/// The YAML reader (libyaml's event parser → `YAMLNode`): positions, styles, aliases and hostile input.
final class YAMLReaderTests: XCTestCase {
    private func read(_ text: String) throws -> YAMLNode? { try YAMLReader.read(text, file: "p.yml") }

    private func error(_ text: String) -> ConfigError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    func testMappingKeepsKeyOrderAndOneBasedPositions() throws {
        let node = try XCTUnwrap(read("b: 1\na:\n  - x\n  - 'y'\n"))
        guard case let .mapping(pairs) = node.content else { return XCTFail("expected a mapping") }
        XCTAssertEqual(pairs.map { $0.key.string }, ["b", "a"])
        XCTAssertEqual([pairs[1].key.line, pairs[1].key.column], [2, 1])
        guard case let .sequence(items) = pairs[1].value.content else { return XCTFail("expected a sequence") }
        XCTAssertEqual(items.map(\.string), ["x", "y"])
        XCTAssertEqual([items[1].line, items[1].column], [4, 5])
        XCTAssertTrue(items[0].isPlain)
        XCTAssertFalse(items[1].isPlain)
    }

    func testNullIsOnlyAPlainScalar() throws {
        let node = try XCTUnwrap(read("a: ~\nb: 'null'\nc:\nd: !!str null\n"))
        guard case let .mapping(pairs) = node.content else { return XCTFail("expected a mapping") }
        XCTAssertEqual(pairs.map(\.value.isNull), [true, false, true, false])
    }

    func testEmptyTextHasNoDocument() throws {
        XCTAssertNil(try read(""))
        XCTAssertNil(try read("# only a comment\n"))
    }

    func testAliasesExpandToTheAnchoredNode() throws {
        let node = try XCTUnwrap(read("a: &x [1, 2]\nb: *x\n"))
        guard case let .mapping(pairs) = node.content, case let .sequence(items) = pairs[1].value.content else {
            return XCTFail("expected b to be the anchored list")
        }
        XCTAssertEqual(items.map(\.string), ["1", "2"])
    }

    func testSyntaxErrorNamesFileLineAndColumn() throws {
        let failure = try XCTUnwrap(error("a: 1\nb: [unclosed\n"))
        XCTAssertEqual(failure.file, "p.yml")
        XCTAssertEqual(failure.line, 3)
        XCTAssertTrue(failure.message.hasPrefix("invalid YAML: "), failure.message)
    }

    func testSecondDocumentIsAnError() throws {
        let failure = try XCTUnwrap(error("a: 1\n---\nb: 2\n"))
        XCTAssertEqual(failure.line, 2)
        XCTAssertTrue(failure.message.contains("more than one document"), failure.message)
    }

    func testUnknownAliasIsAnError() throws {
        let failure = try XCTUnwrap(error("a: *nowhere\n"))
        XCTAssertTrue(failure.message.contains("names no anchor") || failure.message.hasPrefix("invalid YAML"),
                      failure.message)
    }

    func testControlCharactersAreRefused() throws {
        let failure = try XCTUnwrap(error("a: \u{0}\n"))
        XCTAssertTrue(failure.message.hasPrefix("invalid YAML"), failure.message)
    }

    /// Nine levels of nine aliases stand for 9^9 (387 million) nodes: refused by the budget, quickly.
    func testAliasBombIsRefused() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let failure = try XCTUnwrap(error(text))
        XCTAssertTrue(failure.message.contains("aliases are expanded"), failure.message)
    }

    /// A long flat list is read in linear time (each append must not copy the list so far).
    func testLongListIsRead() throws {
        let text = "a:\n" + String(repeating: "  - x\n", count: 200_000)
        let node = try XCTUnwrap(read(text))
        guard case let .mapping(pairs) = node.content, case let .sequence(items) = pairs[0].value.content else {
            return XCTFail("expected a list")
        }
        XCTAssertEqual(items.count, 200_000)
    }

    /// Nesting is refused past `maxDepth` while it is read: 200,000 levels once crashed the merge (stack) and
    /// took minutes; a profile's own depth still reads.
    func testDeepNestingIsRefusedEarly() throws {
        let deep = "x: " + String(repeating: "{x: ", count: 200_000) + "1" + String(repeating: "}", count: 200_000)
        let failure = try XCTUnwrap(error(deep + "\n"))
        XCTAssertTrue(failure.message.contains("levels deep"), failure.message)
        XCTAssertEqual(failure.line, 1)
        let flow = try XCTUnwrap(error("a: " + String(repeating: "[", count: 100_000) + "\n"))
        XCTAssertTrue(flow.message.contains("levels deep"), flow.message)
        XCTAssertNotNil(try read("a: " + String(repeating: "{b: ", count: 20) + "1" + String(repeating: "}", count: 20)))
    }
}
