//! Variant option values in Chinese, one row per (option name, value) in the catalog, reused
//! by every product that has it. [`draft_missing`] fills values that have none yet (an import
//! drafts every new value at once); [`set`] overrides one and records it in the history
//! (handle `''`, field `option:<name>:<value>`).

use crate::CachedStatements as _;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::Result;
use crate::queries::history;

/// A value some variant uses, with its Chinese form (`zh` empty when none yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct OptionValue {
    pub name: String,
    pub value: String,
    pub zh: String,
    /// Where the Chinese came from: units, glossary, tm, same (kept as written), user.
    pub source: String,
    /// How many products use it.
    pub products: u32,
}

/// Every (name, value) the variants use, with how many products use it, in name then value
/// order; and, where there is one, its Chinese form.
pub fn list(conn: &Connection) -> Result<Vec<OptionValue>> {
    let mut stmt = conn.prepare_cached(
        "WITH used AS (
             SELECT json_extract(p.option_names, '$[' || o.key || ']') AS name,
                    o.value AS value, count(DISTINCT p.id) AS products
             FROM products p JOIN variants v ON v.product_id = p.id, json_each(v.options) o
             WHERE o.value IS NOT NULL AND o.value <> ''
             GROUP BY 1, 2)
         SELECT used.name, used.value, coalesce(ov.zh, ''), coalesce(ov.source, ''), used.products
         FROM used LEFT JOIN option_values ov ON ov.name = used.name AND ov.value = used.value
         WHERE used.name IS NOT NULL
         ORDER BY used.name, used.value",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(OptionValue {
            name: r.get(0)?,
            value: r.get(1)?,
            zh: r.get(2)?,
            source: r.get(3)?,
            products: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The Chinese form of one value, if it has one.
pub fn get(conn: &Connection, name: &str, value: &str) -> Result<Option<String>> {
    Ok(conn
        .row_cached(
            "SELECT zh FROM option_values WHERE name = ?1 AND value = ?2",
            params![name, value],
            |r| r.get(0),
        )
        .optional()?)
}

/// Stores a drafted form for a value that has none (never replacing one). Returns whether it
/// was stored.
pub fn draft(conn: &Connection, name: &str, value: &str, zh: &str, source: &str) -> Result<bool> {
    let added = conn.exec_cached(
        "INSERT INTO option_values (name, value, zh, source) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (name, value) DO NOTHING",
        params![name, value, zh, source],
    )?;
    if added > 0 {
        history::record_catalog(
            conn,
            &format!("option:{name}:{value}"),
            Some("zh-CN"),
            None,
            Some(zh),
            &format!("draft:{source}"),
        )?;
    }
    Ok(added > 0)
}

/// Sets a value's Chinese form (the merchant's override), recording the change. Returns
/// whether anything changed.
pub fn set(conn: &Connection, name: &str, value: &str, zh: &str, source: &str) -> Result<bool> {
    let old = get(conn, name, value)?;
    if old.as_deref() == Some(zh) {
        return Ok(false);
    }
    conn.exec_cached(
        "INSERT INTO option_values (name, value, zh, source) VALUES (?1, ?2, ?3, 'user')
         ON CONFLICT (name, value) DO UPDATE SET zh = excluded.zh, source = 'user',
             updated_at = kuajing_now()",
        params![name, value, zh],
    )?;
    history::record_catalog(
        conn,
        &format!("option:{name}:{value}"),
        Some("zh-CN"),
        old.as_deref(),
        Some(zh),
        source,
    )?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::products::{self, NewVariant};
    use crate::test_support::temp_catalog;

    fn product(handle: &str, sizes: &[&str]) -> products::NewProduct {
        let mut p = products::tests::sample(handle);
        p.option_names = vec!["Size".into()];
        p.variants = sizes
            .iter()
            .enumerate()
            .map(|(i, s)| NewVariant {
                sku: Some(format!("{handle}-{i}")),
                options: vec![(*s).into()],
                ..NewVariant::default()
            })
            .collect();
        p
    }

    #[test]
    fn values_are_listed_once_with_their_product_count_and_drafts_never_overwrite() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        products::upsert(&conn, &product("cherries", &["2 lb", "5 lb"]), "import").unwrap();
        products::upsert(&conn, &product("walnuts", &["2 lb"]), "import").unwrap();
        let untranslated = |conn: &Connection| -> Vec<(String, String)> {
            list(conn)
                .unwrap()
                .into_iter()
                .filter(|v| v.zh.is_empty())
                .map(|v| (v.name, v.value))
                .collect()
        };
        assert_eq!(
            untranslated(&conn),
            [
                ("Size".into(), "2 lb".into()),
                ("Size".into(), "5 lb".into())
            ]
        );
        assert!(draft(&conn, "Size", "2 lb", "907克", "units").unwrap());
        assert!(set(&conn, "Size", "5 lb", "2.27千克", "cli").unwrap());
        assert!(!draft(&conn, "Size", "5 lb", "5磅", "units").unwrap());
        let listed = list(&conn).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(
            (
                listed[0].zh.as_str(),
                listed[0].source.as_str(),
                listed[0].products
            ),
            ("907克", "units", 2)
        );
        assert_eq!(
            (
                listed[1].zh.as_str(),
                listed[1].source.as_str(),
                listed[1].products
            ),
            ("2.27千克", "user", 1)
        );
        assert!(untranslated(&conn).is_empty());
        let edits: i64 = conn
            .row_cached(
                "SELECT count(*) FROM history WHERE field LIKE 'option:%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(edits, 2);
    }
}
