#!/usr/bin/env bash
# A contact sheet to look at: every committed fixture photo (and the benchmark photos when they
# exist) before, beside what `kuajing image` makes of it for the main, white-background, 3:4,
# detail and PDD home slots. Writes target/contact-sheet/sheet.png.
#
#   bash scripts/contact-sheet.sh
#
# "Before" is ImageMagick's own view of the file (auto-oriented, its ICC profile ignored the way
# most viewers ignore it), so orientation and colour fixes show as differences.
set -euo pipefail
shopt -s nullglob
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kuajing="${KUAJING:-$root/target/release/kuajing}"
[ -x "$kuajing" ] || cargo build --release -p kuajing-cli --manifest-path "$root/Cargo.toml"
command -v montage >/dev/null || { echo "contact-sheet: needs ImageMagick (apt-get install imagemagick)"; exit 1; }
out="$root/target/contact-sheet"
rm -rf "$out" && mkdir -p "$out/tiles"
fixtures="$root/tests/fixtures/images"
inputs=(color-adobergb.jpg color-displayp3.jpg color-p3-16bit.png color-cmyk.jpg color-ycck.jpg
  color-cmyk-noicc.jpg cmyk.tif orient-3.jpg orient-6.jpg orient-8.jpg progressive.jpg palette.png
  alpha16.png alpha.webp photo16.tif animated.gif trim-white-border.jpg white-bg-product.jpg
  gps-camera.jpg)
paths=()
for f in "${inputs[@]}"; do paths+=("$fixtures/$f"); done
for f in "$root"/target/bench-photos/phone-12mp.jpg "$root"/target/bench-photos/phone-24mp.jpg; do
  [ -f "$f" ] && paths+=("$f")
done
slots=("taobao main" "taobao white" "taobao main34" "taobao detail" "pinduoduo home")
tiles=()
n=0
for p in "${paths[@]}"; do
  n=$((n + 1))
  name="$(basename "$p")"
  before="$out/tiles/$n-0.png"
  convert "$p[0]" -auto-orient -strip -resize 200x200 -background '#ddd' -gravity center -extent 200x200 "$before"
  tiles+=(-label "$name (before)" "$before")
  i=0
  for s in "${slots[@]}"; do
    i=$((i + 1))
    read -r market slot <<<"$s"
    dir="$out/render-$n-$i"
    mkdir -p "$dir"
    tile="$out/tiles/$n-$i.png"
    if "$kuajing" image "$p" --marketplace "$market" --slot "$slot" --out-dir "$dir" --json >"$dir/report.json" 2>"$dir/err.txt"; then
      files=("$dir"/*.jpg "$dir"/*.png)
      first="${files[0]}"
      kb=$(( $(stat -c %s "$first") / 1024 ))
      dims="$(identify -format '%wx%h' "$first")"
      findings="$(python3 -c 'import json,sys; print(",".join(f["code"] for f in json.load(open(sys.argv[1]))["findings"]))' "$dir/report.json")"
      convert "$first" -resize 200x200 -background '#ddd' -gravity center -extent 200x200 "$tile"
      tiles+=(-label "$market $slot $dims ${kb}KB ${findings}" "$tile")
    else
      convert -size 200x200 xc:'#fdd' "$tile"
      tiles+=(-label "$market $slot: $(head -c 60 "$dir/err.txt")" "$tile")
    fi
  done
done
montage -font DejaVu-Sans -pointsize 10 "${tiles[@]}" -tile 6x -geometry 200x200+40+18 -background white "$out/sheet.png"
echo "contact-sheet: $out/sheet.png (${#paths[@]} photos x ${#slots[@]} slots)"
