//! Crash tests: the `kuajing` binary is stopped dead (`KUAJING_FAILPOINT=<point>:<n>` aborts
//! the process at the n-th time it reaches that point, as `kill -9` there would; a few runs
//! are killed after a delay instead) in the middle of an import, an export, an image batch and
//! a copy save. Afterwards the catalog passes `integrity_check`, the import happened whole or
//! not at all, the bundle is absent or whole, every render-cache entry has all its parts,
//! every media file holds the bytes its name promises, and once the catalog is opened again
//! no temp file is left. The tally is in docs/reliability.md.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use sha2::Digest;
use support::{Env, fixtures};

/// Runs `kuajing` with a failpoint armed; returns whether it was stopped there.
fn crash_at(env: &Env, point: &str, n: usize, args: &[&str]) -> bool {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_kuajing"))
        .arg("--catalog")
        .arg(env.catalog())
        .args(args)
        .env("KUAJING_FAILPOINT", format!("{point}:{n}"))
        .env("HOME", env.dir.path())
        .output()
        .unwrap();
    match out.status.code() {
        None => true,               // killed by the abort's signal
        Some(0) | Some(1) => false, // finished before reaching the point
        Some(other) => panic!(
            "{args:?} at {point}:{n} exited {other}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn catalog_is_sound(env: &Env) {
    let conn = rusqlite::Connection::open(env.catalog()).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0, "foreign keys broken");
}

fn products(env: &Env) -> i64 {
    let conn = rusqlite::Connection::open(env.catalog()).unwrap();
    conn.query_row("SELECT count(*) FROM products", [], |r| r.get(0))
        .unwrap_or(0)
}

/// Opens the catalog again (any command does), then no temp file may be left beside it or in
/// its media and render folders; every media file holds the bytes its name (SHA-256) promises
/// and every cached render with its metadata has all its parts.
fn reopened_clean(env: &Env) {
    let out = env.run(&["products", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for dir in [
        env.dir.path().to_owned(),
        env.path("media"),
        env.path("renders"),
        env.path("backups"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(
                !name.starts_with(".kuajing-tmp-"),
                "left over: {}/{name}",
                dir.display()
            );
        }
    }
    if let Ok(entries) = std::fs::read_dir(env.path("media")) {
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let hash = format!("{:x}", sha2::Sha256::digest(&bytes));
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(name.starts_with(&hash), "{name} does not hold its bytes");
        }
    }
    if let Ok(entries) = std::fs::read_dir(env.path("renders")) {
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let meta: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                let key = path.file_stem().unwrap().to_string_lossy().into_owned();
                let parts = meta["parts"].as_array().map_or(0, Vec::len);
                for n in 1..=parts {
                    let found = std::fs::read_dir(env.path("renders")).unwrap().any(|e| {
                        e.unwrap()
                            .file_name()
                            .to_string_lossy()
                            .starts_with(&format!("{key}-{n}."))
                    });
                    assert!(found, "render {key} lacks part {n}");
                }
            }
        }
    }
}

/// A Shopify export of `count` products, each with a local photo beside the CSV.
fn export_with_photos(env: &Env, count: usize) -> String {
    let shop = env.path("shop");
    std::fs::create_dir_all(shop.join("photos")).unwrap();
    let photo = std::fs::read(fixtures().join("images/orientation-6-gps.jpg")).unwrap();
    let mut csv = String::from("Handle,Title,Variant SKU,Variant Price,Image Src\n");
    for i in 0..count {
        // Each photo differs by a trailing byte, so each is its own media file.
        let mut bytes = photo.clone();
        bytes.extend_from_slice(&(i as u32).to_le_bytes());
        std::fs::write(shop.join(format!("photos/p{i}.jpg")), &bytes).unwrap();
        csv.push_str(&format!(
            "product-{i},Product {i},SKU-{i},{}.99,photos/p{i}.jpg\n",
            10 + i
        ));
    }
    let path = shop.join("products.csv");
    std::fs::write(&path, csv).unwrap();
    path.display().to_string()
}

#[test]
fn an_import_stopped_anywhere_leaves_all_or_nothing() {
    let mut crashes = 0;
    for (point, n) in [
        ("import-product", 1),
        ("import-product", 7),
        ("import-product", 12),
        ("import-commit", 1),
        ("write-temp", 1),
        ("persist", 3),
        ("persist", 12),
    ] {
        let env = Env::new();
        let csv = export_with_photos(&env, 12);
        if crash_at(&env, point, n, &["import", &csv]) {
            crashes += 1;
        }
        catalog_is_sound(&env);
        assert_eq!(products(&env), 0, "{point}:{n}: half an import");
        reopened_clean(&env);
        // And the import still goes through afterwards.
        env.ok_json(&["import", &csv, "--json"]);
        assert_eq!(products(&env), 12);
        reopened_clean(&env);
    }
    assert_eq!(crashes, 7, "every failpoint was reached");
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_or_nothing() {
    let env = Env::new();
    let csv = export_with_photos(&env, 1);
    // A larger file without photos, so the kills land while rows are written.
    let big = env.path("big.csv");
    let mut text =
        String::from("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n");
    for p in 0..3000 {
        for v in 0..3 {
            text.push_str(&format!("p{p},Product {p},Size,{v} lb,S{p}-{v},{v}.99\n"));
        }
    }
    std::fs::write(&big, text).unwrap();
    env.ok_json(&["import", &csv, "--json"]);
    let big = big.display().to_string();
    for delay in [20, 60, 120, 250, 500, 900] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kuajing"))
            .args([
                "--catalog",
                &env.catalog().display().to_string(),
                "import",
                &big,
            ])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        catalog_is_sound(&env);
        let count = products(&env);
        assert!(
            count == 1 || count == 3001,
            "after {delay} ms: {count} products"
        );
        reopened_clean(&env);
    }
}

fn bundle_is_whole(path: &Path) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut manifest = String::new();
    zip.by_name("manifest.json")
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    for file in manifest["files"].as_array().unwrap() {
        let mut bytes = Vec::new();
        zip.by_name(file["path"].as_str().unwrap())
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        assert_eq!(
            format!("{:x}", sha2::Sha256::digest(&bytes)),
            file["sha256"].as_str().unwrap()
        );
    }
}

#[test]
fn an_export_stopped_anywhere_leaves_no_bundle_or_the_previous_one_whole() {
    let env = Env::new();
    env.ok_json(&["sample", "--json"]);
    assert!(env.run(&["rate", "set", "USD/CNY", "7.2"]).status.success());
    // Products with a Chinese title go into the bundle, with their photos.
    let list = env.ok_json(&["products", "--json"]);
    for (i, product) in list.as_array().unwrap().iter().take(4).enumerate() {
        let handle = product["handle"].as_str().unwrap();
        env.ok_json(&[
            "copy",
            "set",
            handle,
            "title",
            &format!("美国华盛顿州新鲜水果{i}号"),
            "--json",
        ]);
    }
    let out = env.path("bundle.zip");
    let target = out.display().to_string();
    let mut crashes = 0;
    for (point, n) in [
        ("bundle-file", 1),
        ("bundle-file", 4),
        ("render-cache-part", 1),
        ("render-cache-part", 3),
        ("persist", 1),
    ] {
        if crash_at(&env, point, n, &["export", "--out", &target]) {
            crashes += 1;
        }
        assert!(!out.exists(), "{point}:{n}: a bundle was left");
        catalog_is_sound(&env);
        reopened_clean(&env);
    }
    assert_eq!(crashes, 5);
    let report = env.ok_json(&["export", "--out", &target, "--json"]);
    assert!(report["images"].as_u64().unwrap() >= 4, "{report}");
    bundle_is_whole(&out);
    // A crash while writing the next one leaves this one as it was.
    let before = std::fs::read(&out).unwrap();
    assert!(crash_at(
        &env,
        "bundle-file",
        2,
        &["export", "--out", &target]
    ));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    // The next export sweeps what the crash left beside the bundle.
    env.ok_json(&["export", "--out", &target, "--json"]);
    let leftovers = support::count_files(env.dir.path(), |n| n.starts_with(".kuajing-tmp-"));
    assert_eq!(leftovers, 0);
}

#[test]
fn an_image_batch_stopped_anywhere_leaves_whole_cache_entries() {
    let env = Env::new();
    env.ok_json(&["sample", "--json"]);
    let mut crashes = 0;
    for n in [1, 2, 5, 9] {
        for point in ["render-cache-part", "write-temp", "persist"] {
            if crash_at(&env, point, n, &["images", "--marketplace", "taobao"]) {
                crashes += 1;
            }
            catalog_is_sound(&env);
            reopened_clean(&env);
        }
    }
    assert!(crashes >= 10, "only {crashes} runs reached their point");
    let out = env.run(&["images", "--marketplace", "taobao", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    reopened_clean(&env);
}

#[test]
fn a_copy_save_stopped_before_it_commits_changes_nothing() {
    let env = Env::new();
    env.ok_json(&["sample", "--json"]);
    let handle = env.ok_json(&["products", "--json"])[0]["handle"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = env.ok_json(&["product", &handle, "--json"])["title_zh"].clone();
    let history = env
        .ok_json(&["history", &handle, "--json"])
        .as_array()
        .unwrap()
        .len();
    assert!(crash_at(
        &env,
        "copy-write",
        1,
        &["copy", "set", &handle, "title", "新的标题"]
    ));
    catalog_is_sound(&env);
    assert_eq!(
        env.ok_json(&["product", &handle, "--json"])["title_zh"],
        before
    );
    assert_eq!(
        env.ok_json(&["history", &handle, "--json"])
            .as_array()
            .unwrap()
            .len(),
        history
    );
    env.ok_json(&["copy", "set", &handle, "title", "新的标题", "--json"]);
    assert_eq!(
        env.ok_json(&["product", &handle, "--json"])["title_zh"],
        "新的标题"
    );
}

#[test]
fn a_backup_stopped_anywhere_leaves_no_half_backup() {
    let env = Env::new();
    env.ok_json(&["sample", "--json"]);
    let backups = || support::count_files(&env.path("backups"), |n| n.ends_with(".sqlite"));
    for point in ["backup-written", "persist"] {
        assert!(crash_at(&env, point, 1, &["backup"]), "{point}: reached");
        assert_eq!(backups(), 0, "{point}: a backup was left");
        catalog_is_sound(&env);
        reopened_clean(&env);
    }
    let backup = env.ok_json(&["backup", "--json"]);
    assert_eq!(backups(), 1, "{backup}");
}
