#!/usr/bin/env bash
# Measures docs-audit against the I/O floor (cat) and the parse floor (the cmark-gfm CLI) on a corpus.
# Usage: scripts/bench.sh [CORPUS]   (default ../shared/corpora/ai-sidekicks)
# Needs hyperfine and cmark-gfm (Debian packages; installed when missing). Writes the table to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/ai-sidekicks}
[ -d "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 2; }
for tool in hyperfine cmark-gfm; do
  command -v "$tool" >/dev/null || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo; $SUDO apt-get install -y -qq "$tool" >/dev/null; }
done
[ -x /usr/bin/time ] || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo; $SUDO apt-get install -y -qq time >/dev/null; }
make -s release >/dev/null
bin=.build/release/docs-audit
mapfile -t files < <(find "$corpus" -name '*.md' -not -path '*/docs/reference/*' | sort)
bytes=$(cat "${files[@]}" | wc -c)
echo "corpus: $corpus — ${#files[@]} files, $bytes bytes; $(nproc) cores; $(date -u +%Y-%m-%d)"
hyperfine -N --warmup 3 --runs 15 --style none --export-markdown /tmp/docs-audit-bench.md \
  -n "cat (I/O floor)" "cat ${files[*]}" \
  -n "cmark-gfm CLI, 4 extensions (parse floor)" "cmark-gfm -e table -e strikethrough -e autolink -e tasklist ${files[*]}" \
  -n "docs-audit extract (JSON)" "$bin extract --root $corpus" \
  -n "docs-audit extract --format text" "$bin extract --root $corpus --format text" \
  -n "docs-audit lint, whole corpus, JSON" "$bin lint --root $corpus --format json" \
  -n "docs-audit lint, 3 named files (pre-commit)" "$bin lint --root $corpus ${files[0]} ${files[1]} ${files[2]}" \
  -i >/dev/null
cat /tmp/docs-audit-bench.md
echo
for mode in "extract --root $corpus" "lint --root $corpus"; do
  rss=$( (/usr/bin/time -f '%M' $bin $mode 2>&1 >/dev/null || true) | tail -1)
  echo "peak memory, docs-audit $mode: ${rss} KB"
done
