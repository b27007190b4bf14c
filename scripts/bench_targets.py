#!/usr/bin/env python3
"""Turns the results of one scripts/bench.sh run (TSV: input, name, median ms, peak KB, row key) into the table
of issue #13's targets: each target, what this run measured, and whether it is met. Rows are found by their key
(`key=lint-cold measure …` in bench.sh) and input label; a target whose rows this run did not measure says so.

Usage: scripts/bench_targets.py RESULTS.tsv COMMAND
"""
import sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
command = sys.argv[2] if len(sys.argv) > 2 else "scripts/bench.sh"
median, peak, size = {}, {}, {}
for row in rows:
    row += [""] * (5 - len(row))
    label, name, value, extra, key = row[:5]
    if name == "size":
        size[label] = int(extra)
    elif key:
        median[(label, key)] = float(value)
        if extra.isdigit():
            peak[(label, key)] = int(extra) * 1024


def ratio(label, numerator, denominator):
    """median of NUMERATOR over median of DENOMINATOR on LABEL, or None when either is missing."""
    top, bottom = median.get((label, numerator)), median.get((label, denominator))
    return top / bottom if top is not None and bottom else None


def memory(label, keys):
    """the largest peak of KEYS' rows on LABEL, as a multiple of the corpus's bytes."""
    peaks = [peak[(label, key)] for key in keys if (label, key) in peak]
    return max(peaks) / size[label] if peaks and size.get(label) else None


LINT = ["lint-cold", "lint-first", "lint-warm", "precommit"]
# (measure, target text, value, unit, met when value <= limit, or >= when the sign says so)
targets = [
    ("cold `lint` / cmark-gfm CLI, ai-sidekicks", ratio("1x", "lint-cold", "cmark"), "×", "<=", 1.0),
    ("cold `lint` / cmark-gfm CLI, rust-rfcs with its profile", ratio("rust-rfcs", "lint-cold", "cmark"), "×",
     "<=", 1.0),
    ("cold `lint` / cmark-gfm CLI, table corpus", ratio("tables", "lint-cold", "cmark"), "×", "<=", 1.2),
    ("warm `lint` / cmark-gfm CLI, ai-sidekicks", ratio("1x", "lint-warm", "cmark"), "×", "<=", 0.5),
    ("pre-commit, 3 edited files, 1×", median.get(("1x", "precommit")), " ms", "<=", 60),
    ("pre-commit, 3 edited files, 10×", median.get(("10x", "precommit")), " ms", "<=", 150),
    ("pre-commit, 3 edited files, 100×", median.get(("100x", "precommit")), " ms", "<=", 1000),
    ("peak memory, `lint` (largest of its rows) / corpus, 100×", memory("100x", LINT), "×", "<=", 2.0),
    ("peak memory, `extract` / corpus, 100×", memory("100x", ["extract"]), "×", "<=", 2.0),
]
for label in ["1x", "10x", "100x", "rust-rfcs", "tables"]:
    targets.append((f"#12: first cached run / `--no-cache`, interleaved, {label}",
                    ratio(label, "lint-first-paired", "lint-cold-paired"), "×", "<=", 1.0))
for label in ["1x", "10x", "100x", "rust-rfcs", "tables"]:
    targets.append((f"rumdl cold / docs-audit cold (`--no-cache`), {label}", ratio(label, "rumdl-cold", "lint-cold"),
                    "×", ">=", 1.5))
    targets.append((f"rumdl warm / docs-audit warm (both caches), {label}", ratio(label, "rumdl-warm", "lint-warm"),
                    "×", ">=", 4.0))

print(f"Targets of issues #13 and #12 (marked), computed by `scripts/bench_targets.py` from the run above (`{command.strip()}`): "
      "a ratio of two medians of the same run, a median, or a peak over the corpus's bytes.\n")
print("| measure | target | measured | met |")
print("| --- | ---: | ---: | :---: |")
for measure, value, unit, sign, limit in targets:
    target = f"{'≤' if sign == '<=' else '≥'} {limit:g}{unit}"
    if value is None:
        print(f"| {measure} | {target} | not measured | — |")
        continue
    met = value <= limit if sign == "<=" else value >= limit
    shown = f"{value:.0f}{unit}" if unit == " ms" else f"{value:.2f}{unit}"
    print(f"| {measure} | {target} | {shown} | {'yes' if met else 'no'} |")
print()
