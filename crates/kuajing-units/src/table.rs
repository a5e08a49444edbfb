//! The data table (`assets/units.toml`): its file format and the checks that make it usable.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::Error;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    approx: Vec<String>,
    dimension: Vec<RawDimension>,
    unit: Vec<RawUnit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDimension {
    id: String,
    base: String,
    #[serde(default)]
    signed: bool,
    #[serde(default)]
    dims: bool,
    to_metric: Vec<Tier>,
    read_back: Vec<ReadTier>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    id: String,
    dimension: String,
    imperial: bool,
    factor: Factor,
    #[serde(default)]
    offset: f64,
    en: String,
    zh: Option<String>,
    spellings: Vec<String>,
    #[serde(default)]
    bare: Vec<String>,
    #[serde(default)]
    exact_case: Vec<String>,
    #[serde(default)]
    glued: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    not_followed_by: Vec<String>,
    cued: Option<RawCued>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCued {
    spellings: Vec<String>,
    window: usize,
    words: Vec<String>,
}

/// A factor as a number, or as a fraction "5/9" when no decimal is exact.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Factor {
    Number(f64),
    Fraction(String),
}

impl Factor {
    fn value(&self) -> Option<f64> {
        match self {
            Self::Number(v) => Some(*v),
            Self::Fraction(s) => {
                let (n, d) = s.split_once('/')?;
                let (n, d): (f64, f64) = (n.trim().parse().ok()?, d.trim().parse().ok()?);
                (d != 0.0).then(|| n / d)
            }
        }
    }
}

/// One way of writing a dimension's quantities in Chinese: values below `below` (base units,
/// after rounding) in `unit` with `decimals` decimals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// A metric unit id.
    pub unit: String,
    pub decimals: u32,
    /// Exclusive upper bound in base units; `None` on the last tier.
    #[serde(default)]
    pub below: Option<f64>,
}

/// The imperial unit an English gloss reads a metric quantity in: values up to `up_to` (in that
/// unit) in `unit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadTier {
    /// An imperial unit id.
    pub unit: String,
    /// Inclusive upper bound in `unit`; `None` on the last tier.
    #[serde(default)]
    pub up_to: Option<f64>,
}

/// What a unit measures, and how its quantities are written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dimension {
    pub id: String,
    /// The metric unit every factor of this dimension leads to.
    pub base: String,
    /// A minus sign before the number belongs to the quantity (temperatures).
    pub signed: bool,
    /// "12 x 8 in" lists several numbers sharing the unit.
    pub dims: bool,
    /// The Chinese metric form, by size (first tier that fits).
    pub to_metric: Vec<Tier>,
    /// The imperial unit of the English gloss, by size (first tier that fits).
    pub read_back: Vec<ReadTier>,
}

/// One unit of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub id: String,
    pub dimension: String,
    pub imperial: bool,
    /// Base units per unit, applied after `offset`: base = (value + offset) × factor.
    pub factor: f64,
    pub offset: f64,
    /// English symbol (the gloss): `lb`, `g`, `°F`.
    pub en: String,
    /// Chinese form (metric units): `克`, `千克`, `°C`.
    pub zh: Option<String>,
    /// Every spelling, as listed.
    pub spellings: Vec<String>,
}

impl Unit {
    /// The value in base units.
    pub fn to_base(&self, v: f64) -> f64 {
        (v + self.offset) * self.factor
    }

    /// A value in base units, in this unit.
    pub fn from_base(&self, base: f64) -> f64 {
        base / self.factor - self.offset
    }
}

/// How one spelling may match.
#[derive(Debug, Clone)]
pub(crate) struct Spelling {
    pub text: String,
    pub unit: usize,
    pub bare: bool,
    pub exact_case: bool,
    pub glued: bool,
    pub word: bool,
    /// Index into [`Table::cues`].
    pub cue: Option<usize>,
    pub not_followed_by: Vec<char>,
    /// The spelling starts with an ASCII letter (a hyphen may join it to the number: 12-inch).
    pub ascii_alpha: bool,
    /// The spelling is a quotation mark (12", 6').
    pub quote: Option<char>,
}

#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub window: usize,
    /// Lowercase (ASCII).
    pub words: Vec<String>,
}

/// The checked table.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub approx: Vec<String>,
    pub dimensions: Vec<Dimension>,
    pub units: Vec<Unit>,
    pub unit_index: HashMap<String, usize>,
    /// Per unit: index of its dimension.
    pub unit_dimension: Vec<usize>,
    pub spellings: Vec<Spelling>,
    pub cues: Vec<Cue>,
}

fn invalid(msg: String) -> Error {
    Error::Invalid(msg)
}

impl Table {
    pub fn parse(text: &str) -> Result<Self, Error> {
        let file: File = toml::from_str(text).map_err(|e| Error::Toml(e.to_string()))?;
        let mut dim_index = HashMap::new();
        for (i, d) in file.dimension.iter().enumerate() {
            if dim_index.insert(d.id.clone(), i).is_some() {
                return Err(invalid(format!("dimension `{}` is listed twice", d.id)));
            }
        }

        let mut units = Vec::new();
        let mut unit_index = HashMap::new();
        let mut unit_dimension = Vec::new();
        let mut spellings = Vec::new();
        let mut cues = Vec::new();
        let mut seen_spellings = HashSet::new();
        for (ui, u) in file.unit.iter().enumerate() {
            let id = &u.id;
            if id.trim().is_empty() {
                return Err(invalid("a unit has an empty id".into()));
            }
            if unit_index.insert(id.clone(), ui).is_some() {
                return Err(invalid(format!("unit `{id}` is listed twice")));
            }
            let Some(&di) = dim_index.get(&u.dimension) else {
                return Err(invalid(format!(
                    "unit `{id}`: unknown dimension `{}`",
                    u.dimension
                )));
            };
            let factor = u
                .factor
                .value()
                .filter(|f| f.is_finite() && *f > 0.0)
                .ok_or_else(|| invalid(format!("unit `{id}`: factor must be a positive number")))?;
            if !u.offset.is_finite() {
                return Err(invalid(format!("unit `{id}`: offset must be finite")));
            }
            if u.en.trim().is_empty() {
                return Err(invalid(format!("unit `{id}`: `en` is empty")));
            }
            if !u.imperial && u.zh.as_deref().is_none_or(|z| z.trim().is_empty()) {
                return Err(invalid(format!(
                    "metric unit `{id}` needs `zh` (how a draft writes it)"
                )));
            }
            if u.spellings.is_empty() {
                return Err(invalid(format!("unit `{id}` has no spellings")));
            }
            for (list, name) in [
                (&u.bare, "bare"),
                (&u.exact_case, "exact_case"),
                (&u.glued, "glued"),
                (&u.words, "words"),
            ] {
                if let Some(s) = list.iter().find(|s| !u.spellings.contains(s)) {
                    return Err(invalid(format!(
                        "unit `{id}`: `{s}` in {name} is not one of its spellings"
                    )));
                }
            }
            let mut not_followed_by = Vec::new();
            for s in &u.not_followed_by {
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => not_followed_by.push(c),
                    _ => {
                        return Err(invalid(format!(
                            "unit `{id}`: not_followed_by entries are single characters, not `{s}`"
                        )));
                    }
                }
            }
            let cue = match &u.cued {
                None => None,
                Some(c) => {
                    if let Some(s) = c.spellings.iter().find(|s| !u.spellings.contains(s)) {
                        return Err(invalid(format!(
                            "unit `{id}`: cued `{s}` is not one of its spellings"
                        )));
                    }
                    if c.words.iter().any(|w| w.trim().is_empty()) || c.words.is_empty() {
                        return Err(invalid(format!("unit `{id}`: cue words are empty")));
                    }
                    cues.push(Cue {
                        window: c.window,
                        words: c.words.iter().map(|w| w.to_ascii_lowercase()).collect(),
                    });
                    Some(cues.len() - 1)
                }
            };
            for s in &u.spellings {
                if s.is_empty() || s.trim() != s {
                    return Err(invalid(format!(
                        "unit `{id}`: spelling `{s}` is empty or has surrounding spaces"
                    )));
                }
                if s.chars().any(|c| crate::scan::fold(c) != c) {
                    return Err(invalid(format!(
                        "unit `{id}`: spelling `{s}` has a full-width or variant character; \
                         list the half-width form (it is folded before matching)"
                    )));
                }
                let exact_case = u.exact_case.contains(s);
                let key = if exact_case {
                    s.clone()
                } else {
                    s.to_ascii_lowercase()
                };
                if !seen_spellings.insert(key) {
                    return Err(invalid(format!("spelling `{s}` belongs to two units")));
                }
                let first = s.chars().next();
                let quote = first.filter(|c| {
                    s.chars().count() == 1 && matches!(c, '"' | '\'' | '″' | '′' | '”' | '’')
                });
                spellings.push(Spelling {
                    text: s.clone(),
                    unit: ui,
                    bare: u.bare.contains(s),
                    exact_case,
                    glued: u.glued.contains(s),
                    word: u.words.contains(s),
                    cue: cue.filter(|_| u.cued.as_ref().is_some_and(|c| c.spellings.contains(s))),
                    not_followed_by: not_followed_by.clone(),
                    ascii_alpha: first.is_some_and(|c| c.is_ascii_alphabetic()),
                    quote,
                });
            }
            units.push(Unit {
                id: id.clone(),
                dimension: u.dimension.clone(),
                imperial: u.imperial,
                factor,
                offset: u.offset,
                en: u.en.clone(),
                zh: u.zh.clone(),
                spellings: u.spellings.clone(),
            });
            unit_dimension.push(di);
        }

        let mut dimensions = Vec::new();
        for d in file.dimension {
            let id = &d.id;
            let unit_of = |uid: &str, what: &str| -> Result<&Unit, Error> {
                let u = unit_index
                    .get(uid)
                    .and_then(|&i| units.get(i))
                    .ok_or_else(|| {
                        invalid(format!("dimension `{id}`: {what} `{uid}` is not a unit"))
                    })?;
                if &u.dimension != id {
                    return Err(invalid(format!(
                        "dimension `{id}`: {what} `{uid}` measures {}",
                        u.dimension
                    )));
                }
                Ok(u)
            };
            let base = unit_of(&d.base, "base")?;
            if base.factor != 1.0 || base.offset != 0.0 || base.imperial {
                return Err(invalid(format!(
                    "dimension `{id}`: base `{}` must be metric with factor 1 and no offset",
                    d.base
                )));
            }
            if d.to_metric.is_empty() {
                return Err(invalid(format!("dimension `{id}` has no to_metric tiers")));
            }
            let last = d.to_metric.len() - 1;
            for (i, t) in d.to_metric.iter().enumerate() {
                if unit_of(&t.unit, "to_metric unit")?.imperial {
                    return Err(invalid(format!(
                        "dimension `{id}`: to_metric unit `{}` is imperial",
                        t.unit
                    )));
                }
                if t.decimals > 6 {
                    return Err(invalid(format!(
                        "dimension `{id}`: at most 6 decimals, not {}",
                        t.decimals
                    )));
                }
                if (i == last) != t.below.is_none() {
                    return Err(invalid(format!(
                        "dimension `{id}`: every to_metric tier but the last needs `below`"
                    )));
                }
            }
            let has_imperial = units.iter().any(|u| &u.dimension == id && u.imperial);
            if has_imperial && d.read_back.is_empty() {
                return Err(invalid(format!("dimension `{id}` has no read_back tiers")));
            }
            let last = d.read_back.len().saturating_sub(1);
            for (i, t) in d.read_back.iter().enumerate() {
                if !unit_of(&t.unit, "read_back unit")?.imperial {
                    return Err(invalid(format!(
                        "dimension `{id}`: read_back unit `{}` is metric",
                        t.unit
                    )));
                }
                if (i == last) != t.up_to.is_none() {
                    return Err(invalid(format!(
                        "dimension `{id}`: every read_back tier but the last needs `up_to`"
                    )));
                }
            }
            dimensions.push(Dimension {
                id: d.id,
                base: d.base,
                signed: d.signed,
                dims: d.dims,
                to_metric: d.to_metric,
                read_back: d.read_back,
            });
        }

        Ok(Self {
            approx: file.approx,
            dimensions,
            units,
            unit_index,
            unit_dimension,
            spellings,
            cues,
        })
    }
}
