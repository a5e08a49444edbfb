//! Stored completeness per product and marketplace (table `completeness`): the percent of the
//! profile's required items a product has, and which it lacks. The core computes; this module
//! keeps the rows and says which are missing. Triggers (`migrations/0006_completeness.sql`)
//! forget a product's rows when anything they were computed from changes, and each row names
//! the `rules` stamp it was made with: a row under other rules does not count.

use rusqlite::{Connection, OptionalExtension, params};

use crate::Result;

/// A product's completeness for one marketplace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub product_id: i64,
    pub handle: String,
    pub percent: u8,
    /// The items missing, by name (`title_zh`, `slot:main`, …).
    pub missing: Vec<String>,
}

/// Products with no row for `marketplace` under `rules`, as (id, handle), in id order.
pub fn uncounted(conn: &Connection, marketplace: &str, rules: &str) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.handle FROM products p
         WHERE NOT EXISTS (SELECT 1 FROM completeness c
                           WHERE c.product_id = p.id AND c.marketplace = ?1 AND c.rules = ?2)
         ORDER BY p.id",
    )?;
    let rows = stmt.query_map(params![marketplace, rules], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Stores (or replaces) one product's row.
pub fn store(
    conn: &Connection,
    product_id: i64,
    marketplace: &str,
    rules: &str,
    percent: u8,
    missing: &[String],
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO completeness (product_id, marketplace, rules, percent, missing)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        product_id,
        marketplace,
        rules,
        percent,
        serde_json::to_string(missing)?
    ])?;
    Ok(())
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, String, u8, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn parse((product_id, handle, percent, missing): (i64, String, u8, String)) -> Result<Stored> {
    Ok(Stored {
        product_id,
        handle,
        percent,
        missing: serde_json::from_str(&missing)?,
    })
}

/// One product's stored row under `rules`, if there is one.
pub fn get(
    conn: &Connection,
    product_id: i64,
    marketplace: &str,
    rules: &str,
) -> Result<Option<Stored>> {
    let found = conn
        .prepare_cached(
            "SELECT c.product_id, p.handle, c.percent, c.missing
             FROM completeness c JOIN products p ON p.id = c.product_id
             WHERE c.product_id = ?1 AND c.marketplace = ?2 AND c.rules = ?3",
        )?
        .query_row(params![product_id, marketplace, rules], row)
        .optional()?;
    found.map(parse).transpose()
}

/// Every product's stored row under `rules`, in the product list's order (vendor, then id).
pub fn all(conn: &Connection, marketplace: &str, rules: &str) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.product_id, p.handle, c.percent, c.missing
         FROM completeness c JOIN products p ON p.id = c.product_id
         WHERE c.marketplace = ?1 AND c.rules = ?2
         ORDER BY p.vendor COLLATE NOCASE, p.id",
    )?;
    let rows = stmt.query_map(params![marketplace, rules], row)?;
    rows.map(|r| parse(r?)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::{copy, products};
    use crate::test_support::temp_catalog;
    use crate::{CopyField, Locale};

    #[test]
    fn rows_are_forgotten_when_the_product_changes_and_kept_otherwise() {
        let (_dir, catalog) = temp_catalog();
        let mut conn = catalog.connect().unwrap();
        let tx = crate::write_tx(&mut conn).unwrap();
        products::upsert(&tx, &products::tests::sample("a"), "import").unwrap();
        products::upsert(&tx, &products::tests::sample("b"), "import").unwrap();
        tx.commit().unwrap();
        let ids: Vec<i64> = uncounted(&conn, "m", "r1")
            .unwrap()
            .iter()
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(ids.len(), 2);
        for id in &ids {
            store(&conn, *id, "m", "r1", 50, &["hs_code".into()]).unwrap();
        }
        assert!(uncounted(&conn, "m", "r1").unwrap().is_empty());
        assert_eq!(
            uncounted(&conn, "m", "r2").unwrap().len(),
            2,
            "other rules count again"
        );
        let a = get(&conn, ids[0], "m", "r1").unwrap().unwrap();
        assert_eq!(
            (a.percent, a.missing.as_slice()),
            (50, &["hs_code".to_owned()][..])
        );
        // A copy edit on `a` forgets only `a`.
        copy::set(
            &conn,
            ids[0],
            Locale::ZhCn,
            CopyField::Title,
            "樱桃",
            "edit",
        )
        .unwrap();
        let left: Vec<String> = uncounted(&conn, "m", "r1")
            .unwrap()
            .into_iter()
            .map(|(_, h)| h)
            .collect();
        assert_eq!(left, ["a"]);
        // A merchant field on `b`, and a vendor's agent for both.
        products::set_fields(
            &conn,
            "b",
            &products::ProductFields {
                hs_code: Some("0809290000".into()),
                ..Default::default()
            },
            "edit",
        )
        .unwrap();
        assert_eq!(uncounted(&conn, "m", "r1").unwrap().len(), 2);
        for id in &ids {
            store(&conn, *id, "m", "r1", 100, &[]).unwrap();
        }
        crate::queries::vendors::set(&conn, "Columbia Orchard", "agent_name", "上海", "edit")
            .unwrap();
        assert_eq!(uncounted(&conn, "m", "r1").unwrap().len(), 2);
        assert_eq!(all(&conn, "m", "r1").unwrap().len(), 0);
    }
}
