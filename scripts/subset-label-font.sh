#!/usr/bin/env bash
# Rebuilds assets/fonts/NotoSansSC-Label.otf, the font kuajing-label draws Chinese labels with
# (docs/labels.md, assets/fonts/README.md).
#
# Source: the Simplified Chinese face (font number 2, "Noto Sans CJK SC") of
# NotoSansCJK-Regular.ttc from the Debian package fonts-noto-cjk (1:20220127+repack1-1).
# Needs fontTools: python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools==4.69.1
# and then PYTHON=/tmp/ft/bin/python scripts/subset-label-font.sh
#
# Characters kept: ASCII, Latin-1 Supplement, General Punctuation, a few letterlike symbols
# (℃ ℉ № ™), CJK Symbols and Punctuation, Halfwidth and Fullwidth Forms, and every character
# of GB 2312 (its 682 symbols and both levels of hanzi, 6763). Layout tables (GSUB/GPOS),
# hints and vertical metrics are dropped: the label is drawn horizontally, glyph by glyph, at
# 300 dpi. The .notdef outline is kept: it is what a missing character is drawn as.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
src="${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
out="$here/assets/fonts/NotoSansSC-Label.otf"
python="${PYTHON:-python3}"

"$python" -c 'import fontTools' 2>/dev/null || {
    echo "fontTools is missing: pip install fonttools (see the top of this script)" >&2
    exit 1
}
face="$("$python" -c 'import sys; from fontTools.ttLib import TTFont; print(TTFont(sys.argv[1], fontNumber=2)["name"].getDebugName(4))' "$src")"
if [ "$face" != "Noto Sans CJK SC" ]; then
    echo "font number 2 of $src is '$face', not 'Noto Sans CJK SC'" >&2
    exit 1
fi

charset="$(mktemp)"
trap 'rm -f "$charset"' EXIT
"$python" - "$charset" <<'PY'
import sys

ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement (punctuation, ° ± × ·, accented letters)
    (0x2000, 0x206F),  # General Punctuation (— … “ ” ‘ ’ ‰ ※)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
chars = set()
for lo, hi in ranges:
    chars.update(range(lo, hi + 1))
chars.update([0x2103, 0x2109, 0x2116, 0x2122])  # ℃ ℉ № ™
hanzi = 0
for row in range(0xA1, 0xF8):
    for cell in range(0xA1, 0xFF):
        try:
            c = bytes([row, cell]).decode("gb2312")
        except UnicodeDecodeError:
            continue
        chars.add(ord(c))
        if row >= 0xB0:
            hanzi += 1
assert hanzi == 6763, hanzi
with open(sys.argv[1], "w") as f:
    f.write("\n".join(f"U+{c:04X}" for c in sorted(chars)) + "\n")
print(f"{len(chars)} code points ({hanzi} GB 2312 hanzi)", file=sys.stderr)
PY

"$python" -m fontTools.subset "$src" \
    --font-number=2 \
    --unicodes-file="$charset" \
    --layout-features='' \
    --no-hinting \
    --notdef-outline \
    --drop-tables+=vhea,vmtx,VORG,BASE,DSIG \
    --name-IDs='*' \
    --name-languages='*' \
    --output-file="$out"

echo "$out: $(stat -c %s "$out") bytes"
