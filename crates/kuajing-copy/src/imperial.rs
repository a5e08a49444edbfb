//! Imperial units in Chinese copy, with the metric value suggested.

use regex::Regex;

use crate::{Error, Finding, Normalized, Severity, codes};

/// A number (1,000 / 2.5 / .5), optionally a range (2-3, 2~3, 2至3), then the unit. ASCII
/// units match case-insensitively; boundaries are checked in code (the regex crate has no
/// look-behind).
const PATTERN: &str = r"(?x)
    (?: (?P<a> \d{1,3}(?:,\d{3})+ | \d+(?:\.\d+)? | \.\d+ )
        (?: [\ \t]* (?:-|~|–|—|至|到) [\ \t]* (?P<b> \d+(?:\.\d+)? ) )?
        [\ \t]* )?
    (?P<unit>
        液量盎司 | 盎司 | 磅 | 英寸 | 英尺 | 华氏度 | 加仑 | ℉
      | (?i: fl\.?[\ \t]?oz | lbs | lb | pounds | pound | ounces | ounce | oz
          | inches | inch | in | feet | foot | ft | gallons | gallon | gal | °[\ \t]?f )
    )";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Dim {
    Pound,
    Ounce,
    FluidOunce,
    Inch,
    Foot,
    Fahrenheit,
    Gallon,
}

impl Dim {
    /// The dimension of a matched unit, and whether the unit needs a number before it to count
    /// (a bare "in", "ft", "gal", or 磅 as in 重磅/磅礴, is ordinary text).
    fn of(unit: &str) -> Option<(Self, bool)> {
        let u: String = unit
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .flat_map(char::to_lowercase)
            .collect();
        Some(match u.as_str() {
            "磅" => (Self::Pound, true),
            "lb" | "lbs" => (Self::Pound, false),
            "pound" | "pounds" => (Self::Pound, true),
            "盎司" | "oz" => (Self::Ounce, false),
            "ounce" | "ounces" => (Self::Ounce, true),
            "液量盎司" | "floz" => (Self::FluidOunce, false),
            "英寸" => (Self::Inch, false),
            "in" | "inch" | "inches" => (Self::Inch, true),
            "英尺" => (Self::Foot, false),
            "ft" | "feet" | "foot" => (Self::Foot, true),
            "华氏度" | "°f" | "℉" => (Self::Fahrenheit, false),
            "加仑" => (Self::Gallon, false),
            "gal" | "gallon" | "gallons" => (Self::Gallon, true),
            _ => return None,
        })
    }

    /// The metric unit to use, for a unit with no number.
    fn metric(self) -> &'static str {
        match self {
            Self::Pound => "千克 (kg)",
            Self::Ounce => "克 (g)",
            Self::FluidOunce => "毫升 (ml)",
            Self::Inch => "厘米 (cm)",
            Self::Foot => "米 (m)",
            Self::Fahrenheit => "摄氏度 (°C)",
            Self::Gallon => "升 (L)",
        }
    }

    /// "约 0.91 千克 (907 克)", "约 340 克", "约 21°C", "约 15.2 厘米" ...
    fn suggest(self, v: f64) -> String {
        match self {
            Self::Pound => kilograms(v * 453.592_37),
            Self::Ounce => grams(v * 28.349_523_125),
            Self::FluidOunce => millilitres(v * 29.573_529_562_5),
            Self::Inch => {
                let cm = v * 2.54;
                if cm < 100.0 {
                    format!("约 {cm:.1} 厘米")
                } else {
                    format!("约 {:.2} 米 ({cm:.0} 厘米)", cm / 100.0)
                }
            }
            Self::Foot => {
                let cm = v * 30.48;
                format!("约 {:.2} 米 ({cm:.0} 厘米)", cm / 100.0)
            }
            Self::Fahrenheit => format!("约 {}°C", celsius(v)),
            Self::Gallon => format!("约 {:.2} 升", v * 3.785_411_784),
        }
    }

    /// "约 0.91–1.36 千克", "约 0–4°C" ...
    fn suggest_range(self, a: f64, b: f64) -> String {
        match self {
            Self::Pound => {
                format!("约 {:.2}–{:.2} 千克", a * 0.453_592_37, b * 0.453_592_37)
            }
            Self::Ounce => {
                let (a, b) = (a * 28.349_523_125, b * 28.349_523_125);
                if b < 1000.0 {
                    format!("约 {a:.0}–{b:.0} 克")
                } else {
                    format!("约 {:.2}–{:.2} 千克", a / 1000.0, b / 1000.0)
                }
            }
            Self::FluidOunce => {
                let (a, b) = (a * 29.573_529_562_5, b * 29.573_529_562_5);
                if b < 1000.0 {
                    format!("约 {a:.0}–{b:.0} 毫升")
                } else {
                    format!("约 {:.2}–{:.2} 升", a / 1000.0, b / 1000.0)
                }
            }
            Self::Inch => format!("约 {:.1}–{:.1} 厘米", a * 2.54, b * 2.54),
            Self::Foot => format!("约 {:.2}–{:.2} 米", a * 0.3048, b * 0.3048),
            Self::Fahrenheit => format!("约 {}–{}°C", celsius(a), celsius(b)),
            Self::Gallon => {
                format!("约 {:.2}–{:.2} 升", a * 3.785_411_784, b * 3.785_411_784)
            }
        }
    }
}

fn kilograms(g: f64) -> String {
    format!("约 {:.2} 千克 ({g:.0} 克)", g / 1000.0)
}

fn grams(g: f64) -> String {
    if g < 10.0 {
        format!("约 {g:.1} 克")
    } else if g < 1000.0 {
        format!("约 {g:.0} 克")
    } else {
        kilograms(g)
    }
}

fn millilitres(ml: f64) -> String {
    if ml < 1000.0 {
        format!("约 {ml:.0} 毫升")
    } else {
        format!("约 {:.2} 升 ({ml:.0} 毫升)", ml / 1000.0)
    }
}

fn celsius(f: f64) -> String {
    let c = ((f - 32.0) * 5.0 / 9.0).round();
    // No "-0".
    format!("{}", if c == 0.0 { 0.0 } else { c })
}

fn parse_number(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

/// 一 ... 九十九, 两, 半: the common ways to write a small count before 磅 in Chinese.
fn parse_zh_number(s: &str) -> Option<f64> {
    fn digit(c: char) -> Option<u32> {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|p| u32::try_from(p).ok())
            .or((c == '两').then_some(2))
    }
    let chars: Vec<char> = s.chars().collect();
    let v = match chars.as_slice() {
        ['半'] => return Some(0.5),
        ['十'] => 10,
        [d] => digit(*d)?,
        ['十', d] => 10 + digit(*d)?,
        [t, '十'] => digit(*t)? * 10,
        [t, '十', d] => digit(*t)? * 10 + digit(*d)?,
        _ => return None,
    };
    Some(f64::from(v))
}

fn is_zh_numeral(c: char) -> bool {
    "零一二两三四五六七八九十半几".contains(c)
}

/// A metric equivalent already given in brackets right after the unit: 2磅（约907克）.
const METRIC_AFTER: &str = r"(?i)^[ \t]*[（(][ \t]*约?[ \t]*\d[\d.,]*[ \t]*(?:千克|公斤|克|毫升|升|厘米|毫米|米|摄氏度|℃|°c|kg|g|ml|l|cm|mm|m)(?:[^a-z]|$)";

#[derive(Debug, Clone)]
pub(crate) struct UnitMatcher {
    re: Regex,
    metric_after: Regex,
}

impl UnitMatcher {
    pub fn new() -> Result<Self, Error> {
        Ok(Self {
            re: Regex::new(PATTERN)?,
            metric_after: Regex::new(METRIC_AFTER)?,
        })
    }

    /// `imperial-unit` warnings: args `unit` (as written), `value` (when a number precedes),
    /// `suggestion`. The span covers the number and the unit. None when the metric value
    /// follows in brackets (2磅（约907克）).
    pub fn find(&self, norm: &Normalized<'_>) -> Vec<Finding> {
        let text = norm.text.as_str();
        let mut out = Vec::new();
        for caps in self.re.captures_iter(text) {
            let Some(unit) = caps.name("unit") else {
                continue;
            };
            let Some((dim, needs_number)) = Dim::of(unit.as_str()) else {
                continue;
            };
            let ascii_unit = unit.as_str().starts_with(|c: char| c.is_ascii_alphabetic());

            // The number, unless it is glued to letters (a model code such as A12 oz).
            let mut number = caps.name("a").map(|a| (a, caps.name("b")));
            if let Some((a, _)) = number
                && norm
                    .char_before(a.start())
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            {
                number = None;
            }
            let mut start = number.map_or(unit.start(), |(a, _)| a.start());
            let mut value = number.map(|(a, b)| match b {
                Some(b) => format!(
                    "{}-{}",
                    norm.original(a.start(), a.end()),
                    norm.original(b.start(), b.end())
                ),
                None => norm.original(a.start(), a.end()),
            });
            let mut amount = number.and_then(|(a, b)| {
                let a = parse_number(a.as_str())?;
                match b {
                    Some(b) => Some((a, Some(parse_number(b.as_str())?))),
                    None => Some((a, None)),
                }
            });

            // A simple fraction: 1/2 lb.
            if let Some((a, None)) = number
                && let Some(before) = text.get(..a.start())
                && let Some(numer) = before.strip_suffix('/')
            {
                let digits: String = numer
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_digit)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if let (Ok(n), Some(d)) = (digits.parse::<f64>(), parse_number(a.as_str()))
                    && d != 0.0
                {
                    start = a.start() - 1 - digits.len();
                    value = Some(norm.original(start, a.end()));
                    amount = Some((n / d, None));
                }
            }
            // A minus sign before a temperature: -4°F.
            if dim == Dim::Fahrenheit
                && let Some((a, None)) = number
                && matches!(norm.char_before(a.start()), Some('-' | '−'))
                && let Some((v, None)) = amount
            {
                let sign = norm.char_before(a.start()).map_or(1, char::len_utf8);
                let before_sign = norm.char_before(a.start() - sign);
                if !before_sign.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    start = a.start() - sign;
                    value = value.map(|v| format!("-{v}"));
                    amount = Some((-v, None));
                }
            }
            // A Chinese count before a Chinese unit: 两磅, 十二磅, 半磅.
            if number.is_none() && !ascii_unit {
                let before = text.get(..unit.start()).unwrap_or_default();
                let run: String = before
                    .chars()
                    .rev()
                    .take_while(|&c| is_zh_numeral(c))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if !run.is_empty() {
                    start = unit.start() - run.len();
                    amount = parse_zh_number(&run).map(|v| (v, None));
                    value = Some(run);
                }
            }

            // Boundaries of ASCII units: not inside a word (album, ozone, Vitamin, lbw); a bare
            // unit must be all lower or all upper case (Oz and Lb are names).
            if ascii_unit {
                let u = unit.as_str();
                let mixed_case = u.chars().any(|c| c.is_ascii_uppercase())
                    && u.chars().any(|c| c.is_ascii_lowercase());
                if value.is_none() && mixed_case {
                    continue;
                }
                if value.is_none()
                    && norm
                        .char_before(unit.start())
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    continue;
                }
                let ends_alpha = unit.as_str().ends_with(|c: char| c.is_ascii_alphabetic());
                if ends_alpha
                    && norm
                        .char_after(unit.end())
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    continue;
                }
            }
            if needs_number && value.is_none() {
                continue;
            }
            if dim == Dim::Inch
                && unit.as_str().eq_ignore_ascii_case("in")
                && !inch_context(text, unit.end())
            {
                continue;
            }
            if unit.as_str() == "磅" && norm.char_after(unit.end()) == Some('礴') {
                continue;
            }
            if self
                .metric_after
                .is_match(text.get(unit.end()..).unwrap_or_default())
            {
                continue;
            }

            let suggestion = match amount {
                Some((a, Some(b))) => dim.suggest_range(a, b),
                Some((a, None)) => dim.suggest(a),
                None => dim.metric().to_owned(),
            };
            let mut f = Finding::new(
                codes::IMPERIAL_UNIT,
                Severity::Warning,
                norm.char_at(start),
                norm.char_at(unit.end()),
            )
            .arg("unit", norm.original(unit.start(), unit.end()))
            .arg("suggestion", suggestion);
            if let Some(v) = value {
                f = f.arg("value", v);
            }
            out.push(f);
        }
        out
    }
}

/// "6 in" is inches, but not in "3 in 1", "5 in stock" or "2 in a pack": after "in" there
/// must be no word or number, except a dimension's "x" (6 in x 4 in).
fn inch_context(text: &str, end: usize) -> bool {
    let rest = text
        .get(end..)
        .unwrap_or_default()
        .trim_start_matches([' ', '\t']);
    let mut it = rest.chars();
    match it.next() {
        None => true,
        Some(c) if c.is_ascii_digit() || c == '-' => false,
        Some('x' | 'X') => !it.next().is_some_and(|c| c.is_ascii_alphabetic()),
        Some(c) => !c.is_ascii_alphabetic(),
    }
}
