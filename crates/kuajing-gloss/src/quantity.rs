//! Finding a number and the unit after it (`907克`, `2.27 千克`, `4°C`, `30.5厘米`, `2-3kg`,
//! `30×40cm`) so that they become one token.
//!
//! This module only finds them; what they are in the other system is the caller's callback
//! (kuajing-units). The unit list recognises the metric and imperial units Chinese product
//! copy writes; each carries its English name, used when the callback cannot read the quantity
//! back and the number and unit are glossed apart.

/// Units, longest spelling first where one is a prefix of another (`千克` before `克`, `mL`
/// before `m`): spelling, English name, and the characters after which the spelling is part
/// of another word (克拉 carat, 升级 upgrade, 伏特 is the volt spelled in full). The spellings
/// follow kuajing-units' table (`assets/units.toml`, which decides what a quantity is worth)
/// plus the electrical and Chinese market units (斤, 瓦, 毫安时) a title often carries. ASCII
/// spellings match in any case except `g` and `m`, which match only in lower case so that 5G
/// and 3M stay words (as in kuajing-units).
const UNITS: &[(&str, &str, &[char])] = &[
    ("平方厘米", "square centimetre", &[]),
    ("平方米", "square metre", &[]),
    ("立方米", "cubic metre", &[]),
    ("毫安时", "milliampere-hour", &[]),
    ("千瓦时", "kilowatt-hour", &[]),
    ("千克", "kilogram", &[]),
    ("公斤", "kilogram", &[]),
    ("毫克", "milligram", &[]),
    ("克", "gram", &['拉']),
    ("斤", "jin (500 g)", &[]),
    ("吨", "tonne", &['位']),
    ("磅", "pound", &['礴']),
    ("液体盎司", "fluid ounce", &[]),
    ("液量盎司", "fluid ounce", &[]),
    ("盎司", "ounce", &[]),
    ("毫升", "millilitre", &[]),
    ("公升", "litre", &[]),
    ("升", "litre", &['级', '降']),
    ("加仑", "gallon", &[]),
    ("夸脱", "quart", &[]),
    ("品脱", "pint", &[]),
    ("千米", "kilometre", &[]),
    ("公里", "kilometre", &[]),
    ("英里", "mile", &[]),
    ("厘米", "centimetre", &[]),
    ("毫米", "millimetre", &[]),
    ("公分", "centimetre", &[]),
    ("平米", "square metre", &[]),
    ("米", "metre", &[]),
    ("英寸", "inch", &[]),
    ("吋", "inch", &[]),
    ("英尺", "foot", &[]),
    ("千瓦", "kilowatt", &[]),
    ("瓦", "watt", &[]),
    ("伏特", "volt", &[]),
    ("伏", "volt", &[]),
    ("毫安", "milliampere", &[]),
    ("摄氏度", "degrees Celsius", &[]),
    ("华氏度", "degrees Fahrenheit", &[]),
    ("°C", "degrees Celsius", &[]),
    ("°F", "degrees Fahrenheit", &[]),
    ("℃", "degrees Celsius", &[]),
    ("℉", "degrees Fahrenheit", &[]),
    ("kg", "kilogram", &[]),
    ("mg", "milligram", &[]),
    ("g", "gram", &[]),
    ("lbs", "pounds", &[]),
    ("lb", "pound", &[]),
    ("fl oz", "fluid ounce", &[]),
    ("oz", "ounce", &[]),
    ("ml", "millilitre", &[]),
    ("l", "litre", &[]),
    ("km", "kilometre", &[]),
    ("cm", "centimetre", &[]),
    ("mm", "millimetre", &[]),
    ("m", "metre", &[]),
    ("inches", "inches", &[]),
    ("inch", "inch", &[]),
    ("ft", "foot", &[]),
    ("mah", "milliampere-hour", &[]),
    ("kwh", "kilowatt-hour", &[]),
    ("kw", "kilowatt", &[]),
    ("w", "watt", &[]),
    ("v", "volt", &[]),
];

/// Whether `spelling` is written at `chars[at..]`: ASCII letters in any case, except the
/// lower-case-only `g` and `m`.
fn spelled_at(chars: &[char], at: usize, spelling: &str) -> bool {
    let exact = matches!(spelling, "g" | "m");
    let n = spelling.chars().count();
    chars.get(at..at + n).is_some_and(|written| {
        written.iter().zip(spelling.chars()).all(|(&w, s)| {
            if exact {
                w == s
            } else {
                w.eq_ignore_ascii_case(&s)
            }
        })
    })
}

/// A quantity found in the text: char offsets of the whole match, of the number part and of
/// the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) number_end: usize,
    pub(crate) unit_start: usize,
    pub(crate) end: usize,
    pub(crate) unit_name: &'static str,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Scans `chars` for quantities, leftmost first, never overlapping.
pub(crate) fn find(chars: &[char]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = is_digit(chars[i])
            && (i == 0 || {
                let p = chars[i - 1];
                !(p.is_ascii_alphanumeric() || p == '.' || is_digit(p))
            });
        if starts_number && let Some(q) = at(chars, i) {
            i = q.end;
            found.push(q);
            continue;
        }
        i += 1;
    }
    found
}

/// The end of a number starting at `i` (`907`, `2.27`, `1,000`), or `None`.
fn number(chars: &[char], mut i: usize) -> Option<usize> {
    let start = i;
    while i < chars.len() && is_digit(chars[i]) {
        i += 1;
    }
    if i == start {
        return None;
    }
    // Thousands separators: exactly three digits after each comma.
    while chars.get(i) == Some(&',')
        && chars
            .get(i + 1..i + 4)
            .is_some_and(|d| d.iter().all(|&c| is_digit(c)))
        && chars.get(i + 4).is_none_or(|&c| !is_digit(c))
    {
        i += 4;
    }
    if matches!(chars.get(i), Some('.' | '．')) && chars.get(i + 1).is_some_and(|&c| is_digit(c)) {
        i += 1;
        while i < chars.len() && is_digit(chars[i]) {
            i += 1;
        }
    }
    Some(i)
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|&c| c == ' ' || c == '\u{3000}') {
        i += 1;
    }
    i
}

fn at(chars: &[char], start: usize) -> Option<Found> {
    let mut end = number(chars, start)?;
    // A range or dimensions: 2-3, 2~3, 10至20, 30×40 (each part may repeat: 30×40×50).
    loop {
        let s = skip_spaces(chars, end);
        let Some(&sep) = chars.get(s) else { break };
        if !matches!(
            sep,
            '-' | '~' | '～' | '〜' | '–' | '—' | '至' | '到' | '×' | 'x' | 'X' | '*' | '＊'
        ) {
            break;
        }
        let after = skip_spaces(chars, s + 1);
        match number(chars, after) {
            Some(e) => end = e,
            None => break,
        }
    }
    let unit_start = skip_spaces(chars, end);
    let (unit, name, _) = UNITS.iter().find(|(unit, _, not_before)| {
        let n = unit.chars().count();
        let next = chars.get(unit_start + n);
        spelled_at(chars, unit_start, unit)
            && next.is_none_or(|c| !not_before.contains(c))
            && !(unit.ends_with(|c: char| c.is_ascii_alphabetic())
                && next.is_some_and(|c| c.is_ascii_alphabetic()))
    })?;
    Some(Found {
        start,
        number_end: end,
        unit_start,
        end: unit_start + unit.chars().count(),
        unit_name: name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find(&chars)
            .iter()
            .map(|f| chars[f.start..f.end].iter().collect())
            .collect()
    }

    #[test]
    fn numbers_take_the_unit_after_them() {
        assert_eq!(texts("车厘子 907克 礼盒装"), ["907克"]);
        assert_eq!(texts("2.27千克装"), ["2.27千克"]);
        assert_eq!(texts("冷藏4°C保存"), ["4°C"]);
        assert_eq!(texts("长30.5厘米"), ["30.5厘米"]);
        assert_eq!(texts("2-3kg 10至20克"), ["2-3kg", "10至20克"]);
        assert_eq!(texts("30×40cm"), ["30×40cm"]);
        assert_eq!(texts("500 ml瓶"), ["500 ml"]);
        assert_eq!(texts("1,000g"), ["1,000g"]);
        assert_eq!(texts("2KG 5ML 220伏特"), ["2KG", "5ML", "220伏特"]);
    }

    #[test]
    fn model_numbers_and_words_are_not_quantities() {
        // A number glued to letters is a model number; a unit glued to letters is a word.
        assert!(texts("iPhone15 Pro").is_empty());
        assert!(texts("5G网络").is_empty());
        assert!(texts("2 in 1").is_empty());
        assert!(texts("3 mmol").is_empty());
        assert!(texts("2024年").is_empty());
        assert!(texts("3M胶带").is_empty());
        assert!(texts("5克拉钻石").is_empty());
        assert!(texts("2升级版").is_empty());
    }
}
