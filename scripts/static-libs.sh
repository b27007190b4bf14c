#!/usr/bin/env bash
# Usage: scripts/static-libs.sh DIR NAME...
# Prepares a link that takes the static archive libNAME.a instead of the shared library for each NAME, so the
# release binary carries them and needs only the C library at run time:
#   DIR/libNAME.a        links to the archives (found where the C compiler finds them), and nothing else;
#   DIR/pkgconfig/*.pc   copies of the pkg-config files that link any NAME, with -L DIR first on the Libs
#                        line (SwiftPM puts a package's -L ahead of everything else; PKG_CONFIG_PATH=DIR/pkgconfig).
# Fails naming a missing archive or tool.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DIR NAME..." >&2; exit 2; }
mkdir -p "$1"
dir=$(cd "$1" && pwd)
shift
cc=${CC:-clang}
command -v "$cc" >/dev/null || cc=cc
command -v "$cc" >/dev/null || { echo "static-libs: no C compiler (clang or cc) to locate archives" >&2; exit 1; }
command -v pkg-config >/dev/null || { echo "static-libs: pkg-config is missing (Debian package pkg-config)" >&2; exit 1; }
rm -rf "$dir"
mkdir -p "$dir/pkgconfig"
pattern=""
for name in "$@"; do
  archive=$("$cc" -print-file-name="lib$name.a")
  if [ ! -f "$archive" ]; then
    echo "static-libs: lib$name.a not found by $cc (install the -dev package that ships it;" \
      "Makefile APT_PACKAGES lists them)" >&2
    exit 1
  fi
  ln -s "$archive" "$dir/lib$name.a"
  pattern="$pattern|$name"
done
pattern="-l(${pattern#|})([[:space:]]|$)"
IFS=: read -r -a folders <<< "$(pkg-config --variable pc_path pkg-config)"
for folder in "${folders[@]}"; do
  for pc in "$folder"/*.pc; do
    [ -f "$pc" ] && [ ! -e "$dir/pkgconfig/$(basename "$pc")" ] || continue
    grep -qE -- "^Libs:.*$pattern" "$pc" || continue
    sed -E "s|^Libs:|Libs: -L$dir|" "$pc" > "$dir/pkgconfig/$(basename "$pc")"
  done
done
