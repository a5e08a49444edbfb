//! The translation memory: every Chinese segment a person saved, with its English source.
//! Matching lives in `kuajing-tm`; this module only stores and reads the pairs.

use crate::CachedStatements as _;
use rusqlite::{Connection, params};

use crate::Result;

/// One stored pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmRow {
    pub id: i64,
    pub field: String,
    pub source: String,
    pub target: String,
    pub handle: String,
}

/// Stores a pair (or refreshes its date and product when it is already there).
pub fn add(conn: &Connection, field: &str, source: &str, target: &str, handle: &str) -> Result<()> {
    conn.exec_cached(
        "INSERT INTO tm (field, source, target, handle) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (source, target) DO UPDATE SET field = excluded.field,
             handle = excluded.handle, updated_at = kuajing_now()",
        params![field, source, target, handle],
    )?;
    Ok(())
}

/// Every pair, oldest first.
pub fn all(conn: &Connection) -> Result<Vec<TmRow>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, field, source, target, handle FROM tm ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(TmRow {
            id: r.get(0)?,
            field: r.get(1)?,
            source: r.get(2)?,
            target: r.get(3)?,
            handle: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A number that changes whenever a pair is added or refreshed: callers keep an index built
/// from [`all`] until it changes.
pub fn generation(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn.row_cached(
        "SELECT count(*), coalesce(max(updated_at), '') FROM tm",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_catalog;

    #[test]
    fn a_pair_is_stored_once_and_the_generation_moves() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        let empty = generation(&conn).unwrap();
        add(
            &conn,
            "title",
            "Rainier Cherries",
            "雷尼尔车厘子",
            "cherries",
        )
        .unwrap();
        let one = generation(&conn).unwrap();
        assert_ne!(empty, one);
        add(
            &conn,
            "title",
            "Rainier Cherries",
            "雷尼尔车厘子",
            "cherries-2",
        )
        .unwrap();
        let rows = all(&conn).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].handle, "cherries-2");
    }
}
