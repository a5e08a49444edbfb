//! Exporting a marketplace bundle, the same layout for every marketplace: the listing sheet
//! (`listing.csv` and/or `listing.xlsx`; for the 淘宝助理 sheet its pictures as `.tbi` files in
//! `listing/`), `images/<handle>/<slot>_<n>.jpg`, `labels/<handle>.txt` and `.png`, the
//! consumer risk notice, `report.html` and `report.txt`, and `manifest.json`.

mod labels;
mod report;
pub(crate) mod sheet;
mod validate;

pub use validate::{Issue as ExportIssue, ProductIssues, Validation};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kuajing_catalog::queries::review::{self as review_rows, ReviewState};
use kuajing_catalog::queries::{
    images as image_rows, products as product_rows, settings as setting_rows,
};
use kuajing_catalog::{CopyField, Locale, Rate};
use kuajing_marketplace::{Profile, SheetFormat, SheetRows, Slot};
use serde::Serialize;

use crate::message::Message;
use crate::{APP_VERSION, Error, Result, Workbench};
use sheet::OptionZh;

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
    /// Sheet rows: one per variant (or per product, as the sheet says).
    pub rows: usize,
    pub images: usize,
    /// Chinese e-labels written (one per exported product, when the profile has a label).
    pub labels: usize,
    pub rate: Rate,
    pub skipped: Vec<Skipped>,
    /// Products exported with something missing (e.g. an image not fetched yet).
    pub warnings: Vec<Skipped>,
    /// Only approved Chinese copy was taken (the marketplace's setting).
    pub approved_only: bool,
    /// The sheet files in the bundle.
    pub sheets: Vec<String>,
}

/// What went into the manifest besides the files. No clock time: the same catalog gives the
/// same bundle, byte for byte; the rate's date says when its prices were made.
#[derive(Debug, Serialize)]
struct ManifestMeta<'a> {
    app: &'static str,
    app_version: &'static str,
    marketplace: MarketplaceRef<'a>,
    rate: &'a Rate,
    products: usize,
    skipped: usize,
}

#[derive(Debug, Serialize)]
struct MarketplaceRef<'a> {
    id: &'a str,
    version: u32,
}

/// A product's images as they went into the bundle.
#[derive(Debug, Default)]
struct BundledImages {
    files: sheet::Files,
    count: usize,
    notes: Vec<Message>,
    /// The first main image's bytes, their SHA-256 and its media name: the report's
    /// thumbnail.
    first_main: Option<(std::sync::Arc<Vec<u8>>, String, String)>,
}

pub const REPORT_NAME: &str = "report.txt";
pub const REPORT_HTML_NAME: &str = "report.html";
pub const RISK_NOTICE_NAME: &str = "labels/risk-notice.txt";

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

    /// Writes the bundle for `marketplace` to `out` (atomically) and reports what went in:
    /// the listing sheet in each of the profile's formats, every bundled slot's images, a
    /// Chinese e-label per product, the report (text and HTML) and the manifest. The same
    /// catalog gives the same bytes.
    pub fn export(&self, marketplace: &str, out: &Path) -> Result<ExportReport> {
        self.refuse_catalog_files(out)?;
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let conn = self.catalog.connect()?;
        let rate = setting_rows::rate(&conn)?.ok_or(Error::NoRate)?;
        if profile.sheet.columns.is_empty() {
            let names: Vec<String> = kuajing_marketplace::exporting_ids()
                .into_iter()
                .filter_map(|id| self.profile(id).ok())
                .map(|p| p.name.clone())
                .collect();
            return Err(Error::NoSheet {
                marketplace: profile.id.clone(),
                exporting: names.join(", "),
            });
        }
        if profile.slot("main").is_none() {
            return Err(Error::UnknownSlot {
                marketplace: marketplace.to_owned(),
                slot: "main".into(),
            });
        }
        let tbi = profile
            .sheet
            .formats
            .contains(&SheetFormat::TaobaoAssistant);

        // Each image goes into the zip as soon as it is rendered: the bundle is never held in
        // memory whole.
        let mut bundle = kuajing_bundle::BundleWriter::create(out)?;
        let option_zh: OptionZh = self
            .option_values()?
            .into_iter()
            .map(|v| ((v.name, v.value), v.zh))
            .collect();
        let mut report = ExportReport {
            path: out.display().to_string(),
            marketplace: profile.id.clone(),
            products: 0,
            rows: 0,
            images: 0,
            labels: 0,
            rate: rate.clone(),
            skipped: Vec::new(),
            warnings: Vec::new(),
            approved_only: self.approved_only(&profile.id)?,
            sheets: profile
                .sheet
                .formats
                .iter()
                .map(|f| f.file_name().to_owned())
                .collect(),
        };
        let mut rows = Vec::new();
        let mut listed = Vec::new();
        for handle in product_rows::handles(&conn)? {
            let mut detail = self.product_data(&conn, &handle, None)?;
            let product_id = product_rows::id_of(&conn, &handle)?;
            let (reasons, mut notes) = self.review_gate(
                &conn,
                profile,
                product_id,
                &mut detail,
                report.approved_only,
            )?;
            if !reasons.is_empty() {
                report.skipped.push(Skipped { handle, reasons });
                continue;
            }
            let images =
                self.bundle_images(&mut bundle, &conn, profile, product_id, &handle, tbi)?;
            notes.extend(images.notes);
            report.images += images.count;
            if let Some(template) = &profile.label {
                let missing =
                    self.bundle_label(&mut bundle, profile, template, &detail, &rate, &option_zh)?;
                report.labels += 1;
                if !missing.is_empty() {
                    let sep = if self.rules.lang.starts_with("zh") {
                        "、"
                    } else {
                        ", "
                    };
                    notes.push(self.note("label-missing", &[("items", &missing.join(sep))]));
                }
            }
            notes.extend(self.price_cap_notes(profile, &detail, &rate));
            let variants: Vec<&crate::Variant> = match profile.sheet.rows {
                SheetRows::Variant => detail.variants.iter().collect(),
                SheetRows::Product => detail.variants.iter().take(1).collect(),
            };
            if profile.sheet.rows == SheetRows::Product && detail.variants.len() > 1 {
                let count = detail.variants.len().to_string();
                notes.push(self.note("variants-as-skus", &[("count", &count)]));
            }
            for variant in variants {
                rows.push(sheet::row(
                    profile,
                    &detail,
                    variant,
                    &rate,
                    &images.files,
                    &option_zh,
                ));
            }
            if !notes.is_empty() {
                report.warnings.push(Skipped {
                    handle: handle.clone(),
                    reasons: notes,
                });
            }
            let thumbnail = images
                .first_main
                .and_then(|(bytes, sha256, media)| self.thumbnail_of(&bytes, &sha256, &media).ok());
            listed.push(report::Listed {
                handle,
                title_zh: detail.title_zh,
                title_en: detail.title_en,
                thumbnail,
                images: images.count,
            });
            report.products += 1;
        }
        report.rows = rows.len();

        let headers: Vec<String> = profile
            .sheet
            .columns
            .iter()
            .map(|c| c.header.clone())
            .collect();
        let keys: Vec<String> = profile
            .sheet
            .columns
            .iter()
            .map(|c| c.key.clone())
            .collect();
        let numeric: Vec<bool> = profile
            .sheet
            .columns
            .iter()
            .map(|c| c.value.is_number())
            .collect();
        for format in &profile.sheet.formats {
            let keyed = profile.sheet.keys || *format == SheetFormat::TaobaoAssistant;
            let table = kuajing_bundle::sheet::Table {
                keys: keyed.then_some(keys.as_slice()),
                headers: &headers,
                rows: &rows,
                numeric: &numeric,
            };
            let bytes = match format {
                SheetFormat::Csv => kuajing_bundle::sheet::csv(&table),
                SheetFormat::Xlsx => kuajing_bundle::sheet::xlsx(&table, "listing")?,
                SheetFormat::TaobaoAssistant => kuajing_bundle::sheet::taobao_assistant(&table),
            };
            bundle.add(format.file_name(), &bytes)?;
        }
        if let Some(notice) = profile
            .label
            .as_ref()
            .map(|l| &l.notice)
            .filter(|n| !n.is_empty())
        {
            bundle.add(RISK_NOTICE_NAME, format!("{notice}\n").as_bytes())?;
        }
        bundle.add(REPORT_NAME, self.report_text(profile, &report).as_bytes())?;
        bundle.add(
            REPORT_HTML_NAME,
            self.report_html(profile, &report, &listed).as_bytes(),
        )?;
        let meta = ManifestMeta {
            app: "kuajing",
            app_version: APP_VERSION,
            marketplace: MarketplaceRef {
                id: &profile.id,
                version: profile.version,
            },
            rate: &rate,
            products: report.products,
            skipped: report.skipped.len(),
        };
        bundle.finish(meta)?;
        Ok(report)
    }

    /// Review and copy checks on a product about to be exported: reasons to leave it out, and
    /// notes to export it with. Copy a reviewer has not approved is left out when only
    /// approved copy goes (a product without its title is left out whole), else exported
    /// with a warning.
    fn review_gate(
        &self,
        conn: &kuajing_catalog::rusqlite::Connection,
        profile: &Profile,
        product_id: i64,
        detail: &mut crate::ProductDetail,
        approved_only: bool,
    ) -> Result<(Vec<Message>, Vec<Message>)> {
        let mut reasons = self.skip_reasons(profile, detail)?;
        let mut notes = Vec::new();
        for (field, text) in [
            (CopyField::Title, &mut detail.title_zh),
            (CopyField::Description, &mut detail.description_zh),
        ] {
            if text.trim().is_empty() {
                continue;
            }
            let state = review_rows::state(conn, product_id, Locale::ZhCn, field)?
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
        Ok((reasons, notes))
    }

    /// Renders the product's photos into every slot the bundle carries, in order, up to each
    /// slot's count (a photo is decoded once for all its slots), and adds them as
    /// `images/<handle>/<slot>_<n>.<ext>`; for the 淘宝助理 sheet the main images also go in as
    /// `listing/<name>.tbi`.
    fn bundle_images(
        &self,
        bundle: &mut kuajing_bundle::BundleWriter,
        conn: &kuajing_catalog::rusqlite::Connection,
        profile: &Profile,
        product_id: i64,
        handle: &str,
        tbi: bool,
    ) -> Result<BundledImages> {
        let slots: Vec<&Slot> = profile.slots.iter().filter(|s| s.bundle).collect();
        let mut out = BundledImages::default();
        let mut taken: BTreeMap<&str, u32> = BTreeMap::new();
        for image in image_rows::for_product(conn, product_id)? {
            let wanted: Vec<&Slot> = slots
                .iter()
                .copied()
                .filter(|s| taken.get(s.id.as_str()).copied().unwrap_or(0) < s.max_count)
                .collect();
            if wanted.is_empty() {
                break;
            }
            let Some(media) = &image.media else {
                let reason =
                    self.message("export", "image-not-fetched", &args(&[("src", &image.src)]));
                out.notes.push(self.note(
                    "image-left-out",
                    &[("src", &image.src), ("reason", &reason)],
                ));
                continue;
            };
            let rendered = match self.render_media_slots(media, &wanted) {
                Ok(rendered) => rendered,
                Err(e) => {
                    out.notes.push(self.note(
                        "image-left-out",
                        &[("src", &image.src), ("reason", &e.to_string())],
                    ));
                    continue;
                }
            };
            for (slot, result) in wanted.iter().zip(rendered) {
                let slot_image = match result {
                    Ok(slot_image) => slot_image,
                    Err(e) => {
                        out.notes.push(self.note(
                            "image-left-out",
                            &[("src", &image.src), ("reason", &e.to_string())],
                        ));
                        continue;
                    }
                };
                *taken.entry(slot.id.as_str()).or_default() += 1;
                let names = out.files.by_slot.entry(slot.id.clone()).or_default();
                for part in slot_image.parts {
                    let name = format!(
                        "images/{handle}/{}_{}.{}",
                        slot.id,
                        names.len() + 1,
                        slot_image.extension
                    );
                    let bytes = std::sync::Arc::new(part.bytes);
                    bundle.add_shared(&name, bytes.clone(), part.sha256.clone())?;
                    names.push(name);
                    out.count += 1;
                    if slot.id != "main" {
                        continue;
                    }
                    if out.first_main.is_none() {
                        out.first_main = Some((bytes.clone(), part.sha256.clone(), media.clone()));
                    }
                    if tbi {
                        let tbi_name = format!("{handle}-{}", out.files.tbi.len() + 1);
                        let tbi_path = format!("listing/{tbi_name}.tbi");
                        bundle.add_shared(&tbi_path, bytes, part.sha256)?;
                        out.files.tbi.push(tbi_name);
                    }
                }
            }
        }
        if out.files.by_slot.get("main").is_none_or(Vec::is_empty) {
            out.notes.push(self.note("no-image", &[]));
        }
        Ok(out)
    }

    /// A price over the cross-border retail caps (per order, per year) is warned about.
    fn price_cap_notes(
        &self,
        profile: &Profile,
        detail: &crate::ProductDetail,
        rate: &Rate,
    ) -> Vec<Message> {
        let Some(caps) = &profile.price_caps else {
            return Vec::new();
        };
        let highest = detail
            .variants
            .iter()
            .filter_map(|v| sheet::price_fen(Some(v), rate))
            .max();
        let Some(fen) = highest else {
            return Vec::new();
        };
        let mut notes = Vec::new();
        for (code, cap) in [
            ("over-order-cap", caps.per_order),
            ("over-year-cap", caps.per_year),
        ] {
            if fen > i64::from(cap) * 100 {
                notes.push(self.note(
                    code,
                    &[("price", &sheet::yuan(fen)), ("cap", &cap.to_string())],
                ));
                // Over the year's cap is over the order's too: say the larger once.
                break;
            }
        }
        notes
    }

    fn note(&self, code: &str, pairs: &[(&str, &str)]) -> Message {
        let args = args(pairs);
        Message {
            message: self.message("export", code, &args),
            code: code.to_owned(),
            args,
        }
    }

    /// The HTML report of the bundle at `path` (written by [`Self::export`]), for the app to
    /// show.
    pub fn bundle_report(&self, path: &Path) -> Result<String> {
        const CAP: u64 = 256 << 20;
        let bytes = kuajing_bundle::read_file(path, REPORT_HTML_NAME, CAP)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The messages of what leaves the product out (`validate.rs`, shared with the
    /// validation screen, so it lists exactly what the export leaves out).
    fn skip_reasons(
        &self,
        profile: &Profile,
        detail: &crate::ProductDetail,
    ) -> Result<Vec<Message>> {
        Ok(self
            .blocking(profile, detail)?
            .into_iter()
            .map(|issue| issue.message)
            .collect())
    }
}

pub(crate) fn args(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}
