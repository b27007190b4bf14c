#!/usr/bin/env python3
"""Defect injection: copy the real corpus, inject one defect at a time, lint, and compare the whole finding set
with the untouched corpus's. An injection passes only when the difference is exactly the findings it states:
rule, file, line, column, severity and a fragment of the message, one finding each, nothing else new (not even
another finding of the same rule) and nothing gone. Findings of the untouched corpus that sit after an edit in
the edited file are moved by the edit before the comparison.

Usage: scripts/inject.py [--corpus DIR] [--bin PATH] [--only NAME-FRAGMENT] [--show] [--require-corpus]
Prints one line per injection, every difference in full, the detection rate, and a closing
`inject: N passed, M failed` line. Exit 0 only when every injection is detected exactly; 2 when it could not
run (no binary; no corpus with --require-corpus). --show prints each injection's actual new findings in the
table's own notation, to write a new entry (check every one by hand before pasting it).
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
with open(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rules", "default.yml"),
          encoding="utf-8") as _profile:
    DEFAULT_PROFILE = _profile.read()


class Replace(collections.namedtuple("Replace", "path old new")):
    """Replaces `old`, which must occur exactly once in `path`, with `new`."""


class Create(collections.namedtuple("Create", "path data")):
    """Writes a new file holding `data` (bytes); `path` must not exist."""


class Symlink(collections.namedtuple("Symlink", "path target")):
    """Makes `path` a symbolic link to `target`; `path` must not exist."""


class Fifo(collections.namedtuple("Fifo", "path")):
    """Makes `path` a named pipe (a file that is not a regular file); `path` must not exist."""


class Sparse(collections.namedtuple("Sparse", "path size")):
    """Makes `path` a sparse file of `size` bytes (no disk used); `path` must not exist."""


# One expected new finding: the fragment must occur in its message; every other field must be equal.
Expect = collections.namedtuple("Expect", "rule file line column severity fragment")
# `git`: the edits are made to a copy that is a git repository whose one commit holds the untouched corpus (the
# history cites/drift follows); the others run on a plain copy, outside git.
Injection = collections.namedtuple("Injection", "name edits expect git", defaults=(False,))
SPEC023 = "docs/specs/023-desktop-shell-and-renderer.md"
INJECTIONS = [
    # Added with the cite drift branch (issue 14, point 2): a line inserted into Spec-023 above the line
    # Plan-024 cites as Spec-023:503 (the `#### Windows` heading), which now lands on the blank line before it.
    # The drift alone is reported: it knows where the content went, so the blank line is not reported too.
    Injection('insert a line above a cited line (git history)', [Replace(SPEC023,
              "- The shell is a transparent forwarder for the daemon contract",
              "- The shell never caches daemon responses.\n- The shell is a transparent forwarder for the daemon contract")], [
        Expect('cites/drift', P024, 354, 87, 'warning', 'content of Spec-023:503 is now at 504 (moved since commit '),
    ], git=True),
    # Added with the cites branch (issue 14).
    Injection('end a cite range on a blank line', [Replace(MAP, "[Plan-024](../plans/024-rust-pty-sidecar.md):285-300",
                                                           "[Plan-024](../plans/024-rust-pty-sidecar.md):285-296")], [
        Expect('cites/line-range', MAP, 349, 24, 'error', 'end line 296 of 285-296 is blank in docs/plans/024-rust-pty-sidecar.md, nearest non-blank line 295'),
    ]),
    Injection('link to a missing file from a frozen tree', [Replace(ARCHIVE, "## Completed: 2026-04-15\n",
              "See [gone](../plans/099-gone.md).\n\n## Completed: 2026-04-15\n")], [
        Expect('links/missing-file', ARCHIVE, 5, 5, 'warning', 'link to ../plans/099-gone.md: docs/plans/099-gone.md does not exist'),
    ]),
    Injection('link above the repository root', [Replace(P001, "## Progress Log\n",
              "See [memory](../../../.claude/memory/x.md).\n\n## Progress Log\n")], [
        Expect('links/missing-file', P001, 418, 5, 'error', 'link to ../../../.claude/memory/x.md: it climbs above the repository root'),
    ]),
    Injection("misspell a reference link's label", [Replace(TOPOLOGY, "([monitor DO changelog][do-changelog])",
              "([monitor DO changelog][do-changelog-2])")], [
        Expect('links/undefined-reference', TOPOLOGY, 89, 59, 'warning', 'reference link [monitor DO changelog][do-changelog-2]: no `[do-changelog-2]: …` definition'),
    ]),
    Injection('define a reference label nothing uses', [Replace(TOPOLOGY, "[do-changelog]: https://",
              "[do-spare]: https://example.com/\n[do-changelog]: https://")], [
        Expect('links/unused-definition', TOPOLOGY, 98, 1, 'info', 'definition [do-spare] is used by no link in this file'),
    ]),
    Injection('shorten a table row', [Replace(MAP, "| Plan-009 | None | — |", "| Plan-009 | None |")], [
        Expect('tables/short-row', MAP, 120, 1, 'info', 'row has 2 cells, the header 3: GitHub pads it'),
    ]),
    Injection('give a delimiter row an extra cell', [Replace(P001, "## Progress Log\n",
              "| Phase | Tasks |\n| --- | --- | --- |\n| 1 | 6 |\n\n## Progress Log\n")], [
        Expect('tables/not-rendered', P001, 418, 1, 'warning', 'not rendered as a table: the header has 2 cells, the delimiter row 3'),
    ]),
    Injection('put a pipe in a code span in a table row', [Replace(P001, "## Progress Log\n",
              "| Flag | Use |\n| --- | --- |\n| `<env | file>` |\n\n## Progress Log\n")], [
        Expect('tables/code-pipe', P001, 420, 3, 'warning', '`|` inside code span `<env | file>` splits the cell'),
    ]),
    Injection('delete a node declaration', [Replace(MAP, '  NS06[NS-06: Plan-001 T5.2 renderer wiring]:::blocked\n',
                      '')], [
        Expect('graph/dangling-edge', MAP, 318, 1, 'error', 'edge NS03 --> NS06: NS06 is not declared in the graph'),
    ]),
    Injection('declare a node twice', [
        Replace(MAP, '  NS14[NS-14: Tier 2 plan-readiness audit<br/>Plan-002 alone]:::ready\n',
                '  NS14[NS-14: Tier 2 plan-readiness audit<br/>Plan-002 alone]:::ready\n'
                '  NS14[NS-14: again]:::ready\n')], [
        Expect('graph/duplicate-node', MAP, 292, 1, 'error', 'node NS14 is declared again (first at line 291)'),
    ]),
    Injection("flip a completed node's class", [Replace(MAP, 'NS05[NS-05: Plan-024 Phase 2 NodePtyHost]:::completed',
                      'NS05[NS-05: Plan-024 Phase 2 NodePtyHost]:::ready')], [
        Expect('graph/status-class', MAP, 294, 1, 'error',
               'NS05 is :::ready but NS-05 has Status `completed` (expected :::completed)'),
    ]),
    Injection('flip a ready node to blocked', [
        Replace(MAP, 'NS11[NS-11: Plan-007-partial cleanup<br/>3 stale BLOCKED-ON-C9 comments]:::ready',
                'NS11[NS-11: Plan-007-partial cleanup<br/>3 stale BLOCKED-ON-C9 comments]:::blocked')], [
        Expect('graph/blocked-without-open-upstream', MAP, 289, 1, 'warning',
               'NS11 is :::blocked but it has no upstream and its entry says `todo`'),
    ]),
    Injection('flip a blocked node to ready', [Replace(MAP, '  NS06[NS-06: Plan-001 T5.2 renderer wiring]:::blocked',
                      '  NS06[NS-06: Plan-001 T5.2 renderer wiring]:::ready')], [
        Expect('graph/ready-with-open-upstream', MAP, 298, 1, 'error',
               'NS06 is :::ready but its upstream NS03 is not completed'),
        Expect('graph/status-class', MAP, 298, 1, 'error',
               'NS06 is :::ready but NS-06 has Status `blocked` (expected :::blocked)'),
    ]),
    Injection('add an edge that makes a cycle', [Replace(MAP, '  NS09 --> NS10\n',
                      '  NS09 --> NS10\n  NS10 --> NS09\n')], [
        Expect('graph/cycle', MAP, 325, 1, 'error', 'cycle: NS09 --> NS10 --> NS09'),
        Expect('graph/upstream-edges', MAP, 436, 1, 'error',
               "edge NS10 --> NS09 is not in NS-09's Upstream field (NS-07, BL-108)"),
    ]),
    Injection('drop an Upstream token', [
        Replace(MAP, '- Upstream: NS-03 (Plan-023-partial substrate — directory tree + electron-vite v5)',
                '- Upstream: none')], [
        Expect('graph/upstream-edges', MAP, 405, 1, 'error',
               "edge NS03 --> NS06 is not in NS-06's Upstream field (none)"),
    ]),
    Injection('add an Upstream token without an edge', [Replace(MAP, '- Upstream: NS-09 (Phase 4 signed binaries)',
                      '- Upstream: NS-09 (Phase 4 signed binaries) + NS-03')], [
        Expect('graph/upstream-edges', MAP, 445, 1, 'error',
               'NS-10 lists upstream NS-03 but the graph has no edge NS03 --> NS10'),
    ]),
    Injection('mark a BL item completed while its node blocks', [
        Replace(BACKLOG, '### BL-108: Plan-024 Windows + macOS signing procurement evidence\n\n- Status: `todo`',
                '### BL-108: Plan-024 Windows + macOS signing procurement evidence\n\n- Status: `completed`')], [
        Expect('graph/blocked-without-open-upstream', MAP, 300, 1, 'warning',
               'NS09 is :::blocked but all its upstreams (NS07, BL108) are completed'),
        Expect('graph/completed-backlog-edge', MAP, 323, 1, 'warning',
               'edge BL108 --> NS09: BL-108 is completed, so it no longer blocks NS09'),
    ]),
    Injection('use an undefined class', [
        Replace(MAP, 'NS11[NS-11: Plan-007-partial cleanup<br/>3 stale BLOCKED-ON-C9 comments]:::ready',
                'NS11[NS-11: Plan-007-partial cleanup<br/>3 stale BLOCKED-ON-C9 comments]:::reddy')], [
        Expect('graph/status-class', MAP, 289, 1, 'error',
               'NS11 is :::reddy but NS-11 has Status `todo` (expected :::ready or :::blocked)'),
        Expect('graph/undefined-class', MAP, 289, 1, 'warning', 'class `reddy` (on NS11) has no classDef'),
    ]),
    Injection('break a Mermaid statement', [Replace(MAP, '  NS09 --> NS10\n',
                      '  NS09 --> NS10\n  NS99[unclosed\n')], [
        Expect('graph/parse-error', MAP, 325, 1, 'error', 'the label of NS99 is not closed with `]`: `NS99[unclosed`'),
    ]),
    Injection('add a node without an entry', [Replace(MAP, '  NS09 --> NS10\n',
                      '  NS09 --> NS10\n  NS30[NS-30: new step]:::blocked\n')], [
        Expect('graph/entry-node-pairing', MAP, 325, 1, 'error', 'node NS30 has no detail entry (`### NS-30: …`)'),
    ]),
    Injection('add an entry without a node', [Replace(MAP, '## 7. Maintenance',
                      '### NS-31: orphan entry\n\n- Status: `todo`\n- Upstream: none\n\n## 7. Maintenance')], [
        Expect('graph/entry-node-pairing', MAP, 540, 1, 'error', 'entry NS-31 has no node NS31 in the graph'),
    ]),
    Injection('miscount the ready set', [Replace(MAP, '(5 items)',
                      '(6 items)')], [
        Expect('graph/set-claim', MAP, 341, 1, 'error', 'claimed ready set says (6 items) but lists 5'),
    ]),
    Injection('drop a member of the ready set', [Replace(MAP, 'NS-14, NS-22 (5 items)',
                      'NS-14 (5 items)')], [
        Expect('graph/set-claim', MAP, 341, 1, 'error',
               'claimed ready set NS-03, NS-11, NS-13a, NS-14 differs from the graph: missing NS-22'),
        Expect('graph/set-claim', MAP, 341, 1, 'error', 'claimed ready set says (5 items) but lists 4'),
    ]),
    Injection('uncheck a PR row of a completed entry', [
        Replace(MAP, '  - [x] T5.1 — sessionClient + I1-I4 integration tests (PR #30, merged 2026-05-05)',
                '  - [ ] T5.1 — sessionClient + I1-I4 integration tests (PR #30, merged 2026-05-05)')], [
        Expect('graph/pr-checklist', MAP, 353, 1, 'warning',
               'NS-02 has 2 of 3 PR rows checked but Status `completed` (expected `in_progress` or `blocked`)'),
    ]),
    Injection("drop a checked row's merge note", [
        Replace(MAP, '  - [x] T5.1 — sessionClient + I1-I4 integration tests (PR #30, merged 2026-05-05)',
                '  - [x] T5.1 — sessionClient + I1-I4 integration tests')], [
        Expect('graph/pr-checklist', MAP, 363, 1, 'warning',
               'checked row T5.1 in NS-02 lacks `(PR #N, merged YYYY-MM-DD)`'),
    ]),
    Injection('rename a registry method to an event name', [Replace(API, '| `session.join` | RPC (request/response) |',
                      '| `runtime_node.attach` | RPC (request/response) |')], [
        Expect('registry/method-name-format', API, 333, 4, 'error',
               'method `runtime_node.attach` (row 3 of the registry at line 329) does not match METHOD_NAME_FORMAT'),
    ]),
    Injection('camel-case a registry method', [Replace(API, '| `session.join` | RPC (request/response) |',
                      '| `session.joinNow` | RPC (request/response) |')], [
        Expect('registry/method-name-format', API, 333, 4, 'error',
               'method `session.joinNow` (row 3 of the registry at line 329) does not match METHOD_NAME_FORMAT'),
    ]),
    Injection('put PR #123 inside a Tasks block', [Replace(P024, '- **T-024-1-2** Implement Content-Length framing.',
                      '- **T-024-1-2** Implement Content-Length framing (PR #123).')], [
        Expect('tags/ephemeral', P024, 298, 51, 'error', 'ephemeral pr-ref `PR #123` inside a Tasks block (gate G5)'),
    ]),
    Injection('put F-003-2-04 inside a Tasks block', [Replace(P024, '- **T-024-1-2** Implement Content-Length framing.',
                      '- **T-024-1-2** Implement Content-Length framing per F-003-2-04.')], [
        Expect('tags/ephemeral', P024, 298, 54, 'error',
               'ephemeral finding `F-003-2-04` inside a Tasks block (no-ephemeral-tags)'),
    ]),
    Injection("put a PR number in a plan's Goal", [Replace(P024, '## Progress Log\n',
                      'See PR #777 for the spike.\n\n## Progress Log\n')], [
        Expect('tags/ephemeral', P024, 420, 5, 'warning', 'ephemeral pr-ref `PR #777` outside a provenance section'),
    ]),
    Injection('rename a heading that others link to', [
        Replace(MAP, '### Plan-008 Bootstrap-vs-Remainder Carve-Out (Tier 1 / Tier 5)',
                '### Plan-008 Bootstrap Carve-Out (Tier 1 / Tier 5)')], [
        Expect('links/missing-anchor', MAP, 196, 108, 'error',
               'link to #plan-008-bootstrap-vs-remainder-carve-out-tier-1--tier-5: no heading or anchor'),
        Expect('links/missing-anchor', 'docs/plans/008-control-plane-relay-and-session-join.md', 12, 52, 'error',
               'no heading or anchor `plan-008-bootstrap-vs-remainder-carve-out-tier-1--tier-5`'),
        Expect('links/missing-anchor', 'docs/plans/008-control-plane-relay-and-session-join.md', 18, 309, 'error',
               'no heading or anchor `plan-008-bootstrap-vs-remainder-carve-out-tier-1--tier-5`'),
        # The frozen archive links there too: frozen trees report broken links at corpus.frozen-links (warning).
        Expect('links/missing-anchor', ARCHIVE, 799, 226, 'warning',
               '(did you mean #plan-008-bootstrap-carve-out-tier-1--tier-5?)'),
    ]),
    Injection('link to a missing file', [Replace(P001, '## Progress Log\n',
                      'See [the old plan](./099-missing.md).\n\n## Progress Log\n')], [
        Expect('links/missing-file', P001, 418, 5, 'error',
               'link to ./099-missing.md: docs/plans/099-missing.md does not exist'),
    ]),
    Injection("point an image at a diagram that is not there", [Replace(P001, '## Progress Log\n',
                      'The flow:\n  ![session flow](./session-flow.svg)\n\n## Progress Log\n')], [
        Expect('links/missing-file', P001, 419, 3, 'error',
               'image ./session-flow.svg: docs/plans/session-flow.svg does not exist'),
    ]),
    Injection('link to a missing anchor', [Replace(P001, '## Progress Log\n',
                      'See [Tier 1](../architecture/cross-plan-dependencies.md#tier-one).\n\n## Progress Log\n')], [
        Expect('links/missing-anchor', P001, 418, 5, 'error',
               'no heading or anchor `tier-one` in docs/architecture/cross-plan-dependencies.md'),
    ]),
    Injection('shift a line cite onto a blank line', [
        Replace(MAP, '[Plan-024](../plans/024-rust-pty-sidecar.md):285-300',
                '[Plan-024](../plans/024-rust-pty-sidecar.md):286')], [
        Expect('cites/line-range', MAP, 349, 24, 'error', 'line 286 is blank in docs/plans/024-rust-pty-sidecar.md'),
    ]),
    Injection('cite past the end of a file', [Replace(P001, '## Progress Log\n',
                      'As Plan-024:9999 says.\n\n## Progress Log\n')], [
        Expect('cites/line-range', P001, 418, 4, 'error',
               'cite Plan-024:9999: docs/plans/024-rust-pty-sidecar.md has 732 lines, not 9999'),
    ]),
    Injection('break a table row', [Replace(MAP, '| Plan-009 | None | — |',
                      '| Plan-009 | None | — | extra |')], [
        Expect('tables/arity', MAP, 120, 1, 'warning', 'row has 4 cells, the header 3'),
    ]),
    Injection('break a declared total', [Replace(P001, '## Progress Log\n',
                '<!-- corpus:total-check column="Tasks" -->\n| Phase | Tasks |\n| --- | --- |\n'
                '| 1 | 6 |\n| 2 | 3 |\n| Total | 10 |\n\n## Progress Log\n')], [
        Expect('tables/total', P001, 423, 1, 'error', 'Total row says 10 for `Tasks`, the rows add up to 9'),
    ]),
    Injection('duplicate a BL ID', [Replace(BACKLOG, '## Active Items\n',
                '## Active Items\n\n### BL-110: duplicate\n\n- Status: `todo`\n- Priority: `P2`\n'
                '- References: x\n- Summary: y\n- Exit Criteria: z\n')], [
        Expect('ids/duplicate-definition', BACKLOG, 69, 1, 'error',
               'BL-110 is defined again (first at docs/backlog.md:50)'),
    ]),
    # The paragraph under I-024-6 becomes a second I-024-6 heading: no line moves.
    Injection('duplicate an invariant', [
        Replace(P024, '\n`PtyHost.onExit(sessionId, exitCode, signalCode?)` MUST fire exactly once',
                '\n### I-024-6 — again `PtyHost.onExit(sessionId, exitCode, signalCode?)` MUST fire exactly once')], [
        Expect('ids/duplicate-definition', P024, 69, 1, 'error',
               'I-024-6 is defined again (first at docs/plans/024-rust-pty-sidecar.md:67)'),
    ]),
    Injection('cite an undefined invariant', [Replace(P024, '## Progress Log\n',
                      'This also upholds I-024-9.\n\n## Progress Log\n')], [
        Expect('ids/undefined-reference', P024, 420, 19, 'error', 'I-024-9 is defined nowhere'),
    ]),
    Injection('cite an undefined BL item', [Replace(P001, '## Progress Log\n',
                      'Tracked as BL-999.\n\n## Progress Log\n')], [
        Expect('ids/undefined-reference', P001, 418, 12, 'error', 'BL-999 is defined nowhere'),
    ]),
    # A reservation phrase makes BL-999 a definition-to-be: one info, and the later mention is not undefined.
    Injection('reserve an undefined BL item', [Replace(P001, '## Progress Log\n',
                      'The follow-up is reserved as **BL-999**; BL-999 tracks it.\n\n## Progress Log\n')], [
        Expect('ids/reserved', P001, 418, 32, 'info', 'BL-999 is reserved here and not defined yet'),
    ]),
    Injection('cite an undefined ADR', [Replace(P001, '## Progress Log\n',
                      'Decided in ADR-099.\n\n## Progress Log\n')], [
        Expect('ids/undefined-reference', P001, 418, 12, 'error', 'ADR-099 is defined nowhere'),
    ]),
    Injection("move a plan's dependency to a later tier", [Replace(MAP, '| **2** | Plan-002 |',
                      '| **9** | Plan-002 |')], [
        Expect('deps/tier-order', MAP, 119, 1, 'error',
               'Plan-008 (tier 5) depends on Plan-002, which is not built before tier 9'),
        Expect('deps/tier-order', MAP, 130, 1, 'error',
               'Plan-018 (tier 5) depends on Plan-002, which is not built before tier 9'),
    ]),
    Injection('drop a plan from the build order', [Replace(MAP, '| **6** | Plan-009, ',
                      '| **6** | ')], [
        Expect('deps/tier-order', MAP, 223, 1, 'error', 'Plan-009 is placed in no tier of the build order'),
    ]),
    Injection('give a plan an unknown Status', [Replace(P024, '| **Status** | `approved` |',
                      '| **Status** | `shipped` |')], [
        Expect('plans/status', P024, 5, 1, 'error',
               'Status `shipped` is not a plan status (expected one of draft, review, approved, completed)'),
    ]),
    Injection('annotate a Status', [Replace(P024, '| **Status** | `approved` |',
                      '| **Status** | `approved` (pending) |')], [
        Expect('plans/status', P024, 5, 1, 'error',
               'Status `approved (pending)` is not a lone code span'),
    ]),
    Injection('untrace a task', [Replace(P024, '**Spec coverage:** ADR-009 §Decision (LSP-style framing parity).',
                      '**Spec coverage:** none.')], [
        Expect('tasks/traceability', P024, 298, 1, 'warning',
               'task T-024-1-2 traces to no spec criterion or invariant'),
    ]),
    Injection('cite a missing acceptance criterion', [Replace(P001, '**Spec coverage:** Spec-001 AC1, AC3, AC4, AC6',
                      '**Spec coverage:** Spec-001 AC1, AC3, AC4, AC99')], [
        Expect('tasks/traceability', P001, 377, 1, 'warning',
               'task T5.1 cites Spec-001 AC99, but Spec-001 has 8 acceptance criteria'),
    ]),
    Injection('add a one-sided obligation', [Replace(P024, '## Rollout Order',
                '### CP-024-4 — Plan-027 dispatch hook\n\n**Resolution.** Plan-024 exposes it.\n\n'
                '## Rollout Order')], [
        Expect('obligations/reciprocity', P024, 394, 1, 'warning',
               'CP-024-4 names Plan-027, but docs/plans/027-cross-node-dispatch-and-approval.md never mentions'),
    ]),
    Injection('drop a required backlog field', [Replace(BACKLOG, '- Exit Criteria: All four artifacts attached;',
                      '- Exit criterion: All four artifacts attached;')], [
        Expect('backlog/fields', BACKLOG, 52, 1, 'warning', 'BL-108 lacks Exit Criteria'),
    ]),
    Injection('use an unknown backlog status', [
        Replace(BACKLOG, '### BL-108: Plan-024 Windows + macOS signing procurement evidence\n\n- Status: `todo`',
                '### BL-108: Plan-024 Windows + macOS signing procurement evidence\n\n- Status: `doing`')], [
        Expect('backlog/fields', BACKLOG, 54, 1, 'warning',
               'BL-108 Status `doing` is not one of todo, in_progress, blocked, completed'),
    ]),
    Injection("make a ready node wait on an open backlog item", [
        Replace(MAP, "  NS09[NS-09: Plan-024 Phase 4 CI + signing]:::blocked",
                "  NS09[NS-09: Plan-024 Phase 4 CI + signing]:::ready")], [
        Expect('graph/ready-with-open-upstream', MAP, 300, 1, 'error',
               'NS09 is :::ready but its upstream BL108 is not completed'),
        Expect('graph/status-class', MAP, 300, 1, 'error',
               'NS09 is :::ready but NS-09 has Status `blocked` (expected :::blocked)'),
    ]),
    Injection("link into code absent from a docs-only copy", [
        Replace(P001, "## Progress Log\n", "See [the code](../../packages/nowhere/src/x.ts).\n\n## Progress Log\n")], [
        Expect('links/unverifiable', P001, 418, 5, 'info', 'packages/nowhere/src/x.ts'),
    ]),
    # A profile pattern that backtracks without end on one line: the engine's limit stops it for the rest of that
    # file and says so (the families are the built-in ones plus the bad one: `tags.families` replaces as a whole).
    Injection("add a profile pattern that backtracks without end", [
        Create("docs-audit.yml", (
            "tags:\n  families:\n"
            "    finding: '\\bF-\\d{3}[a-z]?-\\d+-(?:\\d+|XX)\\b'\n"
            "    dep-trace: '\\bDT-\\d{3}-[\\w-]+'\n"
            "    pr-ref: '\\bPR #\\d+'\n"
            "    deictic: '\\bthis (?:PR|commit)\\b'\n"
            "    transient-path: '\\.agents/tmp/(?:[\\w./-]*?(?:NNN|MMM|tier-K|-N-)(*SKIP)(*FAIL)|"
            "[\\w./-]*\\w\\.(?:md|json|txt|ya?ml|ts)\\b|[\\w./-]*+(*SKIP)(*FAIL))'\n"
            "    backtracking: '(q+r?)+$'\n").encode()),
        Replace(P001, "## Progress Log\n", "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqq!\n\n## Progress Log\n")], [
        Expect('input/pattern-limit', P001, 1, 1, 'error', 'pattern tags.families.backtracking `(q+r?)+$` ran past'),
    ]),
    Injection("add a file that is not a regular file", [Fifo("docs/pipe.md")], [
        Expect('input/unreadable', 'docs/pipe.md', 1, 1, 'error', 'not a regular file'),
    ]),
    Injection("add a symbolic link that points nowhere", [Symlink("docs/gone.md", "no-such-file.md")], [
        Expect('input/broken-link', 'docs/gone.md', 1, 1, 'error', 'broken symbolic link'),
    ]),
    Injection("add a file that is not UTF-8", [Create("docs/latin1.md", b"# Notes\n\nCaf\xe9 au lait.\n")], [
        Expect('input/not-utf8', 'docs/latin1.md', 3, 4, 'error', 'not valid UTF-8: bad byte at line 3, column 4'),
    ]),
    Injection("add a file holding a NUL byte", [Create("docs/nul.md", b"# Notes\n\nbefore\x00after\n")], [
        Expect('input/binary', 'docs/nul.md', 3, 7, 'error', 'binary file: NUL byte at line 3, column 7'),
    ]),
    Injection("add a file past the size limit", [Sparse("docs/huge.md", 64 * 1024 * 1024 + 1)], [
        Expect('input/too-large', 'docs/huge.md', 1, 1, 'error',
               'file is 67108865 bytes, over the limit of 67108864 (corpus.max-file-bytes)'),
    ]),
    Injection("nest block quotes past the parser's depth", [
        Create("docs/deep.md", b"# Deep\n\n" + b"> " * 300 + b"x\n")], [
        Expect('input/parse', 'docs/deep.md', 3, 1, 'error', 'nesting deeper than 200 levels is flattened'),
    ]),
    Injection("suppress a finding that does not exist", [Replace(P001, "## Progress Log\n",
              "<!-- docs-audit-disable-next-line tags/ephemeral -- nothing to hide -->\n"
              "Plain text.\n\n## Progress Log\n")], [
        Expect('suppressions/unused', P001, 418, 1, 'warning',
               'docs-audit-disable-next-line for tags/ephemeral suppresses nothing'),
    ]),
    # The default profile requires no header field: the copy gets the default profile itself as its docs-audit.yml,
    # with the plan's NNN row required (kinds replace as a whole, so the other kinds stay exactly as they are).
    Injection("misname a header row a profile requires", [
        Create("docs-audit.yml", DEFAULT_PROFILE.replace("        NNN: {identity:", "        NNN: {required: true, identity:",
                                                         1).encode()),
        Replace(P001, "| **NNN** | `001` |", "| **Number** | `001` |")], [
        Expect('header/missing-field', P001, 3, 1, 'error', 'header has no `NNN` field (every plan needs it)'),
    ]),
    Injection("write a plan's header date another way", [
        Replace(P001, "| **Date** | `2026-04-14` |", "| **Date** | `2026-4-14` |")], [
        Expect('header/field-value', P001, 8, 14, 'warning', 'Date `2026-4-14` does not match `\\d{4}-\\d{2}-\\d{2}`'),
    ]),
    Injection("give a plan's header another plan's number", [
        Replace(P001, "| **NNN** | `001` |", "| **NNN** | `010` |")], [
        Expect('header/identity', P001, 6, 13, 'error', 'NNN names 010 but this document is number 001'),
    ]),
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


def commit_all(root):
    """Makes `root` a git repository whose one commit holds everything in it."""
    env = dict(os.environ, GIT_AUTHOR_NAME="inject", GIT_AUTHOR_EMAIL="inject@example.com",
               GIT_COMMITTER_NAME="inject", GIT_COMMITTER_EMAIL="inject@example.com",
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    for arguments in (["init", "-q"], ["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "corpus"]):
        subprocess.run(["git", "-C", root] + arguments, check=True, env=env, capture_output=True)


def full_key(finding):
    return (finding["rule"], finding["file"], finding["line"], finding["column"], finding["severity"],
            finding["message"])


def line_starts(data):
    starts = [0]
    for index, byte in enumerate(data):
        if byte == 0x0A:
            starts.append(index + 1)
    return starts


def position(starts, offset):
    """The 1-based line and UTF-8 byte column of `offset`."""
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low + 1, offset - starts[low] + 1


def shift(findings, path, before, after, start, old, new):
    """Moves the findings of `path` that sit after the changed bytes of one replacement, as the edit moved
    their text; findings inside the changed bytes stay where they were (if they change, the run says so)."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    changed_end = start + len(old) - suffix
    delta = len(new) - len(old)
    old_starts, new_starts = line_starts(before), line_starts(after)
    moved = []
    for key in findings:
        rule, file, line, column, severity, message = key
        if file == path and 1 <= line <= len(old_starts):
            offset = old_starts[line - 1] + column - 1
            if offset >= changed_end:
                line, column = position(new_starts, offset + delta)
        moved.append((rule, file, line, column, severity, message))
    return moved


def apply(root, edit):
    """Applies one edit; returns (undo, replacement info or None)."""
    full = os.path.join(root, edit.path)
    if isinstance(edit, Replace):
        with open(full, "rb") as handle:
            original = handle.read()
        old, new = edit.old.encode("utf-8"), edit.new.encode("utf-8")
        if original.count(old) != 1:
            raise ValueError(f"the anchor text occurs {original.count(old)} times in {edit.path}")
        start = original.index(old)
        changed = original.replace(old, new, 1)
        with open(full, "wb") as handle:
            handle.write(changed)

        def undo():
            with open(full, "wb") as handle:
                handle.write(original)
        return undo, (edit.path, original, changed, start, old, new)
    if os.path.lexists(full):
        raise ValueError(f"{edit.path} already exists")
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if isinstance(edit, Create):
        with open(full, "wb") as handle:
            handle.write(edit.data)
    elif isinstance(edit, Symlink):
        os.symlink(edit.target, full)
    elif isinstance(edit, Fifo):
        os.mkfifo(full)
    elif isinstance(edit, Sparse):
        with open(full, "wb") as handle:
            handle.truncate(edit.size)
    else:
        raise TypeError(f"unknown edit {edit!r}")
    return (lambda: os.unlink(full)), None


def run_one(binary, root, injection, before):
    """The problems of one injection (empty when the difference is exactly the expected findings) and the
    new findings."""
    undos, replacements = [], []
    try:
        for edit in injection.edits:
            undo, replacement = apply(root, edit)
            undos.append(undo)
            if replacement:
                replacements.append(replacement)
        after = [full_key(f) for f in lint(binary, root)]
    except (ValueError, OSError) as error:
        return [str(error)], []
    finally:
        for undo in reversed(undos):
            undo()
    expected_before = list(before)
    for replacement in replacements:
        expected_before = shift(expected_before, *replacement)
    after_count, before_count = collections.Counter(after), collections.Counter(expected_before)
    added = sorted((after_count - before_count).elements())
    gone = sorted((before_count - after_count).elements())
    problems = []
    unmatched = list(added)
    for expect in injection.expect:
        match = next((f for f in unmatched if f[0] == expect.rule and f[1] == expect.file and f[2] == expect.line
                      and f[3] == expect.column and f[4] == expect.severity and expect.fragment in f[5]), None)
        if match is None:
            same_rule = [f"{f[1]}:{f[2]}:{f[3]} {f[4]} {f[5]}" for f in unmatched if f[0] == expect.rule]
            problems.append(f"expected {expect.rule} at {expect.file}:{expect.line}:{expect.column} "
                            f"({expect.severity}, `{expect.fragment}`), got {same_rule or 'none of that rule'}")
        else:
            unmatched.remove(match)
    for rule, file, line, column, severity, message in unmatched:
        problems.append(f"unexpected {rule} at {file}:{line}:{column} ({severity}): {message}")
    for rule, file, line, column, severity, message in gone:
        problems.append(f"a finding vanished: {rule} at {file}:{line}:{column} ({severity}): {message}")
    return problems, added


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    project = os.path.dirname(here)
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(project), "shared/corpora/ai-sidekicks"))
    parser.add_argument("--bin", default=None)
    parser.add_argument("--only", default=None, help="run only the injections whose name contains this")
    parser.add_argument("--show", action="store_true", help="print each injection's new findings as Expect rows")
    parser.add_argument("--require-corpus", action="store_true", help="a missing corpus is an error (exit 2)")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        if args.require_corpus:
            print(f"inject: no corpus at {args.corpus}", file=sys.stderr)
            return 2
        print(f"inject: no corpus at {args.corpus}; skipped")
        return 0
    candidates = (".build/release/docs-audit", ".build/debug/docs-audit")
    binary = args.bin or next((os.path.join(project, p) for p in candidates
                               if os.path.exists(os.path.join(project, p))), None)
    if binary is None or not os.path.exists(binary):
        print("inject: build docs-audit first (swift build)", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="docs-audit-inject-")
    try:
        root = os.path.join(work, "corpus")
        shutil.copytree(args.corpus, root)
        for folder, _, files in os.walk(root):
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o644)
        before = [full_key(f) for f in lint(binary, root)]
        git_root, git_before = None, None
        passed, failed = 0, 0
        for injection in INJECTIONS:
            if args.only and args.only not in injection.name:
                continue
            if injection.git and git_root is None:
                git_root = os.path.join(work, "git", "corpus")
                shutil.copytree(root, git_root)
                commit_all(git_root)
                git_before = [full_key(f) for f in lint(binary, git_root)]
            if injection.git:
                problems, added = run_one(binary, git_root, injection, git_before)
            else:
                problems, added = run_one(binary, root, injection, before)
            if args.show:
                print(f"---- {injection.name}")
                for rule, file, line, column, severity, message in added:
                    print(f"     Expect({rule!r}, {file!r}, {line}, {column}, {severity!r}, {message!r}),")
            if problems:
                failed += 1
                print(f"MISS  {injection.name}")
                for problem in problems:
                    print(f"      {problem}")
            else:
                passed += 1
                print(f"ok    {injection.name}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = passed + failed
    covered = {expect.rule for injection in INJECTIONS for expect in injection.expect}
    listed = subprocess.run([binary, "rules"], capture_output=True, text=True, check=True).stdout.split("\n")
    uncovered = sorted({line.split()[0] for line in listed if line.strip()} - covered)
    print(f"detection rate: {passed}/{total} ({100.0 * passed / max(1, total):.0f}%); "
          f"rules covered: {len(covered)}, without an injection: {', '.join(uncovered) or 'none'}")
    print(f"inject: {passed} passed, {failed} failed")
    return 0 if failed == 0 and total > 0 and (args.only or not uncovered) else 1


if __name__ == "__main__":
    sys.exit(main())
