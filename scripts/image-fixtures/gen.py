#!/usr/bin/env python3
"""Writes the image fixtures of tests/fixtures/images/ and their README.md.

Run through scripts/make-image-fixtures.sh, which installs the tools, builds the C helpers
(lcms_xform, make_p3_icc, jpeg_cmyk) and the Python venv, then calls:

    gen.py --out DIR --bin HELPER_DIR --adobe-icc PATH --cmyk-icc PATH --default-cmyk-icc PATH
           --default-cmyk-note TEXT --srgb-v2-icc PATH

Everything is deterministic: fixed seeds, pinned Pillow/numpy, no dates in any file.
Files that this script does not name are left alone.
"""
import argparse
import hashlib
import io
import os
import struct
import subprocess
import tempfile
import warnings
import zlib

import numpy as np
from PIL import Image, ImageCms, ImageDraw, ImageOps

warnings.filterwarnings("ignore")
import colour  # noqa: E402  (after the warnings filter: it warns about optional deps)

A = argparse.ArgumentParser()
A.add_argument("--out", required=True)
A.add_argument("--bin", required=True)
A.add_argument("--adobe-icc", required=True)
A.add_argument("--cmyk-icc", required=True, help="the CMYK profile embedded in the CMYK JPEGs")
A.add_argument("--default-cmyk-icc", required=True,
               help="the CMYK profile the product assumes when none is embedded")
A.add_argument("--default-cmyk-note", required=True, help="provenance and licence of that profile")
A.add_argument("--srgb-v2-icc", required=True, help="a v2 sRGB file, for the Pillow cross-check")
ARGS = A.parse_args()
OUT = ARGS.out
BIN = ARGS.bin
TMP = tempfile.mkdtemp(prefix="kuajing-fixtures-")
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

PERCEPTUAL, RELATIVE = 0, 1
notes = {}  # file name -> list of lines for the README
stats = {}  # free-form numbers for the README


def path(name):
    return os.path.join(OUT, name)


def run(cmd, data=None):
    return subprocess.run(cmd, input=data, stdout=subprocess.PIPE, check=True).stdout


def write(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


# --------------------------------------------------------------------------------------------
# Writers with nothing but what is asked for (no dates, no colour chunks unless given).


def png_bytes(arr, color_type, depth, palette=None, trns=None, iccp=None):
    """color_type 0 gray, 2 RGB, 3 palette, 6 RGBA; depth 8 or 16; arr is HxW[xC]."""
    arr = np.asarray(arr)
    h, w = arr.shape[:2]
    dt = ">u2" if depth == 16 else "u1"
    rows = arr.astype(dt).reshape(h, -1)
    raw = b"".join(b"\0" + rows[y].tobytes() for y in range(h))

    def chunk(kind, body):
        c = kind + body
        return struct.pack(">I", len(body)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, color_type, 0, 0, 0))
    if iccp:
        name, prof = iccp
        out += chunk(b"iCCP", name.encode("latin-1") + b"\0\0" + zlib.compress(prof, 9))
    if palette is not None:
        out += chunk(b"PLTE", bytes(np.asarray(palette, "u1").reshape(-1)))
    if trns is not None:
        out += chunk(b"tRNS", bytes(trns))
    out += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    return out


def tiff_bytes(arr, photometric, depth, extra_tags=()):
    """Uncompressed little-endian baseline TIFF, one strip; tiffcp compresses it afterwards."""
    arr = np.asarray(arr)
    h, w, spp = arr.shape
    data = arr.astype("<u2" if depth == 16 else "u1").tobytes()
    tags = {
        256: (4, [w]), 257: (4, [h]), 258: (3, [depth] * spp), 259: (3, [1]),
        262: (3, [photometric]), 273: (4, [0]), 277: (3, [spp]), 278: (4, [h]),
        279: (4, [len(data)]), 282: (5, [(72, 1)]), 283: (5, [(72, 1)]), 284: (3, [1]),
        296: (3, [2]),
    }
    for tag, val in extra_tags:
        tags[tag] = val
    n = len(tags)
    ifd_size = 2 + 12 * n + 4
    extra_off = 8 + ifd_size
    extra = b""
    entries = []
    for tag in sorted(tags):
        typ, vals = tags[tag]
        if typ == 5:
            body = b"".join(struct.pack("<II", *v) for v in vals)
        elif typ == 3:
            body = struct.pack("<%dH" % len(vals), *vals)
        else:
            body = struct.pack("<%dI" % len(vals), *vals)
        entries.append([tag, typ, len(vals), body])
    # data goes after the IFD and the out-of-line values
    for e in entries:
        if len(e[3]) > 4:
            e.append(extra_off + len(extra))
            extra += e[3]
            if len(extra) % 2:
                extra += b"\0"
    data_off = extra_off + len(extra)
    ifd = struct.pack("<H", n)
    for e in entries:
        tag, typ, count, body = e[:4]
        if tag == 273:
            body = struct.pack("<I", data_off)
        if len(body) > 4:
            ifd += struct.pack("<HHII", tag, typ, count, e[4])
        else:
            ifd += struct.pack("<HHI", tag, typ, count) + body.ljust(4, b"\0")
    ifd += b"\0\0\0\0"
    return b"II*\0" + struct.pack("<I", 8) + ifd + extra + data


def ppm_bytes(arr):
    h, w = arr.shape[:2]
    return b"P6\n%d %d\n255\n" % (w, h) + np.asarray(arr, "u1").tobytes()


def jpeg_pillow(arr, quality, subsampling, **kw):
    buf = io.BytesIO()
    Image.fromarray(np.asarray(arr, "u1")).save(buf, "JPEG", quality=quality, subsampling=subsampling, **kw)
    return buf.getvalue()


def decode(name_or_bytes):
    data = open(path(name_or_bytes), "rb").read() if isinstance(name_or_bytes, str) else name_or_bytes
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


# --------------------------------------------------------------------------------------------
# LittleCMS through the C helper.


def xform(arr, in_prof, in_fmt, out_prof, out_fmt, intent):
    arr = np.ascontiguousarray(arr)
    n = arr.shape[0] * arr.shape[1]
    src = arr.astype("<u2" if in_fmt == "rgb16" else "u1").tobytes()
    out = run([os.path.join(BIN, "lcms_xform"), in_prof, in_fmt, out_prof, out_fmt, str(intent), str(n)], src)
    ch = 4 if out_fmt == "cmyk8" else 3
    dt = "<u2" if out_fmt == "rgb16" else "u1"
    return np.frombuffer(out, dt).reshape(arr.shape[0], arr.shape[1], ch).copy()


# --------------------------------------------------------------------------------------------
# Colour differences (colour-science): sRGB 8-bit -> CIE Lab (D65) -> ΔE.

SRGB = colour.RGB_COLOURSPACES["sRGB"]


def lab(srgb8):
    xyz = colour.RGB_to_XYZ(np.asarray(srgb8, float) / 255.0, SRGB, apply_cctf_decoding=True)
    return colour.XYZ_to_Lab(xyz, SRGB.whitepoint)


def delta_e(a, b, rows=None):
    a, b = np.asarray(a), np.asarray(b)
    if rows is not None:
        a, b = a[rows], b[rows]
    la, lb = lab(a), lab(b)
    d00 = colour.delta_E(la, lb, method="CIE 2000")
    d76 = colour.delta_E(la, lb, method="CIE 1976")
    return {"de00_mean": float(d00.mean()), "de00_max": float(d00.max()), "de76_mean": float(d76.mean())}


# --------------------------------------------------------------------------------------------
# Test patterns.

SAT = [(230, 25, 30), (25, 175, 55), (25, 55, 215), (10, 185, 215), (205, 35, 180), (245, 215, 15)]
SAT_NAMES = ["red", "green", "blue", "cyan", "magenta", "yellow"]
NEU = [(245, 245, 245), (190, 190, 190), (128, 128, 128), (64, 64, 64), (20, 20, 20), (225, 170, 140)]
NEU_NAMES = ["white 245 (with a dark F)", "grey 190", "grey 128", "grey 64", "near-black 20", "skin"]
CW, CH = 192, 144  # colour pattern size; rows A..D are sRGB-designed, row E is device extremes
ROW_E = slice(128, 144)
ROWS_AD = slice(0, 128)


def hsv_to_rgb(h, s, v):
    i = np.floor(h * 6) % 6
    f = h * 6 - np.floor(h * 6)
    p, q, t = v * (1 - s), v * (1 - f * s), v * (1 - (1 - f) * s)
    r = np.choose(i.astype(int), [v, q, p, p, t, v])
    g = np.choose(i.astype(int), [t, v, v, q, p, p])
    b = np.choose(i.astype(int), [p, p, t, v, v, q])
    return np.stack([r, g, b], -1)


def colour_pattern():
    """192x128 float sRGB (0..1): rows A (saturated patches), B (neutrals, skin, an F), C (hue
    sweep), D (grey ramp). Callers append row E (y 128..143) in the source space."""
    img = np.zeros((128, CW, 3))
    for i, c in enumerate(SAT):
        img[0:40, i * 32:(i + 1) * 32] = np.array(c) / 255
    for i, c in enumerate(NEU):
        img[40:80, i * 32:(i + 1) * 32] = np.array(c) / 255
    f = np.array((20, 20, 20)) / 255  # an F in the white patch: asymmetric under any flip/turn
    img[46:74, 8:12] = f
    img[46:50, 8:24] = f
    img[58:62, 8:20] = f
    x = (np.arange(CW) + 0.5) / CW
    img[80:104] = hsv_to_rgb(x, np.full_like(x, 0.75), np.full_like(x, 0.9))[None, :, :]
    img[104:128] = np.repeat(x[:, None], 3, 1)[None, :, :]
    return img


def to8(f):
    return np.clip(np.round(f * 255), 0, 255).astype("u1")


def to16(f):
    return np.clip(np.round(f * 65535), 0, 65535).astype("u2")


def extremes_rgb(maxval):
    row = np.zeros((16, CW, 3), int)
    for i, c in enumerate([(1, 0, 0), (0, 1, 0), (0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 0)]):
        row[:, i * 32:(i + 1) * 32] = np.array(c) * maxval
    return row


EXTREMES_CMYK = [(255, 0, 0, 0), (0, 255, 0, 0), (0, 0, 255, 0), (0, 0, 0, 255), (255, 255, 255, 255), (255, 0, 255, 0)]


def extremes_cmyk():
    row = np.zeros((16, CW, 4), int)
    for i, c in enumerate(EXTREMES_CMYK):
        row[:, i * 32:(i + 1) * 32] = c
    return row


def upright_pattern():
    """96x64 sRGB 8-bit: the orientation picture."""
    im = Image.new("RGB", (96, 64), (235, 235, 235))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, 23, 15], fill=(210, 40, 40))  # red block, top-left
    d.rectangle([80, 0, 95, 39], fill=(40, 70, 200))  # blue bar, top-right
    d.polygon([(0, 63), (0, 40), (23, 63)], fill=(40, 160, 60))  # green triangle, bottom-left
    d.rectangle([30, 8, 35, 47], fill=(20, 20, 20))  # the F
    d.rectangle([30, 8, 55, 13], fill=(20, 20, 20))
    d.rectangle([30, 24, 49, 29], fill=(20, 20, 20))
    a = np.array(im)
    x = (np.arange(30, 96) - 30) / 65.0
    grad = np.stack([235 - 45 * x, 200 - 150 * x, 30 + 140 * x], -1)  # yellow -> magenta
    a[54:64, 30:96] = np.round(grad)[None]
    return a


# --------------------------------------------------------------------------------------------
# 1. Colour management.

SRGB_OUT = "*srgb"  # LittleCMS built-in sRGB, header version 2.1 (see lcms_xform.c)
P3_ICC = os.path.join(BIN, "DisplayP3.icc")
ADOBE = ARGS.adobe_icc
CMYK = ARGS.cmyk_icc
DEFAULT_CMYK = ARGS.default_cmyk_icc
cm_rows = []  # (file, ref, de whole, de rows A-D, cross-check)


def pillow_crosscheck(src_img, in_icc, mode_in):
    """Pillow's ImageCms (its bundled LittleCMS), perceptual, to a v2 sRGB file profile."""
    t = ImageCms.buildTransform(ImageCms.getOpenProfile(in_icc), ImageCms.getOpenProfile(ARGS.srgb_v2_icc),
                                mode_in, "RGB", renderingIntent=ImageCms.Intent.PERCEPTUAL)
    return np.array(ImageCms.applyTransform(src_img, t))


def reference(name, ref, src_pixels, in_icc, fmt, naive, pil_src=None, pil_mode=None):
    out = xform(src_pixels, in_icc, fmt, SRGB_OUT, "rgb8", PERCEPTUAL)
    write(ref, png_bytes(out, 2, 8))
    whole = delta_e(naive, out)
    ad = delta_e(naive, out, ROWS_AD)
    cross = None
    if pil_src is not None:
        cross = delta_e(pillow_crosscheck(pil_src, in_icc, pil_mode), out)
    bpc = delta_e(xform(src_pixels, in_icc, fmt, "*srgb-v4", "rgb8", PERCEPTUAL), out)
    patches = []
    for (y0, y1) in [(0, 40), (40, 80), (128, 144)]:
        m = 4 if y0 == 128 else 8
        for i in range(6):
            sl = (slice(y0 + m, y1 - m), slice(i * 32 + 8, i * 32 + 24))
            a = np.asarray(naive)[sl].reshape(-1, 3).astype(float).mean(0)
            b = out[sl].reshape(-1, 3).astype(float).mean(0)
            d = float(colour.delta_E(lab(a), lab(b), method="CIE 2000"))
            patches.append((d, tuple(int(round(v)) for v in b)))
    cm_rows.append((name, ref, whole, ad, cross, bpc, patches))
    return out


base = colour_pattern()
base8 = to8(base)

# Display P3 profile, made with LittleCMS (no Display P3 profile is packaged in Debian 12).
p3 = open(P3_ICC, "rb").read()
adobe = open(ADOBE, "rb").read()
cmyk_icc = open(CMYK, "rb").read()
default_cmyk_icc = open(DEFAULT_CMYK, "rb").read()


def shown_path(p):
    p = os.path.abspath(p)
    return os.path.relpath(p, ROOT) if p.startswith(ROOT + os.sep) else p


def icc_desc(data):
    """The profile description tag's text (v2 'desc' or v4 'mluc', first record)."""
    n = struct.unpack(">I", data[128:132])[0]
    for i in range(n):
        sig, off, size = struct.unpack(">4sII", data[132 + 12 * i:144 + 12 * i])
        if sig == b"desc":
            body = data[off:off + size]
            if body[:4] == b"desc":
                ln = struct.unpack(">I", body[8:12])[0]
                return body[12:12 + ln].rstrip(b"\0").decode("latin-1")
            if body[:4] == b"mluc":
                ln, o = struct.unpack(">II", body[20:28])
                return body[o:o + ln].decode("utf-16-be")
    return "?"

# Adobe RGB JPEG: rows A-D = the sRGB design converted to Adobe RGB (relative colorimetric);
# row E = Adobe RGB primaries/secondaries at 255 (outside sRGB).
src = np.concatenate([xform(base8, "*srgb", "rgb8", ADOBE, "rgb8", RELATIVE), extremes_rgb(255)]).astype("u1")
write("color-adobergb.jpg", jpeg_pillow(src, 95, 0, icc_profile=adobe))
im = decode("color-adobergb.jpg")
px = np.array(im)
reference("color-adobergb.jpg", "color-adobergb.ref.png", px, ADOBE, "rgb8", px, im, "RGB")

# Display P3 JPEG.
src = np.concatenate([xform(base8, "*srgb", "rgb8", P3_ICC, "rgb8", RELATIVE), extremes_rgb(255)]).astype("u1")
write("color-displayp3.jpg", jpeg_pillow(src, 95, 0, icc_profile=p3))
im = decode("color-displayp3.jpg")
px = np.array(im)
reference("color-displayp3.jpg", "color-displayp3.ref.png", px, P3_ICC, "rgb8", px, im, "RGB")

# 16-bit Display P3 PNG with an iCCP chunk; rows A-D converted at 16 bits.
src16 = np.concatenate([xform(to16(base), "*srgb", "rgb16", P3_ICC, "rgb16", RELATIVE), extremes_rgb(65535)]).astype("u2")
write("color-p3-16bit.png", png_bytes(src16, 2, 16, iccp=("Display P3", p3)))
naive16 = np.round(src16 / 257.0).astype("u1")
reference("color-p3-16bit.png", "color-p3-16bit.ref.png", src16, P3_ICC, "rgb16", naive16)

# CMYK: rows A-D = the sRGB design converted to CMYK with the CMYK profile (perceptual);
# row E = C, M, Y, K, C+M+Y+K (400 %), C+Y at 100 %.
ink = np.concatenate([xform(base8, "*srgb", "rgb8", CMYK, "cmyk8", PERCEPTUAL), extremes_cmyk()]).astype("u1")


def naive_cmyk(c):
    c = c.astype(float) / 255
    return np.round(255 * (1 - c[..., :3]) * (1 - c[..., 3:4])).astype("u1")


refs_cmyk = {}
for name, ref, kind, icc, assumed in [
    ("color-cmyk.jpg", "color-cmyk.ref.png", "cmyk", CMYK, CMYK),
    ("color-ycck.jpg", "color-ycck.ref.png", "ycck", CMYK, CMYK),
    ("color-cmyk-noicc.jpg", "color-cmyk-noicc.ref.png", "cmyk", "-", DEFAULT_CMYK),
]:
    write(name, run([os.path.join(BIN, "jpeg_cmyk"), str(CW), str(CH), "95", kind, icc], ink.tobytes()))
    im = decode(name)
    assert im.mode == "CMYK", (name, im.mode)
    px = np.array(im)  # Pillow undoes Adobe's inversion: 0 = no ink
    stats[name + ":ink_roundtrip_max"] = int(np.abs(px.astype(int) - ink).max())
    refs_cmyk[name] = reference(name, ref, px, assumed, "cmyk8", naive_cmyk(px), im, "CMYK")
stats["embedded_vs_default"] = delta_e(refs_cmyk["color-cmyk.jpg"], refs_cmyk["color-cmyk-noicc.jpg"])

# --------------------------------------------------------------------------------------------
# 2. Orientation. stored_N is such that applying EXIF orientation N to it gives the upright
# picture back; INVERSE[N] undoes what a viewer does for N.

up = upright_pattern()
write("orient-upright.png", png_bytes(up, 2, 8))
T = Image.Transpose
INVERSE = {1: None, 2: T.FLIP_LEFT_RIGHT, 3: T.ROTATE_180, 4: T.FLIP_TOP_BOTTOM, 5: T.TRANSPOSE,
           6: T.ROTATE_90, 7: T.TRANSVERSE, 8: T.ROTATE_270}
orient_stats = {}
for n in range(1, 9):
    im = Image.fromarray(up)
    stored = im if INVERSE[n] is None else im.transpose(INVERSE[n])
    name = "orient-%d.jpg" % n
    write(name, jpeg_pillow(np.array(stored), 92, 0))
    run(["exiftool", "-q", "-overwrite_original", "-n", "-IFD0:Orientation=%d" % n, path(name)])
    got = decode(name)
    assert got.getexif().get(0x0112) == n
    shown = np.array(ImageOps.exif_transpose(got)).astype(int)
    assert shown.shape == up.shape, (name, shown.shape)
    orient_stats[n] = (got.size, float(np.abs(shown - up).mean()), int(np.abs(shown - up).max()))

# --------------------------------------------------------------------------------------------
# 3. Formats.

photo = base8  # 192x128, rows A-D

ppm = os.path.join(TMP, "photo.ppm")
open(ppm, "wb").write(ppm_bytes(photo))
write("progressive.jpg", run(["cjpeg", "-quality", "90", "-progressive", "-optimize", ppm]))

# palette.png: 96x64, 6 palette entries; index 0 fully transparent, index 1 half transparent.
pal = [(255, 255, 255), (40, 70, 200), (210, 40, 40), (40, 160, 60), (235, 200, 30), (20, 20, 20)]
idx = np.zeros((64, 96), "u1")
idx[:, 48:] = 1  # right half: blue at alpha 128
idx[0:16, 0:24] = 2  # red block top-left, opaque
idx[40:64, 0:24] = 3  # green block bottom-left, opaque
idx[54:64, 30:96] = 4  # yellow strip at the bottom, opaque
idx[8:48, 30:36] = 5  # the F, opaque near-black
idx[8:14, 30:56] = 5
idx[24:30, 30:50] = 5
write("palette.png", png_bytes(idx, 3, 8, palette=pal, trns=[0, 128]))

# alpha16.png: 96x64 RGBA 16-bit; alpha ramps 0 -> 65535 left to right, colour ramps in 16 bits.
yy, xx = np.mgrid[0:64, 0:96]
a16 = np.stack([
    np.round(xx / 95 * 65535), np.round(yy / 63 * 65535), np.full(xx.shape, 20000),
    np.round(xx / 95 * 65535)], -1).astype("u2")
a16[8:48, 30:36, :3] = 0  # the F in black, alpha as the ramp
a16[8:14, 30:56, :3] = 0
a16[24:30, 30:50, :3] = 0
write("alpha16.png", png_bytes(a16, 6, 16))

# gray.png: 96x64 8-bit grayscale: a horizontal ramp with a black F.
g = np.round(np.tile(np.linspace(0, 255, 96), (64, 1))).astype("u1")
g[8:48, 30:36] = 0
g[8:14, 30:56] = 0
g[24:30, 30:50] = 0
g[0:16, 0:24] = 255
write("gray.png", png_bytes(g, 0, 8))

# WebP: lossy RGB, and lossy RGB with an alpha plane (alpha = a left-to-right ramp with a
# fully transparent left quarter).
photo_png = os.path.join(TMP, "photo.png")
open(photo_png, "wb").write(png_bytes(photo, 2, 8))
run(["cwebp", "-quiet", "-q", "80", "-metadata", "none", photo_png, "-o", path("photo.webp")])
rgba = np.concatenate([photo, np.zeros((128, 192, 1), "u1")], -1)
rgba[..., 3] = np.clip(np.round((np.arange(192) - 48) / 143 * 255), 0, 255)[None, :]
alpha_png = os.path.join(TMP, "alpha.png")
open(alpha_png, "wb").write(png_bytes(rgba, 6, 8))
run(["cwebp", "-quiet", "-q", "80", "-alpha_q", "100", "-exact", "-metadata", "none", alpha_png, "-o", path("alpha.webp")])

# TIFF: written uncompressed here, compressed by libtiff's tiffcp.
for name, arr, phot, depth, comp, extra in [
    ("photo.tif", photo, 2, 8, "lzw", ()),
    ("photo16.tif", to16(base), 2, 16, "lzw:2", ()),
    ("cmyk.tif", ink, 5, 8, "lzw", [(332, (3, [1]))]),  # InkSet = CMYK
]:
    raw = os.path.join(TMP, "raw-" + name)
    open(raw, "wb").write(tiff_bytes(arr, phot, depth, extra))
    if os.path.exists(path(name)):
        os.remove(path(name))
    run(["tiffcp", "-c", comp, raw, path(name)])
im = decode("cmyk.tif")
assert im.mode == "CMYK"
reference("cmyk.tif", "cmyk.ref.png", np.array(im), DEFAULT_CMYK, "cmyk8", naive_cmyk(np.array(im)))

# animated.gif: 96x64, 3 frames of 300 ms, looping; frame 1 is red (200, 30, 30) with a white F.
frames = []
for bg in [(200, 30, 30), (30, 160, 60), (40, 70, 200)]:
    fr = Image.new("RGB", (96, 64), bg)
    d = ImageDraw.Draw(fr)
    d.rectangle([30, 8, 35, 47], fill=(255, 255, 255))
    d.rectangle([30, 8, 55, 13], fill=(255, 255, 255))
    d.rectangle([30, 24, 49, 29], fill=(255, 255, 255))
    frames.append(fr.quantize(colors=4, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE))
buf = io.BytesIO()
frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=300, loop=0, optimize=False)
write("animated.gif", buf.getvalue())
gif = decode("animated.gif")
first = np.array(gif.convert("RGB")).reshape(-1, 3)
vals, counts = np.unique(first, axis=0, return_counts=True)
stats["gif_dominant"] = (tuple(int(v) for v in vals[counts.argmax()]), float(counts.max() / first.shape[0]))
stats["gif_frames"] = gif.n_frames

# corrupt.jpg: a good baseline JPEG whose entropy-coded data has its middle fifth replaced by
# pseudo-random bytes (0x00..0xFE, so no marker appears); the EOI stays at the end.
good = bytearray(jpeg_pillow(photo, 90, 2))
p = 2
while True:
    assert good[p] == 0xFF
    marker, seglen = good[p + 1], struct.unpack(">H", good[p + 2:p + 4])[0]
    p += 2 + seglen
    if marker == 0xDA:
        break
scan_start, scan_end = p, len(good) - 2
assert good[scan_end:] == b"\xff\xd9"
n = scan_end - scan_start
g0, g1 = scan_start + 2 * n // 5, scan_start + 3 * n // 5
good[g0:g1] = np.random.default_rng(20240101).integers(0, 255, g1 - g0).astype("u1").tobytes()
write("corrupt.jpg", bytes(good))
stats["corrupt"] = (scan_start, scan_end, g0, g1, len(good))

# gps-camera.jpg: camera EXIF + GPS + XMP, every value marked with "kuajing-fixture" where text.
write("gps-camera.jpg", jpeg_pillow(photo, 90, 2))
run(["exiftool", "-q", "-overwrite_original",
     "-EXIF:Make=FixtureCam", "-EXIF:Model=FX-1 kuajing-fixture", "-EXIF:SerialNumber=KF-0042",
     "-EXIF:Artist=kuajing-fixture photographer", "-EXIF:Software=kuajing-fixture firmware 1.0",
     "-EXIF:DateTimeOriginal=2024:05:17 14:23:05", "-EXIF:CreateDate=2024:05:17 14:23:05",
     "-EXIF:GPSLatitude=31.230416", "-EXIF:GPSLatitudeRef=N",
     "-EXIF:GPSLongitude=121.473701", "-EXIF:GPSLongitudeRef=E",
     "-EXIF:GPSAltitude=12", "-EXIF:GPSAltitudeRef=0",
     "-XMP-dc:Creator=kuajing-fixture photographer", "-XMP-dc:Description=kuajing-fixture secret location",
     "-XMP-xmp:CreatorTool=kuajing-fixture firmware 1.0", "-XMP-photoshop:City=Shanghai",
     "-XMP-exif:GPSLatitude=31.230416", "-XMP-exif:GPSLongitude=121.473701",
     path("gps-camera.jpg")])

# --------------------------------------------------------------------------------------------
# 4. Trim fixture: a rounded teal product off-centre on a noisy near-white (250..255) field.

rng = np.random.default_rng(7)
tw, th = 256, 192
TRIM_BOX = (40, 32, 135, 143)  # x0, y0, x1, y1 inclusive
canvas = rng.integers(250, 256, (th, tw, 3)).astype("u1")
mask = Image.new("L", (tw, th), 0)
ImageDraw.Draw(mask).rounded_rectangle(TRIM_BOX, radius=18, fill=255)
m = np.array(mask) > 0
yy, xx = np.mgrid[0:th, 0:tw]
shade = np.clip((yy - TRIM_BOX[1]) / (TRIM_BOX[3] - TRIM_BOX[1]), 0, 1)[..., None]
product = np.round(np.array([0, 130, 150]) * (1 - shade) + np.array([10, 70, 95]) * shade)
canvas[m] = product[m]
circle = (xx - 88) ** 2 + (yy - 70) ** 2 <= 20 ** 2
canvas[circle] = (235, 200, 30)
write("trim-white-border.jpg", jpeg_pillow(canvas, 90, 2))
tr = np.array(decode("trim-white-border.jpg")).astype(int)
trim_stats = {}
for tol in (5, 10, 15, 20):
    fg = (255 - tr).max(-1) > tol
    ys, xs = np.nonzero(fg)
    trim_stats[tol] = (int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max()))
for margin in (4, 8, 16):
    bgmask = np.ones((th, tw), bool)
    bgmask[TRIM_BOX[1] - margin:TRIM_BOX[3] + margin + 1, TRIM_BOX[0] - margin:TRIM_BOX[2] + margin + 1] = False
    stats["trim_bg_%d" % margin] = (int(tr[bgmask].min()), int(tr[bgmask].max()), float(tr[bgmask].std()))

# --------------------------------------------------------------------------------------------
# 5. White-background product shot, 1200x1200: pure white (255) background, a textured
# "bottle" in the middle.

W = 1200
WB_BODY = (380, 260, 819, 1079)  # x0, y0, x1, y1 inclusive
WB_CAP = (500, 120, 699, 279)
rng = np.random.default_rng(11)
img = np.full((W, W, 3), 255.0)
mask = Image.new("L", (W, W), 0)
d = ImageDraw.Draw(mask)
d.rounded_rectangle(WB_BODY, radius=90, fill=255)
d.rounded_rectangle(WB_CAP, radius=24, fill=255)
m = np.array(mask) > 0
yy, xx = np.mgrid[0:W, 0:W]
u = np.clip((xx - WB_BODY[0]) / (WB_BODY[2] - WB_BODY[0]), 0, 1)
light = 0.55 + 0.45 * np.sin(np.pi * u) ** 0.6  # a cylinder lit from the front
body = np.stack([180 * light, 60 * light, 90 * light], -1) + rng.normal(0, 9, (W, W, 3))
label = (yy > 560) & (yy < 800) & (xx > 420) & (xx < 780)
body[label] = (np.stack([235 * light, 225 * light, 200 * light], -1) + rng.normal(0, 5, (W, W, 3)))[label]
cap = (yy <= WB_CAP[3]) & (yy >= WB_CAP[1])
body[cap] = (np.stack([60 * light, 60 * light, 70 * light], -1) + rng.normal(0, 6, (W, W, 3)))[cap]
img[m] = body[m]
write("white-bg-product.jpg", jpeg_pillow(to8(img / 255), 90, 2))
wb = np.array(decode("white-bg-product.jpg")).astype(int)
ys, xs = np.nonzero((255 - wb).max(-1) > 10)
stats["wb_box"] = (int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max()))
border = np.concatenate([wb[:100].reshape(-1, 3), wb[-100:].reshape(-1, 3), wb[:, :100].reshape(-1, 3), wb[:, -100:].reshape(-1, 3)])
stats["wb_border"] = (int(border.min()), float((border == 255).all(-1).mean()))

# --------------------------------------------------------------------------------------------
# Checks: every file opens with Pillow; identify output goes in the README.

NAMES = [
    "color-adobergb.jpg", "color-adobergb.ref.png", "color-displayp3.jpg", "color-displayp3.ref.png",
    "color-cmyk.jpg", "color-cmyk.ref.png", "color-ycck.jpg", "color-ycck.ref.png",
    "color-cmyk-noicc.jpg", "color-cmyk-noicc.ref.png", "color-p3-16bit.png", "color-p3-16bit.ref.png",
    "orient-upright.png"] + ["orient-%d.jpg" % n for n in range(1, 9)] + [
    "progressive.jpg", "palette.png", "alpha16.png", "gray.png", "photo.webp", "alpha.webp",
    "photo.tif", "photo16.tif", "cmyk.tif", "cmyk.ref.png", "animated.gif", "corrupt.jpg", "gps-camera.jpg",
    "trim-white-border.jpg", "white-bg-product.jpg"]
info = {}
for name in NAMES:
    try:
        im = decode(name)
        pil = "%s %dx%d" % (im.mode, im.size[0], im.size[1])
    except Exception as e:  # corrupt.jpg may be refused
        pil = "Pillow: %s" % type(e).__name__
    info[name] = (os.path.getsize(path(name)), pil)

# --------------------------------------------------------------------------------------------
# README.


def fmt_de(d):
    return "%.2f / %.2f / %.2f" % (d["de00_mean"], d["de00_max"], d["de76_mean"])


L = []
L.append("""# Image fixtures

Small committed images for the imaging tests. The files listed below are written by
`scripts/make-image-fixtures.sh` (generator: `scripts/image-fixtures/gen.py` plus three small
C helpers in `scripts/image-fixtures/`); this README is written by the same run, so the numbers in
it are the ones measured on the committed files. The older fixtures in this folder (`alpha.png`,
`rgb16.png`, `orientation-6-gps.jpg`, `truncated.jpg`, `text-named.jpg`, `bomb-30000x30000.png`,
`empty.jpg`, `header-only.heic`) come from the ignored `write_fixtures` test in
`crates/kuajing-imaging/tests/decode_render.rs`; the script never touches them.

Regenerate with `bash scripts/make-image-fixtures.sh` (Debian/Ubuntu; installs its apt packages,
builds the helpers and a Python venv under `target/image-fixtures/`). Output is deterministic for
the pinned Pillow/numpy and Debian 12's libjpeg-turbo, LittleCMS, libwebp, libtiff and exiftool.

## Conventions for the colour-management references

* Each `*.ref.png` is **8-bit RGB, sRGB-encoded, with no colour chunk at all** (no iCCP, sRGB,
  gAMA or cHRM), same size as its source.
* It is made by LittleCMS 2 (Debian's liblcms2 2.14) from **the decoded pixels of the committed
  source file** (Pillow's libjpeg-turbo for JPEG, the raw 16-bit samples for the PNG), through
  `scripts/image-fixtures/lcms_xform.c`:
  `cmsCreateTransform(embedded_or_default_profile, TYPE_RGB_8 | TYPE_RGB_16 | TYPE_CMYK_8,
  sRGB, TYPE_RGB_8, INTENT_PERCEPTUAL, 0)`, i.e. **perceptual intent, flags 0: no black-point
  compensation, default precalculation/optimisation**, 8-bit output rounded by LittleCMS.
* Output profile: LittleCMS's built-in **sRGB IEC61966-2.1** (`cmsCreate_sRGBProfile()`: sRGB
  primaries, D65 adapted to D50 with Bradford, the IEC 61966-2-1 parametric curve) with its header
  version set to 2.1 in memory. Reason: LittleCMS *forces* black-point compensation for the
  perceptual intent whenever a profile in the chain is ICC v4, and its built-in sRGB is v4;
  moxcms 0.8 has no black-point compensation, so the references are made without it. The effect of
  that forced BPC is listed below ("v4 sRGB" column) for information.
* CMYK sample convention for the references: 0 = no ink. The JPEGs store Adobe's inverted values;
  Pillow and LittleCMS's `TYPE_CMYK_8` both work with 0 = no ink after decoding.
* All colour JPEGs are baseline, quality 95, **4:4:4 (no chroma subsampling)**, so decoders differ
  by at most an IDCT rounding (±1-2 levels), not by chroma upsampling.
* Layout of every colour-management image (192x144):
  * row A, y 0..39: six 32-px patches designed in sRGB: %s = %s;
  * row B, y 40..79: %s = %s; the first (white) patch carries a dark "F" at x 8..23, y 46..73;
  * row C, y 80..103: hue sweep (HSV s 0.75, v 0.9, hue 0..1 left to right);
  * row D, y 104..127: grey ramp 0..255 left to right;
  * row E, y 128..143: **device extremes**, six 32-px patches at the source space's own limits:
    R, G, B, C, M, Y at 100 %% for the RGB sources (outside sRGB: clipped by both CMSs),
    C, M, Y, K, C+M+Y+K (400 %%) and C+Y at 100 %% for the CMYK sources. Rows A-D were converted
    from the sRGB design into the source space (relative colorimetric for RGB, perceptual for
    CMYK), so the reference there comes back close to the design values; row E is where a
    different gamut-clipping strategy would show, so tests may want a looser bound there
    (rows A-D are y 0..127).

""" % (", ".join(SAT_NAMES), ", ".join(str(c) for c in SAT), ", ".join(NEU_NAMES), ", ".join(str(c) for c in NEU)))

L.append("""## ΔE of a naive conversion against the reference

"Naive" = what a decoder without colour management shows: the RGB source samples taken as sRGB
(16-bit samples divided by 257 and rounded), and for CMYK `R = 255·(1-C)(1-K)` (etc.) on the
de-inverted samples. ΔE computed with colour-science %s from 8-bit sRGB -> XYZ -> CIE Lab (D65).
Columns: mean ΔE2000 / max ΔE2000 / mean ΔE76, over the whole image and over rows A-D only.
"LittleCMS cross-check" = the same source through Pillow %s's own bundled LittleCMS (ImageCms,
perceptual, output profile `%s`, a v2 sRGB file), against the reference: it bounds what a second,
independent LittleCMS-based route gives. "v4 sRGB" = the reference recomputed with the v4 built-in
sRGB (forced BPC), against the reference.

| source | reference | naive vs ref, whole | naive vs ref, rows A-D | LittleCMS cross-check | v4 sRGB (BPC) |
|---|---|---|---|---|---|
""" % (colour.__version__, Image.__version__, os.path.basename(ARGS.srgb_v2_icc)))
for name, ref, whole, ad, cross, bpc, _ in cm_rows:
    L.append("| `%s` | `%s` | %s | %s | %s | %s |\n" % (name, ref, fmt_de(whole), fmt_de(ad),
                                                         fmt_de(cross) if cross else "n/a", fmt_de(bpc)))

L.append("""
Per patch (the 16x24 / 16x8 centre of each 32-px patch): reference value (mean, rounded) and
ΔE2000 of the naive colour against it. Patch centres: x = 16 + 32·i, y = 20 (row A), 60 (row B),
136 (row E); the white patch B0 carries the F, so its mean includes it.

| source | %s |
|---|%s
""" % (" | ".join("A%d %s" % (i, SAT_NAMES[i]) for i in range(6)) + " | " + " | ".join("B%d" % i for i in range(6)) + " | " + " | ".join("E%d" % i for i in range(6)), "---|" * 18))
for row in cm_rows:
    L.append("| `%s` | %s |\n" % (row[0], " | ".join("%s ΔE %.1f" % (v, d) for d, v in row[6])))

L.append("""
`color-cmyk.ref.png` (embedded profile) against `color-cmyk-noicc.ref.png` (assumed default
profile), same inks: %s, so a test can tell which profile was applied.
""" % fmt_de(stats["embedded_vs_default"]))

L.append("""
## ICC profiles used

| profile | file (Debian package) | used for | licence |
|---|---|---|---|
| Compatible with Adobe RGB (1998), ICC v2.2, 580 bytes | `%s` (icc-profiles-free 2.0.1) | embedded in `color-adobergb.jpg` | zlib (Debian copyright: Kai-Uwe Behrmann, Marti Maria, Graeme Gill et al.); the profile's own copyright tag says "Public Domain. No Warranty, Use at own risk." |
| Display P3, ICC v4.3, %d bytes | made by `scripts/image-fixtures/make_p3_icc.c` with LittleCMS (`cmsCreateRGBProfile`: P3 primaries R 0.680/0.320, G 0.265/0.690, B 0.150/0.060, white D65 0.3127/0.3290, sRGB parametric curve type 4 g 2.4 a 1/1.055 b 0.055/1.055 c 1/12.92 d 0.04045), date pinned to 2024-01-01 | embedded in `color-displayp3.jpg` and `color-p3-16bit.png` (iCCP name "Display P3") | no copyright ("No copyright, use freely" in the profile); Debian 12 packages no Display P3 profile |
| Kuajing test CMYK (FOGRA29L, uncoated), %d bytes | `%s`: built by the script with ArgyllCMS `colprof -ql -kr` from `/usr/share/color/icc/FOGRA29L.ti3` (icc-profiles-free) | embedded in `color-cmyk.jpg`, `color-ycck.jpg` (and their references) | zlib (the FOGRA data, Kai-Uwe Behrmann) |
| %s, %d bytes, MD5 %s | `%s` | the profile **assumed** for the CMYK sources without one: references of `color-cmyk-noicc.jpg` and `cmyk.tif` | %s |
| sRGB IEC61966-2.1 | LittleCMS built-in (`cmsCreate_sRGBProfile`) | output profile of every reference | part of LittleCMS (MIT) |
| sRGB (v2.3, LittleCMS-made) | `%s` (icc-profiles-free) | output of the Pillow cross-check only | zlib |

Debian 12 main ships no other ready-made CMYK profile: no ISO Coated/SWOP profile from ECI or
Adobe (Adobe's are in the non-free `icc-profiles` package); colord-data ships RGB profiles only.
icc-profiles-free does ship FOGRA characterisation data (`/usr/share/color/icc/FOGRA*L.ti3`, zlib),
from which ArgyllCMS's `colprof` builds a CMYK profile; the embedded and the assumed profiles
differ on purpose, so a pipeline that ignores an embedded CMYK profile fails `color-cmyk.jpg`.

""" % (ADOBE, len(p3), len(cmyk_icc), CMYK, icc_desc(default_cmyk_icc), len(default_cmyk_icc),
       hashlib.md5(default_cmyk_icc).hexdigest(), shown_path(DEFAULT_CMYK), ARGS.default_cmyk_note, ARGS.srgb_v2_icc))

L.append("""## Files

Sizes in bytes; "Pillow" is the mode and size Pillow %s decodes.

| file | bytes | Pillow | what it is and how it was made |
|---|---|---|---|
""" % Image.__version__)

desc = {
    "color-adobergb.jpg": "Adobe RGB (1998) pixels, ICC embedded (APP2), JFIF, Pillow quality 95 4:4:4.",
    "color-adobergb.ref.png": "reference (see conventions).",
    "color-displayp3.jpg": "Display P3 pixels, P3 ICC embedded, JFIF, Pillow quality 95 4:4:4.",
    "color-displayp3.ref.png": "reference.",
    "color-cmyk.jpg": "CMYK as Photoshop writes it: Adobe APP14 (transform 0), no JFIF, inverted samples, 4:4:4, quality 95, FOGRA29 (uncoated) ICC embedded (split over 3 APP2 markers); `jpeg_cmyk.c` on libjpeg-turbo. Pillow-decoded inks differ from the written ones by at most %d." % stats["color-cmyk.jpg:ink_roundtrip_max"],
    "color-cmyk.ref.png": "reference, with the embedded profile.",
    "color-ycck.jpg": "the same inks stored as YCCK (Adobe APP14 transform 2, libjpeg's JCS_YCCK), ICC embedded. Max ink round-trip error %d." % stats["color-ycck.jpg:ink_roundtrip_max"],
    "color-ycck.ref.png": "reference, from its own decoded pixels.",
    "color-cmyk-noicc.jpg": "the same inks, Adobe APP14 transform 0, **no** ICC profile: the pipeline must assume its default CMYK profile.",
    "color-cmyk-noicc.ref.png": "reference made with the assumed default CMYK profile (see the profile table), not the embedded FOGRA29 one.",
    "color-p3-16bit.png": "16-bit RGB PNG (colour type 2) with an iCCP chunk \"Display P3\" and no other colour chunk; rows A-D converted from the sRGB design at 16 bits.",
    "color-p3-16bit.ref.png": "reference (16-bit in, 8-bit out in one LittleCMS transform).",
    "orient-upright.png": "the upright orientation picture, 96x64 8-bit RGB: light-grey field, red block top-left (x 0..23, y 0..15), blue bar top-right (x 80..95, y 0..39), green triangle bottom-left, a black F (x 30..55, y 8..47), a yellow-to-magenta strip at the bottom (y 54..63, x 30..95).",
    "progressive.jpg": "progressive JPEG of the 192x128 pattern (rows A-D): `cjpeg -quality 90 -progressive -optimize` (4:2:0).",
    "palette.png": "96x64 indexed colour (type 3, 8-bit), 6 palette entries, tRNS `[0, 128]`: index 0 (white) fully transparent (the left half's background), index 1 (blue, the right half) alpha 128, the rest opaque (red block, green block, yellow strip, black F).",
    "alpha16.png": "96x64 16-bit RGBA (type 6): R = x ramp, G = y ramp, B = 20000, alpha = x ramp 0..65535, a black F.",
    "gray.png": "96x64 8-bit grayscale (type 0): 0..255 ramp left to right, black F, white block top-left.",
    "photo.webp": "lossy WebP (VP8) of the 192x128 pattern: `cwebp -q 80 -metadata none`.",
    "alpha.webp": "lossy WebP with alpha (VP8X + ALPH + VP8), 192x128: the pattern, alpha 0 for x < 48 then a ramp to 255 at the right: `cwebp -q 80 -alpha_q 100 -exact`.",
    "photo.tif": "192x128 8-bit RGB TIFF, LZW (no predictor), one strip: `tiffcp -c lzw`.",
    "photo16.tif": "192x128 16-bit RGB TIFF (little-endian), LZW with horizontal predictor: `tiffcp -c lzw:2`; rows A-D of the pattern at 16 bits.",
    "cmyk.tif": "192x144 8-bit CMYK TIFF (Photometric 5 separated, InkSet 1, 0 = no ink), LZW, no ICC: the same inks as the CMYK JPEGs.",
    "cmyk.ref.png": "reference for `cmyk.tif` with the default CMYK profile (lossless source, so this is the exact ink conversion).",
    "animated.gif": "96x64 GIF89a, %d frames of 300 ms, looping forever. Frame 1: red (200, 30, 30) background with a white F; frames 2 and 3 green (30, 160, 60) and blue (40, 70, 200). **First frame's dominant colour: %s, %.1f %% of its pixels.**" % (stats["gif_frames"], stats["gif_dominant"][0], 100 * stats["gif_dominant"][1]),
    "corrupt.jpg": "baseline JPEG (Pillow quality 90, 4:2:0) of the 192x128 pattern; entropy data runs from byte %d to %d; bytes %d..%d (its middle fifth) replaced with seeded pseudo-random bytes 0x00..0xFE (no marker appears); SOI, headers and the final EOI are intact, file length %d. libjpeg-turbo (Pillow, `djpeg`) decodes it with the warning \"Corrupt JPEG data: premature end of data segment\" (djpeg exit 2) into a damaged picture of full size; a strict decoder may fail instead." % stats["corrupt"],
    "gps-camera.jpg": "192x128 JPEG (Pillow quality 90) with EXIF (exiftool) Make `FixtureCam`, Model `FX-1 kuajing-fixture`, SerialNumber `KF-0042`, Artist, Software, DateTimeOriginal/CreateDate `2024:05:17 14:23:05`, GPSLatitude 31.230416 N, GPSLongitude 121.473701 E, GPSAltitude 12 m; and an XMP packet (dc:creator, dc:description, xmp:CreatorTool, photoshop:City `Shanghai`, exif:GPSLatitude/GPSLongitude). Every text value but the city and make contains `kuajing-fixture`, so a test can assert that neither `kuajing-fixture`, `FixtureCam`, `Exif\\0\\0`, `http://ns.adobe.com/xap/1.0/` nor `Shanghai` appears in an output.",
    "trim-white-border.jpg": "256x192 JPEG (Pillow quality 90, 4:2:0): noisy near-white field (every channel uniform random in 250..255, seed 7) with a rounded teal product, see below.",
    "white-bg-product.jpg": "1200x1200 JPEG (Pillow quality 90, 4:2:0): pure white (255) background, a textured magenta-ish \"bottle\" with a cream label and a dark cap, see below.",
}
for n in range(1, 9):
    size, mad, mx = orient_stats[n][0], orient_stats[n][1], orient_stats[n][2]
    desc["orient-%d.jpg" % n] = ("stored %dx%d, EXIF Orientation = %d (`exiftool -IFD0:Orientation=%d -n`), Pillow quality 92 4:4:4; "
                                 "Pillow's exif_transpose of it vs `orient-upright.png`: mean abs diff %.2f, max %d." % (size[0], size[1], n, n, mad, mx))
total = 0
for name in NAMES:
    size, pil = info[name]
    total += size
    L.append("| `%s` | %d | %s | %s |\n" % (name, size, pil, desc[name]))
L.append("\nTotal of these files: %d bytes.\n" % total)

L.append("""
## Orientation

`orient-N.jpg` holds the upright picture (`orient-upright.png`, 96x64) stored as a camera would:
the pixels are transformed by the inverse of what EXIF orientation N asks a viewer to do, so that
applying orientation N gives the upright picture back (1: as is, 2: mirrored left-right, 3: turned
180°, 4: mirrored top-bottom, 5: transposed, 6: turned 90° counter-clockwise (a viewer turns it 90°
clockwise), 7: transversed, 8: turned 90° clockwise). Orientations 5-8 are stored 64x96. The F is
chiral, so each of the eight wrong results differs from the upright picture. JPEG loss means a test
should compare with a tolerance (mean abs diff above is what Pillow/libjpeg-turbo gives; expect a
few levels more with another decoder).

## Trim fixture

`trim-white-border.jpg`, 256x192. The product is a rounded rectangle (radius 18) drawn at
**x 40..135, y 32..143 inclusive** (96x112 px), filled with a vertical teal gradient (0, 130, 150)
to (10, 70, 95), with a yellow disc (radius 20 at 88, 70). The field was written as independent
uniform noise 250..255 per channel; after JPEG (which smooths most of it) the decoded background
more than 16 px from the product's box spans %d..%d (std %.2f); more than 8 px away %d..%d; more
than 4 px away %d..%d (JPEG ringing near the edge). Measured bounding box of the decoded pixels
whose largest distance from 255 in any channel exceeds a tolerance:

| tolerance | bounding box (x0, y0, x1, y1 inclusive) |
|---|---|
""" % (stats["trim_bg_16"] + stats["trim_bg_8"][:2] + stats["trim_bg_4"][:2]))
for tol, box in trim_stats.items():
    L.append("| %d | %s |\n" % (tol, box))

L.append("""
## White-background product

`white-bg-product.jpg`, 1200x1200. Background pure white (255, 255, 255). Product body: rounded
rectangle x %d..%d, y %d..%d (radius 90); cap x %d..%d, y %d..%d; so the product spans **x 380..819,
y 120..1079** (440x960 px, 80 %% of the height). Measured box of pixels more than 10 away from 255:
%s. In the 100-px border band every channel is at least %d, and %.1f %% of its pixels are exactly
(255, 255, 255).
""" % (WB_BODY[0], WB_BODY[2], WB_BODY[1], WB_BODY[3], WB_CAP[0], WB_CAP[2], WB_CAP[1], WB_CAP[3],
       stats["wb_box"], stats["wb_border"][0], 100 * stats["wb_border"][1]))

with open(path("README.md"), "w") as f:
    f.write("".join(L))

print("wrote %d files, %d bytes" % (len(NAMES), total))
for row in cm_rows:
    print(row[0], fmt_de(row[2]), fmt_de(row[3]), fmt_de(row[4]) if row[4] else "", fmt_de(row[5]))
    print("   ", " ".join("%.1f" % d for d, _ in row[6]))
