#!/usr/bin/env python3
"""Makes the benchmark's test photos: realistic phone JPEGs built from real photographs.

Usage: make-photos.py BASES_DIR OUT_DIR

BASES_DIR holds the real photographs (Debian's `mate-backgrounds`, GPL-2+,
/usr/share/backgrounds/mate/nature). They are 1280-2560 px wide, so each is cropped to the phone's
aspect ratio, upscaled with Lanczos, lightly sharpened like a phone's pipeline does, and given
sensor-like noise (fine luma grain plus coarser chroma grain). Without the noise an upscaled photo
compresses to a third of a real phone JPEG's size and decodes faster than a real one would. The
noise strength is calibrated per base photo so each 12-MP file lands near 3.5 MB at q92 (about what
a 12-MP phone writes), and each 24-MP one near 7 MB.

Everything is seeded, so the same inputs give the same pixels. EXIF is written afterwards by one
exiftool process: camera Make/Model, capture settings, GPS position, a 160x120 thumbnail, and
Orientation=6 (stored landscape, shown portrait) on the main 12-MP photo and on every third batch
photo.

Writes OUT_DIR/manifest.json describing every file.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
from multiprocessing import Pool

import numpy as np
from PIL import Image, ImageFilter

QUALITY = 92
TARGET_BYTES_PER_MP = 3.5e6 / 12.19  # a 12-MP phone JPEG at q92 is about 3-4 MB
BATCH_COUNT = 100

# The real photographs used as bases, all from mate-backgrounds' nature/ folder.
BATCH_BASES = ["LadyBird", "Garden", "TwoWings", "YellowFlower", "Wood", "Blinds",
               "RainDrops", "Storm", "Dune"]
MAIN_BASE = "LadyBird"
BIG_BASE = "Garden"

CAMERA = {"Make": "KuajingBench", "Model": "SyntheticPhone 12"}


def load_base(bases_dir, name):
    return Image.open(os.path.join(bases_dir, name + ".jpg")).convert("RGB")


def render(base, width, height, sigma, seed, crop_scale=1.0, crop_pos=(0.5, 0.5), flip=False,
           gain=1.0):
    """Crop `base` to width:height, upscale, sharpen, add seeded sensor-like noise. Returns uint8."""
    bw, bh = base.size
    cw = min(bw, bh * width / height) * crop_scale
    ch = cw * height / width
    x0 = (bw - cw) * crop_pos[0]
    y0 = (bh - ch) * crop_pos[1]
    img = base.resize((width, height), Image.LANCZOS, box=(x0, y0, x0 + cw, y0 + ch))
    if flip:
        img = img.transpose(Image.FLIP_LEFT_RIGHT)
    img = img.filter(ImageFilter.UnsharpMask(radius=1.5, percent=50, threshold=0))
    a = np.asarray(img, dtype=np.float32)
    if gain != 1.0:
        a = a * np.float32(gain)
    rng = np.random.default_rng(seed)
    # Fine luma grain at full resolution, and colour grain at half resolution (demosaiced
    # sensor noise is coarser in chroma than in luma).
    a += rng.normal(0.0, sigma, (height, width, 1)).astype(np.float32)
    chroma = rng.normal(0.0, sigma * 0.45, (height // 2 + 1, width // 2 + 1, 3)).astype(np.float32)
    a += np.repeat(np.repeat(chroma, 2, axis=0), 2, axis=1)[:height, :width]
    a += np.float32(0.5)
    return np.clip(a, 0, 255).astype(np.uint8)


def encode(pixels, progressive=False):
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "JPEG", quality=QUALITY, subsampling="4:2:0",
                                 progressive=progressive, optimize=False)
    return buf.getvalue()


def calibrate(bases_dir, name, width, height):
    """Noise sigma that puts this base near the target size at width x height (linear fit)."""
    base = load_base(bases_dir, name)
    target = TARGET_BYTES_PER_MP * width * height / 1e6
    # Calibrate on a centre strip a quarter of the height: cheaper, and size is close to linear.
    s1, s2 = 3.0, 6.0
    b1 = len(encode(render(base, width, height, s1, seed=1)[height * 3 // 8: height * 5 // 8])) * 4
    b2 = len(encode(render(base, width, height, s2, seed=1)[height * 3 // 8: height * 5 // 8])) * 4
    slope = (b2 - b1) / (s2 - s1)
    sigma = s1 + (target - b1) / slope if slope > 0 else 4.5
    return name, float(min(max(sigma, 1.5), 9.0))


def job_batch(args):
    bases_dir, out_dir, i, sigmas = args
    name = BATCH_BASES[i % len(BATCH_BASES)]
    rng = np.random.default_rng(1000 + i)
    base = load_base(bases_dir, name)
    pixels = render(base, 4032, 3024, sigmas[name] * float(rng.uniform(0.95, 1.05)), seed=5000 + i,
                    crop_scale=float(rng.uniform(0.78, 1.0)),
                    crop_pos=(float(rng.uniform(0, 1)), float(rng.uniform(0, 1))),
                    flip=bool(rng.integers(0, 2)), gain=float(rng.uniform(0.92, 1.06)))
    path = os.path.join(out_dir, "batch", f"photo-{i:03d}.jpg")
    with open(path, "wb") as f:
        f.write(encode(pixels))
    return {"file": os.path.relpath(path, out_dir), "base": name, "width": 4032, "height": 3024,
            "orientation": 6 if i % 3 == 0 else 1, "progressive": False}


def job_single(args):
    bases_dir, out_dir, kind, sigmas = args
    if kind == "12mp":
        base = load_base(bases_dir, MAIN_BASE)
        pixels = render(base, 4032, 3024, sigmas[("12", MAIN_BASE)], seed=12)
        out = []
        for prog, fname in ((False, "phone-12mp.jpg"), (True, "phone-12mp-progressive.jpg")):
            with open(os.path.join(out_dir, fname), "wb") as f:
                f.write(encode(pixels, progressive=prog))
            out.append({"file": fname, "base": MAIN_BASE, "width": 4032, "height": 3024,
                        "orientation": 6, "progressive": prog})
        return out
    base = load_base(bases_dir, BIG_BASE)
    pixels = render(base, 6000, 4000, sigmas[("24", BIG_BASE)], seed=24)
    with open(os.path.join(out_dir, "phone-24mp.jpg"), "wb") as f:
        f.write(encode(pixels))
    return [{"file": "phone-24mp.jpg", "base": BIG_BASE, "width": 6000, "height": 4000,
             "orientation": 1, "progressive": False}]


def exif_args(entry, thumb_path, i):
    # A plausible phone EXIF block; GPS: West Lake, Hangzhou, with a per-photo offset.
    lat = 30.2460 + (i % 10) * 0.0011
    lon = 120.1490 + (i // 10) * 0.0013
    focal = 26 if entry["width"] == 4032 else 24
    return [
        "-overwrite_original", "-n",
        f"-Make={CAMERA['Make']}", f"-Model={CAMERA['Model']}", "-Software=kuajing-bench 1",
        f"-Orientation={entry['orientation']}",
        "-XResolution=72", "-YResolution=72", "-ResolutionUnit=2", "-YCbCrPositioning=1",
        f"-DateTimeOriginal=2024:05:{1 + i % 28:02d} 10:{i % 60:02d}:00",
        f"-CreateDate=2024:05:{1 + i % 28:02d} 10:{i % 60:02d}:00",
        "-OffsetTimeOriginal=+08:00",
        f"-ExposureTime={1 / (60 + 10 * (i % 7))}", "-FNumber=1.8", f"-ISO={50 + 25 * (i % 5)}",
        f"-FocalLength=4.2", f"-FocalLengthIn35mmFormat={focal}", "-ExposureProgram=2",
        "-MeteringMode=5", "-Flash=16", "-WhiteBalance=0", "-ColorSpace=1",
        f"-ExifImageWidth={entry['width']}", f"-ExifImageHeight={entry['height']}",
        f"-GPSLatitude={lat}", "-GPSLatitudeRef=N", f"-GPSLongitude={lon}", "-GPSLongitudeRef=E",
        "-GPSAltitude=12.5", "-GPSAltitudeRef=0",
        "-GPSDateStamp=2024:05:01", "-GPSTimeStamp=02:00:00",
        f"-ThumbnailImage<={thumb_path}",
        entry["path"],
        "-execute",
    ]


def main():
    bases_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out_dir, "batch"), exist_ok=True)
    procs = os.cpu_count() or 2
    with Pool(procs) as pool:
        print(f"make-photos: calibrating noise on {len(BATCH_BASES) + 1} base photos", flush=True)
        cal = pool.starmap(calibrate, [(bases_dir, n, 4032, 3024) for n in BATCH_BASES]
                           + [(bases_dir, BIG_BASE, 6000, 4000)])
        sigmas = dict(cal[:-1])
        sigmas[("12", MAIN_BASE)] = sigmas[MAIN_BASE]
        sigmas[("24", BIG_BASE)] = cal[-1][1]
        print("make-photos: noise sigma per base: "
              + ", ".join(f"{k}={v:.1f}" for k, v in cal), flush=True)
        print("make-photos: rendering the 12-MP, progressive and 24-MP photos", flush=True)
        entries = []
        for part in pool.map(job_single, [(bases_dir, out_dir, k, sigmas) for k in ("12mp", "24mp")]):
            entries += part
        print(f"make-photos: rendering {BATCH_COUNT} batch photos on {procs} processes", flush=True)
        batch = []
        for n, e in enumerate(pool.imap(job_batch, [(bases_dir, out_dir, i, sigmas)
                                                     for i in range(BATCH_COUNT)]), 1):
            batch.append(e)
            if n % 20 == 0:
                print(f"make-photos:   {n}/{BATCH_COUNT}", flush=True)
    entries += batch

    # EXIF, with a real thumbnail, in one exiftool process.
    with tempfile.TemporaryDirectory() as tmp:
        argv = []
        for i, e in enumerate(entries):
            e["path"] = os.path.join(out_dir, e["file"])
            thumb = os.path.join(tmp, f"t{i}.jpg")
            im = Image.open(e["path"])
            im.draft("RGB", (160, 120))
            im.convert("RGB").resize((160, 120), Image.BILINEAR).save(thumb, "JPEG", quality=80)
            argv += exif_args(e, thumb, i)
        argfile = os.path.join(tmp, "args.txt")
        with open(argfile, "w") as f:
            f.write("\n".join(argv[:-1]) + "\n")  # no -execute after the last file
        print(f"make-photos: writing EXIF into {len(entries)} files (exiftool)", flush=True)
        subprocess.run(["exiftool", "-q", "-q", "-@", argfile], check=True,
                       stdout=subprocess.DEVNULL)

    for e in entries:
        data = open(e["path"], "rb").read()
        e["bytes"] = len(data)
        e["sha256"] = hashlib.sha256(data).hexdigest()
        del e["path"]
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump({"bases_dir": bases_dir, "quality": QUALITY, "photos": entries}, f, indent=1)
    sizes = [e["bytes"] for e in batch]
    print(f"make-photos: batch sizes {min(sizes) / 1e6:.2f}-{max(sizes) / 1e6:.2f} MB, "
          f"mean {sum(sizes) / len(sizes) / 1e6:.2f} MB; "
          + ", ".join(f"{e['file']} {e['bytes'] / 1e6:.2f} MB" for e in entries[:3]), flush=True)


if __name__ == "__main__":
    main()
