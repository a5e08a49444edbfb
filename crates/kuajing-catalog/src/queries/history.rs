//! The edit history: one row per change to copy or product fields, newest last. Review state
//! changes are rows too (field `review:<field>`, old and new state, `who`, `comment`: see
//! `review.rs`), so one id order holds text and state changes.

use crate::CachedStatements as _;
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::Result;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct HistoryEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub handle: String,
    pub field: String,
    pub locale: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub source: String,
    /// Who changed a review state (`review:<field>` entries): a reviewer's name, `""` for
    /// the catalog itself (a state dropped because the English changed).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub who: Option<String>,
    /// The comment left with a review state change.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub comment: Option<String>,
}

pub fn record(
    conn: &Connection,
    product_id: i64,
    field: &str,
    locale: Option<&str>,
    old: Option<&str>,
    new: Option<&str>,
    source: &str,
) -> Result<()> {
    conn.exec_cached(
        "INSERT INTO history (product_id, handle, field, locale, old, new, source, at)
         SELECT id, handle, ?2, ?3, ?4, ?5, ?6, kuajing_now() FROM products WHERE id = ?1",
        params![product_id, field, locale, old, new, source],
    )?;
    Ok(())
}

/// Records a catalog-wide change (the glossary, an option value): no product, handle `''`.
pub fn record_catalog(
    conn: &Connection,
    field: &str,
    locale: Option<&str>,
    old: Option<&str>,
    new: Option<&str>,
    source: &str,
) -> Result<()> {
    conn.exec_cached(
        "INSERT INTO history (product_id, handle, field, locale, old, new, source, at)
         VALUES (NULL, '', ?1, ?2, ?3, ?4, ?5, kuajing_now())",
        params![field, locale, old, new, source],
    )?;
    Ok(())
}

/// A product's history, newest first.
pub fn for_product(conn: &Connection, handle: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, handle, field, locale, old, new, source, who, comment FROM history
         WHERE handle = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([handle], |r| {
        Ok(HistoryEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            handle: r.get(2)?,
            field: r.get(3)?,
            locale: r.get(4)?,
            old: r.get(5)?,
            new: r.get(6)?,
            source: r.get(7)?,
            who: r.get(8)?,
            comment: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
