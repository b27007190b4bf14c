#!/usr/bin/env python3
"""Writes a corpus N times the size of SOURCE into TARGET for benchmarks: copy 0 is the source as it is;
copy k renumbers every plan, spec, ADR, invariant, obligation, task, backlog and next-step ID (024 → k024)
and renames its files to match, so cross-document rules resolve inside each copy (the first copy's
dependency map stays the one next-steps graph and build order, so later copies' plans are reported as
placed in no tier, and their error codes as duplicates: the workload grows with the copies), and writes a
docs-audit.yml whose ID patterns accept the longer numbers.

Usage: scripts/scale_corpus.py SOURCE TARGET N
"""
import os
import re
import shutil
import sys

# IDs and the slugs made from them (`#bl-101-…`, `#spec-024-…`); next steps keep their IDs, since only the
# first copy's dependency map is the corpus's next-steps graph.
NUMBERED = re.compile(r"\b(Plan|Spec|ADR|I|CP|T|BL)-(\d{3})\b", re.IGNORECASE)


def renumber(text, k, names):
    # One pass, whole file names only: `self-host-secure-defaults.md` must not rewrite the tail of
    # `027-self-host-secure-defaults.md`.
    if names:
        pattern = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(old) for old in sorted(names, key=len, reverse=True)) + r")")
        text = pattern.sub(lambda m: names[m.group(1)], text)
    return NUMBERED.sub(lambda m: f"{m.group(1)}-{k}{m.group(2)}", text)


def main():
    source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if os.path.exists(target):
        shutil.rmtree(target)
    files = []
    for folder, _, names in os.walk(source):
        for name in names:
            if name.endswith(".md"):
                files.append(os.path.relpath(os.path.join(folder, name), source))
    for k in range(count):
        names = {}
        for path in files:
            base = os.path.basename(path)
            match = re.match(r"(\d{3})-(.*)", base)
            names[base] = f"{k}{match.group(1)}-{match.group(2)}" if (k and match) else (base if not k else base[:-3] + f"-c{k}.md")
        for path in files:
            with open(os.path.join(source, path), encoding="utf-8") as handle:
                text = handle.read()
            if k:
                text = renumber(text, k, {old: new for old, new in names.items() if old != new})
            out = os.path.join(target, os.path.dirname(path), names[os.path.basename(path)] if k else os.path.basename(path))
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w", encoding="utf-8") as handle:
                handle.write(text)
    with open(os.path.join(target, "docs-audit.yml"), "w", encoding="utf-8") as handle:
        handle.write(r"""# Written by scripts/scale_corpus.py: numbers grow past three digits in the copies.
kinds:
  - name: template
    paths: ["docs/**/000-*-template*.md", "docs/**/template*.md"]
  - name: plan
    paths: ["docs/plans/[0-9]*-*.md"]
    title: '^Plan-(\d{3,6}): (.+)$'
    statuses: [draft, review, approved, completed]
  - name: spec
    paths: ["docs/specs/[0-9]*-*.md"]
    title: '^Spec-(\d{3,6}): (.+)$'
    statuses: [draft, review, approved, superseded]
  - name: adr
    paths: ["docs/decisions/[0-9]*-*.md"]
    title: '^ADR-(\d{3,6}): (.+)$'
    statuses: [proposed, accepted, deprecated, superseded, reserved-skipped]
  - name: dependency-map
    paths: ["docs/architecture/cross-plan-dependencies.md"]
  - name: contract
    paths: ["docs/architecture/contracts/*.md"]
  - name: backlog
    paths: ["docs/backlog*.md"]
  - name: backlog-archive
    paths: ["docs/archive/backlog-archive*.md"]
  - name: other
    paths: ["**"]
ids:
  # Mappings are laid over the default families: `defined`, `ranges` and the rest stay.
  plan: {pattern: '\bPlan-(\d{3,6})\b'}
  spec: {pattern: '\bSpec-(\d{3,6})\b'}
  adr: {pattern: '\bADR-(\d{3,6})\b'}
  invariant:
    pattern: '\bI-(\d{3,6})([a-z]?)-(\d+)(?![\d])(?!-T\d)'
    defined: [{heading: '^(I-\d{3,6}[a-z]?-\d+)\s+—\s+', sections: ['^Invariants$'], kinds: [plan]}]
  invariant-wildcard: {pattern: '\bI-(\d{3,6})([a-z]?)-\\?\*'}
  obligation:
    pattern: '\bCP-(\d{3,6})-(\d+)\b'
    defined: [{heading: '^(CP-\d{3,6}-\d+)\s+—\s+', sections: ['^Cross-Plan Obligations$'], kinds: [plan]}]
  task-dashed:
    pattern: '\bT-(\d{3,6})([a-z]?)-(\d+)-(\d+)\b'
    defined: [{bullet: '^(T-\d{3,6}[a-z]?-\d+-\d+)$', sections: ['^Tasks$'], kinds: [plan]}]
  backlog:
    pattern: '\bBL-(\d{3,6})([a-z]?)\b'
    defined:
      - heading: '^(BL-\d{3,6}[a-z]?):\s+'
        kinds: [backlog, backlog-archive]
      - table-column: {match: '^(BL-\d{3,6}[a-z]?)$', kinds: [backlog, backlog-archive]}
plans:
  task-bullet-id: '^(T-\d{3,6}[a-z]?-\d+-\d+)$'
  invariant-heading: '^(I-(\d{3,6})[a-z]?-(\d+))\s+—\s+(.+)$'
  obligation-heading: '^(CP-(\d{3,6})-(\d+))\s+—\s+(.+)$'
  test-id-bullet: '^((?:W|I)-\d{3,6}[a-z]?-\d+-T\d+|T-\d{3,6}[a-z]-\d+-T\d+(?:\.\.T\d+)?)$'
backlog:
  heading: '^(BL-\d{3,6}[a-z]?):\s+(.+)$'
  id-cell: '^(BL-\d{3,6}[a-z]?)$'
cites:
  label-colon: '\b(Plan|Spec|ADR)-(\d{3,6}):(\d+(?:[-–]\d+)?(?:,\s?\d+(?:[-–]\d+)?)*)'
""")
    print(f"wrote {count} copies of {len(files)} files to {target}")


if __name__ == "__main__":
    main()
