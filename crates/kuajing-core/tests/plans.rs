//! Nothing the app does once per product walks a whole table (issue 13): a real Shopify
//! export imported, imported again unchanged and changed, a product opened, copy saved,
//! label fields and a vendor's agent set, completeness counted and the list paged and
//! searched, with every statement any connection runs recorded (SQLite's trace hook,
//! `kuajing_catalog::plan_audit`) and each one's query plan asked for. A statement that
//! walks a table may run once per operation (loading the glossary); one run per product is
//! what made an import grow with the square of the file.

#![allow(clippy::unwrap_used)] // a panic is the failure report

use std::path::PathBuf;

use kuajing_catalog::plan_audit;
use kuajing_core::{CopyField, Locale, ProductQuery, Rules, Workbench};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/shopify")
        .join(name)
}

/// How often a table walk may run in the work below: once per operation, and no operation
/// is repeated more than this. The hair-care export has 84 products.
const MAX_RUNS: usize = 6;

#[test]
fn per_product_statements_find_their_rows_through_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let workbench = Workbench::open(&path, Rules::new("en").unwrap()).unwrap();
    let export = fixture("hair-care-store-export.csv");
    let handle = std::cell::RefCell::new(String::new());
    // This binary holds this one test: every connection opened meanwhile is the import's.
    let recorded = plan_audit::record(|| {
        let report = workbench.import(&export, false).unwrap();
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert!(report.added.len() > 50);
        let again = workbench.import(&export, false).unwrap();
        assert_eq!(again.unchanged.len(), report.added.len());
        workbench.import(&fixture("apparel.csv"), true).unwrap();
        workbench.import(&fixture("jewelery.csv"), false).unwrap();
        workbench.set_rate(7.2, "2026-12-01").unwrap();
        let first = workbench.products("", false).unwrap().remove(0).handle;
        workbench.product(&first).unwrap();
        workbench
            .set_copy(
                &first,
                CopyField::Title,
                Locale::ZhCn,
                "美国洗发水 500毫升",
                None,
                "tmall-global",
                "edit",
            )
            .unwrap();
        workbench
            .set_product_field(&first, "hs_code", "3305100000")
            .unwrap();
        let vendor = workbench.product(&first).unwrap().vendor;
        workbench
            .set_vendor_field(&vendor, "agent_name", "上海某贸易有限公司")
            .unwrap();
        for (search, incomplete) in [("", false), ("shampoo", true), ("洗发水", false)] {
            workbench
                .products_page(
                    &ProductQuery {
                        search: search.into(),
                        marketplace: Some("tmall-global".into()),
                        incomplete,
                        ..Default::default()
                    },
                    0,
                    Some(50),
                    false,
                )
                .unwrap();
        }
        *handle.borrow_mut() = first;
    });
    assert!(
        recorded.iter().any(|r| r.runs >= 84),
        "per-product statements were recorded: {:?}",
        recorded.iter().map(|r| r.runs).max()
    );
    // A connection as the catalog opens them: with its functions (kuajing_now()).
    let conn = kuajing_catalog::Catalog::open(&path)
        .unwrap()
        .connect()
        .unwrap();
    let walks = plan_audit::walks(&conn, &recorded, MAX_RUNS).unwrap();
    assert!(
        walks.is_empty(),
        "statements run per product that walk a whole table:\n{}",
        walks.join("\n")
    );
    assert!(!handle.borrow().is_empty());
}
