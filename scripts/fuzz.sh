#!/usr/bin/env bash
# Fuzzes one target (or each in turn) under libFuzzer with AddressSanitizer, on the stable
# toolchain (RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags). Not part of CI.
#
#   scripts/fuzz.sh                    # every target, 10 minutes each
#   scripts/fuzz.sh decode_photo 3600  # one target for an hour
#   FUZZ_TIMEOUT=120 scripts/fuzz.sh … # seconds an input may take (20); more on a loaded machine
#
# Targets: decode_photo scaled_jpeg shopify render_slots copy_check (crates/kuajing-fuzz).
# libFuzzer's growing corpus lives in fuzz/work/<target> (not committed), seeded from
# fuzz/corpus/<target>. A crash lands in fuzz/artifacts/<target>/: copy it to
# fuzz/regressions/<target>/, where `cargo test -p kuajing-fuzz` replays it, then fix it.
# Each run appends a line (target, seconds run, runs, coverage, new finds) to fuzz/runs.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1

targets=(decode_photo scaled_jpeg shopify render_slots copy_check)
[ $# -ge 1 ] && targets=("$1")
seconds="${2:-600}"

cargo fuzz build -O -a
for t in "${targets[@]}"; do
  mkdir -p "fuzz/work/$t" "fuzz/artifacts/$t"
  log="$(mktemp)"
  before=$(find "fuzz/artifacts/$t" -name 'crash-*' -o -name 'leak-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'slow-unit-*' | wc -l)
  start=$(date +%s)
  set +e
  cargo fuzz run -O -a "$t" "fuzz/work/$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout="${FUZZ_TIMEOUT:-20}" -max_len=262144 \
    -print_final_stats=1 2>"$log"
  status=$?
  set -e
  took=$(( $(date +%s) - start ))
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  after=$(find "fuzz/artifacts/$t" -name 'crash-*' -o -name 'leak-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'slow-unit-*' | wc -l)
  # The seconds it actually ran (a run stops early on a crash), and the finds it added.
  echo "$(date -u +%FT%TZ) $t ${took}s runs=$runs cov=$cov exit=$status new_artifacts=$((after - before))" | tee -a fuzz/runs.log
  tail -n 30 "$log" > "fuzz/artifacts/$t/last-run.txt"
  rm -f "$log"
done
