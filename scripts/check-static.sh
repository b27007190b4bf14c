#!/usr/bin/env bash
# Usage: scripts/check-static.sh BINARY
# Fails, naming them, when BINARY needs shared libraries other than the C library's own (libc, libm, the
# loader, libgcc_s, libpthread, libdl, librt): what `make release` links statically must stay static.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 BINARY" >&2; exit 2; }
[ -x "$1" ] || { echo "check-static: no executable $1" >&2; exit 1; }
command -v ldd >/dev/null || { echo "check-static: ldd is missing (Debian package libc-bin)" >&2; exit 1; }
others=$(ldd "$1" | awk '{print $1}' \
  | grep -vE '^(linux-vdso\.so|/lib64/ld-linux|ld-linux|libc\.so|libm\.so|libgcc_s\.so|libpthread\.so|libdl\.so|librt\.so)' \
  || true)
if [ -n "$others" ]; then
  echo "check-static: $1 needs shared libraries beyond libc:" $others >&2
  exit 1
fi
echo "check-static: $1 needs only the C library ($(ldd "$1" | awk '{print $1}' | tr '\n' ' '))"
