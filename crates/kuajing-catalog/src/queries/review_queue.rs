//! The review queue: the reviewed fields a filter picks, a page at a time, with the counts
//! the progress shows, and the comment threads. Split from [`super::review`], which stores the
//! states and flags stale fields; this module only reads.

use rusqlite::{Connection, params};

use crate::Result;
use crate::queries::copy::CopyField;
use crate::queries::review::{EVENT_PREFIX, ReviewState};

/// One field's review row.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub product_id: i64,
    pub handle: String,
    pub vendor: String,
    pub locale: String,
    pub field: String,
    pub state: ReviewState,
    pub stale: bool,
    /// The English the translation was made from.
    pub source_en: String,
    pub who: String,
    pub at: String,
    /// The Chinese (or other locale's) text.
    pub text: String,
    /// The English the field is made from now.
    pub english: String,
}

/// A comment left with a state change.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentRow {
    pub product_id: i64,
    pub field: String,
    pub locale: String,
    pub state: Option<String>,
    pub who: String,
    pub at: String,
    pub comment: String,
}

/// Which review rows to read. `None` means any.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowFilter<'a> {
    pub state: Option<ReviewState>,
    pub stale: Option<bool>,
    /// The product's vendor, case-insensitive.
    pub vendor: Option<&'a str>,
    /// Contained in the handle, the text or the English (ASCII case-insensitive; `%` and `_`
    /// are themselves).
    pub text: Option<&'a str>,
    /// One product's field.
    pub only: Option<(i64, CopyField)>,
    /// Only fields with (`true`) or without findings, as stored in `findings` (the caller
    /// stores the missing counts first: a field without one counts as clean).
    pub findings: Option<FindingsFilter<'a>>,
    /// The page of [`rows`]: skip `offset`, then at most `limit` (`None`: all).
    pub offset: u32,
    pub limit: Option<u32>,
}

/// Fields with or without findings for `marketplace` under the `rules` stamp.
#[derive(Debug, Clone, Copy)]
pub struct FindingsFilter<'a> {
    pub has: bool,
    pub marketplace: &'a str,
    pub rules: &'a str,
}

/// The English a row is made from, in SQL (as [`source_text`] computes it).
const ENGLISH_SQL: &str = "CASE r.field WHEN 'description' THEN coalesce(d.text, '')
    WHEN 'selling_points' THEN coalesce(t.text, '') || char(10) || char(10) || coalesce(d.text, '')
    ELSE coalesce(t.text, '') END";

/// The field's text (`c`) and the English title (`t`) and Body HTML (`d`) it is made from.
const COPY_JOINS_SQL: &str = "
    LEFT JOIN copy c ON c.product_id = r.product_id AND c.locale = r.locale AND c.field = r.field
    LEFT JOIN copy t ON t.product_id = r.product_id AND t.locale = 'en' AND t.field = 'title'
    LEFT JOIN copy d ON d.product_id = r.product_id AND d.locale = 'en' AND d.field = 'description'";

/// The queue's order within a product: title, short title, selling points, description.
const RANK_SQL: &str = "CASE r.field WHEN 'title' THEN 0 WHEN 'short_title' THEN 1
    WHEN 'selling_points' THEN 2 ELSE 3 END";

/// The products whose texts contain the search, once per query, each with a mask of which
/// texts do: bits 0-3 the reviewed fields of the locale (as [`RANK_SQL`]), 4 the English
/// title, 5 the English Body HTML, 6 the handle. A field then matches with one lookup and
/// [`FIELD_BITS_SQL`], not a join and a LIKE per field: the English of a product is searched
/// once, not once per field made from it. (Each text is one row of `copy`, so the sum of its
/// bits is their union.)
const SEARCH_SQL: &str = "
    INSERT INTO temp.review_search (product_id, mask)
    SELECT product_id, sum(bit) FROM (
        SELECT product_id,
               1 << CASE WHEN locale = 'en' THEN CASE field WHEN 'title' THEN 4 ELSE 5 END
                         ELSE CASE field WHEN 'title' THEN 0 WHEN 'short_title' THEN 1
                                         WHEN 'selling_points' THEN 2 ELSE 3 END END AS bit
        FROM copy
        WHERE ((locale = 'en' AND field IN ('title', 'description'))
               OR (locale = ?1
                   AND field IN ('title', 'short_title', 'selling_points', 'description')))
          AND text LIKE ?2 ESCAPE '\\'
        UNION ALL
        SELECT id, 64 FROM products WHERE handle LIKE ?2 ESCAPE '\\')
    GROUP BY product_id";

/// The bits of [`SEARCH_SQL`]'s mask a field matches by: its own text, the English it is made
/// from (the title for the title and short title, the Body HTML for the description, both for
/// the selling points), and the handle.
const FIELD_BITS_SQL: &str = "CASE r.field WHEN 'title' THEN 81 WHEN 'short_title' THEN 82
    WHEN 'selling_points' THEN 116 ELSE 104 END";

/// The scope of `filter` (locale, vendor, one field, text) on the parameters of [`bind`]. The
/// text is found in the handle, the field's text, and the English the field is made from.
fn scope_sql(filter: &RowFilter<'_>) -> String {
    let mut sql = String::from(
        "r.locale = ?1
         AND (?4 IS NULL OR r.product_id IN
                (SELECT id FROM products WHERE vendor = ?4 COLLATE NOCASE))
         AND (?6 IS NULL OR (r.product_id = ?6 AND r.field = ?7))",
    );
    if filter.text.is_some() {
        sql.push_str(&format!(
            " AND (SELECT s.mask FROM temp.review_search s WHERE s.product_id = r.product_id)
                  & {FIELD_BITS_SQL} <> 0"
        ));
    }
    sql
}

/// Which fields of the scope `filter` picks: its state, stale and findings conditions (a
/// lookup of the field's stored count; the page walk stops once it has its rows).
const PICK_SQL: &str = "(?2 IS NULL OR r.state = ?2) AND (?3 IS NULL OR r.stale = ?3)
    AND (?8 IS NULL OR EXISTS (
        SELECT 1 FROM findings f
        WHERE f.product_id = r.product_id AND f.locale = r.locale AND f.field = r.field
          AND f.marketplace = ?9 AND f.rules = ?10 AND f.total > 0) = ?8)";

/// `%text%` for LIKE, with `\\`, `%` and `_` taken literally.
fn like_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for ch in text.chars() {
        if matches!(ch, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}

/// The values of the statement's parameters: ?1 locale, ?2 state, ?3 stale, ?4 vendor, ?5
/// unused, ?6 and ?7 one product's field, ?8 to ?10 findings, ?11 limit and ?12 offset; as
/// many as `stmt` has.
fn bind<'a>(
    stmt: &rusqlite::Statement<'_>,
    locale: &'a str,
    filter: &'a RowFilter<'a>,
) -> Vec<Box<dyn rusqlite::ToSql + 'a>> {
    let all: [Box<dyn rusqlite::ToSql + 'a>; 12] = [
        Box::new(locale),
        Box::new(filter.state.map(ReviewState::as_str)),
        Box::new(filter.stale),
        Box::new(filter.vendor),
        Box::new(rusqlite::types::Null),
        Box::new(filter.only.map(|(id, _)| id)),
        Box::new(filter.only.map(|(_, f)| f.as_str())),
        Box::new(filter.findings.map(|f| f.has)),
        Box::new(filter.findings.map(|f| f.marketplace)),
        Box::new(filter.findings.map(|f| f.rules)),
        Box::new(filter.limit.map_or(-1, i64::from)),
        Box::new(filter.offset),
    ];
    all.into_iter().take(stmt.parameter_count()).collect()
}

/// How many fields of a filter's scope are in one state, stale or not, and how many of them
/// the filter picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateCount {
    pub state: ReviewState,
    pub stale: bool,
    pub all: u32,
    pub picked: u32,
}

/// A page of the review queue.
#[derive(Debug, Clone, Default)]
pub struct QueuePage {
    /// Over the filter's whole scope: the progress, and (summing `picked`) the total.
    pub counts: Vec<StateCount>,
    /// The page `filter.offset`, `filter.limit` of the picked fields.
    pub rows: Vec<ReviewRow>,
}

/// The reviewed fields of `locale` that `filter` picks, with their product's handle, vendor,
/// text and current English, by handle then field (title, short title, selling points,
/// description): the page `filter.offset`, `filter.limit`, and the counts of the whole scope.
///
/// Every walk reads an index that holds what it tests (`review_by_state`, `review_by_product`):
/// the rows themselves are wide. The page is found by key alone, walking the products in
/// handle order, and only its rows are read whole: a page deep in a 40,000-field queue costs
/// what the first one does. A search is made once per call (`temp.review_search`).
pub fn queue(conn: &Connection, locale: &str, filter: &RowFilter<'_>) -> Result<QueuePage> {
    if let Some(text) = filter.text {
        conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS review_search
                 (product_id INTEGER PRIMARY KEY, mask INTEGER NOT NULL);
             DELETE FROM temp.review_search;",
        )?;
        conn.prepare_cached(SEARCH_SQL)?
            .execute(params![locale, like_pattern(text)])?;
    }
    let scope = scope_sql(filter);
    let pick = PICK_SQL;
    // The same vendor and search, tested on the product before its fields are walked: a page
    // of a narrow filter skips the products outside it at once.
    let products = if filter.text.is_some() {
        "(?4 IS NULL OR p.vendor = ?4 COLLATE NOCASE)
         AND p.id IN (SELECT product_id FROM temp.review_search)"
    } else {
        "(?4 IS NULL OR p.vendor = ?4 COLLATE NOCASE)"
    };
    // The progress: every field of the scope by state and stale, in `review_by_state` order.
    let grouped = |sql: &str| -> Result<Vec<(ReviewState, bool, u32)>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let params = bind(&stmt, locale, filter);
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (state, stale, n) = row?;
            if let Some(state) = ReviewState::parse(&state) {
                out.push((state, stale, n));
            }
        }
        Ok(out)
    };
    // With a search, only the products it found are walked.
    let from = if filter.text.is_some() {
        "temp.review_search s0 CROSS JOIN review r INDEXED BY review_by_product
         ON r.product_id = s0.product_id"
    } else {
        "review r INDEXED BY review_by_state"
    };
    let all = grouped(&format!(
        "SELECT r.state, r.stale, count(*) FROM {from} WHERE {scope} GROUP BY r.state, r.stale"
    ))?;
    // With a findings filter, the same counts for the fields with findings: a walk of the
    // stored counts with findings (not of every field), each looked up in `review_by_product`.
    let flagged = match filter.findings {
        Some(_) => grouped(&format!(
            "SELECT r.state, r.stale, count(*)
             FROM findings f INDEXED BY findings_by_rules
             CROSS JOIN review r INDEXED BY review_by_product
                   ON r.product_id = f.product_id AND r.locale = f.locale AND r.field = f.field
             WHERE f.marketplace = ?9 AND f.locale = ?1 AND f.rules = ?10 AND f.total > 0
               AND {scope}
             GROUP BY r.state, r.stale"
        ))?,
        None => Vec::new(),
    };
    // State and stale are the groups' keys: the filter's picks are whole groups.
    let counts = all
        .into_iter()
        .map(|(state, stale, n)| {
            let with_findings = flagged
                .iter()
                .find(|(s, st, _)| *s == state && *st == stale)
                .map_or(0, |(_, _, n)| *n);
            let kept = match filter.findings {
                Some(FindingsFilter { has: true, .. }) => with_findings,
                Some(FindingsFilter { has: false, .. }) => n.saturating_sub(with_findings),
                None => n,
            };
            let wanted =
                filter.state.is_none_or(|s| s == state) && filter.stale.is_none_or(|s| s == stale);
            StateCount {
                state,
                stale,
                all: n,
                picked: if wanted { kept } else { 0 },
            }
        })
        .collect();
    let sql = format!(
        "WITH page AS (
             SELECT r.rowid AS rid, p.handle AS handle, {RANK_SQL} AS rank
             FROM products p CROSS JOIN review r INDEXED BY review_by_product
                  ON r.product_id = p.id
             WHERE {products} AND {scope} AND {pick}
             ORDER BY p.handle, rank
             LIMIT ?11 OFFSET ?12)
         SELECT r.product_id, p.handle, p.vendor, r.locale, r.field, r.state, r.stale,
                r.source_en, r.who, r.at, coalesce(c.text, ''), {ENGLISH_SQL}
         FROM page
         JOIN review r ON r.rowid = page.rid
         JOIN products p ON p.id = r.product_id
         {COPY_JOINS_SQL}
         ORDER BY page.handle, page.rank"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let params = bind(&stmt, locale, filter);
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
        Ok((
            r.get::<_, String>(5)?,
            ReviewRow {
                product_id: r.get(0)?,
                handle: r.get(1)?,
                vendor: r.get(2)?,
                locale: r.get(3)?,
                field: r.get(4)?,
                state: ReviewState::Draft,
                stale: r.get(6)?,
                source_en: r.get(7)?,
                who: r.get(8)?,
                at: r.get(9)?,
                text: r.get(10)?,
                english: r.get(11)?,
            },
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (state, mut row) = row?;
        row.state = ReviewState::parse(&state).unwrap_or(ReviewState::Draft);
        out.push(row);
    }
    Ok(QueuePage { counts, rows: out })
}

/// [`queue`]'s rows alone.
pub fn rows(conn: &Connection, locale: &str, filter: &RowFilter<'_>) -> Result<Vec<ReviewRow>> {
    Ok(queue(conn, locale, filter)?.rows)
}

/// Every comment left on the `locale` fields of these products, oldest first (through the
/// partial index `history_comments`: comments are few, history is long).
pub fn comments(conn: &Connection, locale: &str, products: &[i64]) -> Result<Vec<CommentRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT product_id, substr(field, length(?2) + 1), locale, new, coalesce(who, ''), at,
                comment
         FROM history
         WHERE comment IS NOT NULL AND product_id IN (SELECT value FROM json_each(?3))
           AND locale = ?1 AND field LIKE ?2 || '%'
         ORDER BY id",
    )?;
    let ids = serde_json::to_string(products)?;
    let rows = stmt.query_map(params![locale, EVENT_PREFIX, ids], |r| {
        Ok(CommentRow {
            product_id: r.get(0)?,
            field: r.get(1)?,
            locale: r.get(2)?,
            state: r.get(3)?,
            who: r.get(4)?,
            at: r.get(5)?,
            comment: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::copy::{self, Locale};
    use crate::queries::products;
    use crate::queries::review::tests::change;
    use crate::queries::review::{Change, set};
    use crate::test_support::temp_catalog;

    #[test]
    fn comments_come_back_per_field_in_order() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        products::upsert(&conn, &products::tests::sample("cherries"), "import").unwrap();
        let id = products::id_of(&conn, "cherries").unwrap();
        copy::set(&conn, id, Locale::ZhCn, CopyField::Title, "樱桃", "edit").unwrap();
        set(
            &conn,
            id,
            Locale::ZhCn,
            CopyField::Title,
            change(ReviewState::Translated),
        )
        .unwrap();
        for (state, comment) in [
            (ReviewState::Rejected, "用车厘子"),
            (ReviewState::Translated, "改了"),
        ] {
            let change = Change {
                comment: Some(comment),
                ..change(state)
            };
            set(&conn, id, Locale::ZhCn, CopyField::Title, change).unwrap();
        }
        let comments = comments(&conn, "zh-CN", &[id]).unwrap();
        let texts: Vec<_> = comments.iter().map(|c| c.comment.as_str()).collect();
        assert_eq!(texts, ["用车厘子", "改了"]);
        assert_eq!(comments[0].field, "title");
        assert_eq!(comments[0].state.as_deref(), Some("rejected"));
        assert_eq!(comments[0].who, "mei");
    }

    #[test]
    fn a_search_finds_a_field_by_its_text_its_english_or_the_handle() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        // English: title "Rainier Cherries", Body HTML "<p>Sweet</p>".
        products::upsert(&conn, &products::tests::sample("wa-cherries"), "import").unwrap();
        products::upsert(&conn, &products::tests::sample("other"), "import").unwrap();
        let id = products::id_of(&conn, "wa-cherries").unwrap();
        let texts = [
            (CopyField::Title, "樱桃"),
            (CopyField::ShortTitle, "车厘子"),
            (CopyField::SellingPoints, "新鲜"),
            (CopyField::Description, "甜 100%_off"),
        ];
        for (field, text) in texts {
            copy::set(&conn, id, Locale::ZhCn, field, text, "edit").unwrap();
            set(
                &conn,
                id,
                Locale::ZhCn,
                field,
                change(ReviewState::Translated),
            )
            .unwrap();
        }
        let found = |text: &str| -> Vec<String> {
            let filter = RowFilter {
                text: Some(text),
                ..RowFilter::default()
            };
            let page = queue(&conn, "zh-CN", &filter).unwrap();
            let total: u32 = page.counts.iter().map(|c| c.picked).sum();
            assert_eq!(total as usize, page.rows.len(), "{text}");
            page.rows.into_iter().map(|r| r.field).collect()
        };
        // The English title: the fields made from it.
        assert_eq!(found("RAINIER"), ["title", "short_title", "selling_points"]);
        // The Body HTML: the description and the selling points.
        assert_eq!(found("sweet"), ["selling_points", "description"]);
        // A field's own Chinese, and only that field.
        assert_eq!(found("樱桃"), ["title"]);
        assert_eq!(found("车厘"), ["short_title"]);
        // The handle: every field; the other product has no Chinese, so nothing of it.
        assert_eq!(found("wa-cherries").len(), 4);
        // LIKE's wildcards are plain characters.
        assert_eq!(found("100%_off"), ["description"]);
        assert!(found("100%off").is_empty());
        assert!(found("r_inier").is_empty());
        assert!(found("r%er").is_empty());
        assert!(found("nothing like it").is_empty());
    }
}
