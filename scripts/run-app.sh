#!/usr/bin/env bash
# Installs what is missing, builds the UI and the app (release), and opens Kuajing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
(cd "$root/ui" && npm run build --silent)
cargo build --release -p kuajing-app --manifest-path "$root/Cargo.toml"
app="$root/target/release/kuajing-app"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-app: no display; starting Kuajing under Xvfb (set DISPLAY to use your screen)"
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$app"
fi
exec "$app"
