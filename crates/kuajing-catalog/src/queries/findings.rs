//! Stored finding counts per reviewed field and marketplace (table `findings`), so filters
//! read a column instead of checking every field again. The core counts; this module keeps the
//! counts and says which are missing. Triggers (`migrations/0004_findings.sql`) forget a
//! product's counts whenever anything the check reads changes, and every count names the
//! `rules` stamp it was made with: a count under other rules is missing.

use rusqlite::{Connection, params};

use crate::Result;

/// A reviewed field with no count for the marketplace under the rules asked about.
#[derive(Debug, Clone, PartialEq)]
pub struct Unchecked {
    pub product_id: i64,
    pub handle: String,
    pub field: String,
    /// The field's text in its locale.
    pub text: String,
    /// A hash of everything of the product's the check reads (this text, the English, the
    /// brand names and vendor): a caller that counts outside the write transaction stores
    /// the count only if [`unchecked`] still gives the same inputs inside it.
    pub inputs: String,
}

/// The reviewed fields of `locale` whose findings for `marketplace` under `rules` are not
/// stored, by product.
pub fn unchecked(
    conn: &Connection,
    locale: &str,
    marketplace: &str,
    rules: &str,
) -> Result<Vec<Unchecked>> {
    unchecked_where(conn, "", params![locale, marketplace, rules])
}

/// [`unchecked`] for one product (the product list's page counts only its own rows).
pub fn unchecked_of(
    conn: &Connection,
    product_id: i64,
    locale: &str,
    marketplace: &str,
    rules: &str,
) -> Result<Vec<Unchecked>> {
    unchecked_where(
        conn,
        "AND r.product_id = ?4",
        params![locale, marketplace, rules, product_id],
    )
}

fn unchecked_where(
    conn: &Connection,
    only: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<Unchecked>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT r.product_id, p.handle, r.field, coalesce(c.text, ''),
                coalesce(c.text, '') || char(1) || coalesce(t.text, '') || char(1)
                || coalesce(d.text, '') || char(1) || p.brand_en || char(1) || p.brand_zh
                || char(1) || p.vendor
         FROM review r
         JOIN products p ON p.id = r.product_id
         LEFT JOIN copy c ON c.product_id = r.product_id AND c.locale = r.locale
                          AND c.field = r.field
         LEFT JOIN copy t ON t.product_id = r.product_id AND t.locale = 'en' AND t.field = 'title'
         LEFT JOIN copy d ON d.product_id = r.product_id AND d.locale = 'en'
                          AND d.field = 'description'
         WHERE r.locale = ?1 {only} AND NOT EXISTS (
             SELECT 1 FROM findings f
             WHERE f.product_id = r.product_id AND f.locale = r.locale AND f.field = r.field
               AND f.marketplace = ?2 AND f.rules = ?3)
         ORDER BY r.product_id"
    ))?;
    let rows = stmt.query_map(params, |r| {
        Ok(Unchecked {
            product_id: r.get(0)?,
            handle: r.get(1)?,
            field: r.get(2)?,
            text: r.get(3)?,
            inputs: crate::queries::review::hash(&r.get::<_, String>(4)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The error findings stored for a product's fields of `locale` for `marketplace` under
/// `rules`, or `None` when a reviewed field has no count yet (count the [`unchecked_of`]).
pub fn errors_of(
    conn: &Connection,
    product_id: i64,
    locale: &str,
    marketplace: &str,
    rules: &str,
) -> Result<Option<u32>> {
    let (errors, complete) = stored_errors_of(conn, product_id, locale, marketplace, rules)?;
    Ok(complete.then_some(errors))
}

/// The error findings stored for a product's counted fields, and whether every reviewed field
/// has its count.
pub fn stored_errors_of(
    conn: &Connection,
    product_id: i64,
    locale: &str,
    marketplace: &str,
    rules: &str,
) -> Result<(u32, bool)> {
    let (errors, counted, fields): (u32, i64, i64) = conn
        .prepare_cached(
            "SELECT coalesce(sum(errors), 0), count(*),
                    (SELECT count(*) FROM review WHERE product_id = ?1 AND locale = ?2)
             FROM findings
             -- `+`: by the product's key, not `findings_by_rules` (every product's rows)
             WHERE product_id = ?1 AND locale = ?2 AND +marketplace = ?3 AND +rules = ?4",
        )?
        .query_row(params![product_id, locale, marketplace, rules], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    Ok((errors, counted == fields))
}

/// Whether every reviewed field of `locale` has a count for `marketplace` under `rules`: two
/// index counts, so the common case (nothing changed since the last query) costs little.
/// Counts exist only for reviewed fields (a field loses its review row only when its text is
/// emptied, and a change of text forgets the product's counts), so equal numbers mean none
/// is missing.
pub fn all_counted(
    conn: &Connection,
    locale: &str,
    marketplace: &str,
    rules: &str,
) -> Result<bool> {
    let counted: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM findings WHERE marketplace = ?1 AND locale = ?2 AND rules = ?3",
        )?
        .query_row(params![marketplace, locale, rules], |r| r.get(0))?;
    let fields: i64 = conn
        .prepare_cached("SELECT count(*) FROM review WHERE locale = ?1")?
        .query_row([locale], |r| r.get(0))?;
    Ok(counted >= fields)
}

/// A field's count of findings, `errors` of them errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub errors: u32,
    pub total: u32,
}

/// Stores `count` for the field, replacing a count made under other rules.
pub fn store(
    conn: &Connection,
    key: (i64, &str, &str),
    marketplace: &str,
    rules: &str,
    count: Count,
) -> Result<()> {
    let (product_id, locale, field) = key;
    conn.prepare_cached(
        "INSERT INTO findings (product_id, locale, field, marketplace, rules, errors, total)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (product_id, locale, field, marketplace)
         DO UPDATE SET rules = excluded.rules, errors = excluded.errors, total = excluded.total",
    )?
    .execute(params![
        product_id,
        locale,
        field,
        marketplace,
        rules,
        count.errors,
        count.total
    ])?;
    Ok(())
}

/// The stored count, if there is one under `rules`.
pub fn get(
    conn: &Connection,
    key: (i64, &str, &str),
    marketplace: &str,
    rules: &str,
) -> Result<Option<Count>> {
    use rusqlite::OptionalExtension;
    let (product_id, locale, field) = key;
    Ok(conn
        .prepare_cached(
            "SELECT errors, total FROM findings
             WHERE product_id = ?1 AND locale = ?2 AND field = ?3 AND marketplace = ?4
               AND rules = ?5",
        )?
        .query_row(
            params![product_id, locale, field, marketplace, rules],
            |r| {
                Ok(Count {
                    errors: r.get(0)?,
                    total: r.get(1)?,
                })
            },
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::copy::{self, CopyField, Locale};
    use crate::queries::review::{self, Change, ReviewState};
    use crate::queries::{glossary, products};
    use crate::test_support::temp_catalog;

    const ONE: Count = Count {
        errors: 1,
        total: 2,
    };

    fn key(id: i64) -> (i64, &'static str, &'static str) {
        (id, "zh-CN", "title")
    }

    #[test]
    fn a_count_is_forgotten_when_anything_the_check_reads_changes() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        let mut p = products::tests::sample("cherries");
        products::upsert(&conn, &p, "import").unwrap();
        products::upsert(&conn, &products::tests::sample("salmon"), "import").unwrap();
        let id = products::id_of(&conn, "cherries").unwrap();
        let other = products::id_of(&conn, "salmon").unwrap();
        for product in [id, other] {
            copy::set(
                &conn,
                product,
                Locale::ZhCn,
                CopyField::Title,
                "樱桃",
                "edit",
            )
            .unwrap();
            let change = Change {
                state: ReviewState::Translated,
                who: "",
                comment: None,
                source: "edit",
            };
            review::set(&conn, product, Locale::ZhCn, CopyField::Title, change).unwrap();
        }
        let fill = || {
            for u in unchecked(&conn, "zh-CN", "tmall-global", "r1").unwrap() {
                store(&conn, key(u.product_id), "tmall-global", "r1", ONE).unwrap();
            }
        };
        let stored = |product| get(&conn, key(product), "tmall-global", "r1").unwrap();
        let all = |rules| all_counted(&conn, "zh-CN", "tmall-global", rules).unwrap();
        assert!(!all("r1"));
        fill();
        assert!(all("r1"));
        assert!(!all("r2"));
        assert!(
            unchecked(&conn, "zh-CN", "tmall-global", "r1")
                .unwrap()
                .is_empty()
        );
        assert_eq!(stored(id), Some(ONE));
        // Other rules, or another marketplace: not counted yet.
        assert_eq!(get(&conn, key(id), "tmall-global", "r2").unwrap(), None);
        assert_eq!(unchecked(&conn, "zh-CN", "taobao", "r1").unwrap().len(), 2);

        // The Chinese changes: only that product's count goes.
        copy::set(&conn, id, Locale::ZhCn, CopyField::Title, "车厘子", "edit").unwrap();
        assert_eq!(stored(id), None);
        assert_eq!(stored(other), Some(ONE));
        assert!(!all("r1"));
        let missing = unchecked(&conn, "zh-CN", "tmall-global", "r1").unwrap();
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].text, "车厘子");

        // The English changes.
        fill();
        p.title_en = "Rainier Cherries XL".into();
        products::upsert(&conn, &p, "import").unwrap();
        assert_eq!(stored(id), None);

        // The brand names change (the check allows them).
        fill();
        let fields = products::ProductFields {
            brand_zh: Some("雷尼尔".into()),
            ..Default::default()
        };
        products::set_fields(&conn, "cherries", &fields, "edit").unwrap();
        assert_eq!(stored(id), None);

        // The glossary changes: every count goes.
        fill();
        let term = glossary::GlossaryTerm {
            en: "Cherries".into(),
            zh: "车厘子".into(),
            forbidden: vec!["樱桃".into()],
            note: String::new(),
            category: String::new(),
            origin: "seed".into(),
        };
        glossary::seed(&conn, &[term]).unwrap();
        assert_eq!(stored(id), None);
        assert_eq!(stored(other), None);
    }
}
