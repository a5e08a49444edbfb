//! Drafting Chinese listing copy from what the catalog knows about a product.
//!
//! This crate owns:
//! - the glossary as a matcher ([`Glossary`]): English terms found in English copy, their
//!   approved Chinese and forbidden variants found in Chinese copy, the consistency findings
//!   (`glossary-missing`, `glossary-forbidden`), and the glossary CSV format (import, export,
//!   and the shipped seed, `assets/glossary/seed.csv`);
//! - marketplace templates ([`Templates`]): Fluent source from a marketplace profile, rendered
//!   over a product's variables, parts dropping out to fit a budget;
//! - the variables a product gives a template ([`variables`]): product term, variety, region,
//!   quality words, pack, brand, origin, spec;
//! - an option value's Chinese form ([`option_value`]);
//! - where each part of a draft came from ([`Source`]).
//!
//! It must not know: the catalog or SQL, how text is measured or units converted (callers
//! pass those in: `kuajing-copy` measures GBK units, `kuajing-units` converts), translation
//! memory storage, machine translation, Tauri.

mod glossary;
mod template;

use std::collections::BTreeMap;

use serde::Serialize;

pub use glossary::{CSV_HEADER, Glossary, Hit, Issue, Term, codes, read_csv, write_csv};
pub use template::{Budget, Rendered, Templates};

/// The glossary shipped with the app: goods US exporters sell to China, the states and regions
/// they come from, pack and quality words (see `docs/drafting.md`).
pub const SEED_CSV: &str = include_str!("../../../assets/glossary/seed.csv");

/// The shipped glossary's version: a catalog seeded with an older one gets the new terms (never
/// replacing the merchant's) when it opens.
pub const SEED_VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the drafting templates of marketplace `{marketplace}` are invalid: {message}")]
    Template {
        marketplace: String,
        message: String,
    },
    #[error("{file}, row {row}: {message}")]
    Csv {
        file: String,
        row: u64,
        message: String,
    },
    #[error("could not build the glossary matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
}

impl Error {
    /// A stable code the UI maps to a Fluent message (`error-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Template { .. } => "draft-template-invalid",
            Error::Csv { .. } => "glossary-csv",
            Error::Matcher(_) => "glossary-invalid",
        }
    }

    /// The values a translated message needs.
    pub fn args(&self) -> BTreeMap<String, String> {
        let pairs: Vec<(&str, String)> = match self {
            Error::Template {
                marketplace,
                message,
            } => vec![
                ("marketplace", marketplace.clone()),
                ("detail", message.clone()),
            ],
            Error::Csv { file, row, message } => vec![
                ("file", file.clone()),
                ("row", row.to_string()),
                ("detail", message.clone()),
            ],
            Error::Matcher(e) => vec![("detail", e.to_string())],
        };
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    }
}

/// Where a part of a draft came from, shown beside it so the merchant can trust it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, rename = "DraftSource")]
pub enum Source {
    /// A glossary term: its English and approved Chinese.
    Glossary { en: String, zh: String },
    /// A marketplace template, with the variables it was given and the optional parts
    /// dropped to fit the limit.
    Template {
        marketplace: String,
        id: String,
        variables: BTreeMap<String, String>,
        dropped: Vec<String>,
    },
    /// An imperial quantity converted to metric.
    Units { from: String, to: String },
    /// A translation-memory match (score 100: the same text); `adapted` when its numbers were
    /// converted to the query's.
    Tm {
        source: String,
        target: String,
        score: u8,
        adapted: bool,
    },
    /// A machine draft from an OpenAI-compatible endpoint.
    Mt { endpoint: String, model: String },
}

/// What the catalog knows about a product, as drafting needs it. English as imported;
/// `origin` and `spec` already in Chinese (`spec` from the option values or a converted
/// quantity, empty when the product has none that fits a title).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub title_en: String,
    /// The English description as plain text.
    pub description_en: String,
    pub tags: Vec<String>,
    pub product_type: String,
    pub vendor: String,
    pub brand_en: String,
    pub brand_zh: String,
    /// The country of origin in Chinese (美国).
    pub origin: String,
    pub spec: String,
    /// The product's option values (`Raw`, `Dry-Roasted`): a quality or pack word that is one
    /// of them is a choice between variants, not what the product is, so it stays out of the
    /// title (`Raw or Dry-Roasted Almonds` is not 生烘烤巴旦木).
    pub option_values: Vec<String>,
}

/// A product's template variables and the glossary terms behind them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Variables {
    /// brand, brand_en, origin, region, product, quality, pack, spec, size.
    pub values: BTreeMap<String, String>,
    /// Indexes into [`Glossary::terms`] of the terms used, in order.
    pub terms: Vec<usize>,
}

/// Fills the template variables from a product's facts and the glossary:
/// - `product`: the product and variety terms of the English title in order (`Smoked Salmon`
///   + `Jerky` → 烟熏三文鱼肉干), else of the product type, else of the tags;
/// - `quality`: quality words of the title (新鲜, 野生捕捞) not already inside `product`;
/// - `pack` and `size`: pack and size words of the title;
/// - `region`: the first region term of the title, else the description, else the tags, when
///   the origin is 美国 (the seeded regions are US states);
/// - `origin`: the product's origin; `brand`: its Chinese brand, else a glossary term for the
///   vendor, else the English brand or vendor; `brand_en`; `spec` as given.
pub fn variables(facts: &Facts, glossary: &Glossary) -> Variables {
    let mut vars = Variables::default();
    let terms = glossary.terms();
    let of = |text: &str, categories: &[&str]| -> Vec<usize> {
        glossary
            .find_en(text)
            .into_iter()
            .map(|h| h.term)
            .filter(|&t| categories.contains(&terms[t].category.as_str()))
            .collect()
    };
    let mut used = Vec::new();
    let join = |found: Vec<usize>, used: &mut Vec<usize>| -> String {
        let mut out = String::new();
        for t in found {
            if out.contains(&terms[t].zh) {
                continue;
            }
            out.push_str(&terms[t].zh);
            if !used.contains(&t) {
                used.push(t);
            }
        }
        out
    };
    let mut product = of(&facts.title_en, &["product", "variety"]);
    if product.is_empty() {
        product = of(&facts.product_type, &["product", "variety"]);
    }
    if product.is_empty() {
        product = of(&facts.tags.join(", "), &["product", "variety"]);
        product.truncate(1);
    }
    let product = join(product, &mut used);
    let choice = |t: &usize| {
        facts.option_values.iter().any(|v| {
            glossary
                .find_en(v)
                .iter()
                .any(|h| terms[h.term].zh == terms[*t].zh)
        })
    };
    let words = |categories: &[&str]| -> Vec<usize> {
        of(&facts.title_en, categories)
            .into_iter()
            .filter(|t| !choice(t) && !product.contains(&terms[*t].zh))
            .collect()
    };
    let quality = join(words(&["quality"]), &mut used);
    let pack = join(words(&["pack"]), &mut used);
    let size = join(words(&["size"]), &mut used);
    let origin = if facts.origin.trim().is_empty() {
        "美国".to_owned()
    } else {
        facts.origin.trim().to_owned()
    };
    let region = if origin == "美国" {
        [
            facts.title_en.as_str(),
            facts.description_en.as_str(),
            &facts.tags.join(", "),
        ]
        .iter()
        .find_map(|text| of(text, &["region"]).into_iter().next())
        .map(|t| join(vec![t], &mut used))
        .unwrap_or_default()
    } else {
        String::new()
    };
    let brand_en = if facts.brand_en.trim().is_empty() {
        facts.vendor.trim().to_owned()
    } else {
        facts.brand_en.trim().to_owned()
    };
    let brand = if !facts.brand_zh.trim().is_empty() {
        facts.brand_zh.trim().to_owned()
    } else if let Some(t) = terms
        .iter()
        .position(|t| t.category == "brand" && t.en.eq_ignore_ascii_case(&brand_en))
    {
        join(vec![t], &mut used)
    } else {
        brand_en.clone()
    };
    for (key, value) in [
        ("brand", brand),
        ("brand_en", brand_en),
        ("origin", origin),
        ("region", region),
        ("product", product),
        ("quality", quality),
        ("pack", pack),
        ("size", size),
        ("spec", facts.spec.trim().to_owned()),
    ] {
        vars.values.insert(key.to_owned(), value);
    }
    vars.terms = used;
    vars
}

/// An option value in Chinese: glossary terms replaced by their Chinese (`Gift Box` →
/// 礼盒装), then imperial quantities converted by `units` (`2 lb` → 907克). `None` when
/// nothing in it could be translated (the caller keeps the value as written).
pub fn option_value(
    value: &str,
    glossary: &Glossary,
    units: &dyn Fn(&str) -> String,
) -> Option<(String, Vec<Source>)> {
    let mut sources = Vec::new();
    let chars: Vec<char> = value.chars().collect();
    let mut text = String::new();
    let mut at = 0;
    for hit in glossary.find_en(value) {
        let term = &glossary.terms()[hit.term];
        text.extend(&chars[at..hit.start]);
        text.push_str(&term.zh);
        at = hit.end;
        sources.push(Source::Glossary {
            en: term.en.clone(),
            zh: term.zh.clone(),
        });
    }
    text.extend(&chars[at..]);
    let converted = units(&text);
    if converted != text {
        sources.push(Source::Units {
            from: value.to_owned(),
            to: converted.clone(),
        });
    }
    // "礼盒装 大号" → "礼盒装大号": Chinese words need no space between them.
    let tidy = tidy_spaces(&converted);
    (!sources.is_empty()).then_some((tidy, sources))
}

/// Removes a space before a Chinese character when a Chinese character or a digit comes
/// before it (`礼盒装 大号` → `礼盒装大号`, `24 个` → `24个`); spaces next to Latin words stay.
fn tidy_spaces(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            let cjk_after = after.is_some_and(|a| !a.is_ascii());
            if cjk_after && before.is_some_and(|b| !b.is_ascii() || b.is_ascii_digit()) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Glossary {
        Glossary::new(read_csv(SEED_CSV.as_bytes(), "seed.csv").unwrap()).unwrap()
    }

    fn facts(title: &str) -> Facts {
        Facts {
            title_en: title.into(),
            vendor: "Chelan Orchards".into(),
            origin: "美国".into(),
            spec: "907克".into(),
            ..Facts::default()
        }
    }

    #[test]
    fn a_title_gives_product_region_quality_and_pack() {
        let g = seed();
        let v = variables(
            &facts("Fresh Rainier Cherries from Washington, Gift Box"),
            &g,
        );
        let get = |k: &str| v.values[k].as_str();
        assert_eq!(get("product"), "雷尼尔车厘子");
        assert_eq!(get("region"), "华盛顿州");
        assert_eq!(get("quality"), "新鲜");
        assert_eq!(get("pack"), "礼盒装");
        assert_eq!(get("brand"), "Chelan Orchards");
        assert_eq!(get("origin"), "美国");
        assert_eq!(v.terms.len(), 4);
    }

    #[test]
    fn products_compose_and_the_region_may_come_from_the_description() {
        let g = seed();
        let mut f = facts("Wild-Caught Smoked Sockeye Salmon Jerky");
        f.description_en = "Caught in Bristol Bay, Alaska.".into();
        let v = variables(&f, &g);
        assert_eq!(v.values["product"], "红鲑鱼肉干");
        assert_eq!(v.values["quality"], "野生捕捞烟熏");
        assert_eq!(v.values["region"], "布里斯托湾");
    }

    #[test]
    fn words_that_name_a_variant_stay_out_of_the_title() {
        let g = seed();
        let mut f = facts("California Almonds, Raw or Dry-Roasted");
        f.option_values = vec!["Raw".into(), "Dry-Roasted".into(), "2 lb".into()];
        let v = variables(&f, &g);
        assert_eq!(v.values["product"], "巴旦木");
        assert_eq!(v.values["quality"], "");
    }

    #[test]
    fn no_region_for_goods_not_from_the_us() {
        let g = seed();
        let mut f = facts("Washington Apples");
        f.origin = "加拿大".into();
        assert_eq!(variables(&f, &g).values["region"], "");
    }

    #[test]
    fn option_values_take_glossary_terms_and_metric_units() {
        let g = seed();
        let units = |s: &str| s.replace("2 lb", "907克");
        let (zh, sources) = option_value("Gift Box 2 lb", &g, &units).unwrap();
        assert_eq!(zh, "礼盒装 907克");
        assert_eq!(sources.len(), 2);
        assert_eq!(option_value("Large", &g, &units).unwrap().0, "大号");
        assert!(option_value("Mystery", &g, &units).is_none());
    }
}
