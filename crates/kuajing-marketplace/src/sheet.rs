//! The bulk-upload sheet a profile describes: its file formats, whether it carries a row of
//! API keys, what one row is, and its columns with the value each holds ([`SheetValue`], one
//! enum matched exhaustively by the exporter).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Sheet {
    /// The files the sheet is written as, each under its own name in the bundle.
    #[serde(default = "default_formats")]
    pub formats: Vec<SheetFormat>,
    /// A row of each column's `key` (the API field name) above the headers. The 淘宝助理 CSV
    /// always has it.
    #[serde(default)]
    pub keys: bool,
    /// One row per variant (the default), or per product (the 淘宝助理 sheet, whose variants
    /// are SKUs set in the seller back end): a product's row takes its first variant's values.
    #[serde(default)]
    pub rows: SheetRows,
    pub columns: Vec<Column>,
}

/// What one row of a sheet is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum SheetRows {
    #[default]
    Variant,
    Product,
}

fn default_formats() -> Vec<SheetFormat> {
    vec![SheetFormat::Csv]
}

/// A file format a listing sheet is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum SheetFormat {
    /// `listing.csv`: UTF-8 with a byte-order mark, commas, CRLF.
    Csv,
    /// `listing.xlsx`: one worksheet, numbers as numbers.
    Xlsx,
    /// `listing.csv` in the 淘宝助理 form: `version 1.00`, the keys, the headers, tab-separated,
    /// UTF-16 with a byte-order mark; pictures as `.tbi` files in `listing/`.
    TaobaoAssistant,
}

impl SheetFormat {
    /// The sheet's file name in the bundle.
    pub fn file_name(self) -> &'static str {
        match self {
            SheetFormat::Csv | SheetFormat::TaobaoAssistant => "listing.csv",
            SheetFormat::Xlsx => "listing.xlsx",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(try_from = "RawColumn")]
#[ts(export)]
pub struct Column {
    pub header: String,
    /// The API field or 淘宝助理 key the column fills, written in the keys row.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// `sku`, `title_zh`, … `image:N`, `images:<slot>` or `text`: see [`SheetValue`].
    #[ts(type = "string")]
    pub value: SheetValue,
    /// The cell's text for `value = "text"`, the same on every row.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// What joins the files of `images:<slot>` (default `;`; Douyin's `pic` takes `|`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub separator: String,
}

/// A column as the file says it, before its value is known to be one the exporter fills.
#[derive(Deserialize)]
struct RawColumn {
    header: String,
    #[serde(default)]
    key: String,
    value: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    separator: String,
}

impl TryFrom<RawColumn> for Column {
    type Error = String;

    fn try_from(raw: RawColumn) -> Result<Self, String> {
        match SheetValue::parse(&raw.value) {
            Some(value) => Ok(Column {
                header: raw.header,
                key: raw.key,
                value,
                text: raw.text,
                separator: raw.separator,
            }),
            None => Err(format!(
                "sheet column `{}` has unknown value `{}` (known: {}, image:N, images:<slot>)",
                raw.header,
                raw.value,
                SheetValue::NAMED
                    .iter()
                    .map(|(name, _)| *name)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

/// What a sheet column holds, one per variant row. The exporter matches every value (no
/// catch-all), so a new value is a compile error until it is filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetValue {
    Sku,
    Handle,
    /// The variant's option values, each in its Chinese form (销售规格).
    Options,
    TitleZh,
    TitleEn,
    ShortTitleZh,
    /// The selling points (卖点), one line each, joined by `；`.
    SellingPointsZh,
    /// 中文名/English name, or whichever there is.
    Brand,
    BrandEn,
    BrandZh,
    /// Yuan with two decimals.
    PriceCny,
    /// Fen (hundredths of a yuan), a whole number: Pinduoduo and Douyin.
    PriceFen,
    /// Kilograms, up to three decimals.
    WeightKg,
    /// Grams, a whole number.
    WeightG,
    /// The variant's stock from the Shopify export.
    Stock,
    Origin,
    HsCode,
    Barcode,
    DescriptionZh,
    /// Label data (docs/labels.md): 配料, 净含量, 保质期, 贮存条件.
    Ingredients,
    NetContent,
    ShelfLife,
    Storage,
    /// The vendor's 境内代理商 (importer or agent in China): name, address, phone.
    AgentName,
    AgentAddress,
    AgentPhone,
    /// The N-th main image (1-based): `image:N`.
    Image(u32),
    /// Every image of a slot, `;`-separated: `images:<slot>`.
    Images(String),
    /// The 淘宝助理 `picture` cell: each main image as `<name>:1:<index>:|;`.
    TaobaoPictures,
    /// The 淘宝助理 `picture_status` cell: `2;` per picture (a new local picture).
    TaobaoPictureStatus,
    /// The column's `text`, the same on every row.
    Text,
}

impl SheetValue {
    /// The values without an argument, by the name a profile writes.
    pub const NAMED: [(&'static str, SheetValue); 29] = [
        ("sku", SheetValue::Sku),
        ("handle", SheetValue::Handle),
        ("options", SheetValue::Options),
        ("title_zh", SheetValue::TitleZh),
        ("title_en", SheetValue::TitleEn),
        ("short_title_zh", SheetValue::ShortTitleZh),
        ("selling_points_zh", SheetValue::SellingPointsZh),
        ("brand", SheetValue::Brand),
        ("brand_en", SheetValue::BrandEn),
        ("brand_zh", SheetValue::BrandZh),
        ("price_cny", SheetValue::PriceCny),
        ("price_fen", SheetValue::PriceFen),
        ("weight_kg", SheetValue::WeightKg),
        ("weight_g", SheetValue::WeightG),
        ("stock", SheetValue::Stock),
        ("origin", SheetValue::Origin),
        ("hs_code", SheetValue::HsCode),
        ("barcode", SheetValue::Barcode),
        ("description_zh", SheetValue::DescriptionZh),
        ("ingredients", SheetValue::Ingredients),
        ("net_content", SheetValue::NetContent),
        ("shelf_life", SheetValue::ShelfLife),
        ("storage", SheetValue::Storage),
        ("agent_name", SheetValue::AgentName),
        ("agent_address", SheetValue::AgentAddress),
        ("agent_phone", SheetValue::AgentPhone),
        ("taobao_pictures", SheetValue::TaobaoPictures),
        ("taobao_picture_status", SheetValue::TaobaoPictureStatus),
        ("text", SheetValue::Text),
    ];

    pub fn parse(name: &str) -> Option<SheetValue> {
        if let Some(n) = name.strip_prefix("image:") {
            return n
                .parse::<u32>()
                .ok()
                .filter(|n| *n >= 1)
                .map(SheetValue::Image);
        }
        if let Some(slot) = name.strip_prefix("images:") {
            return (!slot.is_empty()).then(|| SheetValue::Images(slot.to_owned()));
        }
        Self::NAMED
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, value)| value.clone())
    }

    /// The name a profile writes.
    pub fn name(&self) -> String {
        match self {
            SheetValue::Image(n) => format!("image:{n}"),
            SheetValue::Images(slot) => format!("images:{slot}"),
            named => Self::NAMED
                .iter()
                .find(|(_, value)| value == named)
                .map(|(name, _)| (*name).to_owned())
                .unwrap_or_default(),
        }
    }

    /// Whether the value is a number (an XLSX cell of type number).
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            SheetValue::PriceCny
                | SheetValue::PriceFen
                | SheetValue::WeightKg
                | SheetValue::WeightG
                | SheetValue::Stock
        )
    }
}

impl Serialize for SheetValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name())
    }
}
