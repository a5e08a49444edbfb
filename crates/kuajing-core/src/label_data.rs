//! Drafting a product's label data from what the Shopify export says, never inventing:
//! - the net content (净含量) from the quantities in its variants' option values (`2 lb box` →
//!   907克), converted by `kuajing-units`, each variant's once, in order. A product whose options
//!   name no weight or volume gets nothing: Shopify's `Variant Grams` is the shipping weight,
//!   packaging included, not the net content, so it is never used;
//! - the ingredients (配料), shelf life (保质期) and storage (贮存条件) from the product's
//!   metafields (`assets/labels/metafields.csv` says which keys fill which field), translated with
//!   the catalog's glossary plus the label phrasebook (`assets/labels/phrases.csv`, kept out of
//!   the catalog's glossary so titles get no findings from it) and `kuajing-units`. A draft with
//!   any English word left (other than a scientific name in brackets) is dropped: the label
//!   shows the field as missing rather than half in English.
//!
//! A field the merchant filled is never touched.

use std::collections::HashMap;

use kuajing_catalog::queries::products as product_rows;
use kuajing_catalog::rusqlite::Connection;
use kuajing_catalog::{Attribute, ProductFields};
use kuajing_draft::Glossary;
use kuajing_units::{Quantity, Units};

use crate::{Result, Workbench};

/// Label phrases in English and Chinese (columns en, zh, note), `{q}` standing for a number,
/// a range or a metric quantity (`docs/labels.md`).
const PHRASES_CSV: &str = include_str!("../../../assets/labels/phrases.csv");

/// Which metafield keys (the key of `namespace.key`, any case) fill which label field.
const METAFIELDS_CSV: &str = include_str!("../../../assets/labels/metafields.csv");

/// Stands for a quantity in the English while it is translated.
const QUANTITY: &str = "{q}";
/// Stands for a scientific name in brackets, kept as written.
const NAME: &str = "{s}";

/// The label fields drafted from metafields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelField {
    Ingredients,
    ShelfLife,
    Storage,
}

impl LabelField {
    pub(crate) const ALL: [LabelField; 3] = [Self::Ingredients, Self::ShelfLife, Self::Storage];

    /// The product field's name (`ProductFields::NAMES`).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Ingredients => "ingredients",
            Self::ShelfLife => "shelf_life",
            Self::Storage => "storage",
        }
    }

    fn current(self, row: &kuajing_catalog::ProductRow) -> &str {
        match self {
            Self::Ingredients => &row.ingredients,
            Self::ShelfLife => &row.shelf_life,
            Self::Storage => &row.storage,
        }
    }

    fn set(self, fields: &mut ProductFields, value: String) {
        let slot = match self {
            Self::Ingredients => &mut fields.ingredients,
            Self::ShelfLife => &mut fields.shelf_life,
            Self::Storage => &mut fields.storage,
        };
        *slot = Some(value);
    }
}

/// The net content its variants' option values state, metric, `a / b` when they differ.
#[cfg(test)]
pub(crate) fn net_content(units: &Units, variants: &[kuajing_catalog::VariantRow]) -> String {
    net_content_with(units, variants, &mut HashMap::new())
}

/// [`net_content`], remembering each option value's metric weight or volume in `known`: an
/// import's products share their few option values (`1 lb`, `2 lb`), and reading each again
/// for every product took a sixteenth of a 20,000-product import.
fn net_content_with(
    units: &Units,
    variants: &[kuajing_catalog::VariantRow],
    known: &mut HashMap<String, Option<String>>,
) -> String {
    let mut found: Vec<String> = Vec::new();
    for variant in variants {
        for value in &variant.options {
            let metric = known.entry(value.clone()).or_insert_with(|| {
                units
                    .find(value)
                    .into_iter()
                    .find(|q| {
                        q.value.is_some() && matches!(q.dimension.as_str(), "weight" | "volume")
                    })
                    .map(|q| units.to_metric(&q))
            });
            if let Some(metric) = metric
                && !found.contains(metric)
            {
                found.push(metric.clone());
            }
        }
    }
    found.join(" / ")
}

/// The metafield keys of `field`, lower case, in the order of `assets/labels/metafields.csv`.
fn metafield_keys(field: LabelField) -> impl Iterator<Item = &'static str> {
    METAFIELDS_CSV
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(','))
        .filter(move |(f, _)| f.trim() == field.name())
        .map(|(_, key)| key.trim())
}

/// The key of a product metafield column as the importer keeps it:
/// `Ingredients (product.metafields.custom.ingredients)` → `ingredients`.
fn metafield_key(column: &str) -> Option<&str> {
    const MARK: &str = "product.metafields.";
    let at = column.to_ascii_lowercase().find(MARK)? + MARK.len();
    let rest = column.get(at..)?;
    let end = rest.find([')', ' ']).unwrap_or(rest.len());
    let (_namespace, key) = rest[..end].split_once('.')?;
    Some(key)
}

/// The English value of `field` among a product's attributes: the first key listed for it
/// that the product has with some text.
fn metafield(attributes: &[Attribute], field: LabelField) -> Option<&str> {
    metafield_keys(field).find_map(|wanted| {
        attributes.iter().find_map(|a| {
            let key = metafield_key(&a.key)?;
            (key.eq_ignore_ascii_case(wanted) && !a.value.trim().is_empty())
                .then_some(a.value.as_str())
        })
    })
}

/// Translates label values: the catalog's glossary and the label phrasebook as one matcher,
/// and the unit table.
pub(crate) struct LabelDrafter<'u> {
    glossary: Glossary,
    units: &'u Units,
}

impl<'u> LabelDrafter<'u> {
    /// The catalog's terms first (the merchant's Chinese wins), then each phrase the catalog
    /// has not got.
    pub(crate) fn new(catalog: &Glossary, units: &'u Units) -> Result<Self> {
        let mut terms = catalog.terms().to_vec();
        for phrase in kuajing_draft::read_csv(PHRASES_CSV.as_bytes(), "labels/phrases.csv")? {
            if !terms.iter().any(|t| t.en.eq_ignore_ascii_case(&phrase.en)) {
                terms.push(phrase);
            }
        }
        Ok(LabelDrafter {
            glossary: Glossary::new(terms)?,
            units,
        })
    }

    /// The Chinese of an English label value, or `None` when any of it stays untranslated:
    /// 1. imperial quantities converted (`kuajing-units`; one written in brackets after its
    ///    metric equivalent, `0-2 °C (32-36 °F)`, goes);
    /// 2. scientific names in brackets (`(Oncorhynchus nerka)`) set aside, kept as written;
    /// 3. quantities (`0-2°C`, `-18°C`), numbers and ranges (`7 to 10` → `7-10`) set aside;
    /// 4. `Bing and Rainier cherries` read as `Bing cherries and Rainier cherries` when both are
    ///    terms;
    /// 5. glossary terms and phrases replaced, longest first (`{q} days refrigerated` →
    ///    `冷藏{q}天`);
    /// 6. punctuation made Chinese (`,` is `、` between ingredients, else `，`; `and` between
    ///    ingredients is `、`);
    /// 7. accepted only if no Latin letter is left and some Chinese is there; then the
    ///    quantities and names put back and the spaces between Chinese dropped.
    pub(crate) fn draft(&self, english: &str, field: LabelField) -> Option<String> {
        let text = english.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = self.units.convert_text(&text);
        let mut names = Vec::new();
        let text = set_aside_names(&text, &self.glossary, &mut names);
        let mut quantities = Vec::new();
        let text = self.set_aside_quantities(&text, &mut quantities);
        let text = set_aside_numbers(&text, &mut quantities);
        let text = expand_shared_heads(&text, &self.glossary);
        let text = kuajing_draft::option_value(&text, &self.glossary, &|t: &str| t.to_owned())
            .map_or(text, |(zh, _)| zh);
        let text = punctuate(&text, field == LabelField::Ingredients);
        let bare = text.replace(QUANTITY, "").replace(NAME, "");
        if bare.chars().any(is_latin_letter) || !bare.chars().any(is_han) {
            return None;
        }
        let text = fill(&text, QUANTITY, &quantities)?;
        let text = fill(&text, NAME, &names)?;
        Some(tidy_spaces(&text))
    }

    /// Every quantity with a number (metric by now) replaced by [`QUANTITY`], its Chinese form
    /// pushed to `out`.
    fn set_aside_quantities(&self, text: &str, out: &mut Vec<String>) -> String {
        let found: Vec<Quantity> = self
            .units
            .find(text)
            .into_iter()
            .filter(|q| q.value.is_some() && !q.imperial)
            .collect();
        let chars: Vec<char> = text.chars().collect();
        let mut result = String::with_capacity(text.len());
        let mut at = 0;
        for q in found {
            if q.start < at {
                continue;
            }
            result.extend(chars.get(at..q.start).unwrap_or_default());
            result.push_str(QUANTITY);
            out.push(label_quantity(&self.units.to_metric(&q)));
            at = q.end;
        }
        result.extend(chars.get(at..).unwrap_or_default());
        result
    }
}

/// A metric quantity as a label writes it: `℃`, and a range with a hyphen when no end is
/// negative (`0~2°C` → `0-2℃`; `-2~4°C` keeps its `~`).
fn label_quantity(metric: &str) -> String {
    let text = metric.replace("°C", "℃");
    if text.contains('-') {
        text
    } else {
        text.replace('~', "-")
    }
}

/// Numbers and ranges of numbers not glued to a word, replaced by [`QUANTITY`]: `7 to 10` →
/// `7-10`, `30`, `2.5`.
fn set_aside_numbers(text: &str, out: &mut Vec<String>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut result = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let glued_before = i
            .checked_sub(1)
            .and_then(|j| chars.get(j))
            .is_some_and(|p| p.is_alphanumeric() || *p == '.');
        if !c.is_ascii_digit() || glued_before {
            result.push(c);
            i += 1;
            continue;
        }
        let first_end = number_end(&chars, i);
        let mut end = first_end;
        let mut second = None;
        for sep in [" to ", " - ", "-", "–", "~"] {
            let sep: Vec<char> = sep.chars().collect();
            let after = first_end + sep.len();
            if chars.get(first_end..after) == Some(sep.as_slice())
                && chars.get(after).is_some_and(char::is_ascii_digit)
            {
                end = number_end(&chars, after);
                second = Some(after);
                break;
            }
        }
        if chars.get(end).is_some_and(|n| n.is_alphanumeric()) {
            // `5x`, `3M`: part of a word, left as written (and so not drafted).
            result.extend(chars.get(i..end).unwrap_or_default());
            i = end;
            continue;
        }
        let first: String = chars.get(i..first_end).unwrap_or_default().iter().collect();
        out.push(match second {
            Some(s) => {
                let second: String = chars.get(s..end).unwrap_or_default().iter().collect();
                format!("{first}-{second}")
            }
            None => first,
        });
        result.push_str(QUANTITY);
        i = end;
    }
    result
}

/// The end of the number starting at `i`: digits, with `.` or `,` between digits.
fn number_end(chars: &[char], mut i: usize) -> usize {
    while let Some(c) = chars.get(i) {
        let inner = matches!(c, '.' | ',') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || inner {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// A scientific name in brackets (`(Oncorhynchus nerka)`: a capitalised genus and one or two
/// lower-case epithets, none of them a glossary word) replaced by [`NAME`], kept as written in
/// Chinese brackets.
fn set_aside_names(text: &str, glossary: &Glossary, out: &mut Vec<String>) -> String {
    let mut result = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inside = &rest[open + 1..close];
        result.push_str(&rest[..open]);
        if is_binomial(inside) && glossary.find_en(inside).is_empty() {
            result.push_str(NAME);
            out.push(format!("（{inside}）"));
        } else {
            result.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    result.push_str(rest);
    result
}

fn is_binomial(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    let latin = |w: &str, capital: bool| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| {
            c.is_ascii_alphabetic() && c.is_ascii_uppercase() == capital && w.len() >= 2
        }) && chars.all(|c| c.is_ascii_lowercase())
    };
    (2..=3).contains(&words.len()) && words.iter().enumerate().all(|(i, w)| latin(w, i == 0))
}

/// `Bing and Rainier cherries` → `Bing cherries and Rainier cherries` (also with `, `) when
/// `Bing cherries` is a glossary term as well as `Rainier cherries`: the head noun shared
/// by both, as English writes it.
fn expand_shared_heads(text: &str, glossary: &Glossary) -> String {
    let mut text = text.to_owned();
    // Each round expands one word; a list of a few varieties takes as many rounds.
    for _ in 0..8 {
        let Some(next) = expand_one(&text, glossary) else {
            break;
        };
        text = next;
    }
    text
}

fn expand_one(text: &str, glossary: &Glossary) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let hits = glossary.find_en(text);
    for hit in &hits {
        let term: String = chars.get(hit.start..hit.end)?.iter().collect();
        let Some((_, head)) = term.rsplit_once(' ') else {
            continue;
        };
        let before: String = chars.get(..hit.start)?.iter().collect();
        let Some((lead, sep)) = [" and ", ", "]
            .iter()
            .find_map(|sep| Some((before.strip_suffix(sep)?, *sep)))
        else {
            continue;
        };
        let word_start = lead
            .char_indices()
            .rfind(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &lead[word_start..];
        if word.is_empty() {
            continue;
        }
        // The word must be no term of its own (`Fresh and Rainier cherries` stays).
        let word_at = lead[..word_start].chars().count();
        if hits.iter().any(|h| h.start <= word_at && word_at < h.end) {
            continue;
        }
        let candidate = format!("{word} {head}");
        let whole = glossary.find_en(&candidate);
        if let [only] = whole.as_slice()
            && only.start == 0
            && only.end == candidate.chars().count()
        {
            let after: String = chars.get(hit.start..)?.iter().collect();
            return Some(format!("{}{candidate}{sep}{after}", &lead[..word_start]));
        }
    }
    None
}

/// ASCII punctuation in Chinese form; between ingredients `,` and `and` are `、`.
fn punctuate(text: &str, list: bool) -> String {
    let text = if list {
        text.replace(" and ", "、")
    } else {
        text.to_owned()
    };
    text.chars()
        .map(|c| match c {
            ',' if list => '、',
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '.' => '。',
            '(' => '（',
            ')' => '）',
            '!' => '！',
            '?' => '？',
            other => other,
        })
        .collect()
}

/// Each `mark` replaced by the next of `values`; `None` unless there are as many.
fn fill(text: &str, mark: &str, values: &[String]) -> Option<String> {
    let parts: Vec<&str> = text.split(mark).collect();
    if parts.len() != values.len() + 1 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, part) in parts.iter().enumerate() {
        out.push_str(part);
        if let Some(v) = values.get(i) {
            out.push_str(v);
        }
    }
    Some(out)
}

/// Spaces dropped except between two Latin letters or digits (inside a scientific name).
fn tidy_spaces(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            let keep = before.is_some_and(char::is_ascii_alphanumeric)
                && after.is_some_and(char::is_ascii_alphanumeric);
            if !keep {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A letter of the Latin script (ASCII, Latin-1 and Latin Extended-A/B).
fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c))
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

impl Workbench {
    /// Drafts the label data of `products`, just written by an import inside the caller's
    /// transaction, that is still empty; history source `draft`. Their variants and
    /// attributes are read from the import, not the catalog again. Returns how many fields
    /// were filled.
    pub(crate) fn draft_label_data(
        &self,
        tx: &Connection,
        products: &[kuajing_catalog::NewProduct],
    ) -> Result<usize> {
        let units = Units::builtin()?;
        let mut drafter: Option<LabelDrafter> = None;
        let mut drafted = 0;
        let mut known = HashMap::new();
        for product in products {
            let handle = &product.handle;
            let row = product_rows::get(tx, handle)?;
            let mut fields = ProductFields::default();
            let mut filled = 0;
            if row.net_content.is_empty() {
                let net = net_content_with(units, &product.variants, &mut known);
                if !net.is_empty() {
                    fields.net_content = Some(net);
                    filled += 1;
                }
            }
            let empty: Vec<LabelField> = LabelField::ALL
                .into_iter()
                .filter(|f| f.current(&row).trim().is_empty())
                .collect();
            if !empty.is_empty() {
                for field in empty {
                    let Some(english) = metafield(&product.attributes, field) else {
                        continue;
                    };
                    let drafter = match &mut drafter {
                        Some(d) => d,
                        None => {
                            let catalog = self.glossary(tx)?;
                            drafter.insert(LabelDrafter::new(&catalog, units)?)
                        }
                    };
                    if let Some(zh) = drafter.draft(english, field) {
                        field.set(&mut fields, zh);
                        filled += 1;
                    }
                }
            }
            if filled > 0 {
                product_rows::set_fields_on(tx, &row, &fields, "draft")?;
                drafted += filled;
            }
        }
        Ok(drafted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(options: &[&str]) -> kuajing_catalog::VariantRow {
        kuajing_catalog::VariantRow {
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            grams: Some(1361.0),
            ..Default::default()
        }
    }

    #[test]
    fn net_content_comes_from_option_values_never_from_shipping_grams() {
        let units = Units::builtin().unwrap();
        assert_eq!(net_content(units, &[variant(&["2 lb box"])]), "907克");
        assert_eq!(
            net_content(
                units,
                &[variant(&["1 lb"]), variant(&["8 oz"]), variant(&["1 lb"])]
            ),
            "454克 / 227克"
        );
        assert_eq!(
            net_content(units, &[variant(&["Raw", "16 fl oz"])]),
            "473毫升"
        );
        assert_eq!(net_content(units, &[variant(&["Default Title"])]), "");
        assert_eq!(net_content(units, &[variant(&["Large"])]), "");
    }

    fn drafter() -> LabelDrafter<'static> {
        let seed = kuajing_draft::read_csv(kuajing_draft::SEED_CSV.as_bytes(), "seed.csv").unwrap();
        LabelDrafter::new(&Glossary::new(seed).unwrap(), Units::builtin().unwrap()).unwrap()
    }

    /// Every ingredients, shelf-life and storage value of the sample catalog, and its draft.
    const SAMPLE: [(LabelField, &str, &str); 20] = [
        (
            LabelField::Ingredients,
            "Fresh Rainier cherries",
            "新鲜雷尼尔车厘子",
        ),
        (
            LabelField::Ingredients,
            "Fresh Bing cherries",
            "新鲜宾莹车厘子",
        ),
        (
            LabelField::Ingredients,
            "Fresh Bing and Rainier cherries",
            "新鲜宾莹车厘子、雷尼尔车厘子",
        ),
        (
            LabelField::Ingredients,
            "Wild sockeye salmon (Oncorhynchus nerka)",
            "野生红鲑鱼（Oncorhynchus nerka）",
        ),
        (
            LabelField::Ingredients,
            "Wild sockeye salmon, brown sugar, sea salt, black pepper, alder smoke",
            "野生红鲑鱼、红糖、海盐、黑胡椒、桤木熏烟",
        ),
        (
            LabelField::Ingredients,
            "Raw: almonds. Roasted: almonds, sea salt.",
            "未烘烤款：巴旦木。烘烤款：巴旦木、海盐。",
        ),
        (LabelField::Ingredients, "Walnuts", "核桃"),
        (
            LabelField::Ingredients,
            "Almonds, walnuts, hazelnuts",
            "巴旦木、核桃、榛子",
        ),
        (
            LabelField::ShelfLife,
            "7 to 10 days refrigerated",
            "冷藏7-10天",
        ),
        (LabelField::ShelfLife, "12 months frozen", "冷冻12个月"),
        (
            LabelField::ShelfLife,
            "30 days refrigerated unopened; 12 months frozen",
            "未开封冷藏30天；冷冻12个月",
        ),
        (LabelField::ShelfLife, "12 months", "12个月"),
        (
            LabelField::ShelfLife,
            "12 months refrigerated; 6 months at room temperature",
            "冷藏12个月；常温6个月",
        ),
        (LabelField::ShelfLife, "9 months", "9个月"),
        (
            LabelField::Storage,
            "Keep refrigerated at 0-2 °C (32-36 °F). Wash just before eating.",
            "0-2℃冷藏保存。食用前再清洗。",
        ),
        (
            LabelField::Storage,
            "Keep frozen at -18 °C (0 °F) or below. Thaw overnight in the refrigerator.",
            "-18℃或以下冷冻保存。放入冰箱冷藏室解冻过夜。",
        ),
        (
            LabelField::Storage,
            "Keep refrigerated at 0-4 °C (32-39 °F). Once opened, eat within 5 days.",
            "0-4℃冷藏保存。开封后请于5天内食用。",
        ),
        (
            LabelField::Storage,
            "Store in a cool, dry place. Refrigerate after opening for best freshness.",
            "置于阴凉干燥处。开封后请冷藏以保持新鲜。",
        ),
        (
            LabelField::Storage,
            "Store airtight in a cool, dry place or in the refrigerator.",
            "密封置于阴凉干燥处或冰箱冷藏。",
        ),
        (
            LabelField::Storage,
            "Store in a cool, dry place.",
            "置于阴凉干燥处。",
        ),
    ];

    #[test]
    fn every_sample_value_drafts_to_chinese() {
        let d = drafter();
        let mut wrong = Vec::new();
        for (field, english, chinese) in SAMPLE {
            let got = d.draft(english, field);
            if got.as_deref() != Some(chinese) {
                wrong.push(format!("{english:?} → {got:?}, expected {chinese:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn imperial_quantities_are_converted_and_duplicates_dropped() {
        let d = drafter();
        let storage = LabelField::Storage;
        // Fahrenheit alone is converted; written after its Celsius it goes.
        assert_eq!(
            d.draft("Keep frozen at 0 °F or below.", storage).as_deref(),
            Some("-18℃或以下冷冻保存。")
        );
        assert_eq!(
            d.draft("Keep refrigerated at 34-38°F", storage).as_deref(),
            Some("1-3℃冷藏保存")
        );
        // A range reaching below zero keeps kuajing-units' `~`, so no minus reads as a dash.
        assert_eq!(
            d.draft("Keep refrigerated at -2-4 °C", storage).as_deref(),
            Some("-2~4℃冷藏保存")
        );
        assert_eq!(
            d.draft("2 to 3 weeks refrigerated", LabelField::ShelfLife)
                .as_deref(),
            Some("冷藏2-3周")
        );
    }

    #[test]
    fn a_head_noun_shared_by_two_terms_is_read_for_both() {
        let d = drafter();
        let list = LabelField::Ingredients;
        assert_eq!(
            d.draft("Bing, Rainier cherries", list).as_deref(),
            Some("宾莹车厘子、雷尼尔车厘子")
        );
        // Whatever character stands before the word.
        assert_eq!(
            d.draft("Fresh·Bing and Rainier cherries", list).as_deref(),
            Some("新鲜·宾莹车厘子、雷尼尔车厘子")
        );
        // Not when the word is a term of its own: fresh cherries are no variety.
        assert_eq!(
            d.draft("Fresh and Rainier cherries", list).as_deref(),
            Some("新鲜、雷尼尔车厘子")
        );
    }

    #[test]
    fn a_value_with_an_unknown_word_is_not_drafted() {
        let d = drafter();
        for (field, english) in [
            (LabelField::Ingredients, "Fresh dragon fruit"),
            (LabelField::Ingredients, "Almonds, walnuts, Brazil nuts"),
            (LabelField::Ingredients, "Salmon (wild caught in Alaska)"),
            (
                LabelField::Storage,
                "Keep refrigerated. Contains sulphites.",
            ),
            (LabelField::Storage, "Keep below 5x"),
            (LabelField::Storage, "Keep frozen at 0 °F or lower."),
            (LabelField::ShelfLife, "Best before 12 months"),
            (LabelField::ShelfLife, "12"),
            (LabelField::ShelfLife, "   "),
            (LabelField::Ingredients, "Crème and Rainier cherries"),
        ] {
            assert_eq!(d.draft(english, field), None, "{english}");
        }
    }

    #[test]
    fn the_phrasebook_is_well_formed() {
        let phrases = kuajing_draft::read_csv(PHRASES_CSV.as_bytes(), "phrases.csv").unwrap();
        assert!(phrases.len() > 40, "{}", phrases.len());
        let mut seen = std::collections::HashSet::new();
        for p in &phrases {
            let slots = |t: &str| t.matches(QUANTITY).count();
            assert!(slots(&p.en) <= 1 && slots(&p.en) == slots(&p.zh), "{p:?}");
            assert_eq!(p.en, p.en.to_lowercase(), "{p:?}");
            assert!(seen.insert(p.en.clone()), "twice: {}", p.en);
            assert!(
                !p.zh.chars().any(is_latin_letter) || p.zh.contains(QUANTITY),
                "{p:?}"
            );
            // No phrase may bring in a term the advertising law bans (最佳, 顶级 …).
            assert!(!p.zh.contains('最'), "{p:?}");
        }
    }

    #[test]
    fn metafields_are_found_by_their_key_in_any_case() {
        assert_eq!(
            metafield_key("Ingredients (product.metafields.custom.ingredients)"),
            Some("ingredients")
        );
        assert_eq!(
            metafield_key("Shelf Life (product.metafields.my_fields.Shelf-Life)"),
            Some("Shelf-Life")
        );
        assert_eq!(
            metafield_key("Colour (variant.metafields.custom.colour)"),
            None
        );
        assert_eq!(metafield_key("Ingredients"), None);
        let attrs = |pairs: &[(&str, &str)]| -> Vec<Attribute> {
            pairs
                .iter()
                .map(|(k, v)| Attribute {
                    key: (*k).into(),
                    value: (*v).into(),
                })
                .collect()
        };
        let a = attrs(&[
            ("Storage notes (product.metafields.custom.storage)", " "),
            (
                "Care (product.metafields.custom.storage_instructions)",
                "Keep frozen",
            ),
            (
                "Shelflife (product.metafields.details.SHELFLIFE)",
                "9 months",
            ),
        ]);
        assert_eq!(metafield(&a, LabelField::Storage), Some("Keep frozen"));
        assert_eq!(metafield(&a, LabelField::ShelfLife), Some("9 months"));
        assert_eq!(metafield(&a, LabelField::Ingredients), None);
        for line in METAFIELDS_CSV.lines().skip(1) {
            let (field, key) = line.split_once(',').unwrap();
            assert!(LabelField::ALL.iter().any(|f| f.name() == field), "{line}");
            assert!(!key.contains(['"', ',', ' ']), "{line}");
        }
    }
}
