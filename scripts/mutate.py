#!/usr/bin/env python3
"""Mutation score: applies each mutant of scripts/mutants.json, one at a time, to a copy of the project, rebuilds
(the copy keeps its .build folder, so rebuilds are incremental), and runs, cheapest first, the test class named
in the mutant's `first`, the defect injections (scripts/inject.py, when ../shared is present) and the whole test
suite. A mutant is killed by the first of those that fails; it survives when all pass. A mutant whose original
snippet no longer occurs exactly once in its file is stale (the list needs updating), never counted as killed.

Usage: scripts/mutate.py [--copy DIR] [--only ID,ID] [--results FILE] [--no-baseline] [--check]
Prints one line per mutant and a closing `mutate: K killed, S survived, T stale, B not built; score K/(K+S)`.
Exit 0 only when no mutant survived and none is stale.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
TIMEOUT = 3600  # a hanging mutant is killed by the timeout, as a hang is a failure


def run(command, cwd, log):
    """Runs `command` in `cwd`, appending its output to `log`; True when it exits 0 in time."""
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"\n$ {' '.join(command)}\n")
        handle.flush()
        try:
            return subprocess.run(command, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT,
                                  timeout=TIMEOUT).returncode == 0
        except subprocess.TimeoutExpired:
            handle.write(f"timed out after {TIMEOUT} s\n")
            return False


def sync(copy):
    """Copies the project's files into `copy`, keeping the copy's build folders; a file whose bytes did not
    change is left alone, so its time stays and the next build is incremental."""
    skipped = {".build", ".build-fuzz", ".git"}
    wanted = set()
    for folder, folders, files in os.walk(PROJECT):
        folders[:] = [f for f in folders if not (folder == PROJECT and f in skipped)]
        for name in files:
            source = os.path.join(folder, name)
            relative = os.path.relpath(source, PROJECT)
            wanted.add(relative)
            target = os.path.join(copy, relative)
            with open(source, "rb") as handle:
                data = handle.read()
            if os.path.isfile(target):
                with open(target, "rb") as handle:
                    if handle.read() == data:
                        continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(source, target)
    for folder, folders, files in os.walk(copy):
        folders[:] = [f for f in folders if not (folder == copy and f in skipped)]
        for name in files:
            target = os.path.join(folder, name)
            if os.path.relpath(target, copy) not in wanted:
                os.unlink(target)


def checks(copy, corpus, first, log):
    """The checks in order, cheapest first: (name, command)."""
    steps = []
    if first:
        steps.append((first, ["swift", "test", "--disable-swift-testing", "--skip-build", "--filter", first]))
    if os.path.isdir(corpus):
        steps.append(("injections", [sys.executable, "scripts/inject.py", "--bin", ".build/debug/docs-audit",
                                     "--corpus", corpus]))
    # HostileInputTests asserts generous time bounds; on a machine shared with builds they are the one source
    # of failures that are not the mutant's, so the suite runs without them (no mutant targets them).
    steps.append(("test suite", ["swift", "test", "--disable-swift-testing", "--skip-build",
                                 "--skip", "HostileInputTests"]))
    return steps


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--copy", default=os.path.join("/tmp", "docs-audit-mutate", "project"))
    parser.add_argument("--only", default=None, help="comma-separated mutant IDs")
    parser.add_argument("--results", default=None, help="write the results as JSON here")
    parser.add_argument("--no-baseline", action="store_true", help="skip checking the unmutated copy first")
    parser.add_argument("--check", action="store_true", help="only list the stale mutants of the project (no build)")
    args = parser.parse_args()
    with open(os.path.join(HERE, "mutants.json"), encoding="utf-8") as handle:
        mutants = json.load(handle)
    if args.check:
        stale = []
        for mutant in mutants:
            try:
                with open(os.path.join(PROJECT, mutant["file"]), encoding="utf-8") as handle:
                    found = handle.read().count(mutant["original"])
            except OSError:
                found = 0
            if found != 1:
                stale.append(mutant["id"])
                print(f"stale     {mutant['id']:36} the original occurs {found} times in {mutant['file']}")
        rules = len({mutant["rule"] for mutant in mutants})
        print(f"mutate: {len(mutants)} mutants over {rules} rules, {len(stale)} stale")
        return 1 if stale else 0
    if args.only:
        wanted = set(args.only.split(","))
        unknown = wanted - {m["id"] for m in mutants}
        if unknown:
            print(f"mutate: no mutant {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        mutants = [m for m in mutants if m["id"] in wanted]
    copy = os.path.abspath(args.copy)
    corpus = os.path.join(os.path.dirname(PROJECT), "shared/corpora/ai-sidekicks")
    log = os.path.join(copy + ".log")
    sync(copy)
    # The copy sees the shared corpora where the project does (../shared), so the tests that need them run.
    beside = os.path.join(os.path.dirname(copy), "shared")
    if os.path.isdir(os.path.dirname(corpus)) and not os.path.lexists(beside):
        os.symlink(os.path.dirname(os.path.dirname(corpus)), beside)
    print(f"mutate: {len(mutants)} mutants on a copy at {copy} (log: {log})", flush=True)
    if not os.path.isdir(corpus):
        print(f"mutate: no corpus at {corpus}: the injections do not run, so fewer mutants can be killed", flush=True)
    build = ["swift", "build", "--build-tests"]
    if not run(build, copy, log):
        print("mutate: the unmutated copy does not build", file=sys.stderr)
        return 2
    if not args.no_baseline:
        for name, command in checks(copy, corpus, None, log):
            if not run(command, copy, log):
                print(f"mutate: the unmutated copy fails its {name}; fix that first", file=sys.stderr)
                return 2
    results = []
    for mutant in mutants:
        path = os.path.join(copy, mutant["file"])
        started = time.time()
        outcome, by = "stale", None
        try:
            with open(path, encoding="utf-8") as handle:
                original = handle.read()
        except OSError:
            original = ""
        if original.count(mutant["original"]) == 1:
            try:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(original.replace(mutant["original"], mutant["replacement"], 1))
                if not run(build, copy, log):
                    outcome = "not built"
                else:
                    outcome = "survived"
                    for name, command in checks(copy, corpus, mutant.get("first"), log):
                        if not run(command, copy, log):
                            outcome, by = "killed", name
                            break
            finally:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(original)
        seconds = time.time() - started
        results.append({"id": mutant["id"], "rule": mutant["rule"], "outcome": outcome, "by": by,
                        "seconds": round(seconds)})
        print(f"{outcome:9} {mutant['id']:36} {('by ' + by) if by else ''} ({seconds:.0f} s)", flush=True)
        if args.results:
            with open(args.results, "w", encoding="utf-8") as handle:
                json.dump(results, handle, indent=2)
    count = {k: sum(1 for r in results if r["outcome"] == k) for k in ("killed", "survived", "stale", "not built")}
    scored = count["killed"] + count["survived"]
    print(f"survivors: {', '.join(r['id'] for r in results if r['outcome'] == 'survived') or 'none'}")
    print(f"mutate: {count['killed']} killed, {count['survived']} survived, {count['stale']} stale, "
          f"{count['not built']} not built; score {count['killed']}/{scored}")
    # Leave the copy built from the unmutated sources for the next (incremental) run.
    run(build, copy, log)
    return 0 if count["survived"] == 0 and count["stale"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
