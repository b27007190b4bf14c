#!/usr/bin/env bash
# Renders an HTML readiness report to PNG screenshots, a laptop and a phone width, with headless Chromium.
# Usage: scripts/screenshot-report.sh REPORT.html [OUT_PREFIX]   (writes OUT_PREFIX-laptop.png, -phone.png)
# Installs chromium from Debian when it is missing.
set -euo pipefail
report=${1:?usage: scripts/screenshot-report.sh REPORT.html [OUT_PREFIX]}
prefix=${2:-${report%.html}}
if ! command -v chromium >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
shoot() {
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$2" --screenshot="$1" "$url" >/dev/null 2>&1
  echo "wrote $1 ($2)"
}
shoot "$prefix-laptop.png" 1280,2400
shoot "$prefix-phone.png" 390,2400
