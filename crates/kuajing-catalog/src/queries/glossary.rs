//! The glossary (termbase): English terms with their approved Chinese, forbidden variants and
//! a note. Every change goes through [`put`] or [`remove`], which record it in the history
//! (handle `''`, field `glossary:<en>`); the shipped seed goes through [`seed`], which only
//! fills terms the catalog does not have yet and never overwrites the merchant's.

use crate::CachedStatements as _;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::queries::history;

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct GlossaryTerm {
    pub en: String,
    pub zh: String,
    /// Chinese variants that must not be used for this term.
    #[serde(default)]
    pub forbidden: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// What kind of term: product, variety, region, pack, quality, brand … (drafting uses it).
    #[serde(default)]
    pub category: String,
    /// `seed` (shipped with the app) or `user`.
    #[serde(default = "user")]
    pub origin: String,
}

fn user() -> String {
    "user".to_owned()
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(GlossaryTerm, String)> {
    Ok((
        GlossaryTerm {
            en: r.get(0)?,
            zh: r.get(1)?,
            forbidden: Vec::new(),
            note: r.get(3)?,
            category: r.get(4)?,
            origin: r.get(5)?,
        },
        r.get::<_, String>(2)?,
    ))
}

const COLUMNS: &str = "en, zh, forbidden, note, category, origin";

fn finish(rows: Vec<(GlossaryTerm, String)>) -> Result<Vec<GlossaryTerm>> {
    rows.into_iter()
        .map(|(mut term, forbidden)| {
            term.forbidden = serde_json::from_str(&forbidden)?;
            Ok(term)
        })
        .collect()
}

/// Every term, by English term (case-insensitively).
pub fn all(conn: &Connection) -> Result<Vec<GlossaryTerm>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM glossary ORDER BY en COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([], row)?.collect::<Result<Vec<_>, _>>()?;
    finish(rows)
}

/// The term for `en` (case-insensitive), if any.
pub fn get(conn: &Connection, en: &str) -> Result<Option<GlossaryTerm>> {
    let found = conn
        .row_cached(
            &format!("SELECT {COLUMNS} FROM glossary WHERE en = ?1 COLLATE NOCASE"),
            [en],
            row,
        )
        .optional()?;
    Ok(finish(found.into_iter().collect())?.pop())
}

/// Changes whenever a term is added, changed or removed: callers keep a matcher built from
/// [`all`] until it does.
pub fn generation(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn.row_cached(
        "SELECT count(*), coalesce(max(updated_at), '') || ':' || coalesce(sum(id), 0) FROM glossary",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.row_cached("SELECT count(*) FROM glossary", [], |r| r.get(0))?)
}

/// How the history shows a term: `zh` and, when there are any, the forbidden variants and note.
fn shown(term: &GlossaryTerm) -> String {
    let mut text = term.zh.clone();
    if !term.forbidden.is_empty() {
        text.push_str(&format!(" (not: {})", term.forbidden.join(", ")));
    }
    if !term.note.is_empty() {
        text.push_str(&format!(" [{}]", term.note));
    }
    text
}

/// Adds or replaces the term for `term.en`, recording the change. Returns whether anything
/// changed.
pub fn put(conn: &Connection, term: &GlossaryTerm, source: &str) -> Result<bool> {
    let old = get(conn, &term.en)?;
    if old.as_ref().is_some_and(|o| {
        o.en == term.en
            && o.zh == term.zh
            && o.forbidden == term.forbidden
            && o.note == term.note
            && o.category == term.category
    }) {
        return Ok(false);
    }
    conn.exec_cached(
        "INSERT INTO glossary (en, zh, forbidden, note, category, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (en COLLATE NOCASE) DO UPDATE SET en = excluded.en, zh = excluded.zh,
             forbidden = excluded.forbidden, note = excluded.note, category = excluded.category,
             origin = excluded.origin,
             updated_at = kuajing_now()",
        params![
            term.en,
            term.zh,
            serde_json::to_string(&term.forbidden)?,
            term.note,
            term.category,
            term.origin
        ],
    )?;
    history::record_catalog(
        conn,
        &format!("glossary:{}", term.en),
        Some("zh-CN"),
        old.as_ref().map(shown).as_deref(),
        Some(&shown(term)),
        source,
    )?;
    Ok(true)
}

/// Removes the term for `en`, recording it. Returns whether there was one.
pub fn remove(conn: &Connection, en: &str, source: &str) -> Result<bool> {
    let Some(old) = get(conn, en)? else {
        return Ok(false);
    };
    conn.exec_cached("DELETE FROM glossary WHERE en = ?1 COLLATE NOCASE", [en])?;
    history::record_catalog(
        conn,
        &format!("glossary:{}", old.en),
        Some("zh-CN"),
        Some(&shown(&old)),
        None,
        source,
    )?;
    Ok(true)
}

/// Adds the shipped terms the catalog does not have (by English term); a term the merchant
/// has, edited or removed-and-re-added, is left alone. Returns how many were added.
pub fn seed(conn: &Connection, terms: &[GlossaryTerm]) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO glossary (en, zh, forbidden, note, category, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, 'seed') ON CONFLICT (en COLLATE NOCASE) DO NOTHING",
    )?;
    let mut added = 0;
    for term in terms {
        added += stmt.execute(params![
            term.en,
            term.zh,
            serde_json::to_string(&term.forbidden)?,
            term.note,
            term.category
        ])?;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_catalog;

    fn term(en: &str, zh: &str) -> GlossaryTerm {
        GlossaryTerm {
            en: en.into(),
            zh: zh.into(),
            forbidden: vec!["樱桃".into()],
            note: "J/JJ sizes".into(),
            category: "product".into(),
            origin: "user".into(),
        }
    }

    #[test]
    fn terms_are_kept_by_english_case_insensitively_with_history() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        assert!(put(&conn, &term("Cherries", "车厘子"), "cli").unwrap());
        assert!(!put(&conn, &term("Cherries", "车厘子"), "cli").unwrap());
        assert!(put(&conn, &term("cherries", "大樱桃"), "cli").unwrap());
        let all = all(&conn).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(
            (all[0].en.as_str(), all[0].zh.as_str()),
            ("cherries", "大樱桃")
        );
        assert_eq!(all[0].forbidden, ["樱桃"]);
        assert!(remove(&conn, "CHERRIES", "cli").unwrap());
        assert_eq!(count(&conn).unwrap(), 0);
        let fields: Vec<(String, Option<String>, Option<String>)> = conn
            .prepare("SELECT field, old, new FROM history WHERE handle = '' ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(fields.len(), 3);
        assert_eq!(fields[0].0, "glossary:Cherries");
        assert_eq!(fields[0].1, None);
        assert_eq!(fields[2].2, None);
    }

    #[test]
    fn the_seed_never_overwrites_the_merchants_terms() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        put(&conn, &term("Cherries", "大樱桃"), "cli").unwrap();
        let added = seed(
            &conn,
            &[term("cherries", "车厘子"), term("Walnuts", "核桃")],
        )
        .unwrap();
        assert_eq!(added, 1);
        assert_eq!(get(&conn, "cherries").unwrap().unwrap().zh, "大樱桃");
        assert_eq!(get(&conn, "walnuts").unwrap().unwrap().origin, "seed");
    }
}
