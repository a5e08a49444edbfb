//! The listing sheet's cells: one row per variant (or per product, for a sheet that lists
//! products), each column's value in the unit its marketplace takes (yuan or fen, kg or g).

use std::collections::BTreeMap;

use kuajing_catalog::Rate;
use kuajing_marketplace::{Profile, SheetValue};

use crate::{ProductDetail, Variant};

/// Option values' Chinese forms by (option name, value).
pub(crate) type OptionZh = BTreeMap<(String, String), String>;

/// What a product put into the bundle that its rows refer to.
#[derive(Debug, Default)]
pub(crate) struct Files {
    /// Bundle paths of each slot's images, in order.
    pub by_slot: BTreeMap<String, Vec<String>>,
    /// The 淘宝助理 picture names (`.tbi` files without the extension) of the main images.
    pub tbi: Vec<String>,
}

/// The row of `v` (a variant of `p`) as the profile's columns ask.
pub(crate) fn row(
    profile: &Profile,
    p: &ProductDetail,
    v: &Variant,
    rate: &Rate,
    files: &Files,
    option_zh: &OptionZh,
) -> Vec<String> {
    profile
        .sheet
        .columns
        .iter()
        .map(|column| match &column.value {
            SheetValue::Images(slot) if !column.separator.is_empty() => files
                .by_slot
                .get(slot)
                .map(|f| f.join(&column.separator))
                .unwrap_or_default(),
            value => cell(value, &column.text, p, Some(v), rate, files, option_zh),
        })
        .collect()
}

/// One value of a product (and, for the variant's own values, a variant). Label items use
/// this too, without a variant's sheet files.
pub(crate) fn cell(
    value: &SheetValue,
    text: &str,
    p: &ProductDetail,
    v: Option<&Variant>,
    rate: &Rate,
    files: &Files,
    option_zh: &OptionZh,
) -> String {
    let slot_files = |slot: &str| files.by_slot.get(slot).map(Vec::as_slice).unwrap_or(&[]);
    match value {
        SheetValue::Sku => v.and_then(|v| v.sku.clone()).unwrap_or_default(),
        SheetValue::Handle => p.handle.clone(),
        // 销售规格: each value in its Chinese form (`kuajing options`), as written if none.
        SheetValue::Options => v.map_or_else(String::new, |v| options(p, v, option_zh)),
        SheetValue::TitleZh => p.title_zh.clone(),
        SheetValue::TitleEn => p.title_en.clone(),
        SheetValue::ShortTitleZh => p.short_title_zh.clone(),
        SheetValue::SellingPointsZh => p
            .selling_points_zh
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("；"),
        SheetValue::Brand => match (p.brand_zh.is_empty(), p.brand_en.is_empty()) {
            (false, false) => format!("{}/{}", p.brand_zh, p.brand_en),
            (false, true) => p.brand_zh.clone(),
            _ => p.brand_en.clone(),
        },
        SheetValue::BrandEn => p.brand_en.clone(),
        SheetValue::BrandZh => p.brand_zh.clone(),
        SheetValue::PriceCny => price_fen(v, rate).map(yuan).unwrap_or_default(),
        SheetValue::PriceFen => price_fen(v, rate)
            .map(|f| f.to_string())
            .unwrap_or_default(),
        SheetValue::WeightKg => v.and_then(|v| v.grams).map(kilograms).unwrap_or_default(),
        SheetValue::WeightG => v
            .and_then(|v| v.grams)
            .map(|g| format!("{}", g.round() as i64))
            .unwrap_or_default(),
        SheetValue::Stock => v
            .and_then(|v| v.inventory_qty)
            .map(|q| q.max(0).to_string())
            .unwrap_or_default(),
        SheetValue::Origin => p.origin.clone(),
        SheetValue::HsCode => p.hs_code.clone(),
        SheetValue::Barcode => v.and_then(|v| v.barcode.clone()).unwrap_or_default(),
        SheetValue::DescriptionZh => p.description_zh.clone(),
        SheetValue::Ingredients => p.ingredients.clone(),
        SheetValue::NetContent => p.net_content.clone(),
        SheetValue::ShelfLife => p.shelf_life.clone(),
        SheetValue::Storage => p.storage.clone(),
        SheetValue::AgentName => p.agent.agent_name.clone(),
        SheetValue::AgentAddress => p.agent.agent_address.clone(),
        SheetValue::AgentPhone => p.agent.agent_phone.clone(),
        SheetValue::Image(n) => usize::try_from(*n)
            .ok()
            .and_then(|n| slot_files("main").get(n.wrapping_sub(1)))
            .cloned()
            .unwrap_or_default(),
        SheetValue::Images(slot) => slot_files(slot).join(";"),
        // 淘宝助理: `<picture name>:1:<position>:|;` per main image (docs/marketplaces.md).
        SheetValue::TaobaoPictures => files
            .tbi
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{name}:1:{i}:|;"))
            .collect(),
        SheetValue::TaobaoPictureStatus => "2;".repeat(files.tbi.len()),
        SheetValue::Text => text.to_owned(),
    }
}

fn options(p: &ProductDetail, v: &Variant, option_zh: &OptionZh) -> String {
    p.option_names
        .iter()
        .zip(&v.options)
        .filter(|(_, o)| *o != "Default Title")
        .map(|(name, value)| {
            option_zh
                .get(&(name.clone(), value.clone()))
                .filter(|zh| !zh.is_empty())
                .unwrap_or(value)
                .clone()
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The variant's price in fen at `rate`, rounded half away from zero.
pub(crate) fn price_fen(v: Option<&Variant>, rate: &Rate) -> Option<i64> {
    v.and_then(|v| v.price_cents)
        .map(|c| (c as f64 * rate.usd_cny).round() as i64)
}

/// Fen as yuan with two decimals.
pub(crate) fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, (fen % 100).abs())
}

/// Grams to kilograms, three decimals without trailing zeros.
pub(crate) fn kilograms(grams: f64) -> String {
    let text = format!("{:.3}", grams / 1000.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() {
        "0".into()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_convert_to_yuan_and_fen_and_weights_to_kilograms() {
        let rate = |usd_cny| Rate {
            usd_cny,
            date: "2026-12-01".into(),
        };
        let variant = |cents| Variant {
            price_cents: Some(cents),
            ..Default::default()
        };
        let fen = |cents, r| price_fen(Some(&variant(cents)), &rate(r)).unwrap();
        assert_eq!(yuan(fen(2999, 7.2)), "215.93");
        assert_eq!(fen(2999, 7.2), 21593);
        assert_eq!(yuan(fen(100, 7.0)), "7.00");
        assert_eq!(yuan(fen(5, 7.1)), "0.36");
        assert_eq!(kilograms(907.0), "0.907");
        assert_eq!(kilograms(2268.0), "2.268");
        assert_eq!(kilograms(1000.0), "1");
        assert_eq!(kilograms(0.0), "0");
    }
}
