//! The product list: summaries in list order, filtered by a search, whole or by pages.

use rusqlite::Connection;

use crate::CachedStatements as _;
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
    /// The stored error findings of its zh-CN fields for [`ListFilter::errors_for`]; `None`
    /// when not asked, or when a reviewed field has no count yet (count it, then read again).
    pub errors: Option<u32>,
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

/// Product summaries matching the user's `search` (as [`super::search::match_expr`] reads it,
/// Chinese runs kept whole), in list order.
pub fn summaries(conn: &Connection, search: &str) -> Result<Vec<ProductSummaryRow>> {
    let matching = super::search::match_expr(search, &super::search::whole);
    let filter = ListFilter {
        matching: matching.as_deref(),
        ..ListFilter::default()
    };
    summaries_page(conn, &filter, ListOrder::Vendor, 0, None)
}

/// A marketplace and the stamp of the rules its stored rows were made with
/// (`queries/completeness.rs`, `queries/findings.rs`; the caller counts every product first).
#[derive(Debug, Clone, Copy)]
pub struct Stamped<'a> {
    pub marketplace: &'a str,
    pub rules: &'a str,
}

/// Which products the list shows. Every condition given must hold; `None` (and `false`) asks
/// nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListFilter<'a> {
    /// An FTS5 query from [`super::search::match_expr`].
    pub matching: Option<&'a str>,
    /// The vendor, exactly as stored (the list offers the catalog's vendors).
    pub vendor: Option<&'a str>,
    /// A zh-CN field in this review state.
    pub state: Option<ReviewState>,
    /// A zh-CN field flagged stale (its English changed since it was translated).
    pub stale: bool,
    /// Stored completeness below 100% for the marketplace.
    pub incomplete: Option<Stamped<'a>>,
    /// A stored error finding in a zh-CN field for the marketplace.
    pub errors: Option<Stamped<'a>>,
    /// Not a condition: the marketplace whose stored error counts each row carries
    /// ([`ProductSummaryRow::errors`]).
    pub errors_for: Option<Stamped<'a>>,
}

/// The `offset`..`offset + limit` slice of the products `filter` picks, in `order` (`None`: to
/// the end), and nothing else is read for the rows outside it.
pub fn summaries_page(
    conn: &Connection,
    filter: &ListFilter<'_>,
    order: ListOrder,
    offset: usize,
    limit: Option<usize>,
) -> Result<Vec<ProductSummaryRow>> {
    Ok(page(conn, filter, order, offset, limit)?.0)
}

/// [`summaries_page`] and how many products `filter` picks in all.
///
/// With a filter, each of its conditions gives the set of product ids it picks, read from its
/// own index (the search from FTS5, the vendor from `products_vendor`, ...), and their
/// intersection is the match, whose size is the total. Then the page: few matches are sorted
/// by list order after a lookup by id each; many are met by walking the products in list
/// order (`products_list`) until the page is full, which passes about
/// `(offset + limit) × products / matches` of them. The walk wins once matches² exceeds
/// `(offset + limit) × products`. Only the page's rows are read whole.
pub fn page(
    conn: &Connection,
    filter: &ListFilter<'_>,
    order: ListOrder,
    offset: usize,
    limit: Option<usize>,
) -> Result<(Vec<ProductSummaryRow>, usize)> {
    let Some(ids) = matching_ids(conn, filter)? else {
        let total: i64 = conn.row_cached("SELECT count(*) FROM products", [], |r| r.get(0))?;
        let rows = rows_where(
            conn,
            "products p",
            None,
            filter.errors_for,
            (order, offset, limit),
        )?;
        return Ok((rows, usize::try_from(total).unwrap_or(0)));
    };
    let total = ids.len();
    let products: i64 = conn.row_cached("SELECT coalesce(max(id), 0) FROM products", [], |r| {
        r.get(0)
    })?;
    let wanted = limit.map_or(usize::MAX, |l| offset.saturating_add(l));
    let walk = order == ListOrder::Vendor
        && (total as f64).powi(2) > wanted as f64 * products.max(1) as f64;
    let rows = if walk {
        let mut stmt = conn.prepare_cached(
            "SELECT id FROM products INDEXED BY products_list ORDER BY vendor COLLATE NOCASE, id",
        )?;
        let mut walked = stmt.query([])?;
        let mut page = Vec::new();
        let mut skip = offset;
        while page.len() < limit.unwrap_or(usize::MAX)
            && let Some(row) = walked.next()?
        {
            let id: i64 = row.get(0)?;
            if !ids.contains(id) {
                continue;
            }
            if skip > 0 {
                skip -= 1;
            } else {
                page.push(id);
            }
        }
        rows_where(
            conn,
            "rarray(:ids) AS ids CROSS JOIN products p ON p.id = ids.value",
            Some(page),
            filter.errors_for,
            (order, 0, None),
        )?
    } else {
        let ids = ids.iter().collect();
        rows_where(
            conn,
            "rarray(:ids) AS ids CROSS JOIN products p ON p.id = ids.value",
            Some(ids),
            filter.errors_for,
            (order, offset, limit),
        )?
    };
    Ok((rows, total))
}

/// The summaries of the products `from` reads (`products p`, or a list of ids `:ids` joined
/// to them: driven from the list, one lookup each, then sorted), in `order`,
/// `offset`..`offset + limit`.
fn rows_where(
    conn: &Connection,
    from: &str,
    ids: Option<Vec<i64>>,
    errors_for: Option<Stamped<'_>>,
    (order, offset, limit): (ListOrder, usize, Option<usize>),
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
            FROM review r WHERE r.product_id = p.id AND r.locale = 'zh-CN'),
           (SELECT CASE WHEN count(*) = (SELECT count(*) FROM review r
                                         WHERE r.product_id = p.id AND r.locale = 'zh-CN')
                        THEN coalesce(sum(f.errors), 0) END
            FROM findings f
            WHERE f.product_id = p.id AND f.locale = 'zh-CN'
              -- `+`: by the product's key, not `findings_by_rules` (every product's rows)
              AND +f.marketplace = :market AND +f.rules = :rules)
         FROM {from}
         ORDER BY {order}
         LIMIT :limit OFFSET :offset"
    ))?;
    let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let ids = ids.map(|ids| {
        std::rc::Rc::new(
            ids.into_iter()
                .map(rusqlite::types::Value::Integer)
                .collect::<Vec<_>>(),
        )
    });
    let (market, rules) = errors_for.map_or((None, None), |s| (Some(s.marketplace), Some(s.rules)));
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![
        (":limit", &limit),
        (":offset", &offset),
        (":market", &market),
        (":rules", &rules),
    ];
    if let Some(ids) = &ids {
        params.push((":ids", ids));
    }
    let rows = stmt.query_map(params.as_slice(), |r| {
        Ok(ProductSummaryRow {
            id: r.get(0)?,
            handle: r.get(1)?,
            title_en: r.get(2)?,
            title_zh: r.get(3)?,
            vendor: r.get(4)?,
            variants: r.get(5)?,
            images: r.get(6)?,
            review: parse_review(r.get(7)?),
            errors: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The handles of every product `filter` picks, in list order by vendor (a bulk edit's
/// "every product matching the search").
pub fn handles(conn: &Connection, filter: &ListFilter<'_>) -> Result<Vec<String>> {
    let ids = matching_ids(conn, filter)?;
    let from = match ids {
        Some(_) => "rarray(:ids) AS ids CROSS JOIN products p ON p.id = ids.value",
        None => "products p",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.handle FROM {from} ORDER BY p.vendor COLLATE NOCASE, p.id"
    ))?;
    let list = ids.map(|ids| {
        std::rc::Rc::new(
            ids.iter()
                .map(rusqlite::types::Value::Integer)
                .collect::<Vec<_>>(),
        )
    });
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = Vec::new();
    if let Some(list) = &list {
        params.push((":ids", list));
    }
    let rows = stmt.query_map(params.as_slice(), |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many products [`summaries_page`] would list for `filter`.
pub fn count_matching(conn: &Connection, filter: &ListFilter<'_>) -> Result<usize> {
    match matching_ids(conn, filter)? {
        Some(ids) => Ok(ids.len()),
        None => {
            let n: i64 = conn.row_cached("SELECT count(*) FROM products", [], |r| r.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        }
    }
}

/// The ids of the products `filter` picks: the intersection of each condition's set, each
/// read from its own index; `None` when the filter asks nothing (every product).
fn matching_ids(conn: &Connection, filter: &ListFilter<'_>) -> Result<Option<IdSet>> {
    if filter.matching.is_some() {
        super::search::ensure_fresh(conn)?;
    }
    let mut out: Option<IdSet> = None;
    for (sql, params) in filter_sql(filter) {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query(named(&params).as_slice())?;
        let mut these = IdSet::default();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if out.as_ref().is_none_or(|o| o.contains(id)) {
                these.insert(id);
            }
        }
        out = Some(these);
    }
    Ok(out)
}

/// A set of product ids, one bit each: ids are small and dense (rowids), so 100,000 products
/// take 12 KiB and a test is one shift, where a hash set hashed every id of a broad search.
#[derive(Debug, Default)]
struct IdSet {
    bits: Vec<u64>,
    len: usize,
}

impl IdSet {
    fn insert(&mut self, id: i64) {
        let Ok(id) = usize::try_from(id) else { return };
        let (word, bit) = (id / 64, 1u64 << (id % 64));
        if word >= self.bits.len() {
            self.bits.resize(word + 1, 0);
        }
        if self.bits[word] & bit == 0 {
            self.bits[word] |= bit;
            self.len += 1;
        }
    }

    fn contains(&self, id: i64) -> bool {
        usize::try_from(id).is_ok_and(|id| {
            self.bits
                .get(id / 64)
                .is_some_and(|w| w & (1u64 << (id % 64)) != 0)
        })
    }

    fn len(&self) -> usize {
        self.len
    }

    fn iter(&self) -> impl Iterator<Item = i64> + '_ {
        self.bits.iter().enumerate().flat_map(|(word, &bits)| {
            (0..64)
                .filter(move |b| bits & (1u64 << b) != 0)
                .map(move |b| (word * 64 + b) as i64)
        })
    }
}

type Param = (&'static str, rusqlite::types::Value);

/// Each condition of [`ListFilter`] that is set: a query of the product ids it picks, read from
/// its own index, with its named parameters.
fn filter_sql(filter: &ListFilter<'_>) -> Vec<(&'static str, Vec<Param>)> {
    use rusqlite::types::Value;
    let text = |s: &str| Value::Text(s.to_owned());
    let mut out = Vec::new();
    if let Some(vendor) = filter.vendor {
        out.push((
            "SELECT id FROM products WHERE vendor = :vendor",
            vec![(":vendor", text(vendor))],
        ));
    }
    if let Some(state) = filter.state {
        out.push((
            "SELECT product_id FROM review WHERE locale = 'zh-CN' AND state = :state",
            vec![(":state", text(state.as_str()))],
        ));
    }
    if filter.stale {
        // Every state named, so the read stays in `review_by_state` (locale, state, stale, ...).
        out.push((
            "SELECT product_id FROM review
             WHERE locale = 'zh-CN'
               AND state IN ('draft', 'translated', 'reviewed', 'approved', 'rejected')
               AND stale = 1",
            Vec::new(),
        ));
    }
    if let Some(Stamped { marketplace, rules }) = filter.incomplete {
        out.push((
            "SELECT product_id FROM completeness
             WHERE marketplace = :marketplace AND rules = :rules AND percent < 100",
            vec![(":marketplace", text(marketplace)), (":rules", text(rules))],
        ));
    }
    if let Some(Stamped { marketplace, rules }) = filter.errors {
        out.push((
            "SELECT product_id FROM findings
             WHERE marketplace = :marketplace AND locale = 'zh-CN' AND rules = :rules
               AND total > 0 AND errors > 0",
            vec![(":marketplace", text(marketplace)), (":rules", text(rules))],
        ));
    }
    // The search last: the other sets are usually smaller, and only ids in them are kept.
    if let Some(matching) = filter.matching {
        out.push((
            "SELECT rowid FROM search WHERE search MATCH :matching",
            vec![(":matching", text(matching))],
        ));
    }
    out
}

fn named(params: &[Param]) -> Vec<(&str, &dyn rusqlite::ToSql)> {
    params
        .iter()
        .map(|(name, value)| (*name, value as &dyn rusqlite::ToSql))
        .collect()
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
        let all = list::ListFilter::default();
        assert_eq!(list::count_matching(&conn, &all).unwrap(), 2);
        let sockeye = list::ListFilter {
            matching: Some("\"sockeye\"*"),
            ..all
        };
        assert_eq!(list::count_matching(&conn, &sockeye).unwrap(), 1);
        let page = |offset, limit| -> Vec<String> {
            list::summaries_page(&conn, &all, list::ListOrder::Vendor, offset, Some(limit))
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
    fn every_filter_narrows_the_list_and_they_combine() {
        use crate::queries::review::{self, Change, ReviewState};
        use crate::queries::{completeness, findings};
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        for (handle, vendor) in [("a", "Orchard"), ("b", "Orchard"), ("c", "Kodiak")] {
            let mut p = sample(handle);
            p.vendor = vendor.into();
            upsert(&conn, &p, "import").unwrap();
            let id = id_of(&conn, handle).unwrap();
            copy::set(&conn, id, Locale::ZhCn, CopyField::Title, "樱桃", "edit").unwrap();
            let state = if handle == "b" {
                ReviewState::Rejected
            } else {
                ReviewState::Approved
            };
            let change = Change {
                state,
                who: "mei",
                comment: None,
                source: "review",
            };
            review::set(&conn, id, Locale::ZhCn, CopyField::Title, change).unwrap();
            let percent = if handle == "c" { 100 } else { 60 };
            completeness::store(&conn, id, "tmall", "r1", percent, &[]).unwrap();
            let count = findings::Count {
                errors: u32::from(handle == "a"),
                total: 1,
            };
            findings::store(&conn, (id, "zh-CN", "title"), "tmall", "r1", count).unwrap();
        }
        let c = id_of(&conn, "c").unwrap();
        conn.exec_cached("UPDATE review SET stale = 1 WHERE product_id = ?1", [c])
            .unwrap();
        let tmall = list::Stamped {
            marketplace: "tmall",
            rules: "r1",
        };
        let handles = |filter: list::ListFilter<'_>| -> Vec<String> {
            let rows =
                list::summaries_page(&conn, &filter, list::ListOrder::Vendor, 0, None).unwrap();
            assert_eq!(list::count_matching(&conn, &filter).unwrap(), rows.len());
            rows.into_iter().map(|s| s.handle).collect()
        };
        let all = list::ListFilter::default();
        assert_eq!(handles(all), ["c", "a", "b"]);
        let orchard = list::ListFilter {
            vendor: Some("Orchard"),
            ..all
        };
        assert_eq!(handles(orchard), ["a", "b"]);
        let rejected = list::ListFilter {
            state: Some(ReviewState::Rejected),
            ..all
        };
        assert_eq!(handles(rejected), ["b"]);
        assert_eq!(handles(list::ListFilter { stale: true, ..all }), ["c"]);
        let incomplete = list::ListFilter {
            incomplete: Some(tmall),
            ..all
        };
        assert_eq!(handles(incomplete), ["a", "b"]);
        let errors = list::ListFilter {
            errors: Some(tmall),
            ..all
        };
        assert_eq!(handles(errors), ["a"]);
        // Rows counted under other rules are not read as today's.
        let other_rules = list::Stamped {
            marketplace: "tmall",
            rules: "r2",
        };
        assert!(
            handles(list::ListFilter {
                errors: Some(other_rules),
                ..all
            })
            .is_empty()
        );
        let combined = list::ListFilter {
            matching: Some("\"b\"*"),
            vendor: Some("Orchard"),
            incomplete: Some(tmall),
            ..all
        };
        assert_eq!(handles(combined), ["b"]);
        assert!(
            handles(list::ListFilter {
                vendor: Some("Kodiak"),
                ..combined
            })
            .is_empty()
        );
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
            list::summaries_page(&conn, &list::ListFilter::default(), order, 0, None)
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
