//! The product list: summaries in list order, filtered by a search, whole or by pages.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::Result;
use crate::queries::review::ReviewState;

/// The order of the product list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ListOrder {
    /// By vendor, then as imported.
    #[default]
    Vendor,
    /// The products whose Chinese copy needs work first: any field rejected, then stale, then
    /// not yet reviewed (a draft, translated, or no Chinese title), then reviewed but not
    /// approved; fully approved last. Ties keep the vendor order.
    Attention,
}

/// One reviewed field's state, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldState {
    pub field: String,
    pub state: ReviewState,
    pub stale: bool,
}

#[derive(Debug, Clone)]
pub struct ProductSummaryRow {
    pub id: i64,
    pub handle: String,
    pub title_en: String,
    pub title_zh: Option<String>,
    pub vendor: String,
    pub variants: u32,
    pub images: u32,
    /// The zh-CN review state of each reviewed field that has one.
    pub review: Vec<FieldState>,
}

/// How much a product's Chinese needs work: per reviewed field (four), rejected 125, else
/// stale 25, else a draft or translated 5, reviewed 1, approved 0; and 5 more when the title
/// has no Chinese (the other fields may be left empty on purpose). The weights keep the order
/// of [`ListOrder::Attention`] whatever the other fields are: four of one kind never outweigh
/// one of the kind above. Reads only the `review_by_product` index.
const ATTENTION_SQL: &str = "(SELECT coalesce(sum(CASE WHEN r.state = 'rejected' THEN 125
                                        WHEN r.stale THEN 25
                                        WHEN r.state = 'reviewed' THEN 1
                                        WHEN r.state = 'approved' THEN 0
                                        ELSE 5 END), 0)
                + CASE WHEN sum(r.field = 'title') THEN 0 ELSE 5 END
         FROM review r WHERE r.product_id = p.id AND r.locale = 'zh-CN')";

fn parse_review(list: Option<String>) -> Vec<FieldState> {
    list.unwrap_or_default()
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(':');
            let field = parts.next()?.to_owned();
            let state = ReviewState::parse(parts.next()?)?;
            let stale = parts.next()? == "1";
            Some(FieldState {
                field,
                state,
                stale,
            })
        })
        .collect()
}

/// Product summaries whose handle, vendor or copy (any locale) contains `search`, in list
/// order: all of them, or the page of `limit` from `offset`.
pub fn summaries(conn: &Connection, search: &str) -> Result<Vec<ProductSummaryRow>> {
    summaries_page(conn, search, ListOrder::Vendor, 0, None, None)
}

/// Only the products whose stored completeness for a marketplace, under a rules stamp, is
/// below 100% (`queries/completeness.rs`; the caller counts every product first).
#[derive(Debug, Clone, Copy)]
pub struct Incomplete<'a> {
    pub marketplace: &'a str,
    pub rules: &'a str,
}

/// The `offset`..`offset + limit` slice of [`summaries`] (`None`: to the end), and nothing
/// else is read for the rows outside it.
pub fn summaries_page(
    conn: &Connection,
    search: &str,
    order: ListOrder,
    offset: usize,
    limit: Option<usize>,
    incomplete: Option<Incomplete<'_>>,
) -> Result<Vec<ProductSummaryRow>> {
    let order = match order {
        ListOrder::Vendor => "p.vendor COLLATE NOCASE, p.id".to_owned(),
        ListOrder::Attention => format!("{ATTENTION_SQL} DESC, p.vendor COLLATE NOCASE, p.id"),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.handle,
           COALESCE((SELECT text FROM copy WHERE product_id = p.id AND locale = 'en' AND field = 'title'), ''),
           (SELECT text FROM copy WHERE product_id = p.id AND locale = 'zh-CN' AND field = 'title' AND text <> ''),
           p.vendor,
           (SELECT count(*) FROM variants WHERE product_id = p.id),
           (SELECT count(*) FROM images WHERE product_id = p.id),
           (SELECT group_concat(r.field || ':' || r.state || ':' || r.stale, ',')
            FROM review r WHERE r.product_id = p.id AND r.locale = 'zh-CN')
         FROM products p
         WHERE {MATCHES} AND {INCOMPLETE}
         ORDER BY {order}
         LIMIT ?2 OFFSET ?3"
    ))?;
    let (market, rules) = incomplete.map_or((None, None), |i| (Some(i.marketplace), Some(i.rules)));
    let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let rows = stmt.query_map(
        params![like_pattern(search), limit, offset, market, rules],
        |r| {
            Ok(ProductSummaryRow {
                id: r.get(0)?,
                handle: r.get(1)?,
                title_en: r.get(2)?,
                title_zh: r.get(3)?,
                vendor: r.get(4)?,
                variants: r.get(5)?,
                images: r.get(6)?,
                review: parse_review(r.get(7)?),
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many products [`summaries_page`] would list for `search` (and `incomplete`).
pub fn count_matching(
    conn: &Connection,
    search: &str,
    incomplete: Option<Incomplete<'_>>,
) -> Result<usize> {
    let (market, rules) = incomplete.map_or((None, None), |i| (Some(i.marketplace), Some(i.rules)));
    let n: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM products p WHERE {MATCHES} AND {INCOMPLETE}"
        ))?
        // ?2 and ?3 (the page) are unused here; the filter keeps its numbers.
        .query_row(
            params![
                like_pattern(search),
                None::<i64>,
                None::<i64>,
                market,
                rules
            ],
            |r| r.get(0),
        )?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The completeness filter, on `?4` = marketplace (NULL: no filter) and `?5` = rules stamp.
const INCOMPLETE: &str = "(?4 IS NULL OR EXISTS (SELECT 1 FROM completeness cm
            WHERE cm.product_id = p.id AND cm.marketplace = ?4 AND cm.rules = ?5
              AND cm.percent < 100))";

/// The search condition, on `?1` = [`like_pattern`].
const MATCHES: &str = "(?1 = '%%'
            OR p.handle LIKE ?1 ESCAPE '\\' OR p.vendor LIKE ?1 ESCAPE '\\'
            OR p.brand_zh LIKE ?1 ESCAPE '\\'
            OR EXISTS (SELECT 1 FROM copy c WHERE c.product_id = p.id AND c.text LIKE ?1 ESCAPE '\\')
            OR EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.sku LIKE ?1 ESCAPE '\\'))";

fn like_pattern(search: &str) -> String {
    format!(
        "%{}%",
        search
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

#[cfg(test)]
mod tests {
    use crate::CachedStatements as _;
    use crate::queries::copy::{self, CopyField, Locale};
    use crate::queries::list;
    use crate::queries::products::{id_of, tests::sample, upsert};
    use crate::test_support::temp_catalog;

    #[test]
    fn search_matches_english_chinese_vendor_and_sku() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        upsert(&conn, &sample("rainier"), "import").unwrap();
        let mut salmon = sample("salmon");
        salmon.title_en = "Wild Sockeye Salmon".into();
        salmon.vendor = "Kodiak Seafood".into();
        upsert(&conn, &salmon, "import").unwrap();
        let id = id_of(&conn, "rainier").unwrap();
        copy::set(
            &conn,
            id,
            Locale::ZhCn,
            CopyField::Title,
            "雷尼尔樱桃",
            "edit",
        )
        .unwrap();

        let handles = |q: &str| -> Vec<String> {
            list::summaries(&conn, q)
                .unwrap()
                .into_iter()
                .map(|s| s.handle)
                .collect()
        };
        assert_eq!(handles(""), vec!["rainier", "salmon"]);
        assert_eq!(handles("樱桃"), vec!["rainier"]);
        assert_eq!(handles("sockeye"), vec!["salmon"]);
        assert_eq!(handles("kodiak"), vec!["salmon"]);
        assert_eq!(handles("salmon-5LB"), vec!["salmon"]);
        assert_eq!(handles("100%"), Vec::<String>::new());
        assert_eq!(list::count_matching(&conn, "", None).unwrap(), 2);
        assert_eq!(list::count_matching(&conn, "sockeye", None).unwrap(), 1);
        let page = |offset, limit| -> Vec<String> {
            list::summaries_page(
                &conn,
                "",
                list::ListOrder::Vendor,
                offset,
                Some(limit),
                None,
            )
            .unwrap()
            .into_iter()
            .map(|s| s.handle)
            .collect()
        };
        assert_eq!(page(0, 1), vec!["rainier"]);
        assert_eq!(page(1, 5), vec!["salmon"]);
        assert!(page(2, 5).is_empty());
        let summary = &list::summaries(&conn, "樱桃").unwrap()[0];
        assert_eq!(summary.title_zh.as_deref(), Some("雷尼尔樱桃"));
        assert_eq!(summary.variants, 2);
    }

    #[test]
    fn the_list_shows_review_states_and_sorts_by_what_needs_attention() {
        use crate::queries::review::{self, Change, ReviewState};
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        // One product per situation, imported in the reverse of the order attention wants.
        type Fields = &'static [(CopyField, ReviewState, bool)];
        let cases: [(&str, Fields); 6] = [
            (
                "a-approved",
                &[(CopyField::Title, ReviewState::Approved, false)],
            ),
            (
                "b-reviewed",
                &[(CopyField::Title, ReviewState::Reviewed, false)],
            ),
            ("c-no-chinese", &[]),
            (
                "d-translated",
                &[
                    (CopyField::Title, ReviewState::Approved, false),
                    (CopyField::ShortTitle, ReviewState::Translated, false),
                ],
            ),
            (
                "e-stale",
                &[(CopyField::Title, ReviewState::Translated, true)],
            ),
            (
                "f-rejected",
                &[(CopyField::Description, ReviewState::Rejected, false)],
            ),
        ];
        for (handle, fields) in cases {
            let mut p = sample(handle);
            p.vendor = "Same Vendor".into();
            upsert(&conn, &p, "import").unwrap();
            let id = id_of(&conn, handle).unwrap();
            for &(field, state, stale) in fields {
                copy::set(&conn, id, Locale::ZhCn, field, "樱桃", "edit").unwrap();
                let change = Change {
                    state,
                    who: "mei",
                    comment: None,
                    source: "review",
                };
                review::set(&conn, id, Locale::ZhCn, field, change).unwrap();
                if stale {
                    conn.exec_cached("UPDATE review SET stale = 1 WHERE product_id = ?1", [id])
                        .unwrap();
                }
            }
        }
        let order = |order| -> Vec<String> {
            list::summaries_page(&conn, "", order, 0, None, None)
                .unwrap()
                .into_iter()
                .map(|s| s.handle)
                .collect()
        };
        assert_eq!(
            order(list::ListOrder::Attention),
            [
                "f-rejected",
                "e-stale",
                "c-no-chinese",
                "d-translated",
                "b-reviewed",
                "a-approved"
            ]
        );
        assert_eq!(order(list::ListOrder::Vendor)[0], "a-approved");
        let rows = list::summaries(&conn, "d-translated").unwrap();
        let mut states: Vec<_> = rows[0]
            .review
            .iter()
            .map(|f| (f.field.as_str(), f.state, f.stale))
            .collect();
        states.sort_by_key(|s| s.0);
        assert_eq!(
            states,
            [
                ("short_title", ReviewState::Translated, false),
                ("title", ReviewState::Approved, false)
            ]
        );
        assert!(list::summaries(&conn, "e-stale").unwrap()[0].review[0].stale);
    }
}
