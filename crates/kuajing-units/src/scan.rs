//! Finding quantities: width folding, numbers, unit spellings and the rules that keep
//! lookalikes out (Q10, No.10, 重磅, "3 in 1", 34F).

use aho_corasick::AhoCorasick;

use crate::table::{Spelling, Table};
use crate::{Paired, Quantity, Value};

/// The character a matcher sees: full-width ASCII as half-width (１２ｏｚ → 12oz), odd spaces as
/// a space, º and ˚ as °, the minus sign as a hyphen. One character stays one character, so
/// offsets carry over.
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
        'º' | '˚' => '°',
        '−' => '-',
        '〜' => '~',
        _ => c,
    }
}

fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// The folded text with its character and byte positions.
#[derive(Debug)]
pub(crate) struct Text {
    pub chars: Vec<char>,
    pub folded: String,
    /// Byte offset in `folded` of each character, plus `folded.len()` at the end.
    byte_starts: Vec<usize>,
}

impl Text {
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().map(fold).collect();
        let mut folded = String::with_capacity(text.len());
        let mut byte_starts = Vec::with_capacity(chars.len() + 1);
        for &c in &chars {
            byte_starts.push(folded.len());
            folded.push(c);
        }
        byte_starts.push(folded.len());
        Self {
            chars,
            folded,
            byte_starts,
        }
    }

    fn char_at(&self, byte: usize) -> usize {
        match self.byte_starts.binary_search(&byte) {
            Ok(i) | Err(i) => i,
        }
    }

    fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.get(j))
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while self.get(i).is_some_and(is_space) {
            i += 1;
        }
        i
    }

    fn skip_spaces_back(&self, mut i: usize) -> usize {
        while self.before(i).is_some_and(is_space) {
            i -= 1;
        }
        i
    }

    fn slice(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end.min(self.chars.len()))
            .unwrap_or_default()
            .iter()
            .collect()
    }
}

/// One number of an expression.
#[derive(Debug, Clone, Copy)]
struct Part {
    /// Where the digits start.
    start: usize,
    /// Where a minus sign stands before them, if one does.
    sign: Option<usize>,
    end: usize,
    value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Single,
    Range,
    Dims,
}

/// A number, a range (2-3, 2~3, 2至3, 2 to 3) or dimensions (12 x 8).
#[derive(Debug, Clone)]
struct Expr {
    parts: Vec<Part>,
    shape: Shape,
    end: usize,
}

/// Parses an unsigned number at `i`: 16, 1,000, 2.5, .5, ½, 1½, 1 ½, 1/2, 1 1/2, 1-1/2.
fn number(t: &Text, i: usize) -> Option<Part> {
    let c = t.get(i)?;
    if let Some(v) = vulgar(c) {
        return Some(Part {
            start: i,
            sign: None,
            end: i + 1,
            value: v,
        });
    }
    let digit = |k: usize| t.get(k).is_some_and(|c| c.is_ascii_digit());
    let mut j = i;
    while digit(j) {
        j += 1;
    }
    let int_len = j - i;
    let mut grouped = false;
    if (1..=3).contains(&int_len) {
        while t.get(j) == Some(',') && (1..=3).all(|k| digit(j + k)) && !digit(j + 4) {
            j += 4;
            grouped = true;
        }
    }
    let mut decimal = false;
    if t.get(j) == Some('.') && digit(j + 1) {
        j += 1;
        while digit(j) {
            j += 1;
        }
        decimal = true;
    }
    if j == i || (int_len == 0 && !decimal) {
        return None;
    }
    let s: String = t.slice(i, j).chars().filter(|&c| c != ',').collect();
    let mut value: f64 = s.parse().ok()?;
    let mut end = j;
    if int_len > 0 && !grouped && !decimal {
        let fraction_at = |k: usize| -> Option<(usize, f64, f64)> {
            let mut m = k;
            while digit(m) {
                m += 1;
            }
            if m == k || t.get(m) != Some('/') {
                return None;
            }
            let mut e = m + 1;
            while digit(e) {
                e += 1;
            }
            if e == m + 1 || t.get(e) == Some('.') && digit(e + 1) {
                return None;
            }
            let n: f64 = t.slice(k, m).parse().ok()?;
            let d: f64 = t.slice(m + 1, e).parse().ok()?;
            (d != 0.0).then_some((e, n, d))
        };
        if let Some(v) = t.get(j).and_then(vulgar) {
            value += v;
            end = j + 1;
        } else if t.get(j) == Some(' ')
            && let Some(v) = t.get(j + 1).and_then(vulgar)
        {
            value += v;
            end = j + 2;
        } else if let Some((e, n, d)) = fraction_at(i) {
            value = n / d;
            end = e;
        } else if matches!(t.get(j), Some(' ' | '-'))
            && let Some((e, n, d)) = fraction_at(j + 1)
            && n < d
        {
            value += n / d;
            end = e;
        }
    }
    Some(Part {
        start: i,
        sign: None,
        end,
        value,
    })
}

/// A number with an optional minus sign before it.
fn signed_number(t: &Text, i: usize, allow_sign: bool) -> Option<Part> {
    if allow_sign && t.get(i) == Some('-') {
        let mut p = number(t, i + 1)?;
        p.sign = Some(i);
        return Some(p);
    }
    number(t, i)
}

/// The end of a range separator at `i` (-, –, —, ~, 至, 到, "to"), and whether it was a hyphen.
fn range_separator(t: &Text, i: usize) -> Option<(usize, bool)> {
    match t.get(i)? {
        '-' => Some((i + 1, true)),
        '–' | '—' | '~' | '至' | '到' => Some((i + 1, false)),
        't' | 'T'
            if t.get(i + 1).is_some_and(|c| c.eq_ignore_ascii_case(&'o'))
                && t.get(i + 2).is_some_and(is_space) =>
        {
            Some((i + 2, false))
        }
        _ => None,
    }
}

fn expression(t: &Text, i: usize) -> Option<Expr> {
    let first = signed_number(t, i, true)?;
    let mut parts = vec![first];
    let mut end = first.end;
    let k = t.skip_spaces(end);
    if let Some((after, hyphen)) = range_separator(t, k)
        && let Some(p) = signed_number(t, t.skip_spaces(after), !hyphen)
    {
        parts.push(p);
        return Some(Expr {
            parts,
            shape: Shape::Range,
            end: p.end,
        });
    }
    let mut shape = Shape::Single;
    loop {
        let k = t.skip_spaces(end);
        if !matches!(t.get(k), Some('x' | 'X' | '×' | '*')) {
            break;
        }
        let Some(p) = number(t, t.skip_spaces(k + 1)) else {
            break;
        };
        parts.push(p);
        end = p.end;
        shape = Shape::Dims;
    }
    Some(Expr { parts, shape, end })
}

fn starts_number(t: &Text, i: usize) -> bool {
    match t.get(i) {
        Some(c) if c.is_ascii_digit() || vulgar(c).is_some() => true,
        Some('.') => t.get(i + 1).is_some_and(|c| c.is_ascii_digit()),
        Some('-') => t
            .get(i + 1)
            .is_some_and(|c| c.is_ascii_digit() || vulgar(c).is_some() || c == '.'),
        _ => false,
    }
}

/// Every number expression of the text, in order, none overlapping. A number glued to letters
/// before it (Q10, A12, No.10, v2.5) is part of a name, not a quantity.
fn expressions(t: &Text) -> Vec<Expr> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.chars.len() {
        if !starts_number(t, i) {
            i += 1;
            continue;
        }
        if t.before(i)
            .is_some_and(|p| p.is_ascii_alphanumeric() || p == '_' || p == '.')
        {
            // After a word a hyphen is no minus sign, but the number after it is a number
            // (32°F-572°F, 5'-6').
            if t.get(i) == Some('-') {
                i += 1;
                continue;
            }
            i += 1;
            while t
                .get(i)
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/'))
            {
                i += 1;
            }
            continue;
        }
        match expression(t, i) {
            Some(e) => {
                i = e.end;
                out.push(e);
            }
            None => i += 1,
        }
    }
    out
}

fn zh_digit(c: char) -> Option<u32> {
    match c {
        '零' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// 一 ... 九十九, 两, 半: the ways a small count is written before a Chinese unit (两磅, 十二盎司).
fn zh_number(run: &[char]) -> Option<f64> {
    let v = match run {
        ['半'] => return Some(0.5),
        ['十'] => 10,
        [d] => zh_digit(*d)?,
        ['十', d] => 10 + zh_digit(*d)?,
        [t, '十'] => zh_digit(*t)? * 10,
        [t, '十', d] => zh_digit(*t)? * 10 + zh_digit(*d)?,
        _ => return None,
    };
    Some(f64::from(v))
}

fn is_zh_numeral(c: char) -> bool {
    zh_digit(c).is_some() || c == '十' || c == '半'
}

/// Quotation marks taken as inch and foot marks so far, so that a mark closing a quotation
/// ("Model 12") is told from one after a size (12" x 8").
#[derive(Debug, Default)]
struct Quotes {
    taken: Vec<(usize, char)>,
}

impl Quotes {
    fn taken_before(&self, c: char, i: usize) -> usize {
        self.taken
            .iter()
            .filter(|&&(at, q)| q == c && at < i)
            .count()
    }

    /// True when the quotation mark at `i` closes a quotation opened before it.
    fn closes_quotation(&self, t: &Text, i: usize, c: char) -> bool {
        let before = t.chars.get(..i).unwrap_or_default();
        let count = |x: char| before.iter().filter(|&&b| b == x).count();
        match c {
            '"' => (count('"') - self.taken_before('"', i)) % 2 == 1,
            '”' => count('“') > count('”') - self.taken_before('”', i),
            '’' => count('‘') > count('’') - self.taken_before('’', i),
            _ => false,
        }
    }
}

pub(crate) struct Scanner<'a> {
    pub table: &'a Table,
    pub matcher: &'a AhoCorasick,
}

impl Scanner<'_> {
    pub fn find(&self, text: &str) -> Vec<Quantity> {
        let t = Text::new(text);
        let exprs = expressions(&t);

        // Every spelling found, overlapping; tried leftmost first, longest first.
        let mut candidates: Vec<(usize, usize, usize)> = self
            .matcher
            .find_overlapping_iter(t.folded.as_str())
            .map(|m| {
                (
                    t.char_at(m.start()),
                    t.char_at(m.end()),
                    m.pattern().as_usize(),
                )
            })
            .collect();
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));

        let mut found = Vec::new();
        let mut last_end = 0;
        let mut quotes = Quotes::default();
        for (s, e, p) in candidates {
            if s < last_end {
                continue;
            }
            let Some(sp) = self.table.spellings.get(p) else {
                continue;
            };
            if let Some(q) = self.accept(&t, &exprs, sp, (s, e), &quotes, found.last())
                && q.start >= last_end
            {
                if let Some(c) = sp.quote {
                    quotes.taken.push((s, c));
                }
                last_end = q.end;
                found.push(q);
            }
        }
        let mut found = self.merge_compounds(&t, found);
        self.pair(&t, &mut found);
        found
    }

    /// The quantity a spelling at `s..e` makes, if it makes one.
    fn accept(
        &self,
        t: &Text,
        exprs: &[Expr],
        sp: &Spelling,
        (s, e): (usize, usize),
        quotes: &Quotes,
        prev: Option<&Quantity>,
    ) -> Option<Quantity> {
        let table = self.table;
        let unit = table.units.get(sp.unit)?;
        let dim = table
            .unit_dimension
            .get(sp.unit)
            .and_then(|&d| table.dimensions.get(d))?;
        let after = t.get(e);

        if sp.exact_case && t.slice(s, e) != sp.text {
            return None;
        }
        // Not the start of a longer word (ozone, lbw, 5G), nor area or volume (in², m³).
        if sp.text.ends_with(|c: char| c.is_ascii_alphanumeric())
            && after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '²' || c == '³')
        {
            return None;
        }
        if after.is_some_and(|c| sp.not_followed_by.contains(&c)) {
            return None;
        }

        // The number: spaces may stand between it and the unit, or one hyphen before a word
        // (12-inch, 5-lb bag); a glued unit (12", 6') takes none.
        let mut j = t.skip_spaces_back(s);
        if j == s && sp.ascii_alpha && t.before(s) == Some('-') {
            j = s - 1;
        }
        if sp.glued && j != s {
            return None;
        }
        let expr = exprs
            .binary_search_by(|x| x.end.cmp(&j))
            .ok()
            .and_then(|k| exprs.get(k));

        let (start, value) = match expr {
            Some(x) => {
                let parts: &[Part] = if x.shape == Shape::Dims && !dim.dims {
                    x.parts.get(x.parts.len().saturating_sub(1)..)?
                } else {
                    &x.parts
                };
                let signed = |p: &Part| {
                    if dim.signed && p.sign.is_some() {
                        -p.value
                    } else {
                        p.value
                    }
                };
                let first = parts.first()?;
                let start = if dim.signed {
                    first.sign.unwrap_or(first.start)
                } else {
                    first.start
                };
                let value = match (x.shape, parts) {
                    (Shape::Range, [a, b]) => Value::Range(signed(a), signed(b)),
                    (Shape::Dims, ps) if ps.len() > 1 => {
                        Value::Dims(ps.iter().map(signed).collect())
                    }
                    (_, [a, ..]) => Value::Single(signed(a)),
                    _ => return None,
                };
                (start, Some(value))
            }
            None => {
                // A count in Chinese numerals before a Chinese unit: 两磅, 十二盎司, 半磅.
                let mut k = s;
                if !sp.ascii_alpha {
                    while t.before(k).is_some_and(is_zh_numeral) {
                        k -= 1;
                    }
                }
                match t.chars.get(k..s).and_then(zh_number) {
                    Some(v) => (k, Some(Value::Single(v))),
                    None => {
                        if !sp.bare {
                            return None;
                        }
                        if sp.text.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                            let written = t.slice(s, e);
                            let mixed = written.chars().any(|c| c.is_ascii_uppercase())
                                && written.chars().any(|c| c.is_ascii_lowercase());
                            if mixed || t.before(s).is_some_and(|c| c.is_ascii_alphanumeric()) {
                                return None;
                            }
                        }
                        (s, None)
                    }
                }
            }
        };

        // "12 x 8 in box" and "6 ft 2 in cable" are sizes whatever follows.
        let after_larger_unit = prev.is_some_and(|p| {
            p.imperial
                && p.dimension == unit.dimension
                && t.skip_spaces(p.end) == start
                && self.unit(&p.unit).is_some_and(|pu| pu.factor > unit.factor)
        });
        if sp.word
            && !matches!(value, Some(Value::Dims(_)))
            && !after_larger_unit
            && !word_is_unit(t, e)
        {
            return None;
        }
        if let Some(c) = sp.quote {
            let letter_after = after.is_some_and(|a| a.is_alphabetic());
            if (matches!(c, '\'' | '’') && letter_after) || quotes.closes_quotation(t, s, c) {
                return None;
            }
        }
        if let Some(cue) = sp.cue.and_then(|c| table.cues.get(c)) {
            // A cued spelling never counts alone.
            value.as_ref()?;
            let window = t
                .slice(start.saturating_sub(cue.window), e + cue.window)
                .to_ascii_lowercase();
            if !cue.words.iter().any(|w| window.contains(w.as_str())) {
                return None;
            }
        }

        // An abbreviation's period inside a sentence belongs to it (72 oz. blender, 5 ft. 6 in.);
        // one that ends a sentence does not.
        let letters = sp.text.chars().filter(char::is_ascii_alphabetic).count();
        let abbreviation = value.is_some()
            && sp.ascii_alpha
            && letters <= 4
            && sp
                .text
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
            && !sp.text.ends_with('.');
        let end = if abbreviation
            && after == Some('.')
            && t.get(e + 1) == Some(' ')
            && t.get(t.skip_spaces(e + 1))
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        {
            e + 1
        } else {
            e
        };

        Some(Quantity {
            start,
            unit_start: s,
            end,
            value,
            unit: unit.id.clone(),
            dimension: unit.dimension.clone(),
            imperial: unit.imperial,
            paired: None,
        })
    }

    /// 5'10", 1 lb 4 oz: a larger imperial unit followed by a smaller one of the same
    /// dimension is one quantity, in the smaller unit.
    fn merge_compounds(&self, t: &Text, found: Vec<Quantity>) -> Vec<Quantity> {
        let mut out: Vec<Quantity> = Vec::with_capacity(found.len());
        for q in found {
            if let Some(prev) = out.last_mut()
                && let (Some(Value::Single(a)), Some(Value::Single(b))) = (&prev.value, &q.value)
                && prev.imperial
                && q.imperial
                && prev.dimension == q.dimension
                && q.unit_start > q.start
                && t.skip_spaces(prev.end) == q.start
                && let (Some(big), Some(small)) = (self.unit(&prev.unit), self.unit(&q.unit))
                && big.factor > small.factor
                && big.offset == 0.0
                && small.offset == 0.0
            {
                prev.value = Some(Value::Single(a * big.factor / small.factor + b));
                prev.unit.clone_from(&q.unit);
                prev.end = q.end;
                continue;
            }
            out.push(q);
        }
        out
    }

    fn unit(&self, id: &str) -> Option<&crate::Unit> {
        self.table
            .unit_index
            .get(id)
            .and_then(|&i| self.table.units.get(i))
    }

    /// An imperial quantity written with its metric equivalent next to it, either way round:
    /// 16 oz (454 g), 2磅（约907克）, 350°F/175°C, 454克（16盎司）.
    fn pair(&self, t: &Text, found: &mut [Quantity]) {
        for i in 1..found.len() {
            let (Some(a), Some(b)) = (found.get(i - 1), found.get(i)) else {
                continue;
            };
            if a.imperial == b.imperial
                || a.dimension != b.dimension
                || a.value.is_none()
                || b.value.is_none()
                || a.paired.is_some()
            {
                continue;
            }
            let Some(end) = self.equivalent_between(t, a.end, b.start, b.end) else {
                continue;
            };
            let (imperial, metric) = if a.imperial { (i - 1, i) } else { (i, i - 1) };
            let start = a.start;
            if let Some(q) = found.get_mut(imperial) {
                q.paired = Some(Paired { start, end, metric });
            }
        }
    }

    /// Whether `a_end..b_start` joins two quantities as equivalents ("(", "（约", "/"); the end
    /// of the pair (after the closing bracket) if so.
    fn equivalent_between(
        &self,
        t: &Text,
        a_end: usize,
        b_start: usize,
        b_end: usize,
    ) -> Option<usize> {
        let mut i = t.skip_spaces(a_end);
        match t.get(i)? {
            '/' => {
                i = t.skip_spaces(i + 1);
                (i == b_start).then_some(b_end)
            }
            open @ ('(' | '（' | '[') => {
                i = t.skip_spaces(i + 1);
                let between = t.slice(i, b_start).to_ascii_lowercase();
                let between = between.trim_end_matches(is_space);
                if !between.is_empty() && !self.table.approx.iter().any(|w| w == between) {
                    return None;
                }
                let close = t.skip_spaces(b_end);
                let want: &[char] = if open == '[' { &[']'] } else { &[')', '）'] };
                t.get(close).filter(|c| want.contains(c)).map(|_| close + 1)
            }
            _ => None,
        }
    }
}

/// "6 in" is inches, but not in "3 in 1", "5 in stock" or "2 in a pack": after the word there
/// must be no word or number, except a dimension's "x" (6 in x 4 in).
fn word_is_unit(t: &Text, end: usize) -> bool {
    let i = t.skip_spaces(end);
    match t.get(i) {
        None => true,
        Some(c) if c.is_ascii_digit() || c == '-' => false,
        Some('x' | 'X') => !t.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()),
        Some(c) => !c.is_ascii_alphabetic(),
    }
}
