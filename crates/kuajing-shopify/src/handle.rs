//! Handles as safe names. A product's handle names its folder in a bundle and its files
//! downstream, so every handle is made a safe slug: lowercase ASCII letters, digits, `_` and
//! single dashes, no dash at either end, at most 255 characters, and not a name Windows
//! reserves for a device (`con`, `nul`, `com1`, …).
//!
//! Shopify writes handles of `a-z`, `0-9` and `-`; a real export in `tests/fixtures` also has
//! `_` (`untitled-nov5_04-35`), which is safe and kept. Any other handle is cleaned: letters
//! lowercased, accented Latin letters reduced to their base letter (`Crème` → `creme`), every
//! other character (spaces, `/`, `\`, `.`, control characters, Chinese) a separator. A handle
//! with nothing left becomes `product-<row>`.
//!
//! Rows are still grouped by the handle as written; only the product's handle changes. Two
//! products whose handles clean to one slug are not merged: a handle that was already safe
//! keeps its name wherever it is in the file, and the others take the first free `-2`, `-3`, …
//! in row order.

use std::collections::HashMap;

/// Shopify's limit for a handle, and a file name's on common file systems (in bytes; a slug is
/// ASCII).
const MAX_LEN: usize = 255;

/// Room kept for a `-<number>` suffix.
const SUFFIX_ROOM: usize = 8;

/// What became of one product's handle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Safe as written.
    Kept,
    /// Cleaned into the slug.
    Cleaned,
    /// Cleaned, and the clean form belonged to product `other` (an index into the handles), so
    /// a suffix was added.
    Clash { other: usize },
}

/// The safe form of `raw`, the handle on spreadsheet row `row`, before making it unique.
pub(crate) fn slug(raw: &str, row: usize) -> String {
    let mut slug = String::with_capacity(raw.len().min(MAX_LEN));
    let mut separator = false;
    'chars: for c in raw.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'a'..='z' | '0'..='9' | '_' => None,
            _ => match fold(c) {
                Some(folded) => Some(folded),
                None => {
                    separator = true;
                    continue;
                }
            },
        };
        let mut buffer = [0; 4];
        let piece = folded.unwrap_or_else(|| c.encode_utf8(&mut buffer));
        for part in piece.chars() {
            let dash = usize::from(separator && !slug.is_empty());
            if slug.len() + dash + 1 > MAX_LEN {
                break 'chars;
            }
            if dash == 1 {
                slug.push('-');
            }
            separator = false;
            slug.push(part);
        }
    }
    if slug.is_empty() {
        slug = format!("product-{row}");
    }
    if is_reserved(&slug) {
        slug.push_str("-product");
    }
    slug
}

/// Latin letters with diacritics (already lowercase) as their base letters.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Device names Windows will not use for a file or folder, whatever the case or extension.
fn is_reserved(slug: &str) -> bool {
    match slug {
        "con" | "prn" | "aux" | "nul" => true,
        _ => {
            let (prefix, digit) = slug.split_at(slug.len().min(3));
            matches!(prefix, "com" | "lpt") && matches!(digit.as_bytes(), [b'1'..=b'9'])
        }
    }
}

/// The handle and its outcome for each product, given as (handle as written, first row), in
/// file order. The handles as written are distinct (rows with one handle are one product).
pub(crate) fn assign(products: &[(&str, usize)]) -> Vec<(String, Outcome)> {
    let slugs: Vec<String> = products.iter().map(|&(raw, row)| slug(raw, row)).collect();
    // Handles already safe keep their names: reserve them first.
    let mut taken: HashMap<String, usize> = HashMap::with_capacity(products.len());
    for (index, (&(raw, _), slug)) in products.iter().zip(&slugs).enumerate() {
        if raw == slug {
            taken.insert(slug.clone(), index);
        }
    }
    // The next suffix to try for each stem, so no suffix is tried twice.
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut assigned = Vec::with_capacity(products.len());
    for (index, (&(raw, _), slug)) in products.iter().zip(slugs).enumerate() {
        if raw == slug {
            assigned.push((slug, Outcome::Kept));
            continue;
        }
        let Some(&other) = taken.get(&slug) else {
            taken.insert(slug.clone(), index);
            assigned.push((slug, Outcome::Cleaned));
            continue;
        };
        let mut stem = slug;
        stem.truncate(MAX_LEN - SUFFIX_ROOM);
        while stem.ends_with('-') {
            stem.pop();
        }
        let n = next.entry(stem.clone()).or_insert(2);
        let unique = loop {
            let candidate = format!("{stem}-{n}");
            *n += 1;
            if !taken.contains_key(&candidate) {
                break candidate;
            }
        };
        taken.insert(unique.clone(), index);
        assigned.push((unique, Outcome::Clash { other }));
    }
    assigned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for (raw, expected) in [
            ("rainier-cherries", "rainier-cherries"),
            ("untitled-nov5_04-35", "untitled-nov5_04-35"),
            ("Rainier Cherries", "rainier-cherries"),
            ("../../etc/passwd", "etc-passwd"),
            (r"a\b", "a-b"),
            (r"C:\Windows\system32", "c-windows-system32"),
            ("--pie--", "pie"),
            ("a--b", "a-b"),
            ("bell\u{7}ring\tand\nline", "bell-ring-and-line"),
            ("Crème Brûlée", "creme-brulee"),
            ("Straße Œuvre Ærø", "strasse-oeuvre-aero"),
            ("樱桃 Cherries 2kg", "cherries-2kg"),
            ("cherry樱桃pie", "cherry-pie"),
            ("CON", "con-product"),
            ("nul", "nul-product"),
            ("Com1", "com1-product"),
            ("lpt9", "lpt9-product"),
            ("com10", "com10"),
            ("console", "console"),
        ] {
            assert_eq!(slug(raw, 7), expected, "{raw:?}");
        }
    }

    #[test]
    fn nothing_left_is_named_by_row() {
        assert_eq!(slug("樱桃", 7), "product-7");
        assert_eq!(slug("../..", 12), "product-12");
        assert_eq!(slug("\u{7}", 3), "product-3");
    }

    #[test]
    fn slugs_stop_at_255() {
        assert_eq!(slug(&"a".repeat(300), 2).len(), 255);
        // No dash is left at the end when the cut falls on a separator.
        let raw = format!("{} b", "a".repeat(254));
        assert_eq!(slug(&raw, 2), "a".repeat(254));
    }

    #[test]
    fn clashes_take_the_next_free_suffix() {
        let assigned = assign(&[("A", 2), ("a!", 3), ("a", 4), ("a-3", 5), ("A!!", 6)]);
        let slugs: Vec<&str> = assigned.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(slugs, ["a-2", "a-4", "a", "a-3", "a-5"]);
        assert_eq!(assigned[0].1, Outcome::Clash { other: 2 });
        assert_eq!(assigned[2].1, Outcome::Kept);
    }

    #[test]
    fn long_clashes_stay_within_255() {
        let long = "X".repeat(300);
        let longer = format!("{long}y");
        let assigned = assign(&[(long.as_str(), 2), (longer.as_str(), 3)]);
        assert_eq!(assigned[0].0, "x".repeat(255));
        assert_eq!(assigned[1].0, format!("{}-2", "x".repeat(247)));
        assert_eq!(assigned[1].1, Outcome::Clash { other: 0 });
    }
}
