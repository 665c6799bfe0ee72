#!/usr/bin/env bash
# Installs Debian's chromium (and a Chinese font, so screenshots show text, not boxes) for the HTML report's
# browser test in tests/report. Needs root (or sudo) and apt. The test drives /usr/bin/chromium through
# playwright-core; it never downloads a browser of its own.
set -euo pipefail
PACKAGES=(chromium fonts-noto-cjk)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine's package lists may be stale; refresh them, then install without extras.
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
/usr/bin/chromium --version
