#!/usr/bin/env bash
# Installs what building, running and testing Kuajing needs on Debian/Ubuntu, skipping what is
# already there. Sourced by run-app.sh and test-all.sh; safe to run again.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

# Build: WebKitGTK for Tauri; cmake and nasm build the bundled libjpeg-turbo (with its SIMD);
# libdbus for the OS keyring that holds a machine-draft API key (kuajing-mt).
# Run/test headless: Xvfb, WebKitWebDriver, a Chinese font, ImageMagick and xwininfo for
# screenshots; mate-backgrounds: real photographs the imaging tests render; python3 runs
# bench/make-catalog.py, the generator of the e2e test at scale.
packages=(build-essential pkg-config curl file cmake nasm libwebkit2gtk-4.1-dev libssl-dev
  libdbus-1-dev python3
  xvfb xauth webkit2gtk-driver x11-utils imagemagick fonts-noto-cjk fonts-noto-color-emoji mate-backgrounds)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "setup: Rust is missing: install it with rustup (https://rustup.rs)"; exit 1; }
command -v npm >/dev/null || { echo "setup: Node.js 20+ with npm is missing: apt-get install nodejs npm"; exit 1; }

# The web front end.
if [ ! -d "$root/ui/node_modules" ] || [ "$root/ui/package-lock.json" -nt "$root/ui/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci (ui/)"
  (cd "$root/ui" && npm ci --no-audit --no-fund --loglevel=error)
fi
