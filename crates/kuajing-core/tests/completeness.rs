//! Completeness on the sample catalog (assets/sample): what each product lacks per
//! marketplace, counted once and again only for the product that changed, and its CSV.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use kuajing_catalog::Catalog;
use kuajing_core::{CopyField, Locale, Rules, Workbench};

#[test]
fn completeness_names_what_is_missing_and_follows_each_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let workbench = Workbench::open(&path, Rules::new("en").unwrap()).unwrap();
    workbench.load_sample().unwrap();

    let all = workbench.completeness("tmall-global").unwrap();
    assert_eq!(all.len(), workbench.products("", false).unwrap().len());
    let almonds = all
        .iter()
        .find(|c| c.handle == "california-almonds")
        .unwrap();
    // 13 fields + 2 slots; the sample has photos, a price, a brand, an origin and a net
    // content drafted from its sizes, and no Chinese yet.
    assert!(almonds.percent < 100);
    for item in ["title_zh", "description_zh", "hs_code", "agent_name"] {
        assert!(
            almonds.missing.iter().any(|m| m == item),
            "{item}: {almonds:?}"
        );
    }
    assert!(
        !almonds
            .missing
            .iter()
            .any(|m| m == "net_content" || m.starts_with("slot:"))
    );
    assert!(almonds.missing_names.iter().any(|n| n == "HS code"));

    // Every product is stored now; a save forgets just that one, and the next read counts it.
    let catalog = Catalog::open(&path).unwrap();
    let conn = catalog.connect().unwrap();
    let stamp_rows = |conn: &kuajing_catalog::rusqlite::Connection| {
        conn.query_row(
            "SELECT count(*) FROM completeness WHERE marketplace = 'tmall-global'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
    };
    assert_eq!(stamp_rows(&conn) as usize, all.len());
    workbench
        .set_product_field("california-almonds", "hs_code", "0802120000")
        .unwrap();
    assert_eq!(stamp_rows(&conn) as usize, all.len() - 1);
    let again = workbench.completeness("tmall-global").unwrap();
    let after = again
        .iter()
        .find(|c| c.handle == "california-almonds")
        .unwrap();
    assert!(
        after.percent > almonds.percent,
        "{} -> {}",
        almonds.percent,
        after.percent
    );
    assert!(!after.missing.iter().any(|m| m == "hs_code"));

    // A title with an error finding is not complete; a clean one is.
    workbench
        .set_copy(
            "california-almonds",
            CopyField::Title,
            Locale::ZhCn,
            "最好的美国巴旦木",
            None,
            "tmall-global",
            "edit",
        )
        .unwrap();
    let with_error = workbench
        .product_completeness("california-almonds")
        .unwrap();
    let tmall = with_error
        .iter()
        .find(|m| m.marketplace == "tmall-global")
        .unwrap();
    assert!(
        tmall.completeness.missing.iter().any(|m| m == "title_zh"),
        "{tmall:?}"
    );
    assert_eq!(with_error.len(), 5, "one bar per marketplace");
    workbench
        .set_copy(
            "california-almonds",
            CopyField::Title,
            Locale::ZhCn,
            "美国加州巴旦木 454克",
            None,
            "tmall-global",
            "edit",
        )
        .unwrap();
    let clean = workbench
        .product_completeness("california-almonds")
        .unwrap();
    let tmall = clean
        .iter()
        .find(|m| m.marketplace == "tmall-global")
        .unwrap();
    assert!(
        !tmall.completeness.missing.iter().any(|m| m == "title_zh"),
        "{tmall:?}"
    );
    // Douyin also needs a white-background image; same photos, so same slots present.
    let douyin = clean.iter().find(|m| m.marketplace == "douyin").unwrap();
    assert!(
        !douyin
            .completeness
            .missing
            .iter()
            .any(|m| m.starts_with("slot:"))
    );

    let csv = dir.path().join("completeness.csv");
    let count = workbench.export_completeness("tmall-global", &csv).unwrap();
    let bytes = std::fs::read(&csv).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), count);
    let row = records
        .iter()
        .find(|r| &r[0] == "california-almonds")
        .unwrap();
    assert_eq!(row[1].parse::<u8>().unwrap(), tmall.completeness.percent);
    assert!(row[2].contains("Chinese description"), "{row:?}");
}

#[test]
fn validation_lists_what_the_export_leaves_out_and_the_export_agrees() {
    let (dir, workbench) = support::sample();
    workbench.set_rate(7.2, "2026-12-01").unwrap();
    let report = workbench
        .draft_empty_fields(
            &[],
            "taobao",
            &std::sync::atomic::AtomicBool::new(false),
            |_| {},
        )
        .unwrap();
    assert!(report.failures.is_empty());
    // One title with a banned absolute term: an error, so that product stays out.
    workbench
        .set_copy(
            "chandler-walnuts",
            CopyField::Title,
            Locale::ZhCn,
            "最好的美国核桃",
            None,
            "taobao",
            "edit",
        )
        .unwrap();
    let validation = workbench.validate_export("taobao").unwrap();
    assert_eq!(validation.blocked, 1, "{validation:#?}");
    let first = &validation.products[0];
    assert_eq!(
        first.handle, "chandler-walnuts",
        "left-out products come first"
    );
    assert!(!first.exports);
    let title = first
        .issues
        .iter()
        .find(|i| i.item == "title_zh" && i.severity == kuajing_copy::Severity::Error)
        .unwrap();
    assert_eq!(title.message.code, "copy-error");
    // Warnings name each missing item, in English.
    let others = validation.products.iter().find(|p| p.exports).unwrap();
    assert!(
        others
            .issues
            .iter()
            .any(|i| i.item == "hs_code" && i.message.message.contains("HS code")),
        "{others:#?}"
    );

    let out = dir.path().join("taobao.zip");
    let exported = workbench.export("taobao", &out).unwrap();
    assert_eq!(exported.products, validation.ready);
    assert_eq!(exported.skipped.len(), validation.blocked);
    assert_eq!(exported.skipped[0].handle, "chandler-walnuts");
}

#[test]
fn the_list_filters_to_the_products_not_complete_for_a_marketplace() {
    let (_dir, workbench) = support::sample();
    let all = workbench.products("", false).unwrap().len();
    let page = |incomplete| {
        workbench
            .products_page(
                &kuajing_core::ProductQuery {
                    marketplace: Some("taobao".into()),
                    incomplete,
                    ..Default::default()
                },
                0,
                Some(100),
                false,
            )
            .unwrap()
    };
    assert_eq!(page(true).total, all, "nothing is complete yet");

    // Everything Taobao requires for the almonds (the label data was drafted at import).
    let handle = "california-almonds";
    for (field, text) in [
        (CopyField::Title, "美国加州巴旦木 454克"),
        (CopyField::Description, "产自加州萨克拉门托河谷的家庭农场。"),
    ] {
        workbench
            .set_copy(handle, field, Locale::ZhCn, text, None, "taobao", "edit")
            .unwrap();
    }
    workbench
        .set_product_field(handle, "hs_code", "0802120000")
        .unwrap();
    for (field, value) in [
        ("agent_name", "上海示例进口贸易有限公司"),
        ("agent_address", "上海市浦东新区示例路1号"),
        ("agent_phone", "021-5555-0100"),
    ] {
        workbench
            .set_vendor_field("Harvest Hill Nut Farm", field, value)
            .unwrap();
    }
    let done = workbench.product_completeness(handle).unwrap();
    let taobao = done.iter().find(|m| m.marketplace == "taobao").unwrap();
    assert_eq!(taobao.completeness.percent, 100, "{taobao:?}");

    let incomplete = page(true);
    assert_eq!(incomplete.total, all - 1);
    assert!(incomplete.items.iter().all(|p| p.handle != handle));
    assert!(
        incomplete
            .items
            .iter()
            .all(|p| p.completeness.is_some_and(|c| c < 100))
    );
    let everything = page(false);
    assert_eq!(everything.total, all);
    let row = everything
        .items
        .iter()
        .find(|p| p.handle == handle)
        .unwrap();
    assert_eq!(row.completeness, Some(100));
}

#[test]
fn a_product_page_counts_that_product_alone() {
    let (_dir, workbench) = support::sample();
    let bars = workbench
        .product_completeness("california-almonds")
        .unwrap();
    assert!(bars.len() >= 2, "a bar per marketplace: {bars:?}");
    let conn = kuajing_catalog::rusqlite::Connection::open(workbench.catalog_path()).unwrap();
    let counted: Vec<String> = conn
        .prepare(
            "SELECT DISTINCT p.handle FROM completeness c JOIN products p ON p.id = c.product_id",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        counted,
        ["california-almonds"],
        "the other products wait until a list or an export asks for them"
    );
}
