#!/usr/bin/env bash
# Runs one command per photo, for the batch runs of tools that take one photo per process
# (xargs -P2 runs two of these side by side).
#
#   per-file.sh OUT_DIR WORD... -- IN...
#
# Runs WORD... once for each IN, with {in} replaced by IN and {out} by OUT_DIR/<IN's file name>.
set -euo pipefail
out_dir=$1
shift
template=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do template+=("$1"); shift; done
[ $# -gt 0 ] || { echo "per-file.sh: missing -- before the inputs" >&2; exit 2; }
shift
for in in "$@"; do
  out="$out_dir/${in##*/}"
  cmd=()
  for w in "${template[@]}"; do w=${w//\{in\}/$in}; cmd+=("${w//\{out\}/$out}"); done
  "${cmd[@]}"
done
