#!/usr/bin/env bash
# Usage: scripts/install.sh install STAGE DEST | scripts/install.sh uninstall STAGE DEST
# Copies the staged tree (scripts/stage.sh) into DEST (= $DESTDIR$PREFIX), or removes what it installs
# there. Only the files listed below are written or removed, all under DEST; `install` replaces a file by
# a new one (never writing through a symlink at the destination).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 install|uninstall STAGE DEST" >&2; exit 2; }
action=$1 stage=$2 dest=$3
[ -n "$dest" ] || { echo "install: empty destination (set PREFIX)" >&2; exit 2; }
case "$dest" in /*) ;; *) echo "install: PREFIX must be an absolute path, not $dest" >&2; exit 2 ;; esac
files=(
  bin/docs-audit
  share/man/man1/docs-audit.1
  share/bash-completion/completions/docs-audit
  share/zsh/site-functions/_docs-audit
  share/fish/vendor_completions.d/docs-audit.fish
)
case "$action" in
  install)
    command -v install >/dev/null || { echo "install: the install tool (coreutils) is missing" >&2; exit 1; }
    for file in "${files[@]}"; do
      [ -f "$stage/$file" ] || { echo "install: $stage/$file is missing (run make stage)" >&2; exit 1; }
    done
    for file in "${files[@]}"; do
      mode=644
      [ "$file" = bin/docs-audit ] && mode=755
      install -d "$dest/$(dirname "$file")"
      install -m "$mode" "$stage/$file" "$dest/$file"
      echo "installed $dest/$file"
    done
    ;;
  uninstall)
    for file in "${files[@]}"; do
      if [ -e "$dest/$file" ] || [ -L "$dest/$file" ]; then
        rm -f "$dest/$file"
        echo "removed $dest/$file"
      fi
    done
    ;;
  *) echo "usage: $0 install|uninstall STAGE DEST" >&2; exit 2 ;;
esac
