//! What a listing must carry besides its copy and images: the Chinese e-label template, the
//! cross-border price caps, and the items its completeness counts.

use serde::{Deserialize, Serialize};

use crate::SheetValue;

/// The Chinese electronic label (中文电子标签): a title, the items in order (each heading is
/// always printed; a missing value shows `missing`), and the consumer risk notice.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct LabelTemplate {
    pub title: String,
    pub missing: String,
    pub items: Vec<LabelItem>,
    #[serde(default)]
    pub notice: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct LabelItem {
    pub heading: String,
    /// A product value, by the names sheet columns use (`title_zh`, `ingredients`, …).
    #[ts(type = "string")]
    #[serde(deserialize_with = "sheet_value")]
    pub value: SheetValue,
}

fn sheet_value<'de, D: serde::Deserializer<'de>>(de: D) -> Result<SheetValue, D::Error> {
    let name = String::deserialize(de)?;
    SheetValue::parse(&name).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "unknown label value `{name}` (the sheet's value names)"
        ))
    })
}

/// What a shopper may spend on cross-border retail imports (docs/marketplaces.md).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PriceCaps {
    pub per_order: u32,
    pub per_year: u32,
    pub status: String,
    pub source: String,
}
/// The items a product needs for this marketplace: fields (by the sheet's value names) and
/// image slots. Completeness is the share of them filled and free of error findings.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Requirements {
    #[ts(type = "string[]")]
    #[serde(deserialize_with = "sheet_values")]
    pub fields: Vec<SheetValue>,
    #[serde(default)]
    pub slots: Vec<String>,
    pub source: String,
}

fn sheet_values<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Vec<SheetValue>, D::Error> {
    let names = Vec::<String>::deserialize(de)?;
    names
        .iter()
        .map(|name| {
            SheetValue::parse(name).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown required field `{name}` (the sheet's value names)"
                ))
            })
        })
        .collect()
}
