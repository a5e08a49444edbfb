//! Exporting a marketplace bundle: the listing sheet (one row per variant, CNY prices, kg),
//! the rendered images, a report of every product left out and why, and the manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kuajing_catalog::queries::review::{self as review_rows, ReviewState};
use kuajing_catalog::queries::{
    images as image_rows, products as product_rows, settings as setting_rows,
};
use kuajing_catalog::{CopyField, Locale, Rate};
use kuajing_marketplace::Profile;
use kuajing_marketplace::SheetValue;
use serde::Serialize;

use crate::message::Message;
use crate::settings::civil_date;
use crate::{APP_VERSION, Error, Result, Workbench};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Skipped {
    pub handle: String,
    pub reasons: Vec<Message>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportReport {
    pub path: String,
    pub marketplace: String,
    pub products: usize,
    /// Sheet rows: one per variant.
    pub rows: usize,
    pub images: usize,
    pub rate: Rate,
    pub skipped: Vec<Skipped>,
    /// Products exported with something missing (e.g. an image not fetched yet).
    pub warnings: Vec<Skipped>,
    /// Only approved Chinese copy was taken (the marketplace's setting).
    pub approved_only: bool,
}

#[derive(Debug, Serialize)]
struct ManifestMeta<'a> {
    app: &'static str,
    app_version: &'static str,
    marketplace: MarketplaceRef<'a>,
    created_at: String,
    rate: &'a Rate,
    products: usize,
    skipped: usize,
}

#[derive(Debug, Serialize)]
struct MarketplaceRef<'a> {
    id: &'a str,
    version: u32,
}

pub const SHEET_NAME: &str = "listing.csv";
pub const REPORT_NAME: &str = "report.txt";

impl Workbench {
    /// A sensible place for the bundle: the user's Downloads folder (or home), dated.
    pub fn default_export_path(&self, marketplace: &str) -> String {
        let home = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default();
        let downloads = home.join("Downloads");
        let dir = if downloads.is_dir() { downloads } else { home };
        dir.join(format!(
            "kuajing-{marketplace}-{}.zip",
            crate::settings::today()
        ))
        .display()
        .to_string()
    }

    /// Refuses a bundle path that is the catalog, its `-wal`, `-shm` or `-journal` file, or
    /// lies inside the media or render folders: renaming a bundle over any of them would
    /// destroy the merchant's work. A bundle beside the catalog is fine.
    fn refuse_catalog_files(&self, out: &Path) -> Result<()> {
        let refuse = || Error::ExportOntoCatalog {
            path: out.to_owned(),
        };
        let real = |p: &Path| -> PathBuf {
            // The file may not exist yet: resolve its folder and keep its name.
            let (dir, name) = (p.parent().unwrap_or(Path::new("")), p.file_name());
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
            name.map_or(dir.clone(), |n| dir.join(n))
        };
        let target = real(out);
        let catalog = real(self.catalog.path());
        let mut own = vec![catalog.clone()];
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut name = catalog.clone().into_os_string();
            name.push(suffix);
            own.push(PathBuf::from(name));
        }
        if own.contains(&target) {
            return Err(refuse());
        }
        for dir in [self.catalog.media_dir(), self.catalog.renders_dir()] {
            let dir = dir.canonicalize().unwrap_or(dir);
            if target.starts_with(&dir) {
                return Err(refuse());
            }
        }
        Ok(())
    }

    /// Writes the bundle for `marketplace` to `out` (atomically) and reports what went in.
    pub fn export(&self, marketplace: &str, out: &Path) -> Result<ExportReport> {
        self.refuse_catalog_files(out)?;
        let profile = kuajing_marketplace::load(marketplace)?;
        let conn = self.catalog.connect()?;
        let rate = setting_rows::rate(&conn)?.ok_or(Error::NoRate)?;
        if profile.sheet.columns.is_empty() {
            let names: Vec<String> = kuajing_marketplace::exporting_ids()
                .into_iter()
                .filter_map(|id| kuajing_marketplace::load(id).ok())
                .map(|p| p.name.clone())
                .collect();
            return Err(Error::NoSheet {
                marketplace: profile.id.clone(),
                exporting: names.join(", "),
            });
        }
        let main_slot = profile.slot("main").ok_or_else(|| Error::UnknownSlot {
            marketplace: marketplace.to_owned(),
            slot: "main".into(),
        })?;

        // Each image goes into the zip as soon as it is rendered: the bundle is never held in
        // memory whole.
        let mut bundle = kuajing_bundle::BundleWriter::create(out)?;
        let mut images = 0;
        let mut rows = Vec::new();
        let option_zh: OptionZh = self
            .option_values()?
            .into_iter()
            .map(|v| ((v.name, v.value), v.zh))
            .collect();
        let mut skipped = Vec::new();
        let mut warnings = Vec::new();
        let mut exported = 0;
        let approved_only = self.approved_only(&profile.id)?;
        for handle in product_rows::handles(&conn)? {
            let mut detail = self.product(&handle)?;
            let mut reasons = self.skip_reasons(profile, &detail)?;
            let product_id = product_rows::id_of(&conn, &handle)?;
            let mut notes = Vec::new();
            // Copy a reviewer has not approved: left out when only approved copy goes (a product
            // without its title is left out whole), else exported with a warning.
            for (field, text) in [
                (CopyField::Title, &mut detail.title_zh),
                (CopyField::Description, &mut detail.description_zh),
            ] {
                if text.trim().is_empty() {
                    continue;
                }
                let state = review_rows::state(&conn, product_id, Locale::ZhCn, field)?
                    .map_or(ReviewState::Translated, |(state, _)| state);
                if state == ReviewState::Approved {
                    continue;
                }
                let field_name = self.message("field", field.as_str(), &BTreeMap::new());
                let state_name = self.message("state", state.as_str(), &BTreeMap::new());
                let pairs = [
                    ("field", field_name.as_str()),
                    ("state", state_name.as_str()),
                ];
                if !approved_only {
                    notes.push(self.note("not-approved", &pairs));
                } else if field == CopyField::Title {
                    reasons.push(self.note("title-not-approved", &pairs));
                } else {
                    text.clear();
                    notes.push(self.note("left-out-not-approved", &pairs));
                }
            }
            if !reasons.is_empty() {
                skipped.push(Skipped { handle, reasons });
                continue;
            }
            let mut image_names = Vec::new();
            for image in image_rows::for_product(&conn, product_id)? {
                if image_names.len() as u32 >= main_slot.max_count {
                    break;
                }
                let rendered = match &image.media {
                    Some(media) => self
                        .render_media(media, main_slot)
                        .map_err(|e| e.to_string()),
                    None => Err(self.message(
                        "export",
                        "image-not-fetched",
                        &args(&[("src", &image.src)]),
                    )),
                };
                match rendered {
                    Ok(slot_image) => {
                        let name = format!(
                            "images/{handle}/main_{}.{}",
                            image_names.len() + 1,
                            slot_image.extension
                        );
                        // The main slot is never sliced: one part.
                        let bytes = slot_image.parts.first().map_or(&[][..], |p| &p.bytes);
                        bundle.add(&name, bytes)?;
                        images += 1;
                        image_names.push(name);
                    }
                    Err(reason) => notes.push(self.note(
                        "image-left-out",
                        &[("src", &image.src), ("reason", &reason)],
                    )),
                }
            }
            if image_names.is_empty() {
                notes.push(self.note("no-image", &[]));
            }
            if !notes.is_empty() {
                warnings.push(Skipped {
                    handle: handle.clone(),
                    reasons: notes,
                });
            }
            for variant in &detail.variants {
                rows.push(sheet_row(
                    profile,
                    &detail,
                    variant,
                    &rate,
                    &image_names,
                    &option_zh,
                ));
            }
            exported += 1;
        }

        let headers: Vec<String> = profile
            .sheet
            .columns
            .iter()
            .map(|c| c.header.clone())
            .collect();
        let sheet = kuajing_bundle::csv_with_bom(&headers, &rows);
        let report = ExportReport {
            path: out.display().to_string(),
            marketplace: profile.id.clone(),
            products: exported,
            rows: rows.len(),
            images,
            rate: rate.clone(),
            skipped,
            warnings,
            approved_only,
        };
        bundle.add(SHEET_NAME, &sheet)?;
        bundle.add(REPORT_NAME, self.report_text(profile, &report).as_bytes())?;
        let meta = ManifestMeta {
            app: "kuajing",
            app_version: APP_VERSION,
            marketplace: MarketplaceRef {
                id: &profile.id,
                version: profile.version,
            },
            created_at: now_rfc3339(),
            rate: &rate,
            products: report.products,
            skipped: report.skipped.len(),
        };
        bundle.finish(meta)?;
        Ok(report)
    }

    fn note(&self, code: &str, pairs: &[(&str, &str)]) -> Message {
        let args = args(pairs);
        Message {
            message: self.message("export", code, &args),
            code: code.to_owned(),
            args,
        }
    }

    fn skip_reasons(
        &self,
        profile: &Profile,
        detail: &crate::ProductDetail,
    ) -> Result<Vec<Message>> {
        let mut reasons = Vec::new();
        if detail.title_zh.trim().is_empty() {
            reasons.push(self.note("no-zh-title", &[]));
        }
        for (field, text) in [
            (CopyField::Title, &detail.title_zh),
            (CopyField::Description, &detail.description_zh),
        ] {
            if text.is_empty() {
                continue;
            }
            for finding in self.check_copy(&profile.id, field, text)?.findings {
                if finding.severity == kuajing_copy::Severity::Error {
                    let field_name = self.message("field", field.as_str(), &BTreeMap::new());
                    reasons.push(self.note(
                        "copy-error",
                        &[("field", &field_name), ("finding", &finding.message)],
                    ));
                }
            }
        }
        if detail.variants.iter().all(|v| v.price_cents.is_none()) {
            reasons.push(self.note("no-price", &[]));
        }
        Ok(reasons)
    }

    fn report_text(&self, profile: &Profile, report: &ExportReport) -> String {
        let mut text = String::new();
        let line = |text: &mut String, code: &str, pairs: &[(&str, &str)]| {
            text.push_str(&self.message("report", code, &args(pairs)));
            text.push('\n');
        };
        let name = if self.rules.lang.starts_with("zh") {
            &profile.name_zh
        } else {
            &profile.name
        };
        line(
            &mut text,
            "title",
            &[
                ("marketplace", name),
                ("version", &profile.version.to_string()),
            ],
        );
        line(
            &mut text,
            "rate",
            &[
                ("rate", &report.rate.usd_cny.to_string()),
                ("date", &report.rate.date),
            ],
        );
        if report.approved_only {
            line(&mut text, "approved-only", &[]);
        }
        line(
            &mut text,
            "counts",
            &[
                ("products", &report.products.to_string()),
                ("rows", &report.rows.to_string()),
                ("images", &report.images.to_string()),
                ("skipped", &report.skipped.len().to_string()),
            ],
        );
        for (heading, list) in [
            ("skipped-heading", &report.skipped),
            ("warnings-heading", &report.warnings),
        ] {
            if list.is_empty() {
                continue;
            }
            text.push('\n');
            line(&mut text, heading, &[]);
            for item in list {
                for reason in &item.reasons {
                    text.push_str(&format!("- {}: {}\n", item.handle, reason.message));
                }
            }
        }
        text
    }
}

/// Option values' Chinese forms by (option name, value).
type OptionZh = BTreeMap<(String, String), String>;

fn args(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn sheet_row(
    profile: &Profile,
    p: &crate::ProductDetail,
    v: &crate::Variant,
    rate: &Rate,
    images: &[String],
    option_zh: &OptionZh,
) -> Vec<String> {
    profile
        .sheet
        .columns
        .iter()
        .map(|column| match column.value {
            SheetValue::Sku => v.sku.clone().unwrap_or_default(),
            SheetValue::Handle => p.handle.clone(),
            // 销售规格: each value in its Chinese form (`kuajing options`), as written if none.
            SheetValue::Options => p
                .option_names
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
                .join(" / "),
            SheetValue::TitleZh => p.title_zh.clone(),
            SheetValue::TitleEn => p.title_en.clone(),
            SheetValue::Brand => match (p.brand_zh.is_empty(), p.brand_en.is_empty()) {
                (false, false) => format!("{}/{}", p.brand_zh, p.brand_en),
                (false, true) => p.brand_zh.clone(),
                _ => p.brand_en.clone(),
            },
            SheetValue::BrandEn => p.brand_en.clone(),
            SheetValue::BrandZh => p.brand_zh.clone(),
            SheetValue::PriceCny => v
                .price_cents
                .map(|c| cny(c, rate.usd_cny))
                .unwrap_or_default(),
            SheetValue::WeightKg => v.grams.map(kilograms).unwrap_or_default(),
            SheetValue::Origin => p.origin.clone(),
            SheetValue::HsCode => p.hs_code.clone(),
            SheetValue::Barcode => v.barcode.clone().unwrap_or_default(),
            SheetValue::DescriptionZh => p.description_zh.clone(),
            SheetValue::Image(n) => usize::try_from(n)
                .ok()
                .and_then(|n| images.get(n.wrapping_sub(1)))
                .cloned()
                .unwrap_or_default(),
        })
        .collect()
}

/// USD cents at `rate` to yuan with two decimals, rounded half away from zero on the fen.
pub(crate) fn cny(usd_cents: i64, rate: f64) -> String {
    let fen = (usd_cents as f64 * rate).round() as i64;
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

fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let rem = secs % 86_400;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        civil_date(secs / 86_400),
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_convert_to_yuan_and_weights_to_kilograms() {
        assert_eq!(cny(2999, 7.2), "215.93");
        assert_eq!(cny(100, 7.0), "7.00");
        assert_eq!(cny(5, 7.1), "0.36");
        assert_eq!(kilograms(907.0), "0.907");
        assert_eq!(kilograms(2268.0), "2.268");
        assert_eq!(kilograms(1000.0), "1");
        assert_eq!(kilograms(0.0), "0");
    }
}
