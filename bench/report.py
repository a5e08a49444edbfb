#!/usr/bin/env python3
"""Writes docs/benchmarks.md from the raw results of scripts/bench-images.sh.

Usage: report.py RAW_DIR MANIFEST_JSON DOC_PATH

RAW_DIR holds plan.tsv (scenario, tool, status, label, command line), <scenario>.json (hyperfine),
<scenario>--<tool>.rss (peak RSS in KiB, one run a line), quality.json and meta.env.
"""

import json
import os
import statistics
import sys

from PIL import Image

OUTS = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "out")

SCENARIOS = [
    ("one-12mp", "One photo per process: 12 MP → 800x800 main image",
     "`phone-12mp.jpg` (4032x3024, EXIF Orientation=6, so the result is a 600x800 photo centred on "
     "white). One process per photo, start-up included."),
    ("one-24mp", "One photo per process: 24 MP → 800x800 main image",
     "`phone-24mp.jpg` (6000x4000, Orientation=1: an 800x533 photo centred on white)."),
    ("one-progressive", "One photo per process: progressive 12 MP → 800x800 main image",
     "`phone-12mp-progressive.jpg`: the same pixels and EXIF as `phone-12mp.jpg`, progressive "
     "JPEG. A progressive JPEG has to be decoded whole before any scaling, so every tool pays more."),
    ("detail-750", "One photo per process: 12 MP → 750 px wide detail image",
     "`phone-12mp.jpg` resized to 750 px wide keeping its aspect (750x1000 after orientation). "
     "kuajing renders the Taobao detail slot (it may cut the result into slices); the peers do a "
     "plain resize."),
    ("batch-100", "Batch: 100 photos of 12 MP → 800x800 main images",
     "The 100 photos of `batch/`, in one run. kuajing is one process given all 100 (it uses every "
     "core); sharp is one node process starting all 100 at once (Promise.all, default concurrency); "
     "vipsthumbnail is one process over all 100, and two processes of 50 each side by side; "
     "ImageMagick runs one `convert` per photo, two at a time (xargs -P2)."),
]
ONE_PHOTO_BASELINE = "vipsthumbnail"
BATCH_BASELINE = "sharp"
MEM_LIMIT_MIB = 25.0
ONE_RATIO = 0.5
BATCH_RATIO = 1.6


def load_meta(raw):
    meta = {}
    with open(os.path.join(raw, "meta.env")) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                meta[k] = v
    return meta


def load_plan(raw):
    plan = {}
    with open(os.path.join(raw, "plan.tsv")) as f:
        for line in f:
            scen, tool, status, label, cmd = line.rstrip("\n").split("\t", 4)
            plan.setdefault(scen, []).append(
                {"tool": tool, "status": status, "label": label, "cmd": cmd})
    return plan


def load_timings(raw, scen):
    path = os.path.join(raw, f"{scen}.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        data = json.load(f)
    out = {}
    for r in data["results"]:
        out[r["command"]] = {k: r[k] for k in ("mean", "stddev", "median", "min", "max")}
        out[r["command"]]["runs"] = len(r["times"])
    return out


def load_rss(raw, scen, tool):
    path = os.path.join(raw, f"{scen}--{tool}.rss")
    if not os.path.exists(path):
        return None
    vals = [int(x) for x in open(path).read().split()]
    return statistics.median(vals) / 1024 if vals else None


def check_outputs(scen, tool):
    """What the tool wrote, checked against the slot: a short verdict."""
    d = os.path.join(OUTS, scen, tool)
    if not os.path.isdir(d):
        return "no output folder"
    files = sorted(f for f in os.listdir(d) if f.lower().endswith((".jpg", ".jpeg")))
    if not files:
        return "no JPEG written"
    sizes = []
    for f in files:
        try:
            sizes.append(Image.open(os.path.join(d, f)).size)
        except Exception as e:
            return f"unreadable {f}: {e}"
    fit_only = tool.startswith("vipsthumbnail")
    if scen == "detail-750":
        bad = [s for s in sizes if s[0] != 750]
        total = sum(s[1] for s in sizes)
        desc = (f"{len(files)} slices, 750 wide, {total} px tall in all" if len(files) > 1
                else f"{sizes[0][0]}x{sizes[0][1]}")
        return desc if not bad else f"width {bad[0][0]}, not 750"
    want = 100 if scen == "batch-100" else 1
    if len(files) != want:
        return f"{len(files)} files, expected {want}"
    if fit_only:
        bad = [s for s in sizes if max(s) != 800]
        return (f"fit only, {sizes[0][0]}x{sizes[0][1]}" if not bad
                else f"{bad[0][0]}x{bad[0][1]}, expected a longest side of 800")
    bad = [s for s in sizes if s != (800, 800)]
    return "800x800" if not bad else f"{bad[0][0]}x{bad[0][1]}, expected 800x800"


def cell(text):
    """Text made safe for a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def ms(x):
    return f"{x * 1000:.0f}" if x >= 0.1 else f"{x * 1000:.1f}"


def fmt_ratio(x):
    return f"{x:.2f}x" if x is not None else "–"


def short_cmd(cmd, root):
    """The command line as run, with the repository path and the 100 batch inputs shortened."""
    words = cmd.split(" ")
    batch = [w for w in words if "/target/bench-photos/batch/photo-" in w]
    if len(batch) > 2:
        first = words.index(batch[0])
        words = words[:first] + [batch[0], "…", batch[-1]] + words[first + len(batch):]
    s = " ".join(words)
    return s.replace(root + "/", "")


def main():
    raw, manifest_path, doc = sys.argv[1:4]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(raw))))
    meta = load_meta(raw)
    plan = load_plan(raw)
    quality = {}
    qpath = os.path.join(raw, "quality.json")
    if os.path.exists(qpath):
        quality = json.load(open(qpath))
    manifest = json.load(open(manifest_path))

    results = {}  # scen -> tool -> dict
    for scen, _, _ in SCENARIOS:
        if scen not in plan:
            continue
        t = load_timings(raw, scen)
        results[scen] = {}
        for p in plan[scen]:
            r = {"label": p["label"], "status": p["status"], "cmd": p["cmd"]}
            if p["tool"] in t:
                r.update(t[p["tool"]])
            r["rss"] = load_rss(raw, scen, p["tool"])
            r["check"] = cell(check_outputs(scen, p["tool"]) if p["status"] == "ok" else p["status"])
            results[scen][p["tool"]] = r

    def med(scen, tool):
        r = results.get(scen, {}).get(tool)
        return r.get("median") if r else None

    lines = []
    w = lines.append
    w("# Image benchmarks")
    w("")
    w(f"Written by `bash scripts/bench-images.sh` on {meta['date']} (commit {meta['git']}). "
      "Every number below comes from that run; re-run the script rather than editing this file. "
      "Catalog benchmarks (import, search, list, saves during an import, export, the app window at 20,000 products): "
      "[benchmarks-catalog.md](benchmarks-catalog.md). Drafting benchmarks (checks per keystroke "
      "and per 10,000-product catalog, translation-memory search, gloss): "
      "[drafting.md](drafting.md), sections Lint speed, Translation memory and Gloss. Review "
      "queue benchmarks (every filter on 10,000 products, the product list by attention): "
      "[review.md](review.md), section Queue speed.")
    w("")
    if meta.get("kuajing_stand_in") == "1":
        w(f"> **The kuajing numbers in this run are from a stand-in** (`{short_cmd(meta['kuajing'], root)}`, "
          "a script over the libvips CLI), not from the real binary: the kuajing rows and every "
          "PASS/FAIL below say nothing about kuajing yet. The peers' numbers are real.")
        w("")

    qpath = os.path.join(raw, "quiet.tsv")
    quiet = [l.split("\t") for l in open(qpath).read().split("\n") if "\t" in l] \
        if os.path.exists(qpath) else []
    busy = [q[0] for q in quiet if any(int(x) > 10 for x in q[1:] if x.isdigit())]
    if busy:
        w(f"> **Other processes were using the CPUs around {', '.join(busy)}** (see Machine "
          "below): those numbers are slower and noisier than on a quiet machine. Re-run when "
          "nothing else is running.")
        w("")

    # ---- targets
    w("## Targets")
    w("")
    w("| target | measured | result |")
    w("|---|---|:-:|")

    stand_in = meta.get("kuajing_stand_in") == "1"

    def verdict(ok):
        v = "**PASS**" if ok else "**FAIL**"
        return v + " (stand-in)" if stand_in else v

    def kuajing_err(scen):
        r = results.get(scen, {}).get("kuajing")
        if r is None:
            return "not run"
        if r["status"] != "ok":
            return cell(f"kuajing failed ({r['status'][8:][:160]})")
        return None

    def time_target(scen, what):
        err = kuajing_err(scen)
        base = med(scen, ONE_PHOTO_BASELINE)
        if err or base is None:
            w(f"| {what}: kuajing ≤ {ONE_RATIO}x vipsthumbnail's time | {err or 'no vipsthumbnail result'} | "
              f"{'**FAIL**' if err and err != 'not run' else 'NOT RUN'} |")
            return
        k = med(scen, "kuajing")
        ratio = k / base
        w(f"| {what}: kuajing ≤ {ONE_RATIO}x vipsthumbnail's time | {ms(k)} ms vs {ms(base)} ms = "
          f"{ratio:.2f}x | {verdict(ratio <= ONE_RATIO)} |")

    time_target("one-12mp", "One 12-MP photo")
    err = kuajing_err("one-12mp")
    rss = results.get("one-12mp", {}).get("kuajing", {}).get("rss")
    if err or rss is None:
        w(f"| One 12-MP photo: kuajing peak memory ≤ {MEM_LIMIT_MIB:.0f} MiB | {err or 'not measured'} | "
          f"{'**FAIL**' if err and err != 'not run' else 'NOT RUN'} |")
    else:
        w(f"| One 12-MP photo: kuajing peak memory ≤ {MEM_LIMIT_MIB:.0f} MiB | {rss:.1f} MiB | "
          f"{verdict(rss <= MEM_LIMIT_MIB)} |")
    err = kuajing_err("batch-100")
    s = med("batch-100", BATCH_BASELINE)
    if err or s is None:
        w(f"| Batch of 100: kuajing throughput ≥ {BATCH_RATIO}x sharp's (all in parallel) | "
          f"{err or 'no sharp result'} | {'**FAIL**' if err and err != 'not run' else 'NOT RUN'} |")
    else:
        k = med("batch-100", "kuajing")
        w(f"| Batch of 100: kuajing throughput ≥ {BATCH_RATIO}x sharp's (all in parallel) | "
          f"{k * 10:.1f} vs {s * 10:.1f} ms per photo = {s / k:.2f}x | {verdict(s / k >= BATCH_RATIO)} |")
    time_target("one-progressive", "Progressive 12-MP photo")
    time_target("detail-750", "750-px detail image")
    q = quality.get("one-12mp", {})
    kq, vq = q.get("kuajing", {}), q.get(ONE_PHOTO_BASELINE, {})
    if "ssim" in kq and "ssim" in vq:
        w(f"| Quality (12 MP → 800x800): kuajing SSIM ≥ vipsthumbnail's (4 decimals) | {kq['ssim']:.4f} vs "
          f"{vq['ssim']:.4f} | {verdict(round(kq['ssim'], 4) >= round(vq['ssim'], 4))} |")
    else:
        why = kuajing_err("one-12mp") or kq.get("error") or vq.get("error") or "not measured"
        w(f"| Quality (12 MP → 800x800): kuajing SSIM ≥ vipsthumbnail's | {why} | "
          f"{'NOT RUN' if why == 'not run' else '**FAIL**'} |")
    w("")
    w("Times are medians of whole-process wall time (hyperfine), start-up included. The baseline "
      "for the one-photo targets is vipsthumbnail doing the fit alone: its command line cannot pad, "
      "so it does less work than the slot needs (the two-process `vips thumbnail` + `vips gravity` "
      "row shows the cost of padding with the libvips CLI). The 24-MP scenario has no target; it "
      "is there to show how each tool scales.")
    w("")

    # ---- machine and tools
    w("## Machine and tools")
    w("")
    w(f"- Machine: {meta['nproc']} cores, {meta['cpu']}, {meta['mem']} RAM; {meta['os']}, "
      f"kernel {meta['kernel']}")
    if quiet:
        w("- CPU in use by other processes just before / just after each scenario (a build "
          "running alongside skews every number): "
          + ", ".join(f"{q[0]} {q[1]}% / {q[2] if len(q) > 2 else '?'}%" for q in quiet))
    w(f"- kuajing: `{short_cmd(meta['kuajing'], root)}` ({meta['kuajing_version']})")
    w(f"- libvips CLI: {meta['vips']} (Debian `libvips-tools`)")
    w(f"- ImageMagick: {meta['imagemagick']} (Debian `imagemagick`, `/usr/bin/convert`)")
    w(f"- {meta['sharp']}, Node.js {meta['node']} (npm, `bench/package-lock.json`)")
    w(f"- Measuring: {meta['hyperfine']}, GNU time (`/usr/bin/time -v`), {meta['python']} "
      f"(reference image and SSIM), ExifTool {meta['exiftool']}")
    w(f"- Runs: {meta['runs']} timed runs after 1 warm-up per one-photo command, "
      f"{meta['batch_runs']} per batch command (after a first, checked run); peak memory is the "
      f"median of {meta['rss_runs']} `/usr/bin/time -v` runs (batch: {meta['batch_rss_runs']}).")
    w("")

    # ---- photos
    w("## Test photos")
    w("")
    w(f"Made by `bench/make-photos.py` into `{meta['photos_dir']}/` (deterministic, made once, "
      "not committed). The bases are real photographs from Debian's `mate-backgrounds` package "
      "(`/usr/share/backgrounds/mate/nature/`, licence GPL-2+, authors listed in its "
      "`/usr/share/doc/mate-backgrounds/copyright`). They are at most 2560 px wide, so each is cropped "
      "to the phone's aspect ratio, upscaled with Lanczos, sharpened a little as a phone does, and "
      "given seeded sensor-like noise (fine luma grain, coarser chroma grain), calibrated per base "
      "so the q92 file is about as big as a real phone's: an upscaled photo without noise "
      "compresses to a third of that and decodes unrealistically fast. Each file carries a phone-"
      "like EXIF block: Make/Model, capture settings, GPS position, a 160x120 thumbnail, "
      "Orientation.")
    w("")
    w("| file | pixels | size | EXIF Orientation | JPEG | base photo |")
    w("|---|---|--:|:-:|---|---|")
    batch = []
    for p in manifest["photos"]:
        if p["file"].startswith("batch/"):
            batch.append(p)
            continue
        w(f"| `{p['file']}` | {p['width']}x{p['height']} | {p['bytes'] / 1e6:.2f} MB | "
          f"{p['orientation']} | {'progressive' if p['progressive'] else 'baseline'}, q92, 4:2:0 | "
          f"{p['base']} |")
    if batch:
        sizes = [p["bytes"] for p in batch]
        bases = sorted({p["base"] for p in batch})
        o6 = sum(1 for p in batch if p["orientation"] == 6)
        w(f"| `batch/photo-000.jpg` … `photo-{len(batch) - 1:03d}.jpg` ({len(batch)} files) | "
          f"4032x3024 | {min(sizes) / 1e6:.2f}-{max(sizes) / 1e6:.2f} MB, mean "
          f"{statistics.mean(sizes) / 1e6:.2f} | 6 on {o6}, 1 on the rest | baseline, q92, 4:2:0 | "
          f"{len(bases)} bases ({', '.join(bases)}), each file its own crop, flip, exposure and "
          f"noise seed |")
    w("")

    # ---- scenario tables
    for scen, title, desc in SCENARIOS:
        if scen not in results:
            continue
        w(f"## {title}")
        w("")
        w(desc)
        w("")
        res = results[scen]
        if scen == "batch-100":
            base = med(scen, BATCH_BASELINE)
            vt = med(scen, "vipsthumbnail")
            w("| tool | total, median | ms per photo | min-max total | peak memory | throughput vs "
              "sharp | time vs vipsthumbnail | output |")
            w("|---|--:|--:|--:|--:|--:|--:|---|")
            for tool, r in res.items():
                if "median" not in r:
                    w(f"| {r['label']} | – | – | – | – | – | – | {r['check']} |")
                    continue
                w(f"| {r['label']} | {r['median']:.2f} s | {r['median'] * 10:.1f} | "
                  f"{r['min']:.2f}-{r['max']:.2f} s | "
                  f"{'%.0f MiB' % r['rss'] if r['rss'] is not None else '–'} | "
                  f"{fmt_ratio(base / r['median'] if base else None)} | "
                  f"{fmt_ratio(r['median'] / vt if vt else None)} | {r['check']} |")
            w("")
            w("Peak memory is the largest single process's (GNU time reports the biggest child, "
              "not a sum): for the xargs rows that is one of the per-photo processes.")
        else:
            base = med(scen, ONE_PHOTO_BASELINE)
            sh = med(scen, "sharp")
            w("| tool | median | min-max | mean ± σ | peak memory | time vs vipsthumbnail | "
              "time vs sharp | output |")
            w("|---|--:|--:|--:|--:|--:|--:|---|")
            for tool, r in res.items():
                if "median" not in r:
                    w(f"| {r['label']} | – | – | – | – | – | – | {r['check']} |")
                    continue
                w(f"| {r['label']} | {ms(r['median'])} ms | {ms(r['min'])}-{ms(r['max'])} ms | "
                  f"{ms(r['mean'])} ± {ms(r['stddev'])} ms | "
                  f"{'%.1f MiB' % r['rss'] if r['rss'] is not None else '–'} | "
                  f"{fmt_ratio(r['median'] / base if base else None)} | "
                  f"{fmt_ratio(r['median'] / sh if sh else None)} | {r['check']} |")
        w("")

    # ---- quality
    if quality:
        w("## Quality: SSIM against a Lanczos reference")
        w("")
        w("The reference is the full-resolution decode with EXIF orientation applied, resized with "
          "Pillow's exact Lanczos to fit 800x800 and centred on white, kept lossless. Each tool's "
          "800x800 output is compared with it on luma over the photo's area (the white padding, the "
          "same everywhere, is left out); a fit-only output is centred on white first, and the best of the one-pixel shifts counts (centring "
          "may round either way). SSIM: "
          "Gaussian window σ 1.5 (Wang et al. 2004, scikit-image); 1.0 means identical. All "
          "outputs are q85 JPEGs, so JPEG loss is part of every score. Higher is better.")
        w("")
        scens = [s for s, _, _ in SCENARIOS if s in quality]
        w("| tool | " + " | ".join(f"{s}: SSIM / PSNR / bytes" for s in scens) + " |")
        w("|---|" + "--:|" * len(scens))
        tools = [t for s in results.values() for t in s]  # table order first
        tools = [t for i, t in enumerate(tools) if t not in tools[:i]]
        for s in scens:
            for t in quality[s]:
                if t != "reference" and t not in tools:
                    tools.append(t)
        tools = [t for t in tools if any(t in quality[s] for s in scens)]
        if "reference-q85" in tools:
            tools.remove("reference-q85")
            tools.append("reference-q85")
        labels = {t: r["label"] for s in results.values() for t, r in s.items()}
        labels["reference-q85"] = "*the reference itself saved as q85 JPEG (the ceiling)*"
        for t in tools:
            cells = []
            for s in scens:
                q = quality[s].get(t)
                if q is None:
                    cells.append("–")
                elif "error" in q:
                    cells.append(f"error: {q['error']}")
                else:
                    cells.append(f"{q['ssim']:.4f} / {q['psnr']:.1f} dB / {q['bytes'] / 1024:.0f} KiB")
            w(f"| {labels.get(t, t)} | " + " | ".join(cells) + " |")
        w("")

    # ---- command lines
    w("## Command lines as run")
    w("")
    w("Edit them in the marked block at the top of `scripts/bench-images.sh`. Paths are relative to "
      "the repository; `…` stands for the other batch photos.")
    w("")
    for scen, _, _ in SCENARIOS:
        if scen not in plan:
            continue
        w(f"- {scen}:")
        for p in plan[scen]:
            w(f"  - {p['tool']}: `{short_cmd(p['cmd'], root)}`")
    w("")

    # ---- how to re-run
    w("## How to re-run")
    w("")
    w("```sh")
    w("bash scripts/bench-images.sh                        # everything: about 7 minutes on a quiet 2-core machine")
    w("KUAJING=path/to/kuajing bash scripts/bench-images.sh   # another kuajing binary")
    w("BENCH_ONLY='one-12mp batch-100' BENCH_RUNS=5 bash scripts/bench-images.sh   # a quick look")
    w("```")
    w("")
    w("The script installs what is missing (apt: `libvips-tools imagemagick hyperfine time "
      "libimage-exiftool-perl mate-backgrounds python3-venv`; `npm ci` in `bench/`; a Python venv "
      "in `target/bench/venv`), builds `target/release/kuajing` with `cargo build --release -p "
      "kuajing-cli` if it is missing, makes the photos once, runs each tool once to check it works "
      "(a tool that fails is reported and left out, the rest still run), then times every scenario "
      "with `hyperfine -N` and measures peak memory with `/usr/bin/time -v`. Raw results: "
      "`target/bench/raw/` (hyperfine JSON per scenario, peak RSS per tool, `quality.json`, "
      "`plan.tsv` with every command line); outputs: `target/bench/out/`. Other settings: "
      "`BENCH_BATCH_RUNS`, `BENCH_RSS_RUNS`, `BENCH_BATCH_RSS_RUNS`, `BENCH_DOC`, `BENCH_QUIET_WAIT` "
      "(how long to wait for a busy machine before each scenario, 30 s). The first run also makes "
      "the photos (2-3 minutes).")
    w("")
    os.makedirs(os.path.dirname(os.path.abspath(doc)), exist_ok=True)
    with open(doc, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
