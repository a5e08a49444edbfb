#!/usr/bin/env bash
# Image benchmark: kuajing against libvips (vipsthumbnail), sharp and ImageMagick, side by side on
# the same realistic phone photos, and writes docs/benchmarks.md.
#
#   bash scripts/bench-images.sh
#
# Environment (all optional):
#   KUAJING=PATH           kuajing binary (default target/release/kuajing, built if missing)
#   BENCH_RUNS=15          hyperfine runs per one-photo command (after 1 warm-up run)
#   BENCH_BATCH_RUNS=3     hyperfine runs per batch command (the checked first run warms up)
#   BENCH_RSS_RUNS=3       /usr/bin/time -v runs per one-photo command (median peak RSS)
#   BENCH_BATCH_RSS_RUNS=1 /usr/bin/time -v runs per batch command
#   BENCH_ONLY="one-12mp batch-100"   run only these scenarios (default: all)
#   BENCH_DOC=PATH         where to write the report (default docs/benchmarks.md)
#   BENCH_QUIET_WAIT=30    seconds to wait, before each scenario, for other processes to leave the
#                          CPUs idle (the report records how busy they were)
#
# Installs what is missing (apt: libvips-tools imagemagick hyperfine time libimage-exiftool-perl
# mate-backgrounds python3-venv; npm ci in bench/; a Python venv in target/bench/venv; Node.js 20+
# must be there already, as for the app), makes the test photos into target/bench-photos/ once,
# keeps raw results in target/bench/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bench="$root/bench"
photos="$root/target/bench-photos"
work="$root/target/bench"
raw="$work/raw"
outs="$work/out"
doc="${BENCH_DOC:-$root/docs/benchmarks.md}"
KUAJING="${KUAJING:-$root/target/release/kuajing}"
case "$KUAJING" in /*) ;; *) KUAJING="$root/$KUAJING" ;; esac
RUNS="${BENCH_RUNS:-15}"
BATCH_RUNS="${BENCH_BATCH_RUNS:-3}"
RSS_RUNS="${BENCH_RSS_RUNS:-3}"
BATCH_RSS_RUNS="${BENCH_BATCH_RSS_RUNS:-1}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-30}"
ONLY="${BENCH_ONLY:-one-12mp one-24mp one-progressive detail-750 batch-100}"
IM_CONVERT=/usr/bin/convert # the real one; /usr/local/bin/convert may be a stand-in
export KUAJING_CATALOG="$work/catalog.sqlite" # never touch the user's catalog

say() { printf '\033[1mbench:\033[0m %s\n' "$*"; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }
case "$root" in *[[:space:]]*) die "the repository path must not contain spaces: $root" ;; esac
started=$(date +%s)

# =================================================================================================
# TOOL COMMAND LINES: the one place to edit them.
#
# Each is a command line in shell words (hyperfine runs it with -N, no shell). Placeholders:
#   {in}      the input photo           {out}    the output file (OUT_DIR/<input's name>)
#   {outdir}  this tool's output folder {inputs} all 100 batch photos, as separate arguments
#   {list}    a file listing the batch photos, one a line       {hint}  jpeg:size hint (WxH)
#   {kuajing} $KUAJING                  {bench}  the bench/ folder     {convert} $IM_CONVERT
# Scenario "main": 800x800, fitted inside, padded on white, EXIF orientation applied, q85.
# Scenario "detail": 750 px wide, aspect kept (kuajing writes the detail slices).
# {in} and {out} in a batch line are filled in per photo by bench/per-file.sh.
# =================================================================================================
declare -A CMD LABEL

LABEL[kuajing]="kuajing"
CMD[kuajing.main]='{kuajing} image {in} --marketplace tmall-global --slot main --quality 85 --out {out}'
CMD[kuajing.detail]='{kuajing} image {in} --marketplace taobao --slot detail --quality 85 --out-dir {outdir}'
CMD[kuajing.batch]='{kuajing} image {inputs} --marketplace tmall-global --slot main --quality 85 --out-dir {outdir}'

LABEL[vipsthumbnail]="vipsthumbnail (fit only, no padding)"
CMD[vipsthumbnail.main]='vipsthumbnail {in} -s 800x800 -o {out}[Q=85,strip]'
CMD[vipsthumbnail.detail]='vipsthumbnail {in} -s 750x -o {out}[Q=85,strip]'
CMD[vipsthumbnail.batch]='vipsthumbnail -s 800x800 -o {outdir}/%s.jpg[Q=85,strip] {inputs}'

LABEL[vips-pad]="vips thumbnail + vips gravity (fit + pad, 2 processes)"
CMD[vips-pad.main]="sh -c 'vips thumbnail \"\$1\" \"\$2.v\" 800 --height 800 && vips gravity \"\$2.v\" \"\$2[Q=85,strip]\" centre 800 800 --extend white' sh {in} {out}"

LABEL[vipsthumbnail-p2]="vipsthumbnail, 2 processes (xargs -P2, 50 photos each)"
CMD[vipsthumbnail-p2.batch]='xargs -a {list} -d "\n" -P 2 -n 50 vipsthumbnail -s 800x800 -o {outdir}/%s.jpg[Q=85,strip]'

LABEL[sharp]="sharp (node, one process; batch: Promise.all)"
CMD[sharp.main]='node {bench}/sharp-render.mjs main {outdir} {in}'
CMD[sharp.detail]='node {bench}/sharp-render.mjs detail {outdir} {in}'
CMD[sharp.batch]='node {bench}/sharp-render.mjs main {outdir} {inputs}'

LABEL[im]="ImageMagick convert"
CMD[im.main]='{convert} {in} -auto-orient -resize 800x800 -background white -gravity center -extent 800x800 -quality 85 -strip {out}'
CMD[im.detail]='{convert} {in} -auto-orient -resize 750x -quality 85 -strip {out}'

LABEL[im-hint]="ImageMagick convert -define jpeg:size=<fitted size>"
CMD[im-hint.main]='{convert} -define jpeg:size={hint} {in} -auto-orient -resize 800x800 -background white -gravity center -extent 800x800 -quality 85 -strip {out}'
CMD[im-hint.detail]='{convert} -define jpeg:size={hint} {in} -auto-orient -resize 750x -quality 85 -strip {out}'

# One thread per convert: two OpenMP-threaded converts on 2 cores thrash.
LABEL[im-p2]="ImageMagick convert, one per photo, xargs -P2 (1 thread each)"
CMD[im-p2.batch]="env MAGICK_THREAD_LIMIT=1 xargs -a {list} -d '\\n' -P 2 -n 50 bash {bench}/per-file.sh {outdir} ${CMD[im.main]} --"
LABEL[im-hint-p2]="ImageMagick convert + jpeg:size, one per photo, xargs -P2 (1 thread each)"
CMD[im-hint-p2.batch]="env MAGICK_THREAD_LIMIT=1 xargs -a {list} -d '\\n' -P 2 -n 50 bash {bench}/per-file.sh {outdir} ${CMD[im-hint.main]} --"

# Which tools run in which scenario, in table order. The targets compare kuajing with
# vipsthumbnail (one photo per process) and with sharp (batch): see bench/report.py.
TOOLS_MAIN="kuajing vipsthumbnail vips-pad sharp im im-hint"
TOOLS_DETAIL="kuajing vipsthumbnail sharp im im-hint"
TOOLS_BATCH="kuajing sharp vipsthumbnail vipsthumbnail-p2 im-hint-p2 im-p2"
# =================================================================================================

# ---- 1. Peers and helpers ---------------------------------------------------------------------
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
apt_packages=(libvips-tools imagemagick hyperfine time libimage-exiftool-perl mate-backgrounds
  python3-venv)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} (apt)"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for c in vips vipsthumbnail vipsheader hyperfine exiftool xargs python3; do
  command -v "$c" >/dev/null || die "$c is missing after the install step"
done
# sharp 0.35 needs Node.js 20.9+ (Debian 12's nodejs is 18): the same Node the app's UI uses.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  die "Node.js 20+ with npm is missing (see scripts/setup.sh)"
fi
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 9) ? 0 : 1)' ||
  die "sharp needs Node.js 20.9 or newer; this is $(node --version)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
[ -x "$IM_CONVERT" ] || die "$IM_CONVERT is missing (apt-get install imagemagick)"

if [ ! -d "$bench/node_modules/sharp" ] || [ "$bench/package-lock.json" -nt "$bench/node_modules/.package-lock.json" ]; then
  say "npm ci (bench/: sharp)"
  (cd "$bench" && npm ci --no-audit --no-fund --loglevel=error)
fi

venv="$work/venv"
if [ ! -x "$venv/bin/python" ] || [ "$bench/requirements.txt" -nt "$venv/.installed" ]; then
  say "Python venv for photo generation and SSIM ($venv)"
  mkdir -p "$work"
  python3 -m venv "$venv" || die "python3 -m venv failed (apt-get install python3-venv)"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$bench/requirements.txt"
  touch "$venv/.installed"
fi
py="$venv/bin/python"

# ---- 2. Test photos ---------------------------------------------------------------------------
stamp_want="$(cat "$bench/make-photos.py" "$bench/requirements.txt" | sha256sum | cut -c1-16)"
if [ "$(cat "$photos/.complete" 2>/dev/null)" != "$stamp_want" ]; then
  say "making test photos into target/bench-photos/ (once; about 2-3 minutes on 2 cores)"
  rm -rf "$photos"
  mkdir -p "$photos"
  "$py" "$bench/make-photos.py" /usr/share/backgrounds/mate/nature "$photos"
  echo "$stamp_want" >"$photos/.complete"
else
  say "test photos: target/bench-photos/ is up to date"
fi
mapfile -t batch_inputs < <(ls "$photos"/batch/photo-*.jpg)
[ ${#batch_inputs[@]} -eq 100 ] || die "expected 100 batch photos in $photos/batch, found ${#batch_inputs[@]}"

# ---- 3. kuajing -------------------------------------------------------------------------------
if [ ! -x "$KUAJING" ]; then
  if [ "$KUAJING" = "$root/target/release/kuajing" ]; then
    say "building kuajing (cargo build --release -p kuajing-cli)"
    cargo build --release -p kuajing-cli ||
      say "WARNING: the kuajing build failed: its rows will say so; the peers still run"
  else
    die "KUAJING=$KUAJING is not an executable file"
  fi
fi
kuajing_version="$("$KUAJING" --version 2>/dev/null | head -1 || true)"
kuajing_stand_in=0
[ -f "$KUAJING" ] && head -c 2 "$KUAJING" | grep -q '#!' && kuajing_stand_in=1
[ "$kuajing_stand_in" = 1 ] && say "WARNING: $KUAJING is a script, not the real binary: its numbers are the stand-in's"

# ---- 4. Runs ----------------------------------------------------------------------------------
rm -rf "$raw" "$outs"
mkdir -p "$raw" "$outs"
printf '%s\n' "${batch_inputs[@]}" >"$work/batch-list.txt"
plan="$raw/plan.tsv" # scenario, tool, status, label, command
: >"$plan"

# q WORD: WORD quoted for hyperfine's shell-words parser and for eval.
q() { printf '%q' "$1"; }

# Fit W x H inside a BOX x BOX square or to a width, rounded: prints "w h".
fit_box() { # W H BOX
  if [ "$1" -ge "$2" ]; then echo "$3 $(( ($2 * $3 + $1 / 2) / $1 ))"; else echo "$(( ($1 * $3 + $2 / 2) / $2 )) $3"; fi
}
# jpeg:size hint: the output size in the photo's stored orientation (libjpeg then picks the
# smallest DCT scale that still covers it).
jpeg_hint() { # PHOTO MODE
  local w h o fw fh
  w=$(vipsheader -f width "$1"); h=$(vipsheader -f height "$1")
  o=$(vipsheader -f orientation "$1" 2>/dev/null || echo 1)
  if [ "$2" = main ]; then
    read -r fw fh < <(fit_box "$w" "$h" 800) # a square box does not care about orientation
  else
    case "$o" in 5|6|7|8) read -r fh fw < <(echo "750 $(( (w * 750 + h / 2) / h ))") ;;
      *) read -r fw fh < <(echo "750 $(( (h * 750 + w / 2) / w ))") ;; esac
  fi
  echo "${fw}x${fh}"
}

# expand TEMPLATE IN OUTDIR HINT: the command line with the placeholders filled in.
expand() {
  local t=$1 in=$2 outdir=$3 hint=$4 inputs="" f
  for f in "${batch_inputs[@]}"; do inputs+="$(q "$f") "; done
  t=${t//\{kuajing\}/$(q "$KUAJING")}
  t=${t//\{convert\}/$(q "$IM_CONVERT")}
  t=${t//\{bench\}/$(q "$bench")}
  t=${t//\{outdir\}/$(q "$outdir")}
  t=${t//\{list\}/$(q "$work/batch-list.txt")}
  t=${t//\{inputs\}/${inputs% }}
  t=${t//\{hint\}/$hint}
  if [ -n "$in" ]; then
    t=${t//\{in\}/$(q "$in")}
    t=${t//\{out\}/$(q "$outdir/${in##*/}")}
  fi
  printf '%s' "$t"
}

# run_words CMDLINE: runs a command line given as shell words (no globbing), like hyperfine -N.
run_words() { local cmd=$1; set -f; eval "set -- $cmd"; set +f; "$@"; }

# peak_rss SCENARIO TOOL CMDLINE RUNS: peak RSS in KiB of each run, one a line, into raw/.
peak_rss() {
  local i f="$raw/$1--$2.rss"
  : >"$f"
  for ((i = 0; i < $4; i++)); do
    (set -f; eval "set -- $3"; /usr/bin/time -v "$@" >/dev/null 2>"$raw/time.txt") ||
      { echo "bench: $2 failed under /usr/bin/time" >&2; return 1; }
    awk -F': ' '/Maximum resident set size/ {print $2}' "$raw/time.txt" >>"$f"
  done
}

# cpu_busy: percent of the machine's CPU time in use over one second (everything, not just ours).
cpu_busy() {
  local a b i tot=0 idle
  read -r -a a < <(head -1 /proc/stat); sleep 1; read -r -a b < <(head -1 /proc/stat)
  for i in 1 2 3 4 5 6 7 8; do tot=$((tot + b[i] - a[i])); done
  idle=$((b[4] - a[4] + b[5] - a[5]))
  echo $(( tot > 0 ? 100 * (tot - idle) / tot : 0 ))
}
# wait_quiet SCENARIO: waits up to BENCH_QUIET_WAIT s for other work (a build...) to leave the CPUs alone, and
# records how busy they were, since another process skews every number.
wait_quiet() {
  local busy i=0
  busy=$(cpu_busy)
  while [ "$busy" -gt 10 ] && [ "$i" -lt "$QUIET_WAIT" ]; do
    [ "$i" = 0 ] && say "  the machine is busy (${busy}% CPU in use by other processes): waiting up to $QUIET_WAIT s"
    busy=$(cpu_busy)
    i=$((i + 1))
  done
  [ "$busy" -le 10 ] || say "  WARNING: still ${busy}% busy; the $1 numbers will be slower and noisier"
  printf '%s\t%s' "$1" "$busy" >>"$raw/quiet.tsv"
}

# scenario NAME KIND PHOTO TOOLS RUNS WARMUP RSS_RUNS
scenario() {
  local name=$1 kind=$2 photo=$3 tools=$4 runs=$5 warmup=$6 rss_runs=$7
  case " $ONLY " in *" $name "*) ;; *) say "skipping $name (BENCH_ONLY)"; return 0 ;; esac
  local mode=main hint="" tool key cmd outdir args=() ok=()
  [ "$kind" = detail ] && mode=detail
  [ "$kind" != batch ] && hint=$(jpeg_hint "$photo" "$mode")
  [ "$kind" = batch ] && hint=$(jpeg_hint "${batch_inputs[0]}" main) # all are 4032x3024
  if [ "$kind" = batch ]; then say "== $name: 100 photos"; else say "== $name: ${photo##*/}"; fi
  for tool in $tools; do
    key="$tool.$kind"
    [ "$kind" = batch ] || key="$tool.$mode"
    [ -n "${CMD[$key]:-}" ] || die "no command line for $key"
    outdir="$outs/$name/$tool"
    mkdir -p "$outdir"
    cmd=$(expand "${CMD[$key]}" "$([ "$kind" = batch ] || echo "$photo")" "$outdir" "$hint")
    # First run: checks that the tool works at all (and warms the page cache).
    if run_words "$cmd" >"$raw/$name--$tool.log" 2>&1; then
      printf '%s\t%s\tok\t%s\t%s\n' "$name" "$tool" "${LABEL[$tool]}" "$cmd" >>"$plan"
      args+=(-n "$tool" "$cmd")
      ok+=("$tool")
    else
      local rc=$? why
      why="exit status $rc: $(head -c 240 "$raw/$name--$tool.log" | tr '\n\t' '  ')"
      [ -s "$raw/$name--$tool.log" ] || why="exit status $rc, no output"
      say "  $tool FAILED, left out of this scenario ($why)"
      printf '%s\t%s\tfailed: %s\t%s\t%s\n' "$name" "$tool" "$why" "${LABEL[$tool]}" "$cmd" >>"$plan"
    fi
  done
  [ ${#ok[@]} -gt 0 ] || return 0
  wait_quiet "$name"
  hyperfine -N --style basic -w "$warmup" -r "$runs" --export-json "$raw/$name.json" "${args[@]}" \
    >"$raw/$name.hyperfine.txt" 2>&1 || { cat "$raw/$name.hyperfine.txt" >&2; die "hyperfine failed in $name"; }
  grep -E '^(Benchmark|  Time)' "$raw/$name.hyperfine.txt" | paste - - | sed -E 's/ +/ /g; s/^/  /' || true
  for tool in "${ok[@]}"; do
    cmd=$(awk -F'\t' -v s="$name" -v t="$tool" '$1 == s && $2 == t {print $5}' "$plan")
    peak_rss "$name" "$tool" "$cmd" "$rss_runs"
  done
  local after
  after=$(cpu_busy)
  printf '\t%s\n' "$after" >>"$raw/quiet.tsv"
  [ "$after" -le 10 ] || say "  WARNING: other processes used ${after}% CPU right after $name: its numbers may be skewed"
}

scenario one-12mp main "$photos/phone-12mp.jpg" "$TOOLS_MAIN" "$RUNS" 1 "$RSS_RUNS"
scenario one-24mp main "$photos/phone-24mp.jpg" "$TOOLS_MAIN" "$RUNS" 1 "$RSS_RUNS"
scenario one-progressive main "$photos/phone-12mp-progressive.jpg" "$TOOLS_MAIN" "$RUNS" 1 "$RSS_RUNS"
scenario detail-750 detail "$photos/phone-12mp.jpg" "$TOOLS_DETAIL" "$RUNS" 1 "$RSS_RUNS"
scenario batch-100 batch "" "$TOOLS_BATCH" "$BATCH_RUNS" 0 "$BATCH_RSS_RUNS"

# ---- 5. Versions, quality and the report ------------------------------------------------------
say "versions, SSIM and the report"
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc=$(nproc)"
  echo "cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "kernel=$(uname -sr)"
  echo "mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  # shellcheck disable=SC1091
  echo "os=$(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "git=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "kuajing=$KUAJING"
  echo "kuajing_version=${kuajing_version:-unknown}"
  echo "kuajing_stand_in=$kuajing_stand_in"
  echo "vips=$(vips --version)"
  echo "imagemagick=$("$IM_CONVERT" -version | head -1 | sed 's/^Version: //; s/ https.*//')"
  echo "node=$(node --version)"
  echo "sharp=$(cd "$bench" && node -p "const s=require('sharp'); 'sharp ' + s.versions.sharp + ' (libvips ' + s.versions.vips + ', concurrency ' + s.concurrency() + ', UV_THREADPOOL_SIZE ' + (process.env.UV_THREADPOOL_SIZE || 'default 4') + ')'")"
  echo "hyperfine=$(hyperfine --version)"
  echo "exiftool=$(exiftool -ver)"
  echo "python=$("$py" -c 'import sys, PIL, skimage, numpy; print(f"Python {sys.version.split()[0]}, Pillow {PIL.__version__}, scikit-image {skimage.__version__}, numpy {numpy.__version__}")')"
  echo "runs=$RUNS"; echo "batch_runs=$BATCH_RUNS"; echo "rss_runs=$RSS_RUNS"; echo "batch_rss_runs=$BATCH_RSS_RUNS"
  echo "photos_dir=target/bench-photos"
} >"$raw/meta.env"

"$py" "$bench/quality.py" "$photos" "$outs" "$raw/quality.json"
"$py" "$bench/report.py" "$raw" "$photos/manifest.json" "$doc"
elapsed=$(( $(date +%s) - started ))
say "done in $((elapsed / 60)) min $((elapsed % 60)) s: $(realpath --relative-to="$root" "$doc"); raw results in target/bench/raw/"
