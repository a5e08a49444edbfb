//! Full-text search of the product list: the FTS5 table `search` (`migrations/0008_search.sql`),
//! one row per product, and the queries a user's text becomes.
//!
//! Chinese has no spaces, and FTS5's `unicode61` tokenizer would make a whole run of it one
//! token: 樱桃 would never find 雷尼尔樱桃. A trigram tokenizer finds runs of three or more
//! characters only, and most Chinese words have two (樱桃, 坚果). So each Chinese character is
//! indexed as a token of its own ([`index_text`]) and a Chinese word is searched as a phrase of
//! its characters, which finds it anywhere, in any text, at any length. A longer run the user
//! types is cut into words first (the caller's segmenter: jieba in the core), and each word
//! must appear, as each English word must: 新鲜樱桃 finds 樱桃，新鲜采摘.
//!
//! Every piece of the user's text is double-quoted before it reaches `MATCH`, so punctuation
//! (`No. 1999`, `2-lb`, a stray `"`) is text to find, never FTS5 syntax.

use rusqlite::Connection;

use crate::{CachedStatements as _, Result};

/// Whether `c` is written without spaces between words: Han characters and Japanese kana,
/// indexed and searched one character per token.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'   // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK Unified Ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{3134F}') // Extensions B-G
}

/// Full-width ASCII (`２ｌｂ`, common in Chinese copy) as ASCII, which `unicode61` does not fold.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// `text` as the index holds it: HTML tags and entities dropped (Body HTML is copy too), full
/// width folded to ASCII, and each CJK character a word of its own.
pub fn index_text(text: &str, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match narrow(c) {
            '<' => {
                // A tag: skipped to its end (a lone `<` skips to the end of the text, which a
                // search index can afford).
                for c in chars.by_ref() {
                    if c == '>' {
                        break;
                    }
                }
                out.push(' ');
            }
            '&' => {
                // An entity (`&amp;`, `&#39;`) is punctuation; anything else stays.
                let entity: String = chars
                    .clone()
                    .take(9)
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
                    .collect();
                if !entity.is_empty() && chars.clone().nth(entity.chars().count()) == Some(';') {
                    chars.nth(entity.chars().count());
                }
                out.push(' ');
            }
            c if is_cjk(c) => {
                out.push(' ');
                out.push(c);
                out.push(' ');
            }
            c => out.push(c),
        }
    }
    out.push(' ');
}

/// The FTS5 query for what the user typed, or `None` when it holds nothing to search for
/// (empty, spaces or punctuation only: every product matches).
///
/// Words are ANDed. A run of non-CJK text (`2-lb`, `SALMON-5LB`, `No.`) is one quoted phrase
/// whose last token is a prefix (`"2-lb"*` finds `2-lbs`). A CJK run is cut by `segment` (runs
/// of one or two characters are not) and each word is a phrase of its characters.
pub fn match_expr(text: &str, segment: &dyn Fn(&str) -> Vec<String>) -> Option<String> {
    let mut phrases: Vec<String> = Vec::new();
    let mut latin = String::new();
    let mut cjk = String::new();
    let flush_latin = |latin: &mut String, phrases: &mut Vec<String>| {
        if latin.chars().any(char::is_alphanumeric) {
            phrases.push(format!("\"{}\"*", latin.replace('"', "\"\"")));
        }
        latin.clear();
    };
    let flush_cjk = |cjk: &mut String, phrases: &mut Vec<String>| {
        if cjk.is_empty() {
            return;
        }
        let words = if cjk.chars().count() > 2 {
            segment(cjk)
        } else {
            vec![cjk.clone()]
        };
        for word in words {
            let chars: Vec<String> = word
                .chars()
                .filter(|c| is_cjk(*c))
                .map(String::from)
                .collect();
            if !chars.is_empty() {
                phrases.push(format!("\"{}\"", chars.join(" ")));
            }
        }
        cjk.clear();
    };
    for c in text.chars().map(narrow) {
        if is_cjk(c) {
            flush_latin(&mut latin, &mut phrases);
            cjk.push(c);
        } else if c.is_whitespace() {
            flush_latin(&mut latin, &mut phrases);
            flush_cjk(&mut cjk, &mut phrases);
        } else {
            flush_cjk(&mut cjk, &mut phrases);
            latin.push(c);
        }
    }
    flush_latin(&mut latin, &mut phrases);
    flush_cjk(&mut cjk, &mut phrases);
    (!phrases.is_empty()).then(|| phrases.join(" "))
}

/// A segmenter that keeps every run whole (a phrase of all its characters).
pub fn whole(run: &str) -> Vec<String> {
    vec![run.to_owned()]
}

/// Rewrites the index rows of every product the triggers marked, and forgets the marks.
/// Returns how many products were rewritten. Runs inside the caller's write transaction.
pub fn refresh(conn: &Connection) -> Result<usize> {
    let mut read = conn.prepare_cached(
        "SELECT search_dirty.product_id, p.id IS NOT NULL,
                concat_ws(' ', p.handle, p.vendor, p.brand_en, p.brand_zh, p.product_type, p.tags,
                  (SELECT group_concat(sku, ' ') FROM variants v
                   WHERE v.product_id = search_dirty.product_id),
                  (SELECT group_concat(text, ' ') FROM copy c
                   WHERE c.product_id = search_dirty.product_id))
         FROM search_dirty LEFT JOIN products p ON p.id = search_dirty.product_id",
    )?;
    let mut rows = read.query([])?;
    let mut body = String::new();
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        conn.exec_cached("DELETE FROM search WHERE rowid = ?1", [id])?;
        if row.get::<_, bool>(1)? {
            body.clear();
            index_text(row.get_ref(2)?.as_str().unwrap_or_default(), &mut body);
            conn.exec_cached(
                "INSERT INTO search (rowid, body) VALUES (?1, ?2)",
                rusqlite::params![id, body],
            )?;
        }
        n += 1;
    }
    drop(rows);
    if n > 0 {
        conn.exec_cached("DELETE FROM search_dirty", [])?;
    }
    Ok(n)
}

/// Brings the index up to date before a search reads it. Every write transaction refreshes
/// before it commits ([`crate::WriteTx::commit`]), so this finds nothing to do unless a
/// statement outside one marked a product: then it refreshes in a write transaction of its own
/// (or in the caller's, when one is open).
pub fn ensure_fresh(conn: &Connection) -> Result<()> {
    let dirty: bool = conn.row_cached(
        "SELECT max(product_id) IS NOT NULL FROM search_dirty",
        [],
        |r| r.get(0),
    )?;
    if !dirty {
        return Ok(());
    }
    if !conn.is_autocommit() {
        refresh(conn)?;
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    match refresh(conn) {
        Ok(_) => Ok(conn.execute_batch("COMMIT")?),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::copy::{self, CopyField, Locale};
    use crate::queries::list::{self, ListFilter};
    use crate::queries::products::{id_of, tests::sample, upsert};
    use crate::test_support::temp_catalog;

    /// The handles the list shows for what a user typed, by the index (`ensure_fresh` must
    /// find nothing to do when every write went through a `WriteTx`).
    fn found(conn: &Connection, text: &str) -> Vec<String> {
        let matching = match_expr(text, &whole);
        let filter = ListFilter {
            matching: matching.as_deref(),
            ..ListFilter::default()
        };
        list::summaries_page(conn, &filter, list::ListOrder::Vendor, 0, None)
            .unwrap()
            .into_iter()
            .map(|s| s.handle)
            .collect()
    }

    fn dirty(conn: &Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM search_dirty", [], |r| r.get(0))
            .unwrap()
    }

    /// Three products written in one transaction, with Chinese titles.
    fn catalog() -> (tempfile::TempDir, crate::Catalog) {
        let (dir, catalog) = temp_catalog();
        let mut conn = catalog.connect().unwrap();
        let tx = crate::write_tx(&mut conn).unwrap();
        for (handle, title_en, title_zh) in [
            (
                "rainier",
                "Rainier Cherries No. 1999 Harvest",
                "华盛顿州雷尼尔樱桃 2-lb 礼盒",
            ),
            ("almonds", "Roasted Almonds, 2-lbs", "加州烤杏仁坚果"),
            ("salmon", "Wild Sockeye Salmon", "阿拉斯加红鲑鱼"),
        ] {
            let mut p = sample(handle);
            p.title_en = title_en.into();
            upsert(&tx, &p, "import").unwrap();
            let id = id_of(&tx, handle).unwrap();
            copy::set(&tx, id, Locale::ZhCn, CopyField::Title, title_zh, "edit").unwrap();
        }
        tx.commit().unwrap();
        (dir, catalog)
    }

    #[test]
    fn two_character_chinese_words_find_their_products() {
        let (_dir, catalog) = catalog();
        let conn = catalog.connect().unwrap();
        assert_eq!(dirty(&conn), 0, "the commit wrote every search row");
        assert_eq!(found(&conn, "樱桃"), ["rainier"]);
        assert_eq!(found(&conn, "坚果"), ["almonds"]);
        assert_eq!(found(&conn, "鲑鱼"), ["salmon"]);
        assert_eq!(found(&conn, "杏"), ["almonds"]);
        assert_eq!(found(&conn, "雷尼尔樱桃"), ["rainier"]);
        // Characters of a word that are not next to each other do not make the word.
        assert!(found(&conn, "樱盒").is_empty());
        // Words anywhere in the text, in any order, each required.
        assert_eq!(found(&conn, "礼盒 樱桃"), ["rainier"]);
        assert!(found(&conn, "樱桃 坚果").is_empty());
    }

    #[test]
    fn punctuation_is_text_never_syntax() {
        let (_dir, catalog) = catalog();
        let conn = catalog.connect().unwrap();
        assert_eq!(found(&conn, "No. 1999"), ["rainier"]);
        assert_eq!(found(&conn, "2-lb"), ["rainier", "almonds"]);
        assert_eq!(found(&conn, "2-lbs,"), ["almonds"]);
        for text in [
            "\"",
            "\"unclosed",
            "(",
            "a OR",
            "NOT b",
            "*",
            "c AND (",
            "NEAR(x y)",
            "-x",
            "^x",
            "col:x",
            "'; DROP TABLE products; --",
            "100%",
            "{}",
            "+",
            "a_b",
        ] {
            // Never an error; the list either filters or shows everything.
            let _ = found(&conn, text);
        }
        assert_eq!(found(&conn, "..."), ["rainier", "almonds", "salmon"]);
    }

    #[test]
    fn a_word_being_typed_finds_by_its_start_in_any_field() {
        let (_dir, catalog) = catalog();
        let conn = catalog.connect().unwrap();
        assert_eq!(found(&conn, "sock"), ["salmon"]);
        assert_eq!(found(&conn, "CHER"), ["rainier"]);
        assert_eq!(
            found(&conn, "columbia orch"),
            ["rainier", "almonds", "salmon"]
        );
        assert_eq!(found(&conn, "salmon-5L"), ["salmon"]);
        assert_eq!(found(&conn, "ＳＡＬＭＯＮ"), ["salmon"]);
        // Body HTML is searched as text: its tags are not words.
        assert!(found(&conn, "p").is_empty());
        assert_eq!(found(&conn, "sweet").len(), 3);
    }

    #[test]
    fn the_index_stays_in_step_with_every_write() {
        let (_dir, catalog) = catalog();
        let mut conn = catalog.connect().unwrap();
        let id = id_of(&conn, "rainier").unwrap();

        // Copy changed in a write transaction: in step at commit.
        let tx = crate::write_tx(&mut conn).unwrap();
        copy::set(
            &tx,
            id,
            Locale::ZhCn,
            CopyField::Title,
            "华盛顿州车厘子",
            "edit",
        )
        .unwrap();
        tx.commit().unwrap();
        assert_eq!(dirty(&conn), 0);
        assert!(found(&conn, "樱桃").is_empty());
        assert_eq!(found(&conn, "车厘子"), ["rainier"]);

        // A statement outside any transaction: the next search brings the index up to date.
        copy::set(
            &conn,
            id,
            Locale::En,
            CopyField::Title,
            "Bing Cherries",
            "edit",
        )
        .unwrap();
        assert_eq!(dirty(&conn), 1);
        assert!(found(&conn, "harvest").is_empty());
        assert_eq!(found(&conn, "bing"), ["rainier"]);
        assert_eq!(dirty(&conn), 0);

        // Brand and vendor, a new SKU, a re-import, a deleted product.
        let fields = crate::ProductFields {
            brand_zh: Some("哥伦比亚果园".into()),
            ..Default::default()
        };
        let tx = crate::write_tx(&mut conn).unwrap();
        crate::queries::products::set_fields(&tx, "rainier", &fields, "edit").unwrap();
        let mut p = sample("salmon");
        p.title_en = "Wild Sockeye Salmon".into();
        p.variants[0].sku = Some("KODIAK-RED-1".into());
        upsert(&tx, &p, "import").unwrap();
        tx.execute("DELETE FROM products WHERE handle = 'almonds'", [])
            .unwrap();
        tx.commit().unwrap();
        assert_eq!(found(&conn, "果园"), ["rainier"]);
        assert_eq!(found(&conn, "kodiak-red"), ["salmon"]);
        assert!(found(&conn, "salmon-2lb").is_empty());
        assert!(found(&conn, "坚果").is_empty());
        let rows: i64 = conn
            .query_row(
                "SELECT count(*) FROM search WHERE search MATCH '\"sweet\"'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows, 2, "the deleted product's row is gone");

        // A rolled-back write leaves the index as it was.
        let tx = crate::write_tx(&mut conn).unwrap();
        copy::set(&tx, id, Locale::ZhCn, CopyField::Title, "苹果", "edit").unwrap();
        drop(tx);
        assert!(found(&conn, "苹果").is_empty());
        assert_eq!(found(&conn, "车厘子"), ["rainier"]);
    }

    fn expr(text: &str) -> Option<String> {
        match_expr(text, &whole)
    }

    #[test]
    fn chinese_is_indexed_one_character_per_token() {
        let mut out = String::new();
        index_text("<p>雷尼尔樱桃 2&amp;lb</p>", &mut out);
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            ["雷", "尼", "尔", "樱", "桃", "2", "lb"]
        );
        out.clear();
        index_text("净含量：２ｌｂ", &mut out);
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            ["净", "含", "量", ":2lb"]
        );
    }

    #[test]
    fn user_text_becomes_quoted_phrases() {
        assert_eq!(expr("  "), None);
        assert_eq!(expr("- % \" *"), None);
        assert_eq!(expr("cherries"), Some("\"cherries\"*".into()));
        assert_eq!(expr("No. 1999"), Some("\"No.\"* \"1999\"*".into()));
        assert_eq!(expr("2-lb"), Some("\"2-lb\"*".into()));
        assert_eq!(expr("say \"hi"), Some("\"say\"* \"\"\"hi\"*".into()));
        assert_eq!(expr("樱桃"), Some("\"樱 桃\"".into()));
        assert_eq!(expr("樱桃2lb"), Some("\"樱 桃\" \"2lb\"*".into()));
        let split = |run: &str| vec![run[..6].to_owned(), run[6..].to_owned()];
        assert_eq!(
            match_expr("新鲜樱桃", &split),
            Some("\"新 鲜\" \"樱 桃\"".into())
        );
    }
}
