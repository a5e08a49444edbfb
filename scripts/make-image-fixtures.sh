#!/usr/bin/env bash
# Writes the generated image fixtures of tests/fixtures/images/ and their README.md (colour
# management sources with LittleCMS references, EXIF orientations, formats, trim and
# white-background shots). Deterministic; other files in that folder are left alone.
#
#   bash scripts/make-image-fixtures.sh
#
# Needs Debian/Ubuntu: installs its apt packages (as setup.sh does), builds three C helpers
# and a Python venv under target/image-fixtures/, then runs scripts/image-fixtures/gen.py.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/scripts/image-fixtures"
work="$root/target/image-fixtures"
out="$root/tests/fixtures/images"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

# liblcms2-dev/libjpeg-dev: the C helpers; icc-profiles-free: Adobe RGB and v2 sRGB profiles and
# the FOGRA characterisation data; argyll: colprof builds the embedded CMYK profile from it;
# mate-backgrounds: the photo the scaled-decoder variants are made from; the rest: encoders
# and metadata.
packages=(gcc libc6-dev liblcms2-dev libjpeg-dev icc-profiles-free argyll
  libimage-exiftool-perl libjpeg-turbo-progs webp libtiff-tools python3 python3-venv
  imagemagick mate-backgrounds)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "make-image-fixtures: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

adobe_icc=/usr/share/color/icc/compatibleWithAdobeRGB1998.icc
srgb_v2_icc=/usr/share/color/icc/sRGB.icc
# The CMYK profile embedded in the CMYK/YCCK sources: uncoated FOGRA29, so that it differs from
# the product's default (coated FOGRA39) and a pipeline ignoring the embedded profile fails.
mkdir -p "$work/cmyk-icc"
cmyk_icc="$work/cmyk-icc/FOGRA29L.icc"
if [ ! -f "$cmyk_icc" ]; then
  cp /usr/share/color/icc/FOGRA29L.ti3 "$work/cmyk-icc/"
  (cd "$work/cmyk-icc" && colprof -ql -kr -D "Kuajing test CMYK (FOGRA29L, uncoated)" FOGRA29L >/dev/null)
fi
# The profile assumed for CMYK without an embedded one: the product's own when it is there
# (assets/icc/default-cmyk.icc), else Ghostscript's. Override with DEFAULT_CMYK_ICC=PATH.
default_cmyk_icc="${DEFAULT_CMYK_ICC:-$root/assets/icc/default-cmyk.icc}"
if [ -f "$default_cmyk_icc" ] && [ "$default_cmyk_icc" = "$root/assets/icc/default-cmyk.icc" ]; then
  default_cmyk_note="the product's default CMYK profile; provenance and licence in assets/icc/README.md"
elif [ -f "$default_cmyk_icc" ]; then
  default_cmyk_note="given by DEFAULT_CMYK_ICC"
else
  echo "make-image-fixtures: $default_cmyk_icc is missing"; exit 1
fi
for f in "$adobe_icc" "$srgb_v2_icc" "$cmyk_icc" "$default_cmyk_icc"; do
  [ -f "$f" ] || { echo "make-image-fixtures: missing $f"; exit 1; }
done

mkdir -p "$work/bin" "$out"
gcc -O2 -Wall -o "$work/bin/lcms_xform" "$here/lcms_xform.c" -llcms2
gcc -O2 -Wall -o "$work/bin/make_p3_icc" "$here/make_p3_icc.c" -llcms2 -lm
gcc -O2 -Wall -o "$work/bin/jpeg_cmyk" "$here/jpeg_cmyk.c" -ljpeg
"$work/bin/make_p3_icc" "$work/bin/DisplayP3.icc"

venv="$work/venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check \
  Pillow==13.0.0 numpy==2.4.6 colour-science==0.4.7

"$venv/bin/python" "$here/gen.py" --out "$out" --bin "$work/bin" \
  --adobe-icc "$adobe_icc" --cmyk-icc "$cmyk_icc" --default-cmyk-icc "$default_cmyk_icc" \
  --default-cmyk-note "$default_cmyk_note" --srgb-v2-icc "$srgb_v2_icc"

# Baseline JPEG variants for the scaled decoder (crates/kuajing-imaging/src/scaled_jpeg/):
# every chroma sampling, grey, restart markers, odd sizes, and q100 (coefficients up to the last
# zigzag position). From a real photo, with libjpeg-turbo's cjpeg/jpegtran; the tests compare
# each against libjpeg-turbo's own scaled decode.
base="$work/variant-base.ppm"
convert /usr/share/backgrounds/mate/nature/Garden.jpg -resize '501x333!' -depth 8 "ppm:$base"
cjpeg -quality 92 -sample 2x2 "$base" > "$out/jpeg-420.jpg"
cjpeg -quality 92 -sample 2x1 "$base" > "$out/jpeg-422.jpg"
cjpeg -quality 92 -sample 1x2 "$base" > "$out/jpeg-440.jpg"
cjpeg -quality 92 -sample 1x1 "$base" > "$out/jpeg-444.jpg"
cjpeg -quality 92 -grayscale "$base" > "$out/jpeg-gray.jpg"
cjpeg -quality 100 -sample 2x2 -optimize "$base" > "$out/jpeg-420-q100.jpg"
# A restart marker every 5 MCUs (the count wraps RST0..RST7 many times) and every MCU row.
jpegtran -restart 5B "$out/jpeg-420.jpg" > "$out/jpeg-restart-5.jpg"
cjpeg -quality 92 -sample 1x1 -restart 1 "$base" > "$out/jpeg-444-restart-rows.jpg"
# Progressive (libjpeg's standard scan script: spectral selection and successive approximation),
# and arithmetic-coded (which the scaled decoder leaves to libjpeg-turbo).
jpegtran -progressive "$out/jpeg-420.jpg" > "$out/jpeg-420-progressive.jpg"
jpegtran -progressive -restart 3B "$out/jpeg-422.jpg" > "$out/jpeg-422-progressive-restart.jpg"
jpegtran -progressive "$out/jpeg-gray.jpg" > "$out/jpeg-gray-progressive.jpg"
jpegtran -arithmetic "$out/jpeg-420.jpg" > "$out/jpeg-arithmetic.jpg"
cat >> "$out/README.md" <<'MD'

## Baseline JPEG variants (scaled decoder)

Written by the last block of `scripts/make-image-fixtures.sh` from `Garden.jpg` of Debian's
`mate-backgrounds` (GPL-2+), resized to 501x333 (odd on purpose: partial blocks and MCUs) with
ImageMagick, then encoded by libjpeg-turbo's `cjpeg -quality 92`:

| file | made with |
|---|---|
| `jpeg-420.jpg` | `-sample 2x2` (4:2:0) |
| `jpeg-422.jpg` | `-sample 2x1` (4:2:2) |
| `jpeg-440.jpg` | `-sample 1x2` (4:4:0) |
| `jpeg-444.jpg` | `-sample 1x1` (4:4:4) |
| `jpeg-gray.jpg` | `-grayscale` |
| `jpeg-420-q100.jpg` | `-quality 100 -sample 2x2 -optimize`: non-zero coefficients up to the block's end, optimised Huffman tables |
| `jpeg-restart-5.jpg` | `jpegtran -restart 5B jpeg-420.jpg`: a restart marker every 5 MCUs |
| `jpeg-444-restart-rows.jpg` | `-sample 1x1 -restart 1`: a restart marker every MCU row |
| `jpeg-420-progressive.jpg` | `jpegtran -progressive jpeg-420.jpg` |
| `jpeg-422-progressive-restart.jpg` | `jpegtran -progressive -restart 3B jpeg-422.jpg` |
| `jpeg-gray-progressive.jpg` | `jpegtran -progressive jpeg-gray.jpg` |
| `jpeg-arithmetic.jpg` | `jpegtran -arithmetic jpeg-420.jpg` |
MD
