#!/usr/bin/env python3
"""Defect injection: copy the real corpus, inject one defect at a time, lint, and check that exactly the
expected rule(s) fire at the expected place and that nothing else changes.

Usage: scripts/inject.py [--corpus DIR] [--bin PATH]
Prints one line per injection, every miss in full, the detection rate, and a closing
`inject: N passed, M failed` line. Exit 0 only when every injection is detected cleanly.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

MAP = "docs/architecture/cross-plan-dependencies.md"
P024 = "docs/plans/024-rust-pty-sidecar.md"
P001 = "docs/plans/001-shared-session-core.md"
BACKLOG = "docs/backlog.md"
ARCHIVE = "docs/archive/backlog-archive.md"
TOPOLOGY = "docs/architecture/deployment-topology.md"
API = "docs/architecture/contracts/api-payload-contracts.md"

# (name, file, old text (must occur once), new text, {rule: file where it must fire}, check the line?)
# When the line is checked, the expected rule's new finding must sit on the line where `new` starts.
INJECTIONS = [
    ("delete a node declaration", MAP, "  NS06[NS-06: Plan-001 T5.2 renderer wiring]:::blocked\n", "",
     {"graph/dangling-edge": MAP}, False),
    ("declare a node twice", MAP, "  NS14[NS-14: Tier 2 plan-readiness audit<br/>Plan-002 alone]:::ready\n",
     "  NS14[NS-14: Tier 2 plan-readiness audit<br/>Plan-002 alone]:::ready\n  NS14[NS-14: again]:::ready\n",
     {"graph/duplicate-node": MAP}, False),
    ("flip a completed node's class", MAP, "NS05[NS-05: Plan-024 Phase 2 NodePtyHost]:::completed",
     "NS05[NS-05: Plan-024 Phase 2 NodePtyHost]:::ready", {"graph/status-class": MAP}, True),
    ("flip a ready node to blocked", MAP, "NS11[NS-11: Plan-007-partial cleanup<br/>3 stale BLOCKED-ON-C9 comments]:::ready",
     "NS11[NS-11: Plan-007-partial cleanup<br/>3 stale BLOCKED-ON-C9 comments]:::blocked",
     {"graph/blocked-without-open-upstream": MAP}, True),
    ("flip a blocked node to ready", MAP, "  NS06[NS-06: Plan-001 T5.2 renderer wiring]:::blocked",
     "  NS06[NS-06: Plan-001 T5.2 renderer wiring]:::ready",
     {"graph/ready-with-open-upstream": MAP, "graph/status-class": MAP}, True),
    ("add an edge that makes a cycle", MAP, "  NS09 --> NS10\n", "  NS09 --> NS10\n  NS10 --> NS09\n",
     {"graph/cycle": MAP, "graph/upstream-edges": MAP}, False),
    ("drop an Upstream token", MAP, "- Upstream: NS-03 (Plan-023-partial substrate — directory tree + electron-vite v5)",
     "- Upstream: none", {"graph/upstream-edges": MAP}, True),
    ("add an Upstream token without an edge", MAP, "- Upstream: NS-09 (Phase 4 signed binaries)",
     "- Upstream: NS-09 (Phase 4 signed binaries) + NS-03", {"graph/upstream-edges": MAP}, True),
    ("mark a BL item completed while its node blocks", BACKLOG,
     "### BL-108: Plan-024 Windows + macOS signing procurement evidence\n\n- Status: `todo`",
     "### BL-108: Plan-024 Windows + macOS signing procurement evidence\n\n- Status: `completed`",
     {"graph/completed-backlog-edge": MAP, "graph/blocked-without-open-upstream": MAP}, False),
    ("use an undefined class", MAP, "NS11[NS-11: Plan-007-partial cleanup<br/>3 stale BLOCKED-ON-C9 comments]:::ready",
     "NS11[NS-11: Plan-007-partial cleanup<br/>3 stale BLOCKED-ON-C9 comments]:::reddy",
     {"graph/undefined-class": MAP, "graph/status-class": MAP}, True),
    ("break a Mermaid statement", MAP, "  NS09 --> NS10\n", "  NS09 --> NS10\n  NS99[unclosed\n",
     {"graph/parse-error": MAP}, False),
    ("add a node without an entry", MAP, "  NS09 --> NS10\n", "  NS09 --> NS10\n  NS30[NS-30: new step]:::blocked\n",
     {"graph/entry-node-pairing": MAP}, False),
    ("add an entry without a node", MAP, "## 7. Maintenance",
     "### NS-31: orphan entry\n\n- Status: `todo`\n- Upstream: none\n\n## 7. Maintenance", {"graph/entry-node-pairing": MAP}, True),
    ("miscount the ready set", MAP, "(5 items)", "(6 items)", {"graph/set-claim": MAP}, False),
    ("drop a member of the ready set", MAP, "NS-14, NS-22 (5 items)", "NS-14 (5 items)", {"graph/set-claim": MAP}, False),
    ("uncheck a PR row of a completed entry", MAP,
     "  - [x] T5.1 — sessionClient + I1-I4 integration tests (PR #30, merged 2026-05-05)",
     "  - [ ] T5.1 — sessionClient + I1-I4 integration tests (PR #30, merged 2026-05-05)", {"graph/pr-checklist": MAP}, False),
    ("drop a checked row's merge note", MAP,
     "  - [x] T5.1 — sessionClient + I1-I4 integration tests (PR #30, merged 2026-05-05)",
     "  - [x] T5.1 — sessionClient + I1-I4 integration tests", {"graph/pr-checklist": MAP}, True),
    ("rename a registry method to an event name", API, "| `session.join` | RPC (request/response) |",
     "| `runtime_node.attach` | RPC (request/response) |", {"registry/method-name-format": API}, True),
    ("camel-case a registry method", API, "| `session.join` | RPC (request/response) |",
     "| `session.joinNow` | RPC (request/response) |", {"registry/method-name-format": API}, True),
    ("put PR #123 inside a Tasks block", P024, "- **T-024-1-2** Implement Content-Length framing.",
     "- **T-024-1-2** Implement Content-Length framing (PR #123).", {"tags/ephemeral": P024}, True),
    ("put F-003-2-04 inside a Tasks block", P024, "- **T-024-1-2** Implement Content-Length framing.",
     "- **T-024-1-2** Implement Content-Length framing per F-003-2-04.", {"tags/ephemeral": P024}, True),
    ("put a PR number in a plan's Goal", P024, "## Progress Log\n", "See PR #777 for the spike.\n\n## Progress Log\n", {"tags/ephemeral": P024}, True),
    ("rename a heading that others link to", MAP, "### Plan-008 Bootstrap-vs-Remainder Carve-Out (Tier 1 / Tier 5)",
     "### Plan-008 Bootstrap Carve-Out (Tier 1 / Tier 5)", {"links/missing-anchor": "docs/plans/008-control-plane-relay-and-session-join.md"}, False),
    ("link to a missing file", P001, "## Progress Log\n", "See [the old plan](./099-missing.md).\n\n## Progress Log\n", {"links/missing-file": P001}, True),
    ("link to a missing anchor", P001, "## Progress Log\n", "See [Tier 1](../architecture/cross-plan-dependencies.md#tier-one).\n\n## Progress Log\n",
     {"links/missing-anchor": P001}, True),
    ("shift a line cite onto a blank line", MAP, "[Plan-024](../plans/024-rust-pty-sidecar.md):285-300",
     "[Plan-024](../plans/024-rust-pty-sidecar.md):286", {"cites/line-range": MAP}, True),
    ("cite past the end of a file", P001, "## Progress Log\n", "As Plan-024:9999 says.\n\n## Progress Log\n", {"cites/line-range": P001}, True),
    ("break a table row", MAP, "| Plan-009 | None | — |", "| Plan-009 | None | — | extra |", {"tables/arity": MAP}, True),
    ("end a cite range on a blank line", MAP, "[Plan-024](../plans/024-rust-pty-sidecar.md):285-300",
     "[Plan-024](../plans/024-rust-pty-sidecar.md):285-296", {"cites/line-range": MAP}, True),
    ("link to a missing file from a frozen tree", ARCHIVE, "## Completed: 2026-04-15\n",
     "See [gone](../plans/099-gone.md).\n\n## Completed: 2026-04-15\n", {"links/missing-file": ARCHIVE}, True),
    ("link above the repository root", P001, "## Progress Log\n",
     "See [memory](../../../.claude/memory/x.md).\n\n## Progress Log\n", {"links/missing-file": P001}, True),
    ("misspell a reference link's label", TOPOLOGY, "([monitor DO changelog][do-changelog])",
     "([monitor DO changelog][do-changelog-2])", {"links/undefined-reference": TOPOLOGY}, True),
    ("define a reference label nothing uses", TOPOLOGY, "[do-changelog]: https://",
     "[do-spare]: https://example.com/\n[do-changelog]: https://", {"links/unused-definition": TOPOLOGY}, True),
    ("shorten a table row", MAP, "| Plan-009 | None | — |", "| Plan-009 | None |", {"tables/short-row": MAP}, True),
    ("give a delimiter row an extra cell", P001, "## Progress Log\n",
     "| Phase | Tasks |\n| --- | --- | --- |\n| 1 | 6 |\n\n## Progress Log\n", {"tables/not-rendered": P001}, True),
    ("put a pipe in a code span in a table row", P001, "## Progress Log\n",
     "| Flag | Use |\n| --- | --- |\n| `<env | file>` |\n\n## Progress Log\n", {"tables/code-pipe": P001}, False),
    ("break a declared total", P001, "## Progress Log\n",
     "<!-- corpus:total-check column=\"Tasks\" -->\n| Phase | Tasks |\n| --- | --- |\n| 1 | 6 |\n| 2 | 3 |\n| Total | 10 |\n\n## Progress Log\n",
     {"tables/total": P001}, False),
    ("duplicate a BL ID", BACKLOG, "## Active Items\n",
     "## Active Items\n\n### BL-110: duplicate\n\n- Status: `todo`\n- Priority: `P2`\n- References: x\n- Summary: y\n- Exit Criteria: z\n",
     {"ids/duplicate-definition": BACKLOG}, False),
    # The paragraph under I-024-6 becomes a second I-024-6 heading: no line moves.
    ("duplicate an invariant", P024, "\n`PtyHost.onExit(sessionId, exitCode, signalCode?)` MUST fire exactly once",
     "\n### I-024-6 — again `PtyHost.onExit(sessionId, exitCode, signalCode?)` MUST fire exactly once",
     {"ids/duplicate-definition": P024}, True),
    ("cite an undefined invariant", P024, "## Progress Log\n", "This also upholds I-024-9.\n\n## Progress Log\n", {"ids/undefined-reference": P024}, True),
    ("cite an undefined BL item", P001, "## Progress Log\n", "Tracked as BL-999.\n\n## Progress Log\n", {"ids/undefined-reference": P001}, True),
    ("cite an undefined ADR", P001, "## Progress Log\n", "Decided in ADR-099.\n\n## Progress Log\n", {"ids/undefined-reference": P001}, True),
    ("move a plan's dependency to a later tier", MAP, "| **2** | Plan-002 |", "| **9** | Plan-002 |",
     {"deps/tier-order": MAP}, False),
    ("drop a plan from the build order", MAP, "| **6** | Plan-009, ", "| **6** | ", {"deps/tier-order": MAP}, False),
    ("give a plan an unknown Status", P024, "| **Status** | `approved` |", "| **Status** | `shipped` |", {"plans/status": P024}, True),
    ("annotate a Status", P024, "| **Status** | `approved` |", "| **Status** | `approved` (pending) |", {"plans/status": P024}, True),
    ("untrace a task", P024, "**Spec coverage:** ADR-009 §Decision (LSP-style framing parity).", "**Spec coverage:** none.",
     {"tasks/traceability": P024}, False),
    ("cite a missing acceptance criterion", P001, "**Spec coverage:** Spec-001 AC1, AC3, AC4, AC6",
     "**Spec coverage:** Spec-001 AC1, AC3, AC4, AC99", {"tasks/traceability": P001}, False),
    ("add a one-sided obligation", P024, "## Rollout Order",
     "### CP-024-4 — Plan-027 dispatch hook\n\n**Resolution.** Plan-024 exposes it.\n\n## Rollout Order",
     {"obligations/reciprocity": P024}, True),
    ("drop a required backlog field", BACKLOG, "- Exit Criteria: All four artifacts attached;", "- Exit criterion: All four artifacts attached;",
     {"backlog/fields": BACKLOG}, False),
    ("use an unknown backlog status", BACKLOG,
     "### BL-108: Plan-024 Windows + macOS signing procurement evidence\n\n- Status: `todo`",
     "### BL-108: Plan-024 Windows + macOS signing procurement evidence\n\n- Status: `doing`",
     {"backlog/fields": BACKLOG}, False),
]


def lint(binary, root):
    # The analysis cache lives beside the copy: every injection after the first re-analyses only the file it
    # edited, the pre-commit path, so the harness also checks that the cache never hides a defect.
    cache = os.path.join(os.path.dirname(root), "cache")
    out = subprocess.run([binary, "lint", "--root", root, "--format", "json", "--cache-dir", cache],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"docs-audit exited {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)["findings"]


def key(finding):
    return (finding["rule"], finding["file"], finding["subject"], finding["message"])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    project = os.path.dirname(here)
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(project), "shared/corpora/ai-sidekicks"))
    parser.add_argument("--bin", default=None)
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"inject: no corpus at {args.corpus}; skipped")
        return 0
    binary = args.bin or next((os.path.join(project, p) for p in (".build/release/docs-audit", ".build/debug/docs-audit")
                               if os.path.exists(os.path.join(project, p))), None)
    if binary is None:
        print("inject: build docs-audit first (swift build)", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="docs-audit-inject-")
    root = os.path.join(work, "corpus")
    shutil.copytree(args.corpus, root)
    for folder, _, files in os.walk(root):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    before = collections.Counter(key(f) for f in lint(binary, root))
    passed, failed = 0, 0
    for name, path, old, new, expected, check_line in INJECTIONS:
        full = os.path.join(root, path)
        with open(full, encoding="utf-8") as handle:
            original = handle.read()
        problems = []
        if original.count(old) != 1:
            problems.append(f"the anchor text occurs {original.count(old)} times in {path}")
        else:
            # The expected line is where the injected text first differs from the original.
            offset = original.index(old)
            common = 0
            while common < min(len(old), len(new)) and old[common] == new[common]:
                common += 1
            line = original[:offset + common].count("\n") + 1
            with open(full, "w", encoding="utf-8") as handle:
                handle.write(original.replace(old, new, 1))
            try:
                after = lint(binary, root)
            finally:
                with open(full, "w", encoding="utf-8") as handle:
                    handle.write(original)
            counts = collections.Counter(key(f) for f in after)
            new_findings = [f for f in after if counts[key(f)] > before[key(f)]]
            seen = set()
            fresh = []
            for finding in new_findings:
                if key(finding) not in seen:
                    seen.add(key(finding))
                    fresh.append(finding)
            gone = [k for k in before if before[k] > counts[k]]
            for rule, where in expected.items():
                hits = [f for f in fresh if f["rule"] == rule and f["file"] == where]
                if not hits:
                    problems.append(f"expected {rule} in {where}, got none")
                elif check_line and rule == next(iter(expected)) and not any(f["line"] == line for f in hits):
                    problems.append(f"expected {rule} at {where}:{line}, got lines {[f['line'] for f in hits]}")
            for finding in fresh:
                if finding["rule"] not in expected:
                    problems.append(f"collateral {finding['rule']} at {finding['file']}:{finding['line']}: {finding['message']}")
            for rule, file, _, message in gone:
                problems.append(f"a finding vanished: {rule} in {file}: {message}")
        if problems:
            failed += 1
            print(f"MISS  {name}")
            for problem in problems:
                print(f"      {problem}")
        else:
            passed += 1
            print(f"ok    {name}")
    shutil.rmtree(work, ignore_errors=True)
    total = passed + failed
    print(f"detection rate: {passed}/{total} ({100.0 * passed / max(1, total):.0f}%)")
    print(f"inject: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
