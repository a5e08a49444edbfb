//! Listing copy per locale and field. Every change goes through [`set`], which records it in
//! the history in the same transaction.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::queries::history;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CopyField {
    Title,
    Description,
    SeoTitle,
    SeoDescription,
}

impl CopyField {
    pub fn as_str(self) -> &'static str {
        match self {
            CopyField::Title => "title",
            CopyField::Description => "description",
            CopyField::SeoTitle => "seo_title",
            CopyField::SeoDescription => "seo_description",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub enum Locale {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }
}

pub fn get(conn: &Connection, product_id: i64, locale: Locale, field: CopyField) -> Result<String> {
    Ok(stored(conn, product_id, locale, field)?.unwrap_or_default())
}

/// The stored text, or `None` when this copy was never written.
fn stored(
    conn: &Connection,
    product_id: i64,
    locale: Locale,
    field: CopyField,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT text FROM copy WHERE product_id = ?1 AND locale = ?2 AND field = ?3",
            params![product_id, locale.as_str(), field.as_str()],
            |r| r.get::<_, String>(0),
        )
        .optional()?)
}

/// Stores `text` and records the change in history. Returns whether anything changed.
pub fn set(
    conn: &Connection,
    product_id: i64,
    locale: Locale,
    field: CopyField,
    text: &str,
    source: &str,
) -> Result<bool> {
    let old = stored(conn, product_id, locale, field)?;
    if old.as_deref() == Some(text) || (old.is_none() && text.is_empty()) {
        return Ok(false);
    }
    conn.execute(
        "INSERT INTO copy (product_id, locale, field, text) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (product_id, locale, field)
         DO UPDATE SET text = excluded.text,
                       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        params![product_id, locale.as_str(), field.as_str(), text],
    )?;
    history::record(
        conn,
        product_id,
        field.as_str(),
        Some(locale.as_str()),
        old.as_deref(),
        Some(text),
        source,
    )?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::{history, products};
    use crate::test_support::temp_catalog;

    #[test]
    fn every_change_is_kept_in_history_and_no_op_writes_are_not() {
        let (_dir, catalog) = temp_catalog();
        let mut conn = catalog.connect().unwrap();
        let tx = conn.transaction().unwrap();
        let product = products::tests::sample("cherries");
        products::upsert(&tx, &product, "import").unwrap();
        tx.commit().unwrap();
        let id = products::id_of(&conn, "cherries").unwrap();

        assert!(
            set(
                &conn,
                id,
                Locale::ZhCn,
                CopyField::Title,
                "华盛顿樱桃",
                "edit"
            )
            .unwrap()
        );
        assert!(
            !set(
                &conn,
                id,
                Locale::ZhCn,
                CopyField::Title,
                "华盛顿樱桃",
                "edit"
            )
            .unwrap()
        );
        assert!(
            set(
                &conn,
                id,
                Locale::ZhCn,
                CopyField::Title,
                "华盛顿车厘子",
                "edit"
            )
            .unwrap()
        );
        assert_eq!(
            get(&conn, id, Locale::ZhCn, CopyField::Title).unwrap(),
            "华盛顿车厘子"
        );

        let entries = history::for_product(&conn, "cherries").unwrap();
        let zh: Vec<_> = entries
            .iter()
            .filter(|e| e.locale.as_deref() == Some("zh-CN"))
            .collect();
        assert_eq!(zh.len(), 2);
        assert_eq!(zh[0].old.as_deref(), Some("华盛顿樱桃"));
        assert_eq!(zh[0].new.as_deref(), Some("华盛顿车厘子"));
        assert_eq!(zh[1].old, None);
    }
}
