#!/usr/bin/env bash
# Usage: scripts/stage.sh BINARY MANPAGE STAGE
# Lays out what `make install` and the release tarball ship, as they go under PREFIX:
#   STAGE/bin/docs-audit                               BINARY, stripped
#   STAGE/share/man/man1/docs-audit.1                  MANPAGE (ArgumentParser's generate-manual plugin)
#   STAGE/share/bash-completion/completions/docs-audit the completion scripts the binary prints
#   STAGE/share/zsh/site-functions/_docs-audit
#   STAGE/share/fish/vendor_completions.d/docs-audit.fish
# Every failure names the missing tool or file.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 BINARY MANPAGE STAGE" >&2; exit 2; }
binary=$1 manpage=$2 stage=$3
[ -x "$binary" ] || { echo "stage: no executable $binary (run make release)" >&2; exit 1; }
[ -f "$manpage" ] || { echo "stage: no man page $manpage (swift package plugin generate-manual)" >&2; exit 1; }
command -v strip >/dev/null || { echo "stage: strip is missing (Debian package binutils)" >&2; exit 1; }
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
  "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
cp "$binary" "$stage/bin/docs-audit"
strip "$stage/bin/docs-audit"
awk -f "$(dirname "$0")/man-literal.awk" "$manpage" > "$stage/share/man/man1/docs-audit.1"
"$stage/bin/docs-audit" --generate-completion-script bash > "$stage/share/bash-completion/completions/docs-audit"
"$stage/bin/docs-audit" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_docs-audit"
"$stage/bin/docs-audit" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/docs-audit.fish"
