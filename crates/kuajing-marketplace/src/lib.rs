//! Marketplace profiles: what a marketplace asks of a listing (title limit, image slots, sheet
//! columns), read from data files under `assets/marketplaces/`.
//!
//! This crate owns the profile format and nothing else: it knows no catalog, no images, no
//! Tauri. Limits never live in code; they live in the TOML files, each with its status and
//! source, so a merchant can correct one without a new release.

use serde::{Deserialize, Serialize};

// The profiles shipped with the app (`BUILTIN`: id and TOML text, by id), embedded so the CLI
// and app work from any folder; `build.rs` lists every `assets/marketplaces/*.toml`.
include!(concat!(env!("OUT_DIR"), "/profiles.rs"));

mod listing;
mod overrides;
mod sheet;

pub use overrides::with_override;

pub use listing::{LabelItem, LabelTemplate, PriceCaps, Requirements};
pub use sheet::{Column, Sheet, SheetFormat, SheetRows, SheetValue};

#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    #[error("unknown marketplace `{0}` (known: {1})")]
    Unknown(String, String),
    #[error("marketplace profile `{id}` is invalid: {message}")]
    Invalid { id: String, message: String },
    /// A merchant's override file does not parse or gives an invalid profile; `line` is 0
    /// when the mistake is in the merged profile rather than at one line of the file.
    #[error("{file}{}: {message} (marketplace profile override)", at_line(*.line))]
    Override {
        file: String,
        line: usize,
        message: String,
    },
}

fn at_line(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(", line {line}")
    }
}

impl Error {
    /// A stable code: the UI maps it to the Fluent message `error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Unknown(..) => "unknown-marketplace",
            Error::Invalid { .. } => "marketplace-invalid",
            Error::Override { .. } => "marketplace-override",
        }
    }

    /// The values a translated message needs.
    pub fn args(&self) -> std::collections::BTreeMap<String, String> {
        let pairs = match self {
            Error::Unknown(id, known) => {
                vec![("marketplace", id.clone()), ("known", known.clone())]
            }
            Error::Invalid { id, message } => {
                vec![("marketplace", id.clone()), ("detail", message.clone())]
            }
            Error::Override {
                file,
                line,
                message,
            } => vec![
                ("file", file.clone()),
                ("line", line.to_string()),
                ("detail", message.clone()),
            ],
        };
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Profile {
    pub id: String,
    pub version: u32,
    pub name: String,
    pub name_zh: String,
    pub currency: String,
    pub weight_unit: String,
    pub title: TitleRule,
    pub slots: Vec<Slot>,
    /// The bulk-upload sheet; a profile without one can render images but not export.
    #[serde(default)]
    pub sheet: Sheet,
    /// The short title's budget in GBK units, when the marketplace has one.
    #[serde(default)]
    pub short_title: Option<TitleRule>,
    /// Selling points (卖点): how many lines, and each line's budget.
    #[serde(default)]
    pub selling_points: Option<LinesRule>,
    /// Templates for drafting each field (Fluent source) and the parts that may drop out.
    #[serde(default)]
    pub drafting: Option<Drafting>,
    /// The Chinese e-label each product gets in the bundle; none: no labels.
    #[serde(default)]
    pub label: Option<LabelTemplate>,
    /// Cross-border retail price caps, in yuan: a price over one is warned about.
    #[serde(default)]
    pub price_caps: Option<PriceCaps>,
    /// What a product needs for this marketplace (its completeness).
    #[serde(default)]
    pub required: Option<Requirements>,
}

/// A field of several lines, each with a budget in GBK units.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct LinesRule {
    pub max_lines: u32,
    pub max_units: u32,
    pub status: String,
    pub source: String,
}

/// How drafts are made for this marketplace: Fluent source with one message per field
/// (`title`, `short_title`, `selling_points`, `description`) over the variables drafting
/// fills (`docs/drafting.md`), and the variables that may be emptied, first to go first, so a
/// draft fits its budget.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Drafting {
    #[serde(default)]
    pub optional: Vec<String>,
    pub templates: String,
}

impl TitleRule {
    /// Whether the number comes from the platform's own text or a seller guide: a draft or
    /// check over an unconfirmed limit is a warning, never an error.
    pub fn confirmed(&self) -> bool {
        self.status != "unconfirmed"
    }
}

impl LinesRule {
    /// As [`TitleRule::confirmed`].
    pub fn confirmed(&self) -> bool {
        self.status != "unconfirmed"
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct TitleRule {
    /// Maximum title length, in `unit`s.
    pub max_units: u32,
    /// How the marketplace counts: GBK units (double-byte characters count 2; the default)
    /// or characters.
    #[serde(default)]
    pub unit: TitleUnit,
    pub status: String,
    pub source: String,
}

/// How a marketplace counts a title's length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum TitleUnit {
    /// GBK units: a character that is two bytes in GBK counts 2, ASCII 1 (Taobao's "30
    /// characters" are 60 units).
    #[default]
    Gbk,
    /// Characters, whatever their width.
    Chars,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Fit {
    /// Fit inside the box and pad with the background colour.
    Contain,
    /// Fill the box, cropping what sticks out (see `crop`).
    Cover,
    /// Resize to the width; any height, cut into slices of at most `height` (detail images).
    Width,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Crop {
    #[default]
    Centre,
    /// Keep the busiest part of the picture (where the product usually is).
    Attention,
}

/// Trim a plain border (a product shot on a white sheet) before fitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct TrimRule {
    /// How far (0-255 per channel) a pixel may be from the border colour and still be border.
    pub tolerance: u8,
    /// Space kept around the product, in percent of the slot's sides.
    #[serde(default)]
    pub margin_percent: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ImageFormat {
    Jpeg,
    Png,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Slot {
    pub id: String,
    pub label: String,
    pub label_zh: String,
    pub width: u32,
    /// For `fit = "width"`, the tallest a slice may be.
    pub height: u32,
    pub fit: Fit,
    #[serde(default)]
    pub crop: Crop,
    #[serde(default)]
    pub trim: Option<TrimRule>,
    /// `#RRGGBB`.
    pub background: String,
    /// A photo smaller than this gets a finding instead of a blurry upscale (0: the slot size).
    #[serde(default)]
    pub min_source_width: u32,
    #[serde(default)]
    pub min_source_height: u32,
    pub format: ImageFormat,
    /// JPEG quality tried first, and the floor a byte-cap search may go down to.
    #[serde(default = "default_quality")]
    pub quality: u8,
    #[serde(default = "default_min_quality")]
    pub min_quality: u8,
    pub max_bytes: u64,
    /// Files smaller than this are refused by the marketplace (0: no minimum).
    #[serde(default)]
    pub min_bytes: u64,
    pub max_count: u32,
    /// Whether the export bundle carries this slot's images (`images/<handle>/<slot>_<n>.jpg`).
    #[serde(default = "yes")]
    pub bundle: bool,
    pub status: String,
    pub source: String,
}

fn yes() -> bool {
    true
}

fn default_quality() -> u8 {
    90
}

fn default_min_quality() -> u8 {
    60
}

impl Slot {
    /// The slot's name in `lang` (the UI's language): Chinese for `zh-CN`, else English.
    pub fn label_in(&self, lang: &str) -> &str {
        if lang == "zh-CN" {
            &self.label_zh
        } else {
            &self.label
        }
    }

    /// The background as RGB bytes; validated when the profile loads.
    pub fn background_rgb(&self) -> [u8; 3] {
        parse_hex_rgb(&self.background).unwrap_or([255, 255, 255])
    }
}

impl Profile {
    pub fn slot(&self, id: &str) -> Option<&Slot> {
        self.slots.iter().find(|s| s.id == id)
    }

    /// Parses and validates a profile from TOML text.
    pub fn from_toml(id_hint: &str, text: &str) -> Result<Self, Error> {
        let profile: Profile = toml::from_str(text).map_err(|e| Error::Invalid {
            id: id_hint.to_owned(),
            message: e.to_string(),
        })?;
        profile.validate()?;
        Ok(profile)
    }

    fn validate(&self) -> Result<(), Error> {
        let invalid = |message: String| Error::Invalid {
            id: self.id.clone(),
            message,
        };
        if self.title.max_units == 0 {
            return Err(invalid("title.max_units must be above 0".into()));
        }
        if self.short_title.as_ref().is_some_and(|r| r.max_units == 0) {
            return Err(invalid("short_title.max_units must be above 0".into()));
        }
        if let Some(points) = &self.selling_points
            && (points.max_lines == 0 || points.max_units == 0)
        {
            return Err(invalid(
                "selling_points.max_lines and max_units must be above 0".into(),
            ));
        }
        for slot in &self.slots {
            if slot.width == 0 || slot.height == 0 {
                return Err(invalid(format!("slot `{}` has a zero dimension", slot.id)));
            }
            if !(1..=100).contains(&slot.quality) || slot.min_quality > slot.quality {
                return Err(invalid(format!(
                    "slot `{}` needs 1 <= min_quality <= quality <= 100",
                    slot.id
                )));
            }
            if slot.min_bytes > slot.max_bytes {
                return Err(invalid(format!(
                    "slot `{}` has min_bytes above max_bytes",
                    slot.id
                )));
            }
            if self.slots.iter().filter(|s| s.id == slot.id).count() > 1 {
                return Err(invalid(format!("slot `{}` is defined twice", slot.id)));
            }
            if parse_hex_rgb(&slot.background).is_none() {
                return Err(invalid(format!(
                    "slot `{}` background `{}` is not #RRGGBB",
                    slot.id, slot.background
                )));
            }
        }
        if let Some(required) = &self.required
            && let Some(slot) = required.slots.iter().find(|s| self.slot(s).is_none())
        {
            return Err(invalid(format!(
                "required.slots names slot `{slot}`, which the profile does not have"
            )));
        }
        self.validate_sheet().map_err(invalid)
    }

    fn validate_sheet(&self) -> Result<(), String> {
        let sheet = &self.sheet;
        if sheet.columns.is_empty() {
            return Ok(());
        }
        if sheet.formats.is_empty() {
            return Err("sheet.formats is empty (csv, xlsx, taobao-assistant)".into());
        }
        for (i, format) in sheet.formats.iter().enumerate() {
            if sheet.formats[..i]
                .iter()
                .any(|f| f.file_name() == format.file_name())
            {
                return Err(format!("sheet.formats name {} twice", format.file_name()));
            }
        }
        let keyed = sheet.keys || sheet.formats.contains(&SheetFormat::TaobaoAssistant);
        for column in &sheet.columns {
            if keyed && column.key.is_empty() {
                return Err(format!(
                    "sheet column `{}` needs a `key`: this sheet writes a row of keys",
                    column.header
                ));
            }
            if let SheetValue::Images(slot) = &column.value
                && self.slot(slot).is_none()
            {
                return Err(format!(
                    "sheet column `{}` names slot `{slot}`, which the profile does not have",
                    column.header
                ));
            }
        }
        Ok(())
    }
}

fn parse_hex_rgb(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// The marketplace the app and the CLI use until told otherwise: the one place a marketplace
/// id is written in code.
pub const DEFAULT: &str = "tmall-global";

/// Ids of the profiles shipped with the app: [`DEFAULT`] first, then by id.
pub fn builtin_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = BUILTIN.iter().map(|(id, _)| *id).collect();
    ids.sort_by_key(|id| (*id != DEFAULT, *id));
    ids
}

/// Ids of the shipped profiles that have a bulk-upload sheet (they export a bundle).
pub fn exporting_ids() -> Vec<&'static str> {
    builtin_ids()
        .into_iter()
        .filter(|id| load(id).is_ok_and(|p| !p.sheet.columns.is_empty()))
        .collect()
}

/// The shipped profiles, parsed once: they are read on every keystroke of the copy editor.
static PARSED: std::sync::LazyLock<Vec<(&'static str, Result<Profile, Error>)>> =
    std::sync::LazyLock::new(|| {
        BUILTIN
            .iter()
            .map(|(id, text)| (*id, Profile::from_toml(id, text)))
            .collect()
    });

/// The TOML text of a shipped profile.
pub(crate) fn builtin_text(id: &str) -> Result<&'static str, Error> {
    BUILTIN
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, text)| *text)
        .ok_or_else(|| Error::Unknown(id.to_owned(), builtin_ids().join(", ")))
}

/// A shipped profile by id.
pub fn load(id: &str) -> Result<&'static Profile, Error> {
    let (_, parsed) = PARSED
        .iter()
        .find(|(known, _)| *known == id)
        .ok_or_else(|| Error::Unknown(id.to_owned(), builtin_ids().join(", ")))?;
    parsed.as_ref().map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_profile_loads() {
        for id in builtin_ids() {
            let profile = load(id).unwrap();
            assert_eq!(profile.id, id);
        }
    }

    #[test]
    fn tmall_global_main_slot_is_800_square_on_white_under_1mb() {
        let profile = load("tmall-global").unwrap();
        assert_eq!(profile.title.max_units, 60);
        let main = profile.slot("main").unwrap();
        assert_eq!((main.width, main.height), (800, 800));
        assert_eq!(main.background_rgb(), [255, 255, 255]);
        assert_eq!(main.max_bytes, 1_048_576);
    }

    #[test]
    fn unknown_marketplace_names_the_known_ones() {
        let err = load("xiaohongshu").unwrap_err().to_string();
        assert!(
            err.contains("xiaohongshu") && err.contains("tmall-global"),
            "{err}"
        );
    }

    #[test]
    fn every_profile_in_the_assets_folder_ships_and_jd_counts_characters() {
        let ids = builtin_ids();
        assert_eq!(ids[0], DEFAULT);
        load(DEFAULT).unwrap();
        for id in [
            "douyin",
            "jd-worldwide",
            "pinduoduo",
            "taobao",
            "tmall-global",
        ] {
            assert!(ids.contains(&id), "{id} not in {ids:?}");
        }
        let jd = load("jd-worldwide").unwrap();
        assert_eq!((jd.title.max_units, jd.title.unit), (45, TitleUnit::Chars));
        assert!(!jd.title.confirmed());
        let douyin = load("douyin").unwrap();
        assert_eq!(
            (douyin.title.max_units, douyin.title.unit),
            (60, TitleUnit::Gbk)
        );
        assert!(douyin.title.confirmed());
    }

    #[test]
    fn sheet_values_read_and_write_by_name() {
        for (name, value) in SheetValue::NAMED {
            assert_eq!(SheetValue::parse(name), Some(value.clone()));
            assert_eq!(value.name(), name);
        }
        assert_eq!(SheetValue::parse("image:3"), Some(SheetValue::Image(3)));
        assert_eq!(SheetValue::Image(3).name(), "image:3");
        assert_eq!(
            SheetValue::parse("images:detail"),
            Some(SheetValue::Images("detail".into()))
        );
        assert_eq!(SheetValue::Images("detail".into()).name(), "images:detail");
        for bad in ["image:0", "image:", "image:x", "images:", "Sku", ""] {
            assert_eq!(SheetValue::parse(bad), None, "{bad}");
        }
        let tmall = load("tmall-global").unwrap();
        assert_eq!(tmall.sheet.columns[2].value, SheetValue::Sku);
        let json = serde_json::to_value(&tmall.sheet.columns[2]).unwrap();
        assert_eq!(json["value"], "sku");
    }

    #[test]
    fn every_marketplace_exports_and_the_taobao_sheet_is_the_assistant_form() {
        for id in builtin_ids() {
            let profile = load(id).unwrap();
            assert!(!profile.sheet.columns.is_empty(), "{id} has no sheet");
            assert!(profile.label.is_some(), "{id} has no label");
            assert!(profile.slot("main").is_some_and(|s| s.bundle), "{id}");
        }
        let taobao = load("taobao").unwrap();
        assert_eq!(taobao.sheet.formats, [SheetFormat::TaobaoAssistant]);
        assert_eq!(taobao.sheet.rows, SheetRows::Product);
        assert_eq!(taobao.sheet.columns.len(), 63);
        let key = |k: &str| taobao.sheet.columns.iter().find(|c| c.key == k).unwrap();
        assert_eq!(key("picture").value, SheetValue::TaobaoPictures);
        assert_eq!(key("subtitle").value, SheetValue::SellingPointsZh);
        assert_eq!(key("global_stock_country").text, "美国");
        let pdd = load("pinduoduo").unwrap();
        let price = pdd
            .sheet
            .columns
            .iter()
            .find(|c| c.key == "sku_list.price")
            .unwrap();
        assert_eq!(price.value, SheetValue::PriceFen);
        let douyin = load("douyin").unwrap();
        let pic = douyin
            .sheet
            .columns
            .iter()
            .find(|c| c.key == "pic")
            .unwrap();
        assert_eq!(pic.separator, "|");
        assert_eq!(
            load(DEFAULT)
                .unwrap()
                .price_caps
                .as_ref()
                .unwrap()
                .per_order,
            5000
        );
    }

    #[test]
    fn a_keyed_sheet_needs_every_key_and_images_need_a_known_slot() {
        let text = include_str!("../../../assets/marketplaces/pinduoduo.toml");
        let err = Profile::from_toml("x", &text.replacen("key = \"goods_name\"\n", "", 1))
            .unwrap_err()
            .to_string();
        assert!(err.contains("商品标题") && err.contains("key"), "{err}");
        let err = Profile::from_toml("x", &text.replace("images:home", "images:banner"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("banner"), "{err}");
    }

    #[test]
    fn bad_sheet_value_is_rejected_with_its_header() {
        let text = include_str!("../../../assets/marketplaces/tmall-global.toml")
            .replace("value = \"sku\"", "value = \"skew\"");
        let err = Profile::from_toml("x", &text).unwrap_err().to_string();
        assert!(err.contains("商品编码") && err.contains("skew"), "{err}");
    }
}
