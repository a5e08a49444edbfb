//! The `kuajing` binary on real files: Shopify exports, photos, and bad input. Each test has its
//! own temp catalog.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

mod support;

use serde_json::Value;
use support::{Env, fixtures, shopify};

#[test]
fn every_shopify_fixture_imports_with_the_right_counts() {
    // (file, products, variants, images, warnings), counted independently with Python's csv.
    let expected = [
        ("apparel.csv", 20, 22, 20, 0),
        ("jewelery.csv", 20, 23, 41, 0),
        ("home-and-garden.csv", 20, 21, 21, 0),
        ("hair-care-store-export.csv", 84, 445, 300, 83),
        ("cosmetics-minimal-columns.csv", 7, 7, 0, 0),
    ];
    for (file, products, variants, images, warnings) in expected {
        let env = Env::new();
        let report = env.ok_json(&["import", &shopify(file), "--json"]);
        assert_eq!(report["products"], products, "{file}");
        assert_eq!(report["variants"], variants, "{file}");
        assert_eq!(report["images"], images, "{file}");
        assert_eq!(
            report["warnings"].as_array().unwrap().len(),
            warnings,
            "{file}"
        );
        assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{file}");
        assert_eq!(env.product_count(), products, "{file}");
        // A second import of the same file changes nothing.
        let again = env.ok_json(&["import", &shopify(file), "--json"]);
        assert_eq!(
            again["unchanged"].as_array().unwrap().len(),
            products,
            "{file}"
        );
    }
}

#[test]
fn a_dry_run_reports_but_writes_nothing() {
    let env = Env::new();
    let report = env.ok_json(&["import", &shopify("jewelery.csv"), "--dry-run", "--json"]);
    assert_eq!(report["added"].as_array().unwrap().len(), 20);
    assert_eq!(report["applied"], false);
    assert_eq!(env.product_count(), 0);
}

#[test]
fn metafields_are_kept_as_attributes_and_search_finds_them_by_title() {
    let env = Env::new();
    env.ok_json(&["import", &shopify("hair-care-store-export.csv"), "--json"]);
    let found = env.ok_json(&["products", "--search", "Reese Kinky", "--json"]);
    let handles: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["handle"].as_str().unwrap())
        .collect();
    assert!(
        handles.contains(&"fall-kinky-curly-unit-3b-3c-16-18"),
        "{handles:?}"
    );
    let product = env.ok_json(&["product", "fall-kinky-curly-unit-3b-3c-16-18", "--json"]);
    let attributes = product["attributes"].as_array().unwrap();
    let value = |key: &str| {
        attributes
            .iter()
            .find(|a| a["key"] == key)
            .map(|a| a["value"].as_str().unwrap().to_owned())
    };
    assert_eq!(
        value("Texture (product.metafields.custom.texture)").as_deref(),
        Some("3B/3C Kinky Curls")
    );
    assert_eq!(
        value("Product rating count (product.metafields.reviews.rating_count)").as_deref(),
        Some("6")
    );
    // Remote Shopify images are recorded and wait for the network.
    let images = product["images"].as_array().unwrap();
    assert!(!images.is_empty());
    assert!(
        images.iter().all(|i| i["state"] == "waiting-for-network"),
        "{images:?}"
    );
}

#[test]
fn bad_files_get_one_clear_line_naming_the_file_and_change_nothing() {
    let env = Env::new();
    env.ok_json(&["import", &shopify("apparel.csv"), "--json"]);
    let empty = env.path("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let png = env.path("photo.csv");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let bank = env.path("statement.csv");
    std::fs::write(&bank, "Date,Description,Amount\n2026-11-01,Coffee,-4.50\n").unwrap();
    let missing = env.path("nope.csv");
    for (file, words) in [
        (&empty, "empty"),
        (&png, "CSV"),
        (&bank, "Shopify"),
        (&missing, "nope.csv"),
    ] {
        let stderr = env.fails(&["import", &file.display().to_string()]);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(file.file_name().unwrap().to_str().unwrap()),
            "{stderr}"
        );
        assert!(stderr.contains(words), "{stderr}");
    }
    assert_eq!(env.product_count(), 20);
}

#[test]
fn a_file_with_errors_is_refused_whole_with_row_and_column() {
    let env = Env::new();
    let csv = env.path("broken.csv");
    std::fs::write(
        &csv,
        "Handle,Title,Variant SKU,Variant Price,Variant Barcode\n\
         cherries,Rainier Cherries,CH-1,29.99,3.65275E+11\n\
         salmon,Sockeye Salmon,SA-1,abc,\n\
         ,Nameless,NA-1,1.00,\n",
    )
    .unwrap();
    let out = env.run(&["import", &csv.display().to_string(), "--json"]);
    assert!(!out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = report["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["row"] == 3 && e["column"] == "Variant Price" && e["code"] == "bad-number")
    );
    assert!(
        errors
            .iter()
            .any(|e| e["row"] == 4 && e["code"] == "missing-handle")
    );
    let warnings = report["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w["row"] == 2
        && w["column"] == "Variant Barcode"
        && w["code"] == "barcode-scientific"));
    assert_eq!(
        env.product_count(),
        0,
        "nothing from a refused file is kept"
    );
}

#[test]
fn windows_1252_files_are_converted_with_a_warning() {
    let env = Env::new();
    let csv = env.path("excel.csv");
    std::fs::write(
        &csv,
        b"Handle,Title,Variant Price\ncreme,Cr\xE8me br\xFBl\xE9e Kit,12.00\n",
    )
    .unwrap();
    let report = env.ok_json(&["import", &csv.display().to_string(), "--json"]);
    assert_eq!(report["encoding"], "windows-1252");
    assert!(
        report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "converted-from-windows-1252")
    );
    let products = env.ok_json(&["products", "--json"]);
    assert_eq!(products[0]["title_en"], "Crème brûlée Kit");
}

#[test]
fn lint_reports_units_and_findings_with_character_offsets() {
    let env = Env::new();
    let ok = env.ok_json(&[
        "lint",
        "--marketplace",
        "tmall-global",
        "--field",
        "title",
        "华盛顿樱桃 礼盒",
        "--json",
    ]);
    assert_eq!(ok["units"], 15);
    assert_eq!(ok["limit"], 60);
    let out = env.run(&["lint", "--field", "title", "🍒全网第一的樱桃", "--json"]);
    assert!(!out.status.success(), "error findings exit non-zero");
    let check: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = check["findings"].as_array().unwrap();
    let banned = findings
        .iter()
        .find(|f| f["code"] == "banned-term")
        .unwrap();
    assert_eq!(
        (banned["start"].as_u64(), banned["end"].as_u64()),
        (Some(1), Some(5))
    );
    assert_eq!(banned["severity"], "error");
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "non-gbk-char" && f["start"] == 0)
    );
    let long = "车".repeat(31);
    let out = env.run(&["lint", "--field", "title", &long, "--json"]);
    let check: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(check["units"], 62);
    assert_eq!(check["unit"], "gbk");
    assert!(
        check["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "title-too-long")
    );
    // JD Worldwide counts characters: 45 Chinese characters (90 GBK units) fit, 46 are over,
    // and its limit is unconfirmed, so over it is a warning (exit 0).
    let jd = |text: &str| {
        let out = env.run(&["lint", "--marketplace", "jd-worldwide", text, "--json"]);
        let check: Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.success(), check)
    };
    let (ok, check) = jd(&"车".repeat(45));
    assert!(ok);
    assert_eq!(
        (check["units"].as_u64(), check["limit"].as_u64()),
        (Some(45), Some(45))
    );
    assert_eq!(check["unit"], "chars");
    assert!(check["findings"].as_array().unwrap().is_empty(), "{check}");
    let (ok, check) = jd(&"车".repeat(46));
    assert!(ok, "an unconfirmed limit only warns: {check}");
    let over = &check["findings"].as_array().unwrap()[0];
    assert_eq!(
        (over["code"].as_str(), over["severity"].as_str()),
        (Some("title-too-long"), Some("warning"))
    );
}

#[test]
fn marketplaces_lists_every_profile_the_default_first() {
    let env = Env::new();
    let list = env.ok_json(&["marketplaces", "--json"]);
    let list = list.as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "tmall-global",
            "douyin",
            "jd-worldwide",
            "pinduoduo",
            "taobao"
        ]
    );
    let jd = &list[2];
    assert_eq!(jd["name_zh"], "京东国际");
    assert_eq!(jd["title"]["unit"], "chars");
    assert_eq!(jd["title"]["max_units"], 45);
    assert_eq!(jd["title"]["status"], "unconfirmed");
    assert!(
        jd["slots"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "main")
    );
    let exporting: Vec<&str> = list
        .iter()
        .filter(|m| m["exports"] == true)
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(exporting, ids, "every marketplace exports a bundle");
}

#[test]
fn export_needs_a_rate_then_writes_a_complete_bundle() {
    let env = Env::new();
    env.ok_json(&["import", &shopify("home-and-garden.csv"), "--json"]);
    let set_title = |text: &str| {
        env.ok_json(&[
            "copy",
            "set",
            "clay-plant-pot",
            "title",
            "--locale",
            "zh-CN",
            text,
            "--json",
        ])
    };
    let check = set_title("最好的陶土花盆");
    assert!(
        check["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "banned-term")
    );
    let check = set_title("陶土花盆 经典款");
    assert_eq!(check["findings"].as_array().unwrap().len(), 0);
    let history = env.ok_json(&["history", "clay-plant-pot", "--json"]);
    let zh: Vec<&Value> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["locale"] == "zh-CN")
        .collect();
    assert_eq!(zh.len(), 2, "every edit is kept");
    assert_eq!(zh[0]["old"], "最好的陶土花盆");
    assert_eq!(zh[0]["new"], "陶土花盆 经典款");
    let out_zip = env.path("out/tmall.zip");
    let stderr = env.fails(&[
        "export",
        "--marketplace",
        "tmall-global",
        "--out",
        &out_zip.display().to_string(),
    ]);
    assert!(stderr.contains("rate"), "{stderr}");
    assert!(!out_zip.exists(), "no bundle without a rate");

    assert!(
        env.run(&["rate", "set", "USD/CNY", "7.20", "--date", "2026-11-20"])
            .status
            .success()
    );
    let report = env.ok_json(&[
        "export",
        "--marketplace",
        "tmall-global",
        "--out",
        &out_zip.display().to_string(),
        "--json",
    ]);
    assert_eq!(report["products"], 1);
    assert_eq!(report["skipped"].as_array().unwrap().len(), 19);

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out_zip).unwrap()).unwrap();
    let read = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(name).unwrap(), &mut bytes).unwrap();
        bytes
    };
    let sheet = read(&mut zip, "listing.csv");
    assert_eq!(&sheet[..3], b"\xEF\xBB\xBF", "UTF-8 BOM for Excel");
    let sheet = String::from_utf8(sheet[3..].to_vec()).unwrap();
    let mut lines = sheet.lines();
    let header = lines.next().unwrap();
    for column in [
        "商品编码",
        "标题",
        "英文标题",
        "品牌",
        "价格(元)",
        "重量(千克)",
        "原产国",
        "主图1",
    ] {
        assert!(header.contains(column), "{header}");
    }
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "one row per variant: {sheet}");
    // 9.99 USD * 7.20 = 71.93 CNY; 15.99 * 7.20 = 115.13.
    assert!(
        rows[0].contains("陶土花盆 经典款")
            && rows[0].contains("71.93")
            && rows[0].contains("美国"),
        "{}",
        rows[0]
    );
    assert!(rows[1].contains("115.13"), "{}", rows[1]);
    assert!(!sheet.contains("9.99"), "no dollar amounts in the sheet");

    let report_txt = String::from_utf8(read(&mut zip, "report.txt")).unwrap();
    assert!(
        report_txt.contains("7.2") && report_txt.contains("2026-11-20"),
        "{report_txt}"
    );
    assert!(
        report_txt.contains("copper-light"),
        "skipped products are named: {report_txt}"
    );

    let manifest: Value = serde_json::from_slice(&read(&mut zip, "manifest.json")).unwrap();
    assert_eq!(manifest["marketplace"]["id"], "tmall-global");
    assert!(manifest["app_version"].is_string());
    assert!(
        manifest.get("created_at").is_none(),
        "no clock time: the same catalog gives the same bytes"
    );
    for file in manifest["files"].as_array().unwrap() {
        let bytes = read(&mut zip, file["path"].as_str().unwrap());
        assert_eq!(file["bytes"], bytes.len());
        let digest = <sha2::Sha256 as sha2::Digest>::digest(&bytes);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(file["sha256"], hex);
    }
}

#[test]
fn image_renders_a_photo_into_the_main_slot_and_refuses_bad_files_by_name() {
    let env = Env::new();
    let images = fixtures().join("images");
    let out = env.path("main.jpg");
    let rendered = env.ok_json(&[
        "image",
        &images.join("orientation-6-gps.jpg").display().to_string(),
        "--marketplace",
        "tmall-global",
        "--slot",
        "main",
        "--out",
        &out.display().to_string(),
        "--json",
    ]);
    let file = &rendered["files"][0];
    assert_eq!(
        (file["width"].as_u64(), file["height"].as_u64()),
        (Some(800), Some(800))
    );
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"\xFF\xD8");
    assert!(bytes.len() <= 1_048_576);

    for bad in [
        "truncated.jpg",
        "text-named.jpg",
        "bomb-30000x30000.png",
        "empty.jpg",
    ] {
        let target = env.path(&format!("{bad}.out.jpg"));
        let stderr = env.fails(&[
            "image",
            &images.join(bad).display().to_string(),
            "--out",
            &target.display().to_string(),
        ]);
        assert!(stderr.contains(bad), "{bad}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(!target.exists(), "{bad}: nothing written");
    }
}

#[test]
fn image_renders_many_photos_into_a_folder_and_slices_detail_images() {
    let env = Env::new();
    let images = fixtures().join("images");
    let dir = env.path("out");
    // One long photo (800x4400 at 750 wide is 4125 tall: slices of at most 1500) and one
    // ordinary one; a bad file fails alone and names itself.
    let tall = env.path("tall.png");
    image::RgbImage::from_fn(800, 4400, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    })
    .save(&tall)
    .unwrap();
    let photo = images.join("orientation-6-gps.jpg");
    let bad = images.join("truncated.jpg");
    let out = env.run(&[
        "image",
        &tall.display().to_string(),
        &photo.display().to_string(),
        &bad.display().to_string(),
        "--marketplace",
        "taobao",
        "--slot",
        "detail",
        "--out-dir",
        &dir.display().to_string(),
        "--json",
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("truncated.jpg"), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json[0]["files"].as_array().unwrap();
    let heights: Vec<u64> = files
        .iter()
        .map(|f| f["height"].as_u64().unwrap())
        .collect();
    assert_eq!(heights, vec![1500, 1500, 1125]);
    assert!(files.iter().all(|f| f["width"] == 750));
    assert!(dir.join("tall.jpg").exists() && dir.join("tall-3.jpg").exists());
    assert_eq!(json[0]["findings"][0]["code"], "sliced");
    // The 64x48 photo is far below the 750 minimum: a finding, and no blurry upscale.
    assert_eq!(json[1]["files"][0]["width"], 64);
    assert_eq!(json[1]["findings"][0]["code"], "source-too-narrow");
    assert!(
        json[1]["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("64 pixels wide, narrower than the 750")
    );
    assert!(dir.join("orientation-6-gps.jpg").exists());
    assert!(!dir.join("truncated.jpg").exists());
}

#[test]
fn the_catalog_batch_renders_every_slot_once_then_uses_the_cache() {
    let env = Env::new();
    env.ok_json(&["sample", "--json"]);
    let first = env.ok_json(&["images", "--marketplace", "pinduoduo", "--json"]);
    let p = &first["progress"];
    let photos = p["total"].as_u64().unwrap();
    assert!(photos >= 8, "{first}");
    assert_eq!(p["done"], photos);
    assert_eq!(p["failed"], 0);
    assert!(
        p["rendered"].as_u64().unwrap() > photos,
        "main + detail (+ home)"
    );
    assert_eq!(p["cached"], 0);
    assert_eq!(first["cancelled"], false);

    // Nothing changed: everything comes from the cache.
    let again = env.ok_json(&["images", "--marketplace", "pinduoduo", "--json"]);
    assert_eq!(again["progress"]["rendered"], 0);
    assert_eq!(again["progress"]["cached"], p["rendered"]);

    // Another marketplace's slots are other cache entries; one product only.
    let list = env.ok_json(&["products", "--json"]);
    let handle = list[0]["handle"].as_str().unwrap();
    let one = env.ok_json(&[
        "images",
        "--marketplace",
        "taobao",
        "--handle",
        handle,
        "--json",
    ]);
    assert!(one["progress"]["total"].as_u64().unwrap() < photos);
    assert!(one["progress"]["rendered"].as_u64().unwrap() > 0);

    // Notes name their slot as the marketplace does, in the user's language: the sample's
    // studio shots are not on plain white, which Taobao's white-background slot reports.
    let out = env.run_in("zh-CN", &["images", "--marketplace", "taobao", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let zh: Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = zh["notes"].as_array().unwrap();
    let white: Vec<&Value> = notes.iter().filter(|n| n["slot"] == "white").collect();
    assert!(!white.is_empty(), "{zh}");
    assert!(white.iter().all(|n| n["label"] == "白底图"), "{zh}");
}

#[test]
fn the_sample_catalog_loads_with_photos_that_export() {
    let env = Env::new();
    let report = env.ok_json(&["sample", "--json"]);
    let products = report["products"].as_u64().unwrap();
    assert!(
        (6..=12).contains(&products),
        "about 8 products, got {products}"
    );
    assert!(report["images"].as_u64().unwrap() >= products);
    let list = env.ok_json(&["products", "--json"]);
    let handle = list[0]["handle"].as_str().unwrap().to_owned();
    env.ok_json(&[
        "copy",
        "set",
        &handle,
        "title",
        "--locale",
        "zh-CN",
        "美国进口 新鲜樱桃",
        "--json",
    ]);
    assert!(env.run(&["rate", "set", "USD/CNY", "7.1"]).status.success());
    let out = env.path("sample.zip");
    let report = env.ok_json(&["export", "--out", &out.display().to_string(), "--json"]);
    assert_eq!(report["products"], 1);
    assert!(report["images"].as_u64().unwrap() >= 1);
    let zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let main = format!("images/{handle}/main_1.jpg");
    assert!(
        zip.file_names().any(|n| n == main),
        "{main} in {:?}",
        zip.file_names().collect::<Vec<_>>()
    );
}

#[test]
fn an_import_naming_bad_photos_is_refused_with_the_row_and_leaves_the_catalog_as_it_was() {
    let env = Env::new();
    env.ok_json(&[
        "import",
        &shopify("cosmetics-minimal-columns.csv"),
        "--json",
    ]);
    let dir = env.path("shop");
    std::fs::create_dir_all(dir.join("img")).unwrap();
    for bad in ["truncated.jpg", "text-named.jpg", "bomb-30000x30000.png"] {
        std::fs::copy(
            fixtures().join("images").join(bad),
            dir.join("img").join(bad),
        )
        .unwrap();
    }
    let csv = dir.join("products.csv");
    std::fs::write(
        &csv,
        "Handle,Title,Variant Price,Image Src,Image Position\n\
         a,Alpha,1.00,img/truncated.jpg,1\n\
         b,Beta,1.00,img/text-named.jpg,1\n\
         c,Gamma,1.00,img/bomb-30000x30000.png,1\n\
         d,Delta,1.00,img/not-there.jpg,1\n",
    )
    .unwrap();
    let out = env.run(&["import", &csv.display().to_string(), "--json"]);
    assert!(!out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = report["errors"].as_array().unwrap();
    let at = |row: u64| {
        errors
            .iter()
            .find(|e| e["row"] == row)
            .unwrap_or_else(|| panic!("row {row}: {errors:?}"))
    };
    for (row, code, name) in [
        (2, "image-unreadable", "truncated.jpg"),
        (3, "image-unreadable", "text-named.jpg"),
        (4, "image-unreadable", "bomb-30000x30000.png"),
        (5, "image-missing", "not-there.jpg"),
    ] {
        let e = at(row);
        assert_eq!(
            (e["code"].as_str(), e["column"].as_str()),
            (Some(code), Some("Image Src")),
            "{e}"
        );
        assert!(e["message"].as_str().unwrap().contains(name), "{e}");
    }
    assert_eq!(env.product_count(), 7, "the catalog is as it was");
}

#[test]
fn backup_writes_a_copy_beside_the_catalog_that_opens_with_the_same_products() {
    let env = Env::new();
    env.ok_json(&["import", &shopify("apparel.csv"), "--json"]);
    let backup = env.ok_json(&["backup", "--json"]);
    let path = std::path::PathBuf::from(backup["path"].as_str().unwrap());
    assert_eq!(path.parent().unwrap(), env.path("backups"));
    assert_eq!(
        backup["bytes"].as_u64().unwrap(),
        std::fs::metadata(&path).unwrap().len()
    );
    assert!(backup["taken"].as_str().unwrap().len() >= 15);

    // The backup is a catalog: the CLI reads it as one.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kuajing"))
        .arg("--catalog")
        .arg(&path)
        .args(["products", "--json"])
        .env("HOME", env.dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let products: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(products.as_array().unwrap().len(), 20);

    // Twelve more: the newest ten are kept.
    for _ in 0..12 {
        env.ok_json(&["backup", "--json"]);
    }
    let kept = support::count_files(&env.path("backups"), |n| n.ends_with(".sqlite"));
    assert_eq!(kept, 10);
}
