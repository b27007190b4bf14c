#!/usr/bin/env python3
"""Writes a table-heavy benchmark corpus into TARGET: COUNT files (default 200) of about 15 KB each, most of
the text in GFM pipe tables of 6 to 12 columns whose cells hold code spans with escaped pipes (`a \\| b`),
links to other files of the corpus and to their headings, emphasis and plain words; a few lines of about
2,000 characters (a wide table row, a long paragraph); headings between the tables. The output is the same
bytes for the same arguments (a seeded generator), and the corpus is clean under the default profile: every
link names a file and heading that exist, no ID, tag or cite of the default profile's families appears.

Usage: scripts/gen_tables_corpus.py TARGET [COUNT]
"""
import os
import random
import shutil
import sys

WORDS = (
    "index parser table column row cell header value config option default limit buffer stream token "
    "offset anchor link heading section entry record field schema format module target release build "
    "cache layout render output input error warning check rule source page note"
).split()
SECTIONS = 9
FILE_BYTES = 15_000
LONG_LINE = 2_000


def words(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count))


def heading_text(index, section):
    return f"Section {section} of topic {index}"


def slug(text):
    return text.lower().replace(" ", "-")


def file_name(index):
    return f"guide/topic-{index:03d}.md"


def cell(rng, index, count):
    kind = rng.randrange(6)
    if kind == 0:
        return f"`{rng.choice(WORDS)} \\| {rng.choice(WORDS)}`"
    if kind == 1:
        other = rng.randrange(count)
        section = rng.randrange(SECTIONS)
        target = os.path.relpath(file_name(other), os.path.dirname(file_name(index)))
        return f"[{rng.choice(WORDS)}]({target}#{slug(heading_text(other, section))})"
    if kind == 2:
        return f"*{words(rng, 2)}*"
    if kind == 3:
        return f"`{rng.choice(WORDS)}_{rng.randrange(1000)}`"
    if kind == 4:
        return str(rng.randrange(100_000))
    return words(rng, rng.randrange(1, 5))


def table(rng, index, count, rows):
    columns = rng.randrange(6, 13)
    lines = ["| " + " | ".join(f"{rng.choice(WORDS).title()} {c}" for c in range(columns)) + " |"]
    lines.append("|" + "|".join(rng.choice(["---", ":--", "--:", ":-:"]) for _ in range(columns)) + "|")
    for _ in range(rows):
        lines.append("| " + " | ".join(cell(rng, index, count) for _ in range(columns)) + " |")
    return lines


def long_row(rng, index, count, columns):
    """One table row of about LONG_LINE characters, for a table of COLUMNS columns."""
    cells = []
    while sum(len(c) + 3 for c in cells) < LONG_LINE:
        cells.append(cell(rng, index, count))
    per = max(1, len(cells) // columns)
    merged = [" ".join(cells[c * per:(c + 1) * per]) for c in range(columns - 1)]
    merged.append(" ".join(cells[(columns - 1) * per:]))
    return "| " + " | ".join(merged) + " |"


def document(rng, index, count):
    lines = [f"# Topic {index}", "", words(rng, 30) + ".", ""]
    long_lines = 1 if index % 10 == 0 else 0
    section = 0
    while sum(len(line) + 1 for line in lines) < FILE_BYTES or section < SECTIONS:
        if section < SECTIONS:
            lines += [f"## {heading_text(index, section)}", ""]
            section += 1
        lines += [words(rng, rng.randrange(8, 25)) + ".", ""]
        body = table(rng, index, count, rng.randrange(4, 10))
        if long_lines:
            columns = body[1].count("|") - 1
            body.insert(3, long_row(rng, index, count, columns))
            lines += body + ["", words(rng, LONG_LINE // 7)[:LONG_LINE].rstrip() + ".", ""]
            long_lines -= 1
            continue
        lines += body + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[-1])
    target = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) == 3 else 200
    if os.path.exists(target):
        shutil.rmtree(target)
    rng = random.Random(13)
    for index in range(count):
        path = os.path.join(target, file_name(index))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(document(rng, index, count))
    with open(os.path.join(target, "README.md"), "w", encoding="utf-8") as out:
        out.write("# Table corpus\n\nA generated benchmark corpus: " + ", ".join(
            f"[topic {i}]({file_name(i)})" for i in range(count)) + ".\n")
    print(f"{count + 1} files in {target}")


if __name__ == "__main__":
    main()
