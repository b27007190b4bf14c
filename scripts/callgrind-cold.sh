#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind, repeatable on a loaded machine) of a cold
# `lint --format json --no-cache` on each shared corpus, next to the cmark-gfm CLI's parse of the same files,
# and hyperfine medians of the same commands when hyperfine is installed.
# Usage: scripts/callgrind-cold.sh [BINARY...]   (default .build/release/docs-audit; `make release` first)
# valgrind cannot read this toolchain's debug information, so each binary is measured as a stripped copy.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- .build/release/docs-audit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOCS_AUDIT_CACHE_DIR=$work/cache
# instructions COMMAND...: the total of callgrind's "summary:" line.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$@" >/dev/null 2>"$work/err" || true
  awk '/^summary:/ {print $2}' "$work/out"
}
for corpus in ai-sidekicks rust-rfcs; do
  root=../shared/corpora/$corpus
  [ -d "$root" ] || { echo "callgrind-cold: no corpus at $root" >&2; continue; }
  # The files docs-audit reads with the default profile (docs/reference is excluded).
  mapfile -t files < <(find "$root" -name '*.md' -not -path '*/docs/reference/*' | sort)
  floor=$(instructions cmark-gfm -e table -e strikethrough -e autolink -e tasklist "${files[@]}")
  printf '%s\tcmark-gfm CLI (parse floor)\t%s\n' "$corpus" "$floor"
  commands=(-n cmark-gfm "cmark-gfm -e table -e strikethrough -e autolink -e tasklist ${files[*]}")
  for bin in "$@"; do
    strip --strip-debug -o "$work/bin" "$bin"
    count=$(instructions "$work/bin" lint --root "$root" --format json --no-cache)
    printf '%s\t%s\t%s\t%.2f x floor\n' "$corpus" "$bin" "$count" "$(echo "$count / $floor" | bc -l)"
    commands+=(-n "$bin" "$bin lint --root $root --format json --no-cache")
  done
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 1 --runs 10 --style basic "${commands[@]}" 2>/dev/null | grep -E "Time|±|Benchmark" || true
  fi
done
