@testable import DocsAuditCore
import Foundation
import XCTest

/// How `fix` rewrites links a `git mv` broke: the new path written relative to the linking file and encoded so
/// it reads back as the path, the places a document writes a destination (and nothing else), and a moved file's
/// links left alone (with a note) when fix cannot tell what they were written for.
final class MovedFileLinksTests: XCTestCase {
    func testTheNewPathIsWrittenRelativeToTheLinkingFile() {
        let cases: [(from: String, to: String, expected: String)] = [
            ("a.md", "moved/new.md", "moved/new.md"),
            ("docs/a.md", "docs/new.md", "new.md"),
            ("docs/plans/a.md", "docs/specs/b.md", "../specs/b.md"),
            ("docs/x/y/a.md", "b.md", "../../../b.md"),
            ("docs/a.md", "docs/a/b.md", "a/b.md"),
            ("docs/a.md", "docsx/b.md", "../docsx/b.md"),
            ("docs/sub/a.md", "../outside.md", "../../../outside.md"),
        ]
        for (from, to, expected) in cases {
            XCTAssertEqual(MovedFileLinks.relative(from: from, to: to), expected, "\(from) → \(to)")
        }
    }

    /// A path with bytes a destination cannot hold as they are is percent-encoded (a `%` too), and the link
    /// extractor reads it back as the path; between `<` and `>` spaces and parentheses stay.
    func testTheNewPathIsEncodedSoThatItReadsBackAsThePath() {
        let path = "notes/a b (1)%#?é.md"
        XCTAssertEqual(MovedFileLinks.encoded(path, angled: false), "notes/a%20b%20%281%29%25%23%3Fé.md")
        XCTAssertEqual(MovedFileLinks.encoded(path, angled: true), "notes/a b (1)%25%23%3Fé.md")
        let written = MovedFileLinks.encoded(path, angled: false)
        XCTAssertEqual(LinkExtractor.resolve(written + "#part", from: "x.md")?.target, path)
        XCTAssertEqual(LinkExtractor.resolve(written + "#part", from: "x.md")?.fragment, "part")
    }

    private func destinations(_ text: String) throws -> LinkDestinations {
        let document = SourceDocument(path: "doc.md", kind: "other", frozen: false, source: SourceText(text))
        return LinkDestinations(document, profile: try ProfileLoader.defaultProfile())
    }

    private func places(_ found: Result<[LinkDestinations.Place], FixPlanner.Refusal>) -> [String] {
        switch found {
        case let .success(places): return places.map { "\($0.line):\($0.column) \($0.raw)\($0.angled ? " <>" : "")" }
        case let .failure(why): return ["refused: " + why.text]
        }
    }

    /// Destinations are found where a link, an image or a definition writes them: not in a link's text or
    /// title, in code, in an escaped bracket, in a longer path or in a paragraph line that only looks like a
    /// definition; a link written across lines and a definition a paragraph starts with are found.
    func testDestinationsAreFoundOnlyWhereALinkWritesThem() throws {
        let found = try destinations("""
            # D

            [old.md](old.md "old.md") `[c](old.md)` \\[e\\](old.md) [b](bold.md) ![i](old.md#x)
            [a link written
            across lines](<old.md>) and [r][ref].

            [ref]: old.md "title"
            Text of the paragraph the definition starts.

            Paragraph text first,
            [fake]: old.md

            ```
            [x](old.md)
            [code]: old.md
            ```

            """)
        XCTAssertEqual(places(found.places(of: "old.md")), ["3:10 old.md", "5:16 old.md <>", "7:8 old.md"])
        XCTAssertEqual(places(found.places(of: "old.md#x")), ["3:73 old.md#x"])
        XCTAssertEqual(places(found.places(of: "bold.md")), ["3:59 bold.md"])
        XCTAssertEqual(found.destinations, ["bold.md", "old.md", "old.md#x"])
    }

    /// A destination cmark-gfm reads where this scan finds none (after a line break) is refused for every link
    /// that has it, with the counts, rather than rewritten in part.
    func testADestinationWhosePlacesAreNotAllFoundIsRefused() throws {
        let found = try destinations("# D\n\n[a](old.md) and [b](\nold.md)\n")
        XCTAssertEqual(places(found.places(of: "old.md")), [
            "refused: fix finds `old.md` written as a link destination once in doc.md, but the Markdown parse has 2 "
                + "links or images with it, so fix cannot tell which places to rewrite",
        ])
    }

    /// A moved file's link written both on a line kept since the move and on one edited since cannot be placed:
    /// it now points at another existing file, no rule reports it, so the plan says so in a note.
    func testAMovedFilesLinkOnKeptAndEditedLinesIsLeftWithANote() throws {
        // Enough unchanged text for git to pair the edited file with its old path.
        let filler = (1...12).map { "Line \($0) that stays.\n" }.joined()
        let root = try Fixture.directory([
            "docs/a.md": "# A\n\n[b](b.md)\n\nAlso [b](b.md).\n\n" + filler,
            "docs/b.md": "# B\n",
            "docs/sub/b.md": "# Sub B\n",
        ])
        try Fixture.commitAll(root, message: "start")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs/sub"),
                                                withIntermediateDirectories: true)
        try Fixture.git(root, ["mv", "docs/a.md", "docs/sub/a.md"])
        try Data(("# A\n\n[b](b.md)\n\nAlso [b](b.md), edited.\n\n" + filler).utf8)
            .write(to: root.appendingPathComponent("docs/sub/a.md"))
        let profile = try ProfileLoader.load(root: root.path, configFile: nil)
        let corpus = try CorpusLoader.load(root: root.path, profile: profile)
        let plan = FixPlanner.plan(corpus, lint: Linter.run(corpus), options: FixPlanner.Options())
        XCTAssertTrue(plan.changes.isEmpty)
        XCTAssertTrue(plan.leftovers.isEmpty)
        XCTAssertEqual(plan.notes, [
            "docs/sub/a.md:3: the link `b.md` points at another file since docs/sub/a.md moved, and fix could not "
                + "rewrite it: docs/sub/a.md writes `b.md` on lines kept since the file moved and on lines edited "
                + "since, so fix cannot tell which place it was written for",
        ])
    }

    /// A moved file's name is found wherever a destination can write it, without searching every text once per
    /// moved file (2,000 moves in a corpus of 2,000 documents took minutes).
    func testMovedNamesAreFoundWhereDestinationsWriteThem() {
        let names = MovedNames(["b.md", "new place.md", "c.md"])
        for text in ["[x](b.md)", "[x](../b.md#part)", "[l]: <b.md> \"t\"", "[l]:b.md", "see `b.md`:12",
                     "[x](sub/new place.md)", "end c.md"] {
            XCTAssertTrue(names.named(in: text), text)
        }
        for text in ["[x](bb.md)", "ab.md", "b.mdx", "no names here", ""] {
            XCTAssertFalse(names.named(in: text), text)
        }
        XCTAssertFalse(MovedNames([]).named(in: "b.md"))
    }
}
