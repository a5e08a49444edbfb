//! Export speed (issue 12's bar: exporting 1,000 products with 5 photos each, render cache
//! warm, takes under 3 s). Prints the table that `docs/benchmarks-export.md` holds.
//!
//! Run: `cargo bench -p kuajing-core --bench export` (release profile). Extra arguments name
//! the marketplaces to time (default: tmall-global, taobao, pinduoduo); `--no-peer` leaves the
//! Info-ZIP runs out (for profiling the export alone, e.g. under `perf record`), `--keep` keeps
//! the bundles in `target/bench-export/out/`. No test times anything; this binary only
//! measures. The first run makes the catalog (about 8 minutes on 2 cores, 5.2 GB on disk:
//! media 1.3 GB, render cache 3.9 GB); the bundles take 1-2.3 GB each while they are timed.
//!
//! The catalog, made once and kept in `target/bench-export/` (a second run skips straight to
//! the timing; delete the folder to make it again): a generated Shopify export of 1,000
//! products (20 vendors, 12 kinds of product, a price, one or two `Size` variants of
//! `1 lb`/`2 lb`), each naming 5 local photos by relative path (`photos/p0001-1.jpg`). The
//! 5,000 photos are the 12 sample photos (`assets/sample/images/`, 1400-1600 px on the long
//! side), every copy mirrored or not and marked in one corner with its number in black and
//! white squares, re-encoded as JPEG q88: distinct files, so the content-addressed media store
//! keeps all 5,000. The catalog is imported as a merchant would, the rate set, every product
//! given a Chinese title through `set_copy` (no error findings), and each marketplace's slots
//! rendered into the cache by the render batch. The photos are deleted once imported (the
//! catalog's media store holds them).
//!
//! Each marketplace is exported once untimed (it must find every image in the cache), then
//! `RUNS` times, each to a new file (the last one deleted first, untimed); the table gives the
//! median and the range of the wall time, the CPU time of the process during the export
//! (user + system: near the wall time means the export is bound by CPU, not the disk), and
//! the process's peak RSS during an export (`VmHWM`, reset before each run through
//! `/proc/self/clear_refs`; this binary uses the system allocator, not `kuajing-alloc`).
//! The peer: Info-ZIP's `zip` (one process, one core) writing the same files, unpacked from
//! the bundle, into a new zip with the bundle's compression (JPEG and PNG bytes, `.tbi`
//! included, stored; the rest deflated at level 1), followed by `sync` on the file as the
//! export's atomic write flushes it: the cost of just writing those bytes into a zip.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark binary"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use kuajing_core::{CopyField, Locale, Rules, Workbench};
use kuajing_imaging::image::codecs::jpeg::JpegEncoder;
use kuajing_imaging::image::{Rgb, RgbImage};
use rayon::prelude::*;

const PRODUCTS: usize = 1_000;
const PHOTOS: usize = 5;
const VENDORS: usize = 20;
const RUNS: usize = 5;
const TARGET: Duration = Duration::from_secs(3);
const MARKETPLACES: &[&str] = &["tmall-global", "taobao", "pinduoduo"];
/// Written last by the setup; a different text makes the setup run again.
const READY: &str = "export bench catalog v1: 1000 products x 5 photos, 3 marketplaces warm\n";

const KINDS: &[(&str, &str)] = &[
    ("Rainier Cherries", "雷尼尔车厘子"),
    ("Bing Cherries", "宾莹车厘子"),
    ("Wild Sockeye Fillet", "野生红鲑鱼柳"),
    ("Hot-Smoked Sockeye", "热熏红鲑鱼"),
    ("California Almonds", "加州巴旦木"),
    ("Chandler Walnuts", "钱德勒核桃"),
    ("Oregon Hazelnuts", "俄勒冈榛子"),
    ("Vermont Maple Syrup", "佛蒙特枫糖浆"),
    ("Honeycrisp Apples", "蜜脆苹果"),
    ("Pecan Halves", "碧根果仁"),
    ("Dried Tart Cherries", "酸樱桃干"),
    ("Nut Gift Box", "坚果礼盒"),
];

fn handle(p: usize) -> String {
    format!("p{:04}", p + 1)
}

fn photo_name(p: usize, k: usize) -> String {
    format!("photos/p{:04}-{}.jpg", p + 1, k + 1)
}

/// The Shopify export: a product row carrying the first variant and photo, a second variant
/// row for every other product, image-only rows for the rest of the photos.
fn shopify_csv(path: &Path) {
    let mut csv = String::from(
        "Handle,Title,Body (HTML),Vendor,Type,Option1 Name,Option1 Value,Variant SKU,\
         Variant Grams,Variant Price,Image Src,Image Position\n",
    );
    for p in 0..PRODUCTS {
        let (kind, _) = KINDS[p % KINDS.len()];
        let h = handle(p);
        let price = 12.0 + (p % 40) as f64 * 1.25;
        let variants: &[(&str, u32, f64)] = if p % 2 == 0 {
            &[("1 lb", 454, price), ("2 lb", 907, price * 1.8)]
        } else {
            &[("1 lb", 454, price)]
        };
        for k in 0..PHOTOS {
            let image = photo_name(p, k);
            let position = k + 1;
            match (k, variants.get(k)) {
                (0, Some((size, grams, price))) => writeln!(
                    csv,
                    "{h},\"{kind}, Lot {p}\",\"<p>{kind} from family farms in the Pacific \
                     Northwest, packed the day they are picked and shipped cold.</p>\",\
                     Vendor {},Food,Size,{size},{h}-{grams},{grams},{price:.2},{image},{position}",
                    p % VENDORS
                ),
                (_, Some((size, grams, price))) => writeln!(
                    csv,
                    "{h},,,,,,{size},{h}-{grams},{grams},{price:.2},{image},{position}"
                ),
                (_, None) => writeln!(csv, "{h},,,,,,,,,,{image},{position}"),
            }
            .unwrap();
        }
    }
    std::fs::write(path, csv).unwrap();
}

/// 5,000 distinct JPEGs from the 12 sample photos (see the module comment).
fn make_photos(dir: &Path) {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample/images");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&samples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    names.sort();
    let bases: Vec<RgbImage> = names
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap();
            let limits = kuajing_imaging::Limits::default();
            kuajing_imaging::decode(&bytes, &path.display().to_string(), &limits)
                .unwrap()
                .to_rgb8()
        })
        .collect();
    std::fs::create_dir_all(dir.join("photos")).unwrap();
    (0..PRODUCTS * PHOTOS).into_par_iter().for_each(|i| {
        let (p, k) = (i / PHOTOS, i % PHOTOS);
        let mut img = bases[(p * 7 + k) % bases.len()].clone();
        if (i / bases.len()) % 2 == 1 {
            kuajing_imaging::image::imageops::flip_horizontal_in_place(&mut img);
        }
        // The number, 13 bits in 8-px squares along the top-left edge.
        for bit in 0..13 {
            let on = (i >> bit) & 1 == 1;
            let shade = if on {
                Rgb([20, 20, 20])
            } else {
                Rgb([235, 235, 235])
            };
            for y in 8..16 {
                for x in 8 + bit as u32 * 8..16 + bit as u32 * 8 {
                    img.put_pixel(x, y, shade);
                }
            }
        }
        let mut bytes = Vec::new();
        JpegEncoder::new_with_quality(&mut bytes, 88)
            .encode_image(&img)
            .unwrap();
        std::fs::write(dir.join(photo_name(p, k)), bytes).unwrap();
    });
}

fn setup(dir: &Path) -> Workbench {
    let ready = dir.join("READY");
    let path = dir.join("catalog.sqlite");
    if std::fs::read_to_string(&ready).is_ok_and(|r| r == READY) {
        eprintln!("catalog from an earlier run: {}", dir.display());
        return Workbench::open(&path, Rules::new("en").unwrap()).unwrap();
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let t = Instant::now();
    make_photos(dir);
    eprintln!(
        "{} photos made in {:.1} s",
        PRODUCTS * PHOTOS,
        t.elapsed().as_secs_f64()
    );
    let csv = dir.join("products_export.csv");
    shopify_csv(&csv);
    let workbench = Workbench::open(&path, Rules::new("en").unwrap()).unwrap();
    let t = Instant::now();
    let report = workbench.import(&csv, false).unwrap();
    assert!(report.applied, "{:?}", report.errors);
    assert_eq!(report.products, PRODUCTS);
    assert_eq!(report.images, PRODUCTS * PHOTOS);
    eprintln!("imported in {:.1} s", t.elapsed().as_secs_f64());
    std::fs::remove_dir_all(dir.join("photos")).unwrap();
    workbench.set_rate(7.2, "2026-12-01").unwrap();
    let t = Instant::now();
    for p in 0..PRODUCTS {
        let (_, zh) = KINDS[p % KINDS.len()];
        let title = format!("美国{zh} {}", p + 1);
        let check = workbench
            .set_copy(
                &handle(p),
                CopyField::Title,
                Locale::ZhCn,
                &title,
                None,
                "tmall-global",
                "bench",
            )
            .unwrap();
        assert_eq!(check.errors(), 0, "{title}: {:?}", check.findings);
    }
    eprintln!("titles saved in {:.1} s", t.elapsed().as_secs_f64());
    for marketplace in MARKETPLACES {
        let t = Instant::now();
        let report = workbench
            .render_catalog(marketplace, None, &AtomicBool::new(false), &|_| {})
            .unwrap();
        assert_eq!(report.progress.failed, 0, "{:?}", report.notes);
        eprintln!(
            "{marketplace}: {} slot images rendered in {:.1} s",
            report.progress.rendered,
            t.elapsed().as_secs_f64()
        );
    }
    std::fs::write(&ready, READY).unwrap();
    workbench
}

/// The process's peak resident set since the last reset, in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// CPU time (user + system) of the process so far, from `/proc/self/stat` (clock ticks of
/// 10 ms on Linux).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// Resets `VmHWM` to the current RSS (Linux: `echo 5 > /proc/self/clear_refs`).
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn median(mut runs: Vec<Duration>) -> (Duration, Duration, Duration) {
    runs.sort();
    (runs[runs.len() / 2], runs[0], runs[runs.len() - 1])
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn mib(bytes: u64) -> String {
    format!("{:.0} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Info-ZIP writing the bundle's files (unpacked from `bundle`) into a new zip, then `sync`:
/// the median of `RUNS`, or why it could not run.
fn zip_peer(bundle: &Path, scratch: &Path) -> Result<Duration, String> {
    if Command::new("zip").arg("-v").output().is_err() {
        return Err("`zip` not installed".into());
    }
    let unpacked = scratch.join("unpacked");
    let _ = std::fs::remove_dir_all(&unpacked);
    zip::ZipArchive::new(std::fs::File::open(bundle).unwrap())
        .unwrap()
        .extract(&unpacked)
        .unwrap();
    let out = scratch.join("peer.zip");
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let _ = std::fs::remove_file(&out);
        let t = Instant::now();
        let status = Command::new("sh")
            .args([
                "-c",
                "zip -q -r -X -1 -n .jpg:.png:.tbi \"$1\" . && sync \"$1\"",
                "sh",
            ])
            .arg(&out)
            .current_dir(&unpacked)
            .status()
            .map_err(|e| e.to_string())?;
        runs.push(t.elapsed());
        if !status.success() {
            return Err(format!("zip failed: {status}"));
        }
    }
    let _ = std::fs::remove_dir_all(&unpacked);
    let _ = std::fs::remove_file(&out);
    Ok(median(runs).0)
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-export");
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--no-peer` leaves Info-ZIP out (for profiling the export alone).
    let peer = !args.iter().any(|a| a == "--no-peer");
    // `--keep` keeps each bundle in target/bench-export/out/ (1-2.3 GB each) to look into.
    let keep = args.iter().any(|a| a == "--keep");
    let asked: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let marketplaces: Vec<&str> = if asked.is_empty() {
        MARKETPLACES.to_vec()
    } else {
        asked.iter().map(|a| a.as_str()).collect()
    };
    let workbench = setup(&dir);
    let out_dir = dir.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let rss_reset = reset_peak_rss();

    let mut table = format!(
        "{PRODUCTS} products, {} photos (1400-1600 px JPEGs, about 200 KB), {} variants; render \
         cache warm; median of {RUNS} runs after one untimed export.\n\n\
         | marketplace | sheets | files in the bundle | bundle | median | min-max | CPU (median) \
         | peak RSS | Info-ZIP, same files (export / zip) | under {} |\n\
         |---|---|--:|--:|--:|--:|--:|--:|--:|:-:|\n",
        PRODUCTS * PHOTOS,
        PRODUCTS * 3 / 2,
        secs(TARGET)
    );
    for marketplace in marketplaces {
        let out = out_dir.join(format!("{marketplace}.zip"));
        let first = workbench.export(marketplace, &out).unwrap();
        assert_eq!(first.products, PRODUCTS, "skipped: {:?}", first.skipped);
        let mut peak: Option<f64> = None;
        let mut cpu = Vec::new();
        let runs: Vec<Duration> = (0..RUNS)
            .map(|_| {
                // A new file each time, as with the app's dated names: renaming over the last
                // bundle would add its deletion to the time.
                std::fs::remove_file(&out).unwrap();
                reset_peak_rss();
                let cpu_before = cpu_time();
                let t = Instant::now();
                std::hint::black_box(workbench.export(marketplace, &out).unwrap());
                let elapsed = t.elapsed();
                if let (Some(before), Some(after)) = (cpu_before, cpu_time()) {
                    cpu.push(after.saturating_sub(before));
                }
                if let Some(now) = peak_rss_mib() {
                    peak = Some(peak.map_or(now, |p: f64| p.max(now)));
                }
                elapsed
            })
            .collect();
        let (mid, min, max) = median(runs);
        let size = std::fs::metadata(&out).unwrap().len();
        let files = zip::ZipArchive::new(std::fs::File::open(&out).unwrap())
            .unwrap()
            .len();
        let cpu = if cpu.len() == RUNS {
            secs(median(cpu).0)
        } else {
            "-".into()
        };
        let peer = match peer.then(|| zip_peer(&out, &out_dir)) {
            Some(Ok(d)) => format!("{} ({:.2}x)", secs(d), mid.as_secs_f64() / d.as_secs_f64()),
            Some(Err(why)) => why,
            None => "not run".into(),
        };
        let peak = match (rss_reset, peak) {
            (true, Some(p)) => format!("{p:.0} MiB"),
            (false, Some(p)) => format!("{p:.0} MiB (process)"),
            _ => "-".into(),
        };
        let pass = if mid < TARGET { "yes" } else { "**no**" };
        writeln!(
            table,
            "| {marketplace} | {} | {files} | {} | {} | {}-{} | {cpu} | {peak} | {peer} | {pass} |",
            first.sheets.join(", "),
            mib(size),
            secs(mid),
            secs(min),
            secs(max),
        )
        .unwrap();
        eprintln!("{marketplace}: {} median", secs(mid));
        if !keep {
            std::fs::remove_file(&out).unwrap();
        }
    }
    print!("{table}");
}
