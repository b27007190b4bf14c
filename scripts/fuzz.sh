#!/usr/bin/env bash
# Builds the libFuzzer target with AddressSanitizer and fuzzes it, seeded with the example corpus and the
# test fixtures. Crashing inputs land in Fuzz/crashes/ (commit them: a test replays every one).
# Usage: scripts/fuzz.sh [SECONDS]   (default 1800)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1800}
make -s deps
swift build -c release --product docs-audit-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" Fuzz/crashes
find Examples Tests/Fixtures -name '*.md' -exec cp {} "$work/corpus/" \; 2>/dev/null || true
i=0; for f in $(find Examples Tests/Fixtures -name '*.md'); do cp "$f" "$work/corpus/seed-$i.md"; i=$((i+1)); done
.build-fuzz/release/docs-audit-fuzz "$work/corpus" -max_total_time="$seconds" -max_len=32768 -timeout=10 \
  -rss_limit_mb=4096 -artifact_prefix=Fuzz/crashes/ -print_final_stats=1
