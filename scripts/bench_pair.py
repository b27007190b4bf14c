#!/usr/bin/env python3
"""Times two commands in alternation, for a ratio that one machine's drift cannot bias: scripts/bench.sh's rows
time each command in its own block of runs, so a machine that slows down between blocks moves one median and not
the other. Here each round runs PREPARE then A, and PREPARE then B, in an order that alternates round by round;
the medians are printed as bench.sh result rows (TSV: input, name, median ms, peak KB left empty, key).

Usage: scripts/bench_pair.py ROUNDS INPUT PREPARE NAME_A KEY_A COMMAND_A NAME_B KEY_B COMMAND_B
(each COMMAND and PREPARE a shell command line; PREPARE may be empty).
"""
import statistics
import subprocess
import sys
import time

if len(sys.argv) != 10:
    sys.exit(__doc__)
rounds, label, prepare = int(sys.argv[1]), sys.argv[2], sys.argv[3]
pairs = [(sys.argv[4], sys.argv[5], sys.argv[6]), (sys.argv[7], sys.argv[8], sys.argv[9])]
times = {key: [] for _, key, _ in pairs}


def run(command):
    subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


for name, key, command in pairs:  # one warm-up each (page cache, binary)
    if prepare:
        run(prepare)
    run(command)
for index in range(rounds):
    for name, key, command in (pairs if index % 2 == 0 else pairs[::-1]):
        if prepare:
            run(prepare)
        start = time.perf_counter()
        run(command)
        times[key].append((time.perf_counter() - start) * 1000)
for name, key, _ in pairs:
    print(f"{label}\t{name}\t{statistics.median(times[key]):.1f}\t\t{key}")
