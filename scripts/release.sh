#!/usr/bin/env bash
# Usage: scripts/release.sh STAGE OUTDIR   (make dist)
# Packs the staged tree (scripts/stage.sh: the stripped binary, man page, completions) with README.md and
# LICENSE (when the repository has one) into OUTDIR/docs-audit-VERSION-linux-ARCH.tar.gz, and writes its
# SHA-256 beside it as OUTDIR/docs-audit-VERSION-linux-ARCH.tar.gz.sha256 (`sha256sum -c` reads it). The
# archive unpacks into one folder laid out like PREFIX (bin/, share/). Fails naming a missing tool or file.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 STAGE OUTDIR" >&2; exit 2; }
stage=$1 out=$2
cd "$(dirname "$0")/.."
for tool in tar gzip sha256sum; do
  command -v "$tool" >/dev/null || { echo "release: $tool is missing" >&2; exit 1; }
done
[ -x "$stage/bin/docs-audit" ] || { echo "release: no $stage/bin/docs-audit (run make stage)" >&2; exit 1; }
[ -f README.md ] || { echo "release: README.md is missing" >&2; exit 1; }
version=$("$stage/bin/docs-audit" --version)
case "$version" in *[!A-Za-z0-9.+-]*|"") echo "release: unusable version '$version' from the binary" >&2; exit 1 ;; esac
name="docs-audit-$version-linux-$(uname -m)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$stage" "$work/$name"
cp README.md "$work/$name/"
if [ -f LICENSE ]; then cp LICENSE "$work/$name/"; else echo "release: note: no LICENSE file to include" >&2; fi
mkdir -p "$out"
# Same bytes for the same inputs: sorted names, no owners, the commit's time (or 0), no gzip timestamp.
mtime=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C "$work" -cf - "$name" \
  | gzip -9n > "$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
cat "$out/$name.tar.gz.sha256"
