#!/usr/bin/env python3
"""SSIM of each tool's 800x800 output against a high-quality reference.

Usage: quality.py PHOTOS_DIR OUTPUTS_DIR OUT_JSON

For each "main" scenario (one-12mp, one-24mp, one-progressive) that was run, the reference is made
from the full-resolution decode of the same photo: EXIF orientation applied, Pillow's exact Lanczos
(LANCZOS, no reducing_gap) to fit inside 800x800, centred on white, kept lossless. Every tool's
output is compared with it by SSIM (Wang et al. 2004: Gaussian window, sigma 1.5, K1 0.01,
K2 0.03; scikit-image) on luma (BT.601), over the photo's area only (the white padding, identical
everywhere, would push every score towards 1). A fit-only output (vipsthumbnail's) is centred on
white the same way first; the best of the one-pixel shifts counts, since centring may round either
way. A wrong size or a missed rotation shows up as an error or a low score.
"""

import json
import os
import sys

import numpy as np
from PIL import Image, ImageOps
from skimage.metrics import structural_similarity

BOX = 800
SCENARIOS = {"one-12mp": "phone-12mp.jpg", "one-24mp": "phone-24mp.jpg",
             "one-progressive": "phone-12mp-progressive.jpg"}


def luma(img):
    a = np.asarray(img.convert("RGB"), dtype=np.float64)
    return a[..., 0] * 0.299 + a[..., 1] * 0.587 + a[..., 2] * 0.114


def reference(photo):
    img = ImageOps.exif_transpose(Image.open(photo)).convert("RGB")
    w, h = img.size
    s = min(BOX / w, BOX / h)
    fw, fh = round(w * s), round(h * s)
    small = img.resize((fw, fh), Image.LANCZOS)
    canvas = Image.new("RGB", (BOX, BOX), "white")
    box = ((BOX - fw) // 2, (BOX - fh) // 2, fw, fh)
    canvas.paste(small, box[:2])
    return canvas, box


def score(ref, box, path):
    out = Image.open(path)
    out.load()
    size = out.size
    x, y, fw, fh = box
    if size != (BOX, BOX):
        if abs(size[0] - fw) > 2 or abs(size[1] - fh) > 2:
            return {"size": f"{size[0]}x{size[1]}", "error": f"expected {BOX}x{BOX} or {fw}x{fh}"}
        canvas = Image.new("RGB", (BOX, BOX), "white")
        canvas.paste(out.convert("RGB"), ((BOX - size[0]) // 2, (BOX - size[1]) // 2))
        out = canvas
    a = luma(ref)[y:y + fh, x:x + fw]
    lo = luma(out)
    best = None
    # Centring (800 - 533) / 2 rounds either way: a photo placed one pixel off is not a quality
    # loss, so the best of the nine one-pixel shifts counts.
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if y + dy < 0 or x + dx < 0 or y + dy + fh > BOX or x + dx + fw > BOX:
                continue
            b = lo[y + dy:y + dy + fh, x + dx:x + dx + fw]
            ssim = structural_similarity(a, b, data_range=255.0, gaussian_weights=True,
                                         sigma=1.5, use_sample_covariance=False)
            if best is None or ssim > best[0]:
                best = (ssim, b, dx, dy)
    ssim, b, dx, dy = best
    mse = float(np.mean((a - b) ** 2))
    psnr = float(10 * np.log10(255.0 ** 2 / mse)) if mse > 0 else float("inf")
    return {"size": f"{size[0]}x{size[1]}", "ssim": round(float(ssim), 5), "psnr": round(psnr, 2),
            "shift": f"{dx:+d},{dy:+d}", "bytes": os.path.getsize(path)}


def main():
    photos, outs, out_json = sys.argv[1:4]
    result = {}
    for scen, photo in SCENARIOS.items():
        sdir = os.path.join(outs, scen)
        if not os.path.isdir(sdir):
            continue
        ref, box = reference(os.path.join(photos, photo))
        result[scen] = {"reference": f"Pillow LANCZOS {box[2]}x{box[3]} at +{box[0]}+{box[1]}"}
        # The ceiling: the reference itself saved as a q85 JPEG scores this, not 1.0.
        ceiling = os.path.join(outs, f"{scen}-reference-q85.jpg")
        ref.save(ceiling, "JPEG", quality=85, subsampling="4:2:0")
        result[scen]["reference-q85"] = score(ref, box, ceiling)
        for tool in sorted(os.listdir(sdir)):
            files = sorted(f for f in os.listdir(os.path.join(sdir, tool))
                           if f.lower().endswith((".jpg", ".jpeg")))
            if len(files) != 1:
                result[scen][tool] = {"error": f"{len(files)} JPEG outputs, expected 1"}
                continue
            try:
                result[scen][tool] = score(ref, box, os.path.join(sdir, tool, files[0]))
            except Exception as e:  # a broken output file is a finding, not a crash
                result[scen][tool] = {"error": str(e)}
    with open(out_json, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
