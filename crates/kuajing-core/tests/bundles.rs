//! Every marketplace's bundle from the sample catalog (assets/sample: real photos, Shopify
//! metafields), read back by readers that share no code with the writers: `calamine` for XLSX,
//! the `csv` crate for CSV, and a 淘宝助理 reader written here from the format's description
//! (docs/marketplaces.md). The same catalog gives the same bytes.

#![allow(clippy::unwrap_used)] // a panic is the failure report

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use kuajing_core::{Rules, Workbench};

type Zip = zip::ZipArchive<std::fs::File>;

fn sample(dir: &Path) -> Workbench {
    let workbench =
        Workbench::open(&dir.join("catalog.sqlite"), Rules::new("en").unwrap()).unwrap();
    workbench.load_sample().unwrap();
    workbench.set_rate(7.2, "2026-12-01").unwrap();
    let report = workbench
        .draft_empty_fields(&[], "tmall-global", &AtomicBool::new(false), |_| {})
        .unwrap();
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    workbench
}

fn read(zip: &mut Zip, name: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is not in the bundle"))
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

fn names(zip: &Zip) -> Vec<String> {
    zip.file_names().map(str::to_owned).collect()
}

/// A 淘宝助理 file as rows of cells: UTF-16LE after its BOM, `version 1.00` first, tab-separated,
/// a cell in double quotes may hold tabs, line breaks and doubled quotes.
fn taobao_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    assert_eq!(&bytes[..2], [0xFF, 0xFE], "UTF-16LE byte-order mark");
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    let text = String::from_utf16(&units).unwrap();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, '\t') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "the file ends with a line break"
    );
    rows
}

#[test]
fn every_marketplace_exports_the_sample_and_the_sheets_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let workbench = sample(dir.path());
    let products = workbench.products("", false).unwrap();
    let cherries = "rainier-cherries";
    assert!(products.iter().any(|p| p.handle == cherries));
    // The net content is drafted at import from the sizes the options state (1 lb, 3 lb).
    let almonds = workbench.product("california-almonds").unwrap();
    assert_eq!(almonds.net_content, "454克 / 1.36千克");
    let history = workbench.history("california-almonds").unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.field == "net_content" && e.source == "draft"),
        "{history:?}"
    );
    // A gift box's options name no size, and its shipping grams are not its net content.
    assert_eq!(
        workbench.product("cherry-gift-box").unwrap().net_content,
        ""
    );
    workbench
        .set_vendor_field(
            "Cascade Ridge Orchards",
            "agent_name",
            "上海示例进口贸易有限公司",
        )
        .unwrap();
    workbench
        .set_product_field(cherries, "net_content", "907克")
        .unwrap();

    for marketplace in [
        "tmall-global",
        "taobao",
        "jd-worldwide",
        "pinduoduo",
        "douyin",
    ] {
        let out = dir.path().join(format!("{marketplace}.zip"));
        let report = workbench.export(marketplace, &out).unwrap();
        assert!(report.products >= 6, "{marketplace}: {report:?}");
        assert_eq!(report.labels, report.products, "{marketplace}");
        let mut zip = Zip::new(std::fs::File::open(&out).unwrap()).unwrap();
        let files = names(&zip);
        for name in [
            "manifest.json",
            "report.html",
            "report.txt",
            "labels/risk-notice.txt",
        ] {
            assert!(files.iter().any(|f| f == name), "{marketplace}: {name}");
        }
        // Images for every slot the profile ships, under images/<handle>/<slot>_<n>.jpg.
        let profile = kuajing_marketplace::load(marketplace).unwrap();
        for slot in profile.slots.iter().filter(|s| s.bundle) {
            let first = format!("images/{cherries}/{}_1.jpg", slot.id);
            assert!(
                files.contains(&first),
                "{marketplace}: {first} in {files:?}"
            );
        }
        // The label: every heading, the values there are, missing ones marked and reported.
        let label = String::from_utf8(read(&mut zip, &format!("labels/{cherries}.txt"))).unwrap();
        for heading in [
            "品名",
            "配料",
            "原产国",
            "净含量",
            "保质期",
            "贮存条件",
            "境内代理商",
        ] {
            assert!(
                label.contains(heading),
                "{marketplace}: {heading} in {label}"
            );
        }
        assert!(
            label.contains("907克") && label.contains("上海示例进口贸易有限公司"),
            "{label}"
        );
        assert!(
            label.contains("缺失"),
            "the address and phone are missing: {label}"
        );
        let png = read(&mut zip, &format!("labels/{cherries}.png"));
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let warned = report
            .warnings
            .iter()
            .find(|w| w.handle == cherries)
            .unwrap();
        assert!(
            warned.reasons.iter().any(|r| r.code == "label-missing"
                && r.message.contains("agent's address")
                && !r.message.contains("net content")),
            "{:?}",
            warned.reasons
        );
        let html = String::from_utf8(read(&mut zip, "report.html")).unwrap();
        assert_eq!(
            workbench.bundle_report(&out).unwrap(),
            html,
            "the app reads it back"
        );
        assert!(
            html.contains("<img src=\"data:image/jpeg;base64,"),
            "thumbnails"
        );
        assert!(html.contains(cherries));
    }
}

#[test]
fn the_taobao_assistant_sheet_reads_back_with_its_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let workbench = sample(dir.path());
    let out = dir.path().join("taobao.zip");
    let report = workbench.export("taobao", &out).unwrap();
    let mut zip = Zip::new(std::fs::File::open(&out).unwrap()).unwrap();
    let rows = taobao_rows(&read(&mut zip, "listing.csv"));
    assert_eq!(rows[0], ["version 1.00"]);
    let (keys, headers) = (&rows[1], &rows[2]);
    assert_eq!(keys.len(), 63);
    assert_eq!(headers.len(), 63);
    assert_eq!(
        (keys[0].as_str(), headers[0].as_str()),
        ("title", "宝贝名称")
    );
    let data = &rows[3..];
    assert_eq!(data.len(), report.products, "one row per product");
    let rows: Vec<BTreeMap<&str, &str>> = data
        .iter()
        .map(|r| {
            assert_eq!(r.len(), 63);
            keys.iter()
                .map(String::as_str)
                .zip(r.iter().map(String::as_str))
                .collect()
        })
        .collect();
    let files = names(&zip);
    for row in &rows {
        assert!(!row["title"].is_empty());
        assert_eq!(row["global_stock_country"], "美国");
        assert!(row["price"].parse::<f64>().unwrap() > 0.0);
        // Every picture entry names a .tbi file shipped in listing/, holding a JPEG.
        let entries: Vec<&str> = row["picture"].split_terminator(';').collect();
        assert!(!entries.is_empty(), "{row:?}");
        assert_eq!(row["picture_status"], "2;".repeat(entries.len()));
        for (i, entry) in entries.iter().enumerate() {
            let parts: Vec<&str> = entry.split(':').collect();
            assert_eq!(parts[1..], ["1", &i.to_string(), "|"], "{entry}");
            let tbi = format!("listing/{}.tbi", parts[0]);
            assert!(files.contains(&tbi), "{tbi}");
            assert_eq!(&read(&mut zip, &tbi)[..2], [0xFF, 0xD8], "JPEG bytes");
        }
    }
    let cherries = rows
        .iter()
        .find(|r| r["outer_id"] == "CRO-RAIN-2LB")
        .unwrap();
    // 34.00 USD at 7.2 = 244.80 CNY; 907 g = 0.907 kg.
    assert_eq!(cherries["price"], "244.80");
    assert_eq!(cherries["item_weight"], "0.907");
    assert!(
        !cherries["subtitle"].is_empty(),
        "selling points as the subtitle"
    );
}

#[test]
fn xlsx_and_csv_sheets_read_back_in_each_unit_and_the_bytes_repeat() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let workbench = sample(dir.path());
    for (marketplace, price_key, price) in [
        ("pinduoduo", "sku_list.price", "24480"),
        ("douyin", "spec_prices.price", "24480"),
        ("jd-worldwide", "skus.jdPrice", "244.8"),
    ] {
        let out = dir.path().join(format!("{marketplace}.zip"));
        workbench.export(marketplace, &out).unwrap();
        let mut zip = Zip::new(std::fs::File::open(&out).unwrap()).unwrap();
        let xlsx = read(&mut zip, "listing.xlsx");
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
        let range = book.worksheet_range("listing").unwrap();
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::Float(f) => f.to_string(),
                        Data::Int(i) => i.to_string(),
                        Data::Empty => String::new(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect();
        let keys = &rows[0];
        let col = |key: &str| keys.iter().position(|k| k == key).unwrap();
        let sku = col(if marketplace == "jd-worldwide" {
            "skus.outerId"
        } else if marketplace == "douyin" {
            "spec_prices.code"
        } else {
            "sku_list.out_sku_sn"
        });
        let cherries = rows.iter().find(|r| r[sku] == "CRO-RAIN-2LB").unwrap();
        assert_eq!(cherries[col(price_key)], price, "{marketplace}");

        let csv_bytes = read(&mut zip, "listing.csv");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&csv_bytes[3..]);
        let csv_rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(csv_rows.len(), rows.len(), "{marketplace}: the same rows");
        assert_eq!(&csv_rows[0][0], keys[0].as_str());

        let again = dir.path().join(format!("{marketplace}-again.zip"));
        workbench.export(marketplace, &again).unwrap();
        assert!(
            std::fs::read(&out).unwrap() == std::fs::read(&again).unwrap(),
            "{marketplace}: the same catalog gives the same bytes"
        );
    }
}

/// Every file of the bundle, checked against its manifest entry (size and SHA-256).
fn assert_manifest_true(zip: &mut Zip, what: &str) {
    let manifest: serde_json::Value = serde_json::from_slice(&read(zip, "manifest.json")).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(
        files.len() + 1,
        zip.len(),
        "{what}: the manifest lists every file"
    );
    for entry in files {
        let path = entry["path"].as_str().unwrap();
        let bytes = read(zip, path);
        assert_eq!(entry["bytes"], bytes.len(), "{what}: {path}");
        assert_eq!(
            entry["sha256"].as_str().unwrap(),
            kuajing_bundle::sha256_hex(&bytes),
            "{what}: {path}"
        );
    }
}

#[test]
fn the_manifest_is_true_whether_images_and_labels_are_drawn_or_cached() {
    let dir = tempfile::tempdir().unwrap();
    let workbench = sample(dir.path());
    let renders = dir.path().join("renders");
    let _ = std::fs::remove_dir_all(&renders);
    let first = dir.path().join("first.zip");
    workbench.export("taobao", &first).unwrap();
    let mut zip = Zip::new(std::fs::File::open(&first).unwrap()).unwrap();
    assert_manifest_true(&mut zip, "drawn");
    let labels: Vec<_> = std::fs::read_dir(&renders)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with("-label.png"))
        .collect();
    let products = names(&zip)
        .iter()
        .filter(|n| n.starts_with("labels/") && n.ends_with(".png"))
        .count();
    assert_eq!(labels.len(), products, "one cached drawing per label");

    // A cache written before the parts' hashes were kept: its entries lose them.
    let mut old_entries = 0;
    for entry in std::fs::read_dir(&renders).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let mut meta: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            for part in meta["parts"].as_array_mut().unwrap() {
                let part = part.as_object_mut().unwrap();
                assert!(part.remove("sha256").is_some(), "{}", path.display());
                part.remove("size");
            }
            std::fs::write(&path, serde_json::to_vec(&meta).unwrap()).unwrap();
            old_entries += 1;
        }
    }
    assert!(old_entries > 0);
    let second = dir.path().join("second.zip");
    workbench.export("taobao", &second).unwrap();
    assert!(
        std::fs::read(&first).unwrap() == std::fs::read(&second).unwrap(),
        "the cached images and labels give the same bytes"
    );
    for entry in std::fs::read_dir(&renders).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let meta: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            assert!(
                meta["parts"][0]["sha256"]
                    .as_str()
                    .is_some_and(|h| h.len() == 64),
                "{}: the old entry got its hashes",
                path.display()
            );
        }
    }

    // A cached part of another length than the entry says is drawn again, not shipped.
    let part = std::fs::read_dir(&renders)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "jpg") && !p.to_string_lossy().contains("thumb")
        })
        .unwrap();
    let whole = std::fs::read(&part).unwrap();
    std::fs::write(&part, &whole[..whole.len() / 2]).unwrap();
    let third = dir.path().join("third.zip");
    workbench.export("taobao", &third).unwrap();
    let mut zip = Zip::new(std::fs::File::open(&third).unwrap()).unwrap();
    assert_manifest_true(&mut zip, "a torn cached part");
    // Drawn again, alone (not beside the photo's other slots, so from a decode at another
    // scale: not always the same bytes as before), into the cache and the bundle.
    let redrawn = std::fs::read(&part).unwrap();
    assert!(redrawn.len() > whole.len() / 2 && redrawn.ends_with(&[0xFF, 0xD9]));
    let shipped = names(&zip)
        .into_iter()
        .filter(|n| n.starts_with("images/"))
        .any(|n| read(&mut zip, &n) == redrawn);
    assert!(
        shipped,
        "the bundle holds the image drawn again, not the torn one"
    );

    // A label that says something else is drawn anew.
    let cherries = "rainier-cherries";
    workbench
        .set_product_field(cherries, "storage", "冷藏保存")
        .unwrap();
    let fourth = dir.path().join("fourth.zip");
    workbench.export("taobao", &fourth).unwrap();
    let mut zip = Zip::new(std::fs::File::open(&fourth).unwrap()).unwrap();
    assert_manifest_true(&mut zip, "after an edit");
    let text = String::from_utf8(read(&mut zip, &format!("labels/{cherries}.txt"))).unwrap();
    assert!(text.contains("冷藏保存"), "{text}");
    let drawn = std::fs::read_dir(&renders)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with("-label.png")
        })
        .count();
    assert_eq!(drawn, labels.len() + 1, "the edited label drawn once more");
}
