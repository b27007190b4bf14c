#!/usr/bin/env python3
"""Turns scripts/bench.sh results (TSV: input, name, median ms, peak KB, optional row key) into the Markdown table of
docs/performance.md: per input its size, then each command's median, its ratio to the parse floor, and
its peak memory."""
import platform
import subprocess
import sys
from collections import OrderedDict
from datetime import datetime, timezone

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
command = sys.argv[2]
inputs = OrderedDict()
for input_name, name, value, extra in (row[:4] for row in rows):
    inputs.setdefault(input_name, []).append((name, value, extra))
cpu = "unknown CPU"
try:
    cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
except (OSError, StopIteration):
    pass
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
print(f"Measured {datetime.now(timezone.utc):%Y-%m-%d} on {cores} cores ({cpu}), {platform.system()} {platform.release()}, "
      f"with `{command.strip()}`: median of 5 runs after a warm-up; peak memory from `/usr/bin/time`.\n")
for input_name, entries in inputs.items():
    size = next(((int(v), int(e)) for n, v, e in entries if n == "size"), (0, 0))
    floor = next((float(v) for n, v, _ in entries if n.startswith("cmark-gfm")), None)
    megabytes = size[1] / 1e6
    print(f"**{input_name}** — {size[0]} files, {megabytes:.1f} MB\n")
    print("| command | median ms | × parse floor | ms per MB | peak MB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, value, extra in entries:
        if name == "size":
            continue
        ms = float(value)
        ratio = f"{ms / floor:.2f}" if floor else "—"
        per_mb = f"{ms / megabytes:.1f}" if megabytes else "—"
        peak = f"{int(extra) / 1024:.1f}" if extra.isdigit() else "—"
        print(f"| {name} | {ms:.1f} | {ratio} | {per_mb} | {peak} |")
    print()
