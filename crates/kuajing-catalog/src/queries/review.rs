//! Review state per product × locale × field (table `review`), and the review events, which
//! are rows of `history` (field `review:<field>`, old and new state, `who`, `comment`).
//!
//! Each row remembers the English the translation was made from and its SHA-256. When the
//! English changes ([`source_changed`], called by `copy::set` inside the writer's
//! transaction), the field is flagged stale, and a `reviewed` or `approved` one drops to
//! `translated`. Which transitions a reviewer may make is the core's business
//! (`kuajing_core::review`); this module stores what it is told.

use crate::CachedStatements as _;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Result;
use crate::queries::copy::{self, CopyField, Locale};

/// The fields that are reviewed (the four drafting fills; SEO copy is the merchant's).
pub const REVIEWED_FIELDS: [CopyField; 4] = [
    CopyField::Title,
    CopyField::ShortTitle,
    CopyField::SellingPoints,
    CopyField::Description,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewState {
    Draft,
    Translated,
    Reviewed,
    Approved,
    Rejected,
}

impl ReviewState {
    pub const ALL: [ReviewState; 5] = [
        ReviewState::Draft,
        ReviewState::Translated,
        ReviewState::Reviewed,
        ReviewState::Approved,
        ReviewState::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Draft => "draft",
            ReviewState::Translated => "translated",
            ReviewState::Reviewed => "reviewed",
            ReviewState::Approved => "approved",
            ReviewState::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<ReviewState> {
        ReviewState::ALL
            .into_iter()
            .find(|state| state.as_str() == s)
    }
}

/// The prefix of a review event's `history.field`: `review:title`.
pub const EVENT_PREFIX: &str = "review:";

/// The history source of a state dropped because the English changed.
pub const STALE_SOURCE: &str = "stale";

/// SHA-256 of `text` in lowercase hex.
pub fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Registers `kuajing_sha256(text)` (= [`hash`]) on `conn`, for migrations.
pub(crate) fn register_hash(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "kuajing_sha256",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(hash(&ctx.get::<String>(0)?)),
    )
}

/// The English a field's translation is made from: the English title for the title and the
/// short title, the Body HTML for the description, both (title, blank line, Body HTML) for
/// the selling points. `migrations/0003_review.sql` computes the same for existing copy.
pub fn source_text(conn: &Connection, product_id: i64, field: CopyField) -> Result<String> {
    let en = |f| copy::get(conn, product_id, Locale::En, f);
    Ok(match field {
        CopyField::Description => en(CopyField::Description)?,
        CopyField::SellingPoints => {
            format!(
                "{}\n\n{}",
                en(CopyField::Title)?,
                en(CopyField::Description)?
            )
        }
        _ => en(CopyField::Title)?,
    })
}

/// The field's state, if it has one.
pub fn state(
    conn: &Connection,
    product_id: i64,
    locale: Locale,
    field: CopyField,
) -> Result<Option<(ReviewState, bool)>> {
    let row = conn
        .row_cached(
            "SELECT state, stale FROM review WHERE product_id = ?1 AND locale = ?2 AND field = ?3",
            params![product_id, locale.as_str(), field.as_str()],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)),
        )
        .optional()?;
    Ok(row.and_then(|(s, stale)| ReviewState::parse(&s).map(|s| (s, stale))))
}

/// What a state change is.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    pub state: ReviewState,
    /// Who made it (a reviewer's name; `""` for the catalog itself).
    pub who: &'a str,
    pub comment: Option<&'a str>,
    /// The history source: `review`, or the save's (`edit`, `cli`, `draft`…).
    pub source: &'a str,
}

/// Sets the field's state, made from the English it has now, not stale; records the event
/// in history when the state changes or a comment is given. Returns the state it had.
pub fn set(
    conn: &Connection,
    product_id: i64,
    locale: Locale,
    field: CopyField,
    change: Change<'_>,
) -> Result<Option<ReviewState>> {
    let before = state(conn, product_id, locale, field)?;
    let source = source_text(conn, product_id, field)?;
    conn.exec_cached(
        "INSERT INTO review (product_id, locale, field, state, stale, source_en, source_hash, who)
         VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7)
         ON CONFLICT (product_id, locale, field)
         DO UPDATE SET state = excluded.state, stale = 0, source_en = excluded.source_en,
                       source_hash = excluded.source_hash, who = excluded.who,
                       at = kuajing_now()",
        params![
            product_id,
            locale.as_str(),
            field.as_str(),
            change.state.as_str(),
            source,
            hash(&source),
            change.who
        ],
    )?;
    let old = before.map(|(s, _)| s);
    if (old.is_some() && old != Some(change.state)) || change.comment.is_some() {
        record(conn, product_id, locale, field, old, change)?;
    }
    Ok(old)
}

/// Forgets the field's state (its text was emptied).
pub fn clear(conn: &Connection, product_id: i64, locale: Locale, field: CopyField) -> Result<()> {
    conn.exec_cached(
        "DELETE FROM review WHERE product_id = ?1 AND locale = ?2 AND field = ?3",
        params![product_id, locale.as_str(), field.as_str()],
    )?;
    Ok(())
}

fn record(
    conn: &Connection,
    product_id: i64,
    locale: Locale,
    field: CopyField,
    old: Option<ReviewState>,
    change: Change<'_>,
) -> Result<()> {
    conn.exec_cached(
        "INSERT INTO history (product_id, handle, field, locale, old, new, source, who, comment)
         SELECT id, handle, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM products WHERE id = ?1",
        params![
            product_id,
            format!("{EVENT_PREFIX}{}", field.as_str()),
            locale.as_str(),
            old.map(ReviewState::as_str),
            change.state.as_str(),
            change.source,
            change.who,
            change.comment
        ],
    )?;
    Ok(())
}

/// The product's English changed (`copy::set` calls this in the writer's transaction): every
/// reviewed field whose English is no longer the one it was made from is flagged stale, and a
/// `reviewed` or `approved` one drops to `translated` (history source [`STALE_SOURCE`]),
/// keeping its text and the English it was made from. Fields whose English is the same keep
/// their state. Returns how many fields became stale.
pub fn source_changed(conn: &Connection, product_id: i64) -> Result<usize> {
    let rows: Vec<(String, String, String)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT locale, field, source_hash FROM review WHERE product_id = ?1 AND stale = 0",
        )?;
        stmt.query_map([product_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?
    };
    let mut flagged = 0;
    for (locale, field_name, source_hash) in rows {
        let Some(field) = REVIEWED_FIELDS
            .into_iter()
            .find(|f| f.as_str() == field_name)
        else {
            continue;
        };
        if hash(&source_text(conn, product_id, field)?) == source_hash {
            continue;
        }
        flagged += 1;
        let before: String = conn.row_cached(
            "UPDATE review SET stale = 1 WHERE product_id = ?1 AND locale = ?2 AND field = ?3
             RETURNING state",
            params![product_id, locale, field_name],
            |r| r.get(0),
        )?;
        let before = ReviewState::parse(&before);
        if matches!(before, Some(ReviewState::Reviewed | ReviewState::Approved)) {
            conn.exec_cached(
                "UPDATE review SET state = 'translated', who = '',
                   at = kuajing_now()
                 WHERE product_id = ?1 AND locale = ?2 AND field = ?3",
                params![product_id, locale, field_name],
            )?;
            conn.exec_cached(
                "INSERT INTO history (product_id, handle, field, locale, old, new, source, who)
                 SELECT id, handle, ?2, ?3, ?4, 'translated', ?5, '' FROM products WHERE id = ?1",
                params![
                    product_id,
                    format!("{EVENT_PREFIX}{field_name}"),
                    locale,
                    before.map(ReviewState::as_str),
                    STALE_SOURCE
                ],
            )?;
        }
    }
    Ok(flagged)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::queries::products;
    use crate::test_support::temp_catalog;

    /// A reviewer's change to `state`, by mei, without a comment.
    pub(crate) fn change(state: ReviewState) -> Change<'static> {
        Change {
            state,
            who: "mei",
            comment: None,
            source: "review",
        }
    }

    #[test]
    fn the_hash_is_sha256() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn an_english_change_flags_only_the_fields_made_from_it_and_drops_approval() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        let mut p = products::tests::sample("cherries");
        products::upsert(&conn, &p, "import").unwrap();
        let id = products::id_of(&conn, "cherries").unwrap();
        for field in [CopyField::Title, CopyField::Description] {
            copy::set(&conn, id, Locale::ZhCn, field, "樱桃", "edit").unwrap();
            set(
                &conn,
                id,
                Locale::ZhCn,
                field,
                change(ReviewState::Approved),
            )
            .unwrap();
        }
        // The same file again changes nothing.
        products::upsert(&conn, &p, "import").unwrap();
        assert_eq!(
            state(&conn, id, Locale::ZhCn, CopyField::Title).unwrap(),
            Some((ReviewState::Approved, false))
        );
        p.title_en = format!("{} XL", p.title_en);
        products::upsert(&conn, &p, "import").unwrap();
        assert_eq!(
            state(&conn, id, Locale::ZhCn, CopyField::Title).unwrap(),
            Some((ReviewState::Translated, true))
        );
        assert_eq!(
            state(&conn, id, Locale::ZhCn, CopyField::Description).unwrap(),
            Some((ReviewState::Approved, false))
        );
        let rows = crate::queries::review_queue::rows(
            &conn,
            "zh-CN",
            &crate::queries::review_queue::RowFilter::default(),
        )
        .unwrap();
        let title = rows.iter().find(|r| r.field == "title").unwrap();
        assert!(title.english.ends_with(" XL"));
        assert_eq!(format!("{} XL", title.source_en), title.english);
        let events: Vec<_> = crate::queries::history::for_product(&conn, "cherries")
            .unwrap()
            .into_iter()
            .filter(|e| e.field == "review:title")
            .collect();
        assert_eq!(events[0].source, STALE_SOURCE);
        assert_eq!(events[0].old.as_deref(), Some("approved"));
        assert_eq!(events[0].new.as_deref(), Some("translated"));
    }
}
