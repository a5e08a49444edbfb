//! The app at an agency's size (issue 13): a generated catalog of 20,000 products and 100,000
//! variants with Chinese titles, findings and local photos, opened, searched and scrolled.
//! Timings and memory go to `target/e2e-metrics/scale.json` for the benchmark report
//! (`scripts/bench-catalog.sh`); they are measured, not asserted (these machines are noisy).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::driver::*;
use anyhow::{Context, Result, bail, ensure};
use serde_json::{Value, json};
use thirtyfour::prelude::*;

pub(crate) const PRODUCTS: usize = 20_000;

fn cli_binary() -> PathBuf {
    app_binary().with_file_name("kuajing")
}

fn run(command: &mut Command) -> Result<()> {
    let out = command
        .output()
        .with_context(|| format!("running {command:?}"))?;
    ensure!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(())
}

/// The catalog the app in `home` opens: `bench/make-catalog.py`'s export with 200 local photos,
/// imported by the CLI, then a Chinese title on every product (one in 10 with a banned term,
/// one in 20 rejected) and the search index brought up to date.
pub(crate) fn generate(home: &Path) -> Result<()> {
    let generator = workspace().join("bench/make-catalog.py");
    let shop = home.join("shop");
    let catalog = home.join("data/catalog.sqlite");
    run(Command::new("python3").arg(&generator).args([
        "export".as_ref(),
        shop.as_os_str(),
        "--products".as_ref(),
        PRODUCTS.to_string().as_ref(),
        "--photos".as_ref(),
        "200".as_ref(),
    ]))?;
    let cli = cli_binary();
    ensure!(
        cli.exists(),
        "{} is missing: cargo build --workspace --bins",
        cli.display()
    );
    run(Command::new(&cli)
        .arg("--catalog")
        .arg(&catalog)
        .arg("import")
        .arg(shop.join("export.csv")))?;
    run(Command::new("python3")
        .arg(&generator)
        .arg("zh")
        .arg(&catalog))?;
    // A search indexes what was written outside Kuajing; the list's first view then reads the
    // index as the app finds a catalog it wrote itself.
    run(Command::new(&cli)
        .arg("--catalog")
        .arg(&catalog)
        .args(["products", "--search", "zzzz", "--json"]))
}

/// The proportional set size (KiB) of `pid` and every process below it: the app and its WebKit
/// web and network processes. Returns (app alone, the rest).
fn pss(pid: u32) -> Result<(u64, u64)> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc")? {
        let name = entry?.file_name();
        let Some(p) = name.to_str().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            continue;
        };
        // pid (comm) state ppid …: the command may hold spaces and brackets.
        let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
        if let Some(ppid) = after.split_whitespace().nth(1).and_then(|s| s.parse().ok()) {
            parents.push((p, ppid));
        }
    }
    let of = |p: u32| rollup(p, "Pss:");
    let mut below = vec![pid];
    let mut i = 0;
    while i < below.len() {
        let parent = below[i];
        below.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    Ok((of(pid), below[1..].iter().map(|p| of(*p)).sum()))
}

/// One line of `pid`'s `/proc/PID/smaps_rollup` (KiB): `Pss:`, `Pss_Anon:`, `Pss_File:`.
fn rollup(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}

/// The running app's process id (the newest `kuajing-app`).
fn app_pid() -> Result<u32> {
    let mut found = None;
    for entry in std::fs::read_dir("/proc")? {
        let name = entry?.file_name();
        let Some(p) = name.to_str().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        if std::fs::read_to_string(format!("/proc/{p}/comm"))
            .is_ok_and(|c| c.trim() == "kuajing-app")
        {
            found = Some(found.map_or(p, |f: u32| f.max(p)));
        }
    }
    found.context("no kuajing-app process")
}

fn mib(kib: u64) -> f64 {
    (kib as f64 / 1024.0 * 10.0).round() / 10.0
}

/// The memory of the app idling on an empty catalog, in MiB: (app, web view, whole).
pub(crate) async fn idle_on_an_empty_catalog(driver: &WebDriver) -> Result<Value> {
    wait_for(driver, "[data-testid=load-sample]").await?;
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let (app, web) = pss(app_pid()?)?;
    Ok(json!({ "app_mib": mib(app), "web_mib": mib(web), "total_mib": mib(app + web) }))
}

/// Scrolls the list `steps` times by `by` pixels, one step per frame, and returns each frame's
/// time (ms between animation frames, the step's scroll handling, rendering and paint in it).
async fn scroll_frames(driver: &WebDriver, steps: u32, by: u32) -> Result<Vec<f64>> {
    let script = r#"
        const [steps, by, done] = arguments;
        const list = document.getElementById('product-list');
        const frames = [];
        let last = 0, n = 0;
        function tick(now) {
          if (last) frames.push(now - last);
          last = now;
          if (n++ >= steps) return done(frames);
          list.scrollTop += by;
          requestAnimationFrame(tick);
        }
        requestAnimationFrame(tick);
    "#;
    let answer = driver
        .execute_async(script, vec![json!(steps), json!(by)])
        .await
        .context("scrolling in the page")?;
    let frames: Vec<f64> = serde_json::from_value(answer.json().clone())?;
    ensure!(frames.len() as u32 == steps, "{} frames", frames.len());
    Ok(frames)
}

fn summary(frames: &[f64]) -> Value {
    let mut sorted = frames.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q).round() as usize];
    let round = |v: f64| (v * 10.0).round() / 10.0;
    json!({
        "frames": sorted.len(),
        "p50_ms": round(at(0.5)),
        "p95_ms": round(at(0.95)),
        "max_ms": round(at(1.0)),
        "over_50_ms": sorted.iter().filter(|f| **f > 50.0).count(),
    })
}

/// Opens the generated catalog, reads how soon the first rows painted, searches it, scrolls
/// it end to end, and writes what it measured (with `idle`, the empty app's memory).
#[allow(clippy::print_stdout)] // the numbers, for whoever watches the run
pub(crate) async fn open_search_and_scroll(driver: &WebDriver, idle: Value) -> Result<()> {
    let count = wait_for(driver, "[data-testid=product-count]").await?;
    wait_text(&count, "20,000").await?;
    wait_for(driver, "[data-testid=product-row]").await?;
    let first_rows: Value = driver
        .execute(
            "const m = performance.getEntriesByName('kuajing-first-rows')[0];
             return m ? m.startTime : null;",
            vec![],
        )
        .await
        .context("reading the first rows' mark")?
        .json()
        .clone();
    let first_rows_ms = first_rows
        .as_f64()
        .context("the list never marked its first rows")?;
    screenshot(driver, "80-scale-list").await?;
    let (app, web) = pss(app_pid()?)?;
    let opened = json!({ "app_mib": mib(app), "web_mib": mib(web), "total_mib": mib(app + web) });

    // Thumbnails come for the rows in view, rendered from the local photos.
    wait_for(driver, "[data-testid=product-row] img").await?;
    // A two-character Chinese word: every fifth product's title, half of them with a banned
    // term, counted for the rows on screen.
    set_value(&wait_for(driver, "[data-testid=search]").await?, "蓝莓").await?;
    wait_text(&count, "4,000").await?;
    wait_for(driver, "[data-testid=product-row] [data-testid=row-errors]").await?;
    screenshot(driver, "81-scale-search").await?;
    let search = wait_for(driver, "[data-testid=search]").await?;
    search.send_keys(Key::Control + "a").await?;
    search.send_keys(Key::Backspace).await?;
    wait_text(&count, "20,000").await?;

    // A wheel's pace (4 rows a frame) for 10 s, then a fling through the whole list (100 rows a
    // frame), then the keyboard's End.
    let wheel = scroll_frames(driver, 600, 4 * 68).await?;
    screenshot(driver, "82-scale-scrolled").await?;
    let fling = scroll_frames(driver, (PRODUCTS / 100) as u32, 100 * 68).await?;
    driver
        .execute("document.getElementById('product-list').focus()", vec![])
        .await?;
    press(driver, Key::End).await?;
    let last = wait_for(driver, "[data-testid=product-row].selected").await?;
    let position = last.attr("aria-posinset").await?.unwrap_or_default();
    if position != PRODUCTS.to_string() {
        bail!("End selected row {position}, not the last of {PRODUCTS}");
    }
    screenshot(driver, "83-scale-end").await?;
    let (app_after, web_after) = pss(app_pid()?)?;
    let (anon, file) = (
        rollup(app_pid()?, "Pss_Anon:"),
        rollup(app_pid()?, "Pss_File:"),
    );

    let metrics = json!({
        "products": PRODUCTS,
        "variants": PRODUCTS * 5,
        "first_rows_ms": (first_rows_ms * 10.0).round() / 10.0,
        "idle_empty": idle,
        "opened": opened,
        "scrolled": {
            "app_mib": mib(app_after),
            "app_anon_mib": mib(anon),
            "app_file_mib": mib(file),
            "web_mib": mib(web_after),
            "total_mib": mib(app_after + web_after),
        },
        "wheel": summary(&wheel),
        "fling": summary(&fling),
    });
    let dir = workspace().join("target/e2e-metrics");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(
        dir.join("scale.json"),
        serde_json::to_string_pretty(&metrics)?,
    )?;
    println!("scale: {metrics}");
    Ok(())
}
