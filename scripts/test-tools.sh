#!/usr/bin/env bash
# Installs pre-commit from PyPI when `python3 -m pre_commit` is missing, for the test that runs the real
# hook. Never fails the build: when it cannot install, it says why and that test skips saying so too.
set -uo pipefail
python3 -c "import pre_commit" 2>/dev/null && exit 0
command -v python3 >/dev/null || { echo "test-tools: python3 is missing; the pre-commit test will skip" >&2; exit 0; }
echo "installing pre-commit from PyPI"
python3 -m pip install -q pre-commit 2>/dev/null \
  || python3 -m pip install -q --user --break-system-packages pre-commit 2>/dev/null \
  || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
       $SUDO apt-get install -y -qq python3-pip >/dev/null 2>&1 \
         && python3 -m pip install -q --user --break-system-packages pre-commit; } \
  || echo "test-tools: could not install pre-commit with pip; the pre-commit test will skip" >&2
exit 0
