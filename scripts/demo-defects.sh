#!/usr/bin/env bash
# Usage: scripts/demo-defects.sh SOURCE DEST
# Copies the example corpus SOURCE to DEST (which must not exist) and plants three defects in the copy, so
# `make demo` shows what findings look like: a link to a heading that does not exist, an ephemeral PR
# reference outside a provenance section, and a DAG edge to an undeclared node. SOURCE is never changed.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 SOURCE DEST" >&2; exit 2; }
source=$1 dest=$2
[ -d "$source" ] || { echo "demo-defects: no corpus folder $source" >&2; exit 1; }
[ ! -e "$dest" ] || { echo "demo-defects: $dest already exists" >&2; exit 1; }
mkdir -p "$(dirname "$dest")"
cp -R "$source" "$dest"
plan=$dest/docs/plans/001-sync-core.md
map=$dest/docs/architecture/cross-plan-dependencies.md
for file in "$plan" "$map"; do
  [ -f "$file" ] || { echo "demo-defects: $file is missing from the example corpus" >&2; exit 1; }
done
grep -q '^  NS01 --> NS02$' "$map" || { echo "demo-defects: no 'NS01 --> NS02' edge in $map" >&2; exit 1; }
printf '\nThe wire format is settled in [Spec-001](../specs/001-sync-core.md#wire-format).\n' >> "$plan"
sed -i '1s/$/\n\nThe merge engine landed in PR #42./' "$plan"
sed -i 's/^  NS01 --> NS02$/  NS01 --> NS02\n  NS02 --> NS99/' "$map"
