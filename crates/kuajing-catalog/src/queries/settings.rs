//! Merchant settings, one JSON value per key.

use crate::CachedStatements as _;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::Result;

/// The merchant's USD→CNY exchange rate and the day it was taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Rate {
    pub usd_cny: f64,
    /// `YYYY-MM-DD`.
    pub date: String,
}

const RATE: &str = "rate.usd_cny";

/// A setting's stored text, if set.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .row_cached("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Removes a setting.
pub fn remove(conn: &Connection, key: &str) -> Result<()> {
    conn.exec_cached("DELETE FROM settings WHERE key = ?1", [key])?;
    Ok(())
}

/// Stores a setting's text.
pub fn put(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.exec_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub fn rate(conn: &Connection) -> Result<Option<Rate>> {
    let value: Option<String> = conn
        .row_cached("SELECT value FROM settings WHERE key = ?1", [RATE], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(value.map(|v| serde_json::from_str(&v)).transpose()?)
}

pub fn set_rate(conn: &Connection, rate: &Rate) -> Result<()> {
    conn.exec_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![RATE, serde_json::to_string(rate)?],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_catalog;

    #[test]
    fn rate_is_absent_until_set_then_replaced() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        assert_eq!(rate(&conn).unwrap(), None);
        let first = Rate {
            usd_cny: 7.1,
            date: "2026-11-01".into(),
        };
        set_rate(&conn, &first).unwrap();
        let second = Rate {
            usd_cny: 7.25,
            date: "2026-11-25".into(),
        };
        set_rate(&conn, &second).unwrap();
        assert_eq!(rate(&conn).unwrap(), Some(second));
    }
}
