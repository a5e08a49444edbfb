//! Listing copy per locale and field. Every change goes through [`set`], which records it in
//! the history in the same transaction (and, for English, flags the translations made from
//! the old text stale: `review::source_changed`).

use crate::CachedStatements as _;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::queries::{history, products, review};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CopyField {
    Title,
    /// 卖点: up to a profile's number of lines, one point per line.
    SellingPoints,
    Description,
    /// A short name for places with little room (not SEO).
    ShortTitle,
    SeoTitle,
    SeoDescription,
}

impl CopyField {
    pub fn as_str(self) -> &'static str {
        match self {
            CopyField::Title => "title",
            CopyField::SellingPoints => "selling_points",
            CopyField::Description => "description",
            CopyField::ShortTitle => "short_title",
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
        .row_cached(
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
    write(
        conn,
        product_id,
        locale,
        field,
        text,
        old.as_deref(),
        source,
    )?;
    // Translations made from the old English are now stale.
    if locale == Locale::En {
        review::source_changed(conn, product_id)?;
    }
    Ok(true)
}

/// [`set`] for a product created in this transaction: it has no copy, history or review yet,
/// so nothing is read first and no translation can go stale. An import writes 40,000 such
/// rows for 20,000 products.
pub fn set_new(
    conn: &Connection,
    product_id: i64,
    locale: Locale,
    field: CopyField,
    text: &str,
    source: &str,
) -> Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    write(conn, product_id, locale, field, text, None, source)
}

/// Writes the copy and its history row (`old`: what it replaces).
fn write(
    conn: &Connection,
    product_id: i64,
    locale: Locale,
    field: CopyField,
    text: &str,
    old: Option<&str>,
    source: &str,
) -> Result<()> {
    conn.exec_cached(
        "INSERT INTO copy (product_id, locale, field, text, updated_at)
         VALUES (?1, ?2, ?3, ?4, kuajing_now())
         ON CONFLICT (product_id, locale, field)
         DO UPDATE SET text = excluded.text,
                       updated_at = kuajing_now()",
        params![product_id, locale.as_str(), field.as_str(), text],
    )?;
    kuajing_files::failpoint("copy-write");
    history::record(
        conn,
        product_id,
        field.as_str(),
        Some(locale.as_str()),
        old,
        Some(text),
        source,
    )
}

/// Stores `text` as the handle's copy, but only if the catalog still holds `base`, the text
/// the edit started from (`""` for copy never written). Otherwise someone else saved in
/// between, and overwriting their text silently would lose it: the edit is refused with
/// [`Error::CopyConflict`] carrying what the catalog holds now. Saving the text already there
/// is never a conflict. Returns whether anything changed.
pub fn set_based(
    conn: &Connection,
    handle: &str,
    locale: Locale,
    field: CopyField,
    text: &str,
    base: &str,
    source: &str,
) -> Result<bool> {
    let product_id = products::id_of(conn, handle)?;
    let theirs = stored(conn, product_id, locale, field)?.unwrap_or_default();
    if theirs != base && theirs != text {
        return Err(Error::CopyConflict {
            handle: handle.to_owned(),
            field: field.as_str().to_owned(),
            theirs,
        });
    }
    set(conn, product_id, locale, field, text, source)
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
        let tx = crate::write_tx(&mut conn).unwrap();
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

    #[test]
    fn an_edit_based_on_text_that_is_no_longer_there_is_refused_and_the_other_edit_survives() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        products::upsert(&conn, &products::tests::sample("cherries"), "import").unwrap();
        let zh = |conn: &Connection| {
            let id = products::id_of(conn, "cherries").unwrap();
            get(conn, id, Locale::ZhCn, CopyField::Title).unwrap()
        };
        // Two editors open the same empty title.
        let first = set_based(
            &conn,
            "cherries",
            Locale::ZhCn,
            CopyField::Title,
            "樱桃",
            "",
            "a",
        );
        assert!(first.unwrap());
        let second = set_based(
            &conn,
            "cherries",
            Locale::ZhCn,
            CopyField::Title,
            "车厘子",
            "",
            "b",
        );
        match second.unwrap_err() {
            Error::CopyConflict {
                theirs,
                field,
                handle,
            } => {
                assert_eq!(
                    (theirs.as_str(), field.as_str(), handle.as_str()),
                    ("樱桃", "title", "cherries")
                );
            }
            other => panic!("expected a conflict, got {other}"),
        }
        assert_eq!(zh(&conn), "樱桃");
        // Keeping mine after seeing theirs: the edit is now based on their text.
        assert!(
            set_based(
                &conn,
                "cherries",
                Locale::ZhCn,
                CopyField::Title,
                "车厘子",
                "樱桃",
                "b"
            )
            .unwrap()
        );
        assert_eq!(zh(&conn), "车厘子");
        // The same text as the catalog holds is no conflict, whatever the base.
        assert!(
            !set_based(
                &conn,
                "cherries",
                Locale::ZhCn,
                CopyField::Title,
                "车厘子",
                "old",
                "c"
            )
            .unwrap()
        );
    }
}
