//! Bulk edits: one change to the merchant fields of many products (brand, origin, HS code, the
//! brand's Chinese name), in the caller's transaction, with one history row per product and
//! field changed. The rows share a batch number (`history.batch`), so [`undo`] puts the whole
//! edit back at once, and the undo is a batch of its own.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::queries::products::{self, ProductFields};
use crate::{CachedStatements as _, Error, Result};

/// What a bulk edit did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BulkEdit {
    /// The edit's batch number, for [`undo`].
    #[ts(type = "number")]
    pub batch: i64,
    /// How many products it was asked to change.
    pub products: usize,
    /// How many of them changed (the others already held the values).
    pub changed: usize,
    /// Handles whose field was not put back by an undo: changed again since the edit, and
    /// kept as they are now. Empty for an edit.
    pub kept: Vec<String>,
}

/// The next batch number.
fn next_batch(conn: &Connection) -> Result<i64> {
    Ok(conn.row_cached(
        "SELECT coalesce(max(batch), 0) + 1 FROM history WHERE batch IS NOT NULL",
        [],
        |r| r.get(0),
    )?)
}

fn last_history_id(conn: &Connection) -> Result<i64> {
    Ok(conn.row_cached("SELECT coalesce(max(id), 0) FROM history", [], |r| r.get(0))?)
}

/// Gives every history row written after `after` the batch number `batch`, and says how many
/// products they touch.
fn close_batch(conn: &Connection, batch: i64, after: i64) -> Result<usize> {
    conn.exec_cached(
        "UPDATE history SET batch = ?1 WHERE id > ?2",
        params![batch, after],
    )?;
    let n: i64 = conn.row_cached(
        "SELECT count(DISTINCT product_id) FROM history WHERE batch = ?1",
        [batch],
        |r| r.get(0),
    )?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Sets `fields` (those given) on every product in `handles`, each change kept in history
/// under one new batch. Run it in a write transaction: all or nothing.
pub fn set_fields(
    conn: &Connection,
    handles: &[String],
    fields: &ProductFields,
    source: &str,
) -> Result<BulkEdit> {
    let batch = next_batch(conn)?;
    let after = last_history_id(conn)?;
    for handle in handles {
        products::set_fields(conn, handle, fields, source)?;
    }
    let changed = close_batch(conn, batch, after)?;
    Ok(BulkEdit {
        batch,
        products: handles.len(),
        changed,
        kept: Vec::new(),
    })
}

/// Puts back every field bulk edit `batch` changed, unless it was changed again since (then it
/// is kept, and its product named in [`BulkEdit::kept`]). The undo's changes are kept in
/// history as a batch of their own (whose undo redoes the edit).
pub fn undo(conn: &Connection, batch: i64, source: &str) -> Result<BulkEdit> {
    let mut stmt = conn.prepare_cached(
        "SELECT handle, field, coalesce(old, ''), coalesce(new, '') FROM history
         WHERE batch = ?1 AND product_id IS NOT NULL ORDER BY id DESC",
    )?;
    let rows = stmt
        .query_map([batch], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if rows.is_empty() {
        return Err(Error::NoBatch(batch));
    }
    let undo = next_batch(conn)?;
    let after = last_history_id(conn)?;
    let mut kept = Vec::new();
    let mut products = std::collections::BTreeSet::new();
    for (handle, field, old, new) in rows {
        let Some(fields) = ProductFields::one(&field, &old) else {
            continue;
        };
        products.insert(handle.clone());
        if products::get(conn, &handle)?.field(&field) != Some(new.as_str()) {
            if !kept.contains(&handle) {
                kept.push(handle);
            }
            continue;
        }
        products::set_fields(conn, &handle, &fields, source)?;
    }
    let changed = close_batch(conn, undo, after)?;
    Ok(BulkEdit {
        batch: undo,
        products: products.len(),
        changed,
        kept,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::products::{tests::sample, upsert};
    use crate::test_support::temp_catalog;

    #[test]
    fn one_batch_changes_many_products_and_one_undo_puts_them_back() {
        let (_dir, catalog) = temp_catalog();
        let mut conn = catalog.connect().unwrap();
        let handles: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        for h in &handles {
            upsert(&conn, &sample(h), "import").unwrap();
        }
        // b already holds the origin: it is not a change.
        let origin = ProductFields::one("origin", "加拿大").unwrap();
        products::set_fields(&conn, "b", &origin, "edit").unwrap();

        let fields = ProductFields {
            origin: Some("加拿大".into()),
            hs_code: Some("0809290000".into()),
            ..ProductFields::default()
        };
        let tx = crate::write_tx(&mut conn).unwrap();
        let edit = set_fields(&tx, &handles, &fields, "bulk").unwrap();
        tx.commit().unwrap();
        assert_eq!((edit.products, edit.changed), (3, 3));
        for h in &handles {
            let row = products::get(&conn, h).unwrap();
            assert_eq!(
                (row.origin.as_str(), row.hs_code.as_str()),
                ("加拿大", "0809290000")
            );
        }
        let in_batch: i64 = conn
            .query_row(
                "SELECT count(*) FROM history WHERE batch = ?1",
                [edit.batch],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(in_batch, 5, "one row per product and field changed");

        // c's HS code is changed again after the edit: the undo keeps it.
        let hs = ProductFields::one("hs_code", "0802120000").unwrap();
        products::set_fields(&conn, "c", &hs, "edit").unwrap();
        let tx = crate::write_tx(&mut conn).unwrap();
        let undone = undo(&tx, edit.batch, "undo").unwrap();
        tx.commit().unwrap();
        assert_eq!(undone.kept, ["c"]);
        assert_ne!(undone.batch, edit.batch);
        let a = products::get(&conn, "a").unwrap();
        assert_eq!((a.origin.as_str(), a.hs_code.as_str()), ("美国", ""));
        let b = products::get(&conn, "b").unwrap();
        assert_eq!(b.origin, "加拿大", "b's origin was its own before the edit");
        let c = products::get(&conn, "c").unwrap();
        assert_eq!(
            (c.origin.as_str(), c.hs_code.as_str()),
            ("美国", "0802120000")
        );

        // The undo is a batch too: undoing it redoes the edit where nothing changed since.
        let tx = crate::write_tx(&mut conn).unwrap();
        undo(&tx, undone.batch, "undo").unwrap();
        tx.commit().unwrap();
        assert_eq!(products::get(&conn, "a").unwrap().hs_code, "0809290000");
        assert!(matches!(undo(&conn, 999, "undo"), Err(Error::NoBatch(999))));
    }

    #[test]
    fn a_failed_bulk_edit_changes_nothing() {
        let (_dir, catalog) = temp_catalog();
        let mut conn = catalog.connect().unwrap();
        upsert(&conn, &sample("a"), "import").unwrap();
        let handles = ["a".to_owned(), "missing".to_owned()];
        let fields = ProductFields::one("origin", "加拿大").unwrap();
        let tx = crate::write_tx(&mut conn).unwrap();
        assert!(set_fields(&tx, &handles, &fields, "bulk").is_err());
        drop(tx);
        assert_eq!(products::get(&conn, "a").unwrap().origin, "美国");
    }
}
