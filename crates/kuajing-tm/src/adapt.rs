//! Number-aware matching: when the query and an entry's source differ only in quantities, the
//! entry's target with the entry's quantities replaced by the query's.
//!
//! A quantity is a number token, optionally followed by a unit: one or two words right after
//! it (a `-` may stand between number and unit, a `.` between two unit words: "5-lb",
//! "12 fl. oz") that the caller's converter turns into Chinese ("5 lb" → "2.27千克"). Without a
//! converter, or for words it does not know ("6 bags"), the quantity is the number alone.
//!
//! The rule:
//! 1. Both texts, with each quantity replaced by a placeholder, must be the same token for
//!    token (after folding and lower-casing), and at least one quantity must differ. The
//!    quantities are then paired in order.
//! 2. Renderings are looked for in the entry's target: a quantity's converted form
//!    ("2.27千克") and its number as written ("5"), whole numbers only ("5" is not found in
//!    "15", "5.5" or "2.5"); whitespace inside a rendering is optional, width is folded.
//! 3. A changed quantity's converted form, where found, becomes the query's converted form;
//!    its number, where found and when both have the same unit (or none), becomes the query's
//!    number: "5 lb" → "2 lb" turns "5磅（2.27千克）" into "2磅（907克）". A changed quantity
//!    found in neither form, one whose query side does not convert, or one whose unit changes
//!    while its old number still stands in the target ("16盎司（454克）") gives no adaptation.
//! 4. Every occurrence is replaced ("6袋装（6袋）" → "12袋装（12袋）"); where renderings
//!    overlap, the longest wins. When a number that changes is also the number of another
//!    quantity, there is no telling which occurrence is whose, and there is no adaptation,
//!    unless that other quantity stands in the target in its converted form and the number
//!    occurs no more often than the quantities changing it ("2 Pack, 2 lb each" →
//!    "2瓶装，每瓶907克" can become "3瓶装，每瓶907克"; "2 Pack 2 Clusters" → "2袋装 2簇"
//!    cannot). The same holds for a converted form two quantities share.

use crate::normalize::fold;
use crate::tokens::{Class, Token, folded};

/// Converts an English quantity ("5 lb") to its Chinese rendering ("2.27千克").
pub type Convert<'a> = &'a dyn Fn(&str) -> Option<String>;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Quantity {
    /// Token indices, first and last (inclusive).
    first: usize,
    last: usize,
    /// The number as written, width folded ("5").
    number: String,
    /// The unit words as written, width folded, joined by a space ("fl oz").
    unit: Option<String>,
    /// Lower-cased number and unit, for comparing two quantities.
    key: (String, Option<String>),
}

impl Quantity {
    /// What the converter is given: "5 lb".
    fn spoken(&self) -> Option<String> {
        self.unit.as_ref().map(|u| format!("{} {u}", self.number))
    }
}

fn quantities(text: &str, tokens: &[Token], convert: Convert<'_>) -> Vec<Quantity> {
    let word = |i: usize| tokens.get(i).filter(|t| t.class == Class::Word);
    let punct = |i: usize, p: &str| tokens.get(i).is_some_and(|t| t.norm == p);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].class != Class::Number {
            i += 1;
            continue;
        }
        let number = folded(text, &tokens[i]);
        let u1 = if punct(i + 1, "-") { i + 2 } else { i + 1 };
        let u2 = if punct(u1 + 1, ".") { u1 + 2 } else { u1 + 1 };
        let mut found = None;
        if let Some(t1) = word(u1) {
            let one = folded(text, t1);
            if let Some(t2) = word(u2) {
                let two = format!("{one} {}", folded(text, t2));
                if convert(&format!("{number} {two}")).is_some() {
                    found = Some((u2, two));
                }
            }
            if found.is_none() && convert(&format!("{number} {one}")).is_some() {
                found = Some((u1, one));
            }
        }
        let (last, unit) = match found {
            Some((last, unit)) => (last, Some(unit)),
            None => (i, None),
        };
        out.push(Quantity {
            first: i,
            last,
            key: (
                number.to_lowercase(),
                unit.as_ref().map(|u| u.to_lowercase()),
            ),
            number,
            unit,
        });
        i = last + 1;
    }
    out
}

/// The token norms with each quantity replaced by a placeholder.
fn masked<'t>(tokens: &'t [Token], qs: &[Quantity]) -> Vec<&'t str> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut next = qs.iter().peekable();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(q) = next.next_if(|q| q.first == i) {
            out.push("\u{0}");
            i = q.last + 1;
        } else {
            out.push(tokens[i].norm.as_str());
            i += 1;
        }
    }
    out
}

/// The query's quantities, worked out once per search.
#[derive(Debug)]
pub(crate) struct QueryQuantities<'q> {
    tokens: &'q [Token],
    quantities: Vec<Quantity>,
}

impl<'q> QueryQuantities<'q> {
    pub(crate) fn new(text: &'q str, tokens: &'q [Token], convert: Convert<'_>) -> Self {
        Self {
            tokens,
            quantities: quantities(text, tokens, convert),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.quantities.is_empty()
    }
}

/// The entry's `target` with its quantities replaced by the query's, when the query and the
/// entry's `source` differ only in quantities (see the module rule).
pub(crate) fn adapt(
    query: &QueryQuantities<'_>,
    source: &str,
    source_tokens: &[Token],
    target: &str,
    convert: Convert<'_>,
) -> Option<String> {
    let theirs = quantities(source, source_tokens, convert);
    if theirs.len() != query.quantities.len()
        || masked(query.tokens, &query.quantities) != masked(source_tokens, &theirs)
    {
        return None;
    }
    let hay = Haystack::new(target);
    // rendering (folded, no whitespace) → what it becomes (None: stays as it is)
    let mut claims: Vec<(String, Option<String>)> = Vec::new();
    // each number as written: how many changed quantities replace it where it stands, how
    // many other quantities have it, and how many of those have no converted form in the target
    let mut numbers: Vec<(String, Tally)> = Vec::new();
    let mut changed = false;
    for (q, s) in query.quantities.iter().zip(&theirs) {
        let converted = s
            .spoken()
            .and_then(|sp| convert(&sp))
            .map(|r| squeeze(&r))
            .filter(|r| hay.contains(r));
        let number = squeeze(&s.number);
        let at = match numbers.iter().position(|(n, _)| *n == number) {
            Some(at) => at,
            None => {
                numbers.push((number.clone(), Tally::default()));
                numbers.len() - 1
            }
        };
        let tally = &mut numbers[at].1;
        if q.key == s.key {
            tally.others += 1;
            tally.unplaced += usize::from(converted.is_none());
            if let Some(r) = converted {
                claim(&mut claims, r, None)?;
            }
            continue;
        }
        changed = true;
        let mut placed = false;
        if let Some(r) = converted {
            claim(&mut claims, r, Some(convert(&q.spoken()?)?))?;
            placed = true;
        }
        if q.key.1 == s.key.1 && hay.contains(&number) {
            claim(&mut claims, number, Some(q.number.clone()))?;
            tally.mine += 1;
            placed = true;
        } else {
            tally.others += 1;
            // the number in its old unit next to the converted one ("16盎司（454克）"): that
            // part cannot follow a change of unit
            if q.key.1 != s.key.1 && hay.contains(&number) {
                return None;
            }
        }
        if !placed {
            return None;
        }
    }
    if !changed {
        return None;
    }
    // a number that changes where another quantity has the same number: fine only when that
    // one is in the target in its converted form and the number stands there no more often
    // than the changed ones ("2 Pack, 2 lb each" → "2瓶装，每瓶907克")
    for (number, t) in &numbers {
        if t.mine > 0 && t.others > 0 && (t.unplaced > 0 || hay.find_all(number).len() > t.mine) {
            return None;
        }
    }
    // every occurrence of every rendering; the longest wins where they overlap
    let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (first char, last char, claim)
    for (c, (r, _)) in claims.iter().enumerate() {
        found.extend(hay.find_all(r).into_iter().map(|(a, b)| (a, b, c)));
    }
    found.sort_by_key(|&(a, b, _)| (std::cmp::Reverse(b - a), a));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for f in found {
        if kept.iter().all(|k| f.1 < k.0 || f.0 > k.1) {
            kept.push(f);
        }
    }
    for (c, (_, to)) in claims.iter().enumerate() {
        if to.is_some() && !kept.iter().any(|k| k.2 == c) {
            return None;
        }
    }
    kept.retain(|k| claims[k.2].1.is_some());
    kept.sort_by_key(|k| k.0);
    let mut out = String::with_capacity(target.len() + 8);
    let mut at = 0;
    for (a, b, c) in kept {
        let (start, end) = (hay.chars[a].0, hay.chars[b].1);
        out.push_str(&target[at..start]);
        out.push_str(claims[c].1.as_deref().unwrap_or_default());
        at = end;
    }
    out.push_str(&target[at..]);
    Some(out)
}

#[derive(Debug, Default)]
struct Tally {
    mine: usize,
    others: usize,
    unplaced: usize,
}

/// Records that `rendering` becomes `to`; `None` when it is already to become something else.
fn claim(
    claims: &mut Vec<(String, Option<String>)>,
    rendering: String,
    to: Option<String>,
) -> Option<()> {
    match claims.iter().find(|(r, _)| *r == rendering) {
        Some((_, was)) if *was != to => None,
        Some(_) => Some(()),
        None => {
            claims.push((rendering, to));
            Some(())
        }
    }
}

/// `text` width folded, without whitespace.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter_map(fold)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A target prepared for finding renderings: folded characters with their byte spans, and the
/// positions of the ones that are not whitespace.
struct Haystack {
    chars: Vec<(usize, usize, char)>,
    visible: Vec<usize>,
}

impl Haystack {
    fn new(text: &str) -> Self {
        let chars: Vec<(usize, usize, char)> = text
            .char_indices()
            .filter_map(|(i, c)| fold(c).map(|f| (i, i + c.len_utf8(), f)))
            .collect();
        let visible = (0..chars.len())
            .filter(|&i| !chars[i].2.is_whitespace())
            .collect();
        Self { chars, visible }
    }

    fn contains(&self, needle: &str) -> bool {
        !self.find_all(needle).is_empty()
    }

    /// Occurrences of `needle` (folded, no whitespace) as (first, last) char positions,
    /// skipping whitespace in the haystack, never part of a longer number.
    fn find_all(&self, needle: &str) -> Vec<(usize, usize)> {
        let needle: Vec<char> = needle.chars().collect();
        let (Some(&first), Some(&last)) = (needle.first(), needle.last()) else {
            return Vec::new();
        };
        let ch = |i: usize| self.chars.get(i).map(|c| c.2);
        let digit = |i: Option<usize>| i.and_then(ch).is_some_and(|c| c.is_ascii_digit());
        let sep = |i: Option<usize>| i.and_then(ch).is_some_and(|c| matches!(c, '.' | ',' | '/'));
        let mut out = Vec::new();
        if needle.len() > self.visible.len() {
            return out;
        }
        for p in 0..=self.visible.len() - needle.len() {
            let same = needle
                .iter()
                .enumerate()
                .all(|(k, n)| ch(self.visible[p + k]).is_some_and(|h| h.eq_ignore_ascii_case(n)));
            if !same {
                continue;
            }
            let (a, b) = (self.visible[p], self.visible[p + needle.len() - 1]);
            let before = a.checked_sub(1);
            let before2 = a.checked_sub(2);
            if first.is_ascii_digit() && (digit(before) || (sep(before) && digit(before2))) {
                continue;
            }
            if last.is_ascii_digit()
                && (digit(Some(b + 1)) || (sep(Some(b + 1)) && digit(Some(b + 2))))
            {
                continue;
            }
            out.push((a, b));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn whole_numbers_only() {
        let hay = Haystack::new("15袋，5.5磅，2.5千克，5袋，共 5 件");
        assert_eq!(hay.find_all("5").len(), 2);
        let hay = Haystack::new("雷尼尔樱桃 2.27 千克 礼盒装");
        assert_eq!(hay.find_all("2.27千克").len(), 1);
        assert!(hay.find_all("2").is_empty());
    }

    #[test]
    fn units_are_what_the_converter_knows() {
        let convert =
            |s: &str| (s.ends_with(" lb") || s.ends_with(" fl oz")).then(|| "x".to_owned());
        let text = "Maple Syrup 12 fl. oz, 2-lb Jug, 6 Bags";
        let tokens = tokenize(text);
        let qs = quantities(text, &tokens, &convert);
        let got: Vec<_> = qs
            .iter()
            .map(|q| (q.number.as_str(), q.unit.as_deref()))
            .collect();
        assert_eq!(got, [("12", Some("fl oz")), ("2", Some("lb")), ("6", None)]);
    }
}
