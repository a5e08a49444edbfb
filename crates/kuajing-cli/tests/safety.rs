//! Files from elsewhere read only what was meant, outputs overwrite nothing they should not,
//! and errors that stop a command say so in JSON when asked.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{Env, fixtures, shopify};

/// Runs `kuajing` and fails the test if it takes longer than `limit` (a hang would otherwise
/// hang the whole test run).
fn run_within(env: &Env, args: &[&str], limit: Duration) -> (bool, Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kuajing"))
        .arg("--catalog")
        .arg(env.catalog())
        .args(args)
        .env("KUAJING_LANG", "en")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            return (
                status.success(),
                serde_json::from_slice(&out.stdout).unwrap(),
            );
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("kuajing {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The `{"error": …}` a command stopped with, checking it exited 1.
fn stopped_with_json_error(out: &std::process::Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn image_paths_in_a_csv_stay_inside_its_folder_and_name_regular_files() {
    let env = Env::new();
    let shop = env.path("shop");
    std::fs::create_dir_all(shop.join("photos")).unwrap();
    std::fs::copy(
        fixtures().join("images/orientation-6-gps.jpg"),
        shop.join("photos/ok.jpg"),
    )
    .unwrap();
    std::fs::copy(
        fixtures().join("images/orientation-6-gps.jpg"),
        env.path("secret.jpg"),
    )
    .unwrap();
    let fifo = shop.join("pipe.jpg");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let secret = env.path("secret.jpg").display().to_string();
    let csv = shop.join("products.csv");
    std::fs::write(
        &csv,
        format!(
            "Handle,Title,Image Src,Image Position\n\
             cherries,Rainier Cherries,photos/ok.jpg,1\n\
             cherries,,../secret.jpg,2\n\
             cherries,,{secret},3\n\
             cherries,,file://{secret},4\n\
             cherries,,/dev/zero,5\n\
             cherries,,file:///dev/zero,6\n\
             cherries,,pipe.jpg,7\n\
             cherries,,photos,8\n"
        ),
    )
    .unwrap();
    let (ok, report) = run_within(
        &env,
        &["import", &csv.display().to_string(), "--json"],
        Duration::from_secs(60),
    );
    assert!(!ok, "{report}");
    let errors: Vec<(u64, &str, &str)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap(),
                e["code"].as_str().unwrap(),
                e["column"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (3, "image-outside-folder", "Image Src"),
            (4, "image-outside-folder", "Image Src"),
            (5, "image-outside-folder", "Image Src"),
            (6, "image-outside-folder", "Image Src"),
            (7, "image-outside-folder", "Image Src"),
            (8, "image-not-a-file", "Image Src"),
            (9, "image-not-a-file", "Image Src"),
        ]
    );
    assert_eq!(report["applied"], false);
    assert!(
        !env.path("media").exists()
            || std::fs::read_dir(env.path("media"))
                .unwrap()
                .next()
                .is_none()
    );
}

fn render(env: &Env, inputs: &[&Path], out_dir: &Path, extra: &[&str]) -> (bool, String) {
    let mut args: Vec<String> = vec!["image".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["--out-dir".into(), out_dir.display().to_string()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = env.run(&args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn image_out_dir_names_each_output_after_its_input_and_overwrites_nothing_unasked() {
    let env = Env::new();
    let photos = env.path("photos");
    std::fs::create_dir_all(&photos).unwrap();
    let photo = std::fs::read(fixtures().join("images/orientation-6-gps.jpg")).unwrap();
    let front = photos.join("shoe.front.jpg");
    let back = photos.join("shoe.back.jpg");
    std::fs::write(&front, &photo).unwrap();
    std::fs::write(&back, &photo).unwrap();
    let png = photos.join("shoe.front.png");
    image::RgbImage::from_pixel(900, 900, image::Rgb([200, 30, 30]))
        .save(&png)
        .unwrap();

    let out = env.path("out");
    let (ok, stderr) = render(&env, &[&front, &back, &png], &out, &[]);
    assert!(ok, "{stderr}");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["shoe.back.jpg", "shoe.front (2).jpg", "shoe.front.jpg"]
    );
    let first = std::fs::read(out.join("shoe.front.jpg")).unwrap();

    // Again without --overwrite: every input is an error naming the file, nothing changes.
    let (ok, stderr) = render(&env, &[&front, &back], &out, &[]);
    assert!(!ok);
    assert!(
        stderr.contains("shoe.front.jpg")
            && stderr.contains("shoe.back.jpg")
            && stderr.contains("--overwrite"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(out.join("shoe.front.jpg")).unwrap(), first);
    let (ok, stderr) = render(&env, &[&front], &out, &["--overwrite"]);
    assert!(ok, "{stderr}");

    // Into the inputs' own folder: the inputs are left as they were.
    let (ok, stderr) = render(&env, &[&front, &back], &photos, &["--overwrite"]);
    assert!(ok, "{stderr}");
    assert_eq!(std::fs::read(&front).unwrap(), photo);
    assert_eq!(std::fs::read(&back).unwrap(), photo);
    assert!(
        photos.join("shoe.front (2).jpg").exists() && photos.join("shoe.back (2).jpg").exists()
    );

    // --out onto the input itself is refused too.
    let out = env.run(&[
        "image",
        &front.display().to_string(),
        "--out",
        &front.display().to_string(),
    ]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&front).unwrap(), photo);
}

#[test]
fn export_refuses_to_write_onto_the_catalog_or_its_folders() {
    let env = Env::new();
    env.ok_json(&["sample", "--json"]);
    let out = env.run(&["rate", "set", "USD/CNY", "7.2"]);
    assert!(out.status.success());
    let catalog = env.catalog();
    let before = std::fs::read(&catalog).unwrap().len();
    let products = env.product_count();
    let wal = format!("{}-wal", catalog.display());
    let in_media = env.path("media/bundle.zip");
    for target in [
        catalog.display().to_string(),
        wal,
        in_media.display().to_string(),
    ] {
        let out = env.run(&["export", "--out", &target, "--json"]);
        assert_eq!(out.status.code(), Some(1), "{target}");
        let error: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            error["error"]["code"], "export-onto-catalog",
            "{target}: {error}"
        );
    }
    assert!(std::fs::read(&catalog).unwrap().len() >= before);
    assert_eq!(env.product_count(), products);
    // Beside the catalog is fine.
    let beside = env.path("bundle.zip");
    env.ok_json(&["export", "--out", &beside.display().to_string(), "--json"]);
    assert!(beside.exists());
}

#[test]
fn with_json_an_error_that_stops_a_command_is_json_on_stdout_and_results_stay_as_they_are() {
    let env = Env::new();
    let out = env.run(&["product", "no-such-thing", "--json"]);
    let error = stopped_with_json_error(&out);
    assert_eq!(error["error"]["code"], "no-product");
    assert_eq!(error["error"]["args"]["handle"], "no-such-thing");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-thing")
    );

    // An argument the command line checks itself.
    let out = env.run(&["rate", "set", "EUR/CNY", "7.8", "--json"]);
    let error = stopped_with_json_error(&out);
    assert_eq!(error["error"]["code"], "bad-argument");

    // Usage errors stay clap's.
    assert_eq!(
        env.run(&["product", "--json", "--no-such-flag"])
            .status
            .code(),
        Some(2)
    );

    // A result with findings keeps its own JSON and exit 1.
    let out = env.run(&["lint", "--json", "最好的樱桃"]);
    let check = stopped_with_json_error(&out);
    assert!(
        check["findings"].as_array().is_some_and(|f| !f.is_empty()),
        "{check}"
    );
    // And so does an import refused for its problems.
    let bad = env.path("bad.csv");
    std::fs::write(
        &bad,
        "Handle,Title,Variant Price\ncherries,Cherries,not-a-price\n",
    )
    .unwrap();
    let out = env.run(&["import", &bad.display().to_string(), "--json"]);
    let report = stopped_with_json_error(&out);
    assert!(
        report["errors"].as_array().is_some_and(|e| !e.is_empty()),
        "{report}"
    );
}

#[test]
fn copy_set_with_expect_refuses_to_overwrite_an_edit_it_did_not_start_from() {
    let env = Env::new();
    env.ok_json(&[
        "import",
        &shopify("cosmetics-minimal-columns.csv"),
        "--json",
    ]);
    let handle = env.ok_json(&["products", "--json"])[0]["handle"]
        .as_str()
        .unwrap()
        .to_owned();
    let set = |text: &str, expect: &str| {
        env.run(&[
            "copy", "set", &handle, "title", text, "--expect", expect, "--json",
        ])
    };
    let title = || env.ok_json(&["product", &handle, "--json"])["title_zh"].clone();
    assert!(set("第一版标题", "").status.success());
    let error = stopped_with_json_error(&set("第二版标题", ""));
    assert_eq!(error["error"]["code"], "copy-conflict", "{error}");
    assert_eq!(error["error"]["args"]["theirs"], "第一版标题");
    assert_eq!(title(), "第一版标题");
    assert!(set("第二版标题", "第一版标题").status.success());
    assert_eq!(title(), "第二版标题");
}
