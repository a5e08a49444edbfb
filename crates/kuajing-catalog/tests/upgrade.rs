//! A catalog written by every earlier schema (tests/fixtures/catalogs/) opens with today's
//! build at the latest schema, with nothing lost: every row of every table it had is still
//! there with the same values in the columns it had.

#![allow(clippy::unwrap_used)] // a panic is the failure report

use std::collections::BTreeMap;
use std::path::Path;

use kuajing_catalog::Catalog;
use kuajing_catalog::rusqlite::Connection;
use kuajing_catalog::rusqlite::types::Value;

type Tables = BTreeMap<String, Vec<Vec<(String, Value)>>>;

/// Every row of every table, as (column, value) pairs, in rowid order; with `only`, just the
/// columns those tables had.
fn snapshot(conn: &Connection, only: Option<&Tables>) -> Tables {
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut tables = Tables::new();
    // Afterwards, only the tables the catalog had (a new FTS5 table's shadow tables have no
    // rowid to order by).
    for table in names
        .into_iter()
        .filter(|t| only.is_none_or(|o| o.contains_key(t)))
    {
        let columns: Vec<String> = match only
            .and_then(|o| o.get(&table))
            .and_then(|rows| rows.first())
        {
            Some(row) => row.iter().map(|(c, _)| c.clone()).collect(),
            None => conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect(),
        };
        let list = columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = conn
            .prepare(&format!("SELECT {list} FROM \"{table}\" ORDER BY rowid"))
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok(columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.clone(), r.get::<_, Value>(i).unwrap()))
                    .collect())
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        tables.insert(table, rows);
    }
    tables
}

fn version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn every_earlier_catalog_upgrades_with_nothing_lost() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/catalogs");
    let mut seen = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let fixture = entry.unwrap().path();
        if fixture.extension().is_none_or(|e| e != "sqlite") {
            continue;
        }
        seen += 1;
        let name = fixture.display().to_string();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.sqlite");
        std::fs::copy(&fixture, &path).unwrap();
        let (before, old_version) = {
            let conn = Connection::open(&path).unwrap();
            (snapshot(&conn, None), version(&conn))
        };
        assert!(
            before.get("products").is_some_and(|rows| !rows.is_empty()),
            "{name}"
        );

        let catalog = Catalog::open(&path).unwrap();
        let conn = catalog.connect().unwrap();
        let latest = version(&conn);
        let after = snapshot(&conn, Some(&before));
        for (table, rows) in &before {
            let now = after
                .get(table)
                .unwrap_or_else(|| panic!("{name}: table {table} is gone"));
            assert_eq!(now, rows, "{name}: rows of {table} changed");
        }
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        // Schema 8: every product is found by its handle once the catalog opens, and the
        // Chinese titles by a word in them.
        let handles: Vec<String> = conn
            .prepare("SELECT handle FROM products")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for handle in &handles {
            let found = kuajing_catalog::queries::list::summaries(&conn, handle).unwrap();
            assert!(
                found.iter().any(|s| &s.handle == handle),
                "{name}: {handle}"
            );
        }
        let found = kuajing_catalog::queries::list::summaries(&conn, "樱桃").unwrap();
        assert!(
            !found.is_empty(),
            "{name}: the Chinese titles are searchable"
        );
        let backup = dir.path().join(format!("catalog.bak-v{old_version}"));
        assert_eq!(backup.exists(), latest > old_version, "{name}");
        // The upgraded catalog takes edits.
        let id: i64 = conn
            .query_row("SELECT id FROM products ORDER BY id LIMIT 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        kuajing_catalog::queries::copy::set(
            &conn,
            id,
            kuajing_catalog::Locale::ZhCn,
            kuajing_catalog::CopyField::Description,
            "新描述",
            "test",
        )
        .unwrap();
    }
    assert!(seen > 0, "no catalog fixtures in {}", fixtures.display());
}

/// Schema 3 (review): the v1 catalog's one Chinese title, saved by a person (`cli`), becomes
/// `translated`, made from the English title it has now.
#[test]
fn existing_chinese_copy_gets_a_review_state_and_the_hash_of_its_english() {
    use kuajing_catalog::queries::review::{self, ReviewState};
    use kuajing_catalog::queries::review_queue;
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/catalogs/v1-sample.sqlite");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    std::fs::copy(&fixture, &path).unwrap();
    let catalog = Catalog::open(&path).unwrap();
    let conn = catalog.connect().unwrap();
    let zh: i64 = conn
        .query_row(
            "SELECT count(*) FROM copy WHERE locale = 'zh-CN' AND text <> ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let rows = review_queue::rows(&conn, "zh-CN", &review_queue::RowFilter::default()).unwrap();
    assert_eq!(rows.len() as i64, zh);
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(row.state, ReviewState::Translated, "{row:?}");
        assert!(!row.stale);
        assert_eq!(row.source_en, row.english);
        let stored: String = conn
            .query_row(
                "SELECT source_hash FROM review WHERE product_id = ?1 AND field = ?2",
                kuajing_catalog::rusqlite::params![row.product_id, row.field],
                |r| r.get(0),
            )
            .unwrap();
        let field = review::REVIEWED_FIELDS
            .into_iter()
            .find(|f| f.as_str() == row.field)
            .unwrap();
        let source = review::source_text(&conn, row.product_id, field).unwrap();
        assert_eq!(stored, review::hash(&source));
    }
}
