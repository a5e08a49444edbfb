#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust unit and integration tests, the UI's unit tests
# and type check, generated-bindings drift, and the end-to-end test in the real app window.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/setup.sh

if [ ! -x "$HOME/.cargo/bin/tauri-driver" ] && ! command -v tauri-driver >/dev/null; then
  echo "test-all: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2' --quiet
fi
export PATH="$HOME/.cargo/bin:$PATH"

step() { echo; echo "=== $*"; }

# A clean build with the tests and the e2e binaries takes about 6 GiB; say so before the
# compiler dies half-way with "No space left on device".
free_kib=$(df -Pk "$root" | awk 'NR == 2 { print $4 }')
if [ "$free_kib" -lt $((8 * 1024 * 1024)) ]; then
  echo "test-all: only $((free_kib / 1024)) MiB free on the disk holding $root; a clean build needs about 8 GiB."
  echo "test-all: free some space (for example 'cargo clean' in other checkouts) and run again."
  exit 1
fi
if [ -n "${CI:-}" ]; then
  # Incremental caches only help the next local build; on a one-off clean clone they double the
  # size of target/.
  export CARGO_INCREMENTAL=0
fi

step "rustfmt"
cargo fmt --all --check

step "only src-tauri depends on tauri"
for manifest in crates/*/Cargo.toml; do
  crate=$(basename "$(dirname "$manifest")")
  if cargo tree -p "$crate" -e normal --prefix none 2>/dev/null | grep -qE '^tauri '; then
    echo "test-all: $crate depends on tauri; only src-tauri may"; exit 1
  fi
done

step "UI: build, type check, unit tests"
(cd ui && npm run build --silent && npm run check --silent && npm test --silent)

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust unit and integration tests (they also regenerate ui/src/ipc/bindings and fixtures)"
# Start from nothing so a binding whose Rust type is gone shows up as deleted below.
rm -f ui/src/ipc/bindings/*.ts ui/src/ipc/fixtures/*.json
cargo test --workspace --locked

step "generated TypeScript bindings and the UI mock's recorded fixtures are committed"
if ! git diff --exit-code --stat -- ui/src/ipc/bindings ui/src/ipc/fixtures || [ -n "$(git ls-files --others --exclude-standard ui/src/ipc/bindings ui/src/ipc/fixtures)" ]; then
  echo "test-all: ui/src/ipc/bindings or ui/src/ipc/fixtures drifted from the Rust side: commit the regenerated files"; exit 1
fi

step "end to end: the app window under Xvfb via tauri-driver"
# --workspace: the same feature set as `cargo test --workspace`, so nothing is rebuilt.
cargo build --workspace --bins --locked
xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --workspace --test e2e --locked -- --ignored --test-threads=1
