//! Every statement the per-row paths of this crate run finds its rows through an index
//! (`plan_audit`); `kuajing-core/tests/plans.rs` checks a whole import the same way.

use rusqlite::Connection;

use crate::plan_audit;
use crate::queries::copy::{self, CopyField, Locale};
use crate::queries::{history, images, products, settings};
use crate::test_support::temp_catalog;

/// The distinct statements `work` runs on `conn`.
fn statements(conn: &Connection, work: impl FnOnce(&Connection)) -> Vec<String> {
    plan_audit::record_on(&[conn], || work(conn))
        .into_iter()
        .map(|r| r.sql)
        .collect()
}

fn table_scans(conn: &Connection, sql: &str) -> Vec<String> {
    plan_audit::table_scans(conn, sql).unwrap_or_else(|e| panic!("cannot explain {sql}: {e}"))
}

fn assert_no_scans(conn: &Connection, statements: &[String]) {
    assert!(!statements.is_empty(), "the trace hook recorded nothing");
    let scans: Vec<String> = statements
        .iter()
        .flat_map(|sql| {
            table_scans(conn, sql)
                .into_iter()
                .map(move |s| format!("{s}\n    in: {sql}"))
        })
        .collect();
    assert!(
        scans.is_empty(),
        "statements that walk a whole table:\n{}",
        scans.join("\n")
    );
}

#[test]
fn importing_and_editing_a_product_finds_every_row_through_an_index() {
    let (_dir, catalog) = temp_catalog();
    let conn = catalog.connect().unwrap();
    for handle in ["a", "b"] {
        products::upsert(&conn, &products::tests::sample(handle), "import").unwrap();
    }
    let run = statements(&conn, |conn| {
        let mut c = products::tests::sample("c");
        c.images = vec![crate::NewImage {
            src: "https://example.com/c.jpg".into(),
            ..Default::default()
        }];
        products::upsert(conn, &c, "import").unwrap();
        products::upsert(conn, &c, "import").unwrap();
        c.variants[0].price_cents = Some(1);
        products::upsert(conn, &c, "import").unwrap();
        products::id_of(conn, "c").unwrap();
        products::sku_owner(conn, "c-2LB", "a").unwrap();
        copy::set_based(
            conn,
            "c",
            Locale::ZhCn,
            CopyField::Title,
            "樱桃",
            "",
            "edit",
        )
        .unwrap();
        let id = products::id_of(conn, "c").unwrap();
        copy::get(conn, id, Locale::ZhCn, CopyField::Title).unwrap();
        products::set_fields(
            conn,
            "c",
            &crate::ProductFields {
                brand_zh: Some("果园".into()),
                ..Default::default()
            },
            "edit",
        )
        .unwrap();
        products::get(conn, "c").unwrap();
        products::variants(conn, id).unwrap();
        products::attributes(conn, id).unwrap();
        let image = images::for_product(conn, id).unwrap().remove(0);
        images::set_media(conn, image.id, "abc.jpg").unwrap();
        images::media_of(conn, image.id).unwrap();
        images::set_error(conn, image.id, "{}").unwrap();
        images::pending(conn, Some("c")).unwrap();
        history::for_product(conn, "c").unwrap();
        settings::rate(conn).unwrap();
    });
    assert_no_scans(&conn, &run);
}

#[test]
fn the_product_list_walks_the_products_once_and_finds_the_rest_through_indexes() {
    let (_dir, catalog) = temp_catalog();
    let conn = catalog.connect().unwrap();
    products::upsert(&conn, &products::tests::sample("a"), "import").unwrap();
    crate::queries::search::refresh(&conn).unwrap();
    let run = statements(&conn, |conn| {
        // A search's few matches are looked up by id; the whole list walks its index.
        crate::queries::list::summaries(conn, "cherries").unwrap();
        crate::queries::list::summaries(conn, "").unwrap();
    });
    let scans: Vec<String> = run.iter().flat_map(|sql| table_scans(&conn, sql)).collect();
    // The products counted, then read in list order from the front of their index (until
    // the page is full); nothing else is walked.
    assert_eq!(
        scans,
        vec![
            "SCAN products USING COVERING INDEX products_list".to_owned(),
            "SCAN p USING INDEX products_list".to_owned()
        ],
        "{run:?}"
    );
}

#[test]
fn the_scan_detector_sees_a_table_walk() {
    let (_dir, catalog) = temp_catalog();
    let conn = catalog.connect().unwrap();
    let scans = table_scans(&conn, "SELECT id FROM variants WHERE barcode = ?1");
    assert_eq!(scans, vec!["SCAN variants".to_owned()]);
    // The SKU check as it was: the partial index's `sku <> ''` is not implied by `sku = ?1`.
    let old = "SELECT p.handle FROM variants v JOIN products p ON p.id = v.product_id
               WHERE v.sku = ?1 AND p.handle <> ?2";
    assert_eq!(
        table_scans(&conn, old).len(),
        1,
        "{:?}",
        table_scans(&conn, old)
    );
}

#[test]
fn review_states_and_stale_flags_find_their_rows_through_indexes() {
    use crate::queries::review::{self, Change, ReviewState};
    let (_dir, catalog) = temp_catalog();
    let conn = catalog.connect().unwrap();
    for handle in ["a", "b"] {
        products::upsert(&conn, &products::tests::sample(handle), "import").unwrap();
        let id = products::id_of(&conn, handle).unwrap();
        copy::set(&conn, id, Locale::ZhCn, CopyField::Title, "樱桃", "edit").unwrap();
    }
    let run = statements(&conn, |conn| {
        let id = products::id_of(conn, "a").unwrap();
        let change = Change {
            state: ReviewState::Approved,
            who: "mei",
            comment: Some("好"),
            source: "review",
        };
        review::set(conn, id, Locale::ZhCn, CopyField::Title, change).unwrap();
        review::state(conn, id, Locale::ZhCn, CopyField::Title).unwrap();
        // An import that changes the English: the stale check runs once per product.
        let mut a = products::tests::sample("a");
        a.title_en.push_str(" XL");
        products::upsert(conn, &a, "import").unwrap();
    });
    assert_no_scans(&conn, &run);
}
