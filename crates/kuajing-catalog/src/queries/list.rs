//! The product list: summaries in list order, filtered by a search, whole or by pages.

use rusqlite::{Connection, params};

use crate::Result;

#[derive(Debug, Clone)]
pub struct ProductSummaryRow {
    pub id: i64,
    pub handle: String,
    pub title_en: String,
    pub title_zh: Option<String>,
    pub vendor: String,
    pub variants: u32,
    pub images: u32,
}

/// Product summaries whose handle, vendor or copy (any locale) contains `search`, in list
/// order: all of them, or the page of `limit` from `offset`.
pub fn summaries(conn: &Connection, search: &str) -> Result<Vec<ProductSummaryRow>> {
    summaries_page(conn, search, 0, None)
}

/// The `offset`..`offset + limit` slice of [`summaries`] (`None`: to the end), and nothing
/// else is read for the rows outside it.
pub fn summaries_page(
    conn: &Connection,
    search: &str,
    offset: usize,
    limit: Option<usize>,
) -> Result<Vec<ProductSummaryRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.handle,
           COALESCE((SELECT text FROM copy WHERE product_id = p.id AND locale = 'en' AND field = 'title'), ''),
           (SELECT text FROM copy WHERE product_id = p.id AND locale = 'zh-CN' AND field = 'title' AND text <> ''),
           p.vendor,
           (SELECT count(*) FROM variants WHERE product_id = p.id),
           (SELECT count(*) FROM images WHERE product_id = p.id)
         FROM products p
         WHERE {MATCHES}
         ORDER BY p.vendor COLLATE NOCASE, p.id
         LIMIT ?2 OFFSET ?3"
    ))?;
    let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![like_pattern(search), limit, offset], |r| {
        Ok(ProductSummaryRow {
            id: r.get(0)?,
            handle: r.get(1)?,
            title_en: r.get(2)?,
            title_zh: r.get(3)?,
            vendor: r.get(4)?,
            variants: r.get(5)?,
            images: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many products [`summaries`] would list for `search`.
pub fn count_matching(conn: &Connection, search: &str) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM products p WHERE {MATCHES}"))?
        .query_row([like_pattern(search)], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

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
        assert_eq!(list::count_matching(&conn, "").unwrap(), 2);
        assert_eq!(list::count_matching(&conn, "sockeye").unwrap(), 1);
        let page = |offset, limit| -> Vec<String> {
            list::summaries_page(&conn, "", offset, Some(limit))
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
}
