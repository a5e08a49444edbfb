//! Importing a Shopify product export: dry run and real run share one path. Both parse the
//! file, check it against the catalog, and write every product inside one transaction; a dry
//! run (or a file with errors) rolls that transaction back, so the report shows exactly what
//! an import would add or change and a failed import changes nothing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use kuajing_catalog::queries::products as product_rows;
use kuajing_catalog::{Attribute, NewImage, NewProduct, NewVariant, UpsertOutcome};
use kuajing_shopify::Severity;
use serde::Serialize;

use crate::{Error, Result, Workbench, media};

/// The largest import file we read into memory (a 10,000-product export is about 30 MB).
pub(crate) const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Problem {
    /// Spreadsheet row: 1 is the header, 2 the first data row, 0 the whole file.
    pub row: usize,
    pub column: Option<String>,
    pub code: String,
    pub severity: Severity,
    pub args: BTreeMap<String, String>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportReport {
    pub file: String,
    pub dry_run: bool,
    /// Whether the catalog was changed.
    pub applied: bool,
    pub encoding: String,
    pub products: usize,
    pub variants: usize,
    pub images: usize,
    /// Handles that are new to the catalog.
    pub added: Vec<String>,
    /// Handles already in the catalog that this file changes.
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    pub warnings: Vec<Problem>,
    pub errors: Vec<Problem>,
    /// Stopped by the user before it was written: nothing changed.
    pub cancelled: bool,
}

/// How far an import has come: reading the file (bytes), then writing its products (rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportProgress {
    pub stage: ImportStage,
    /// Bytes of the file read and checked, out of `total_bytes`.
    #[ts(type = "number")]
    pub bytes: u64,
    #[ts(type = "number")]
    pub total_bytes: u64,
    /// Data rows of the file written (the rows of the products written so far), out of
    /// `total_rows`; 0 while reading.
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub total_rows: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum ImportStage {
    /// Parsing the file and checking its rows and photos.
    Reading,
    /// Writing the products into the catalog, in one transaction.
    Writing,
}

/// Products written between two progress reports.
const PROGRESS_PRODUCTS: usize = 250;

/// How an import runs: for real or as a dry run, the history's source, and what it reports
/// to and listens to.
#[derive(Clone, Copy)]
pub(crate) struct Run<'a> {
    pub dry_run: bool,
    pub source: &'a str,
    pub cancel: &'a AtomicBool,
    pub progress: &'a dyn Fn(ImportProgress),
}

/// A photo the file names by path, checked: its file and media name (`None` for a URL), or
/// the problem's code and reason.
type LocalImage = std::result::Result<Option<(PathBuf, String)>, (&'static str, String)>;

impl Workbench {
    /// Reads `path` and imports it, or with `dry_run` only reports what it would do.
    /// A file with errors changes nothing; the report lists every problem.
    pub fn import(&self, path: &Path, dry_run: bool) -> Result<ImportReport> {
        self.import_with(path, dry_run, &AtomicBool::new(false), &|_| {})
    }

    /// [`Self::import`], telling `progress` how far it has come (the bytes read, then the rows
    /// written), and stopping when `cancel` is set: the transaction is rolled back, nothing
    /// changes, and the report says `cancelled`.
    pub fn import_with(
        &self,
        path: &Path,
        dry_run: bool,
        cancel: &AtomicBool,
        progress: &dyn Fn(ImportProgress),
    ) -> Result<ImportReport> {
        let bytes = read_limited(path, MAX_IMPORT_BYTES)?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let how = Run {
            dry_run,
            source: "import",
            cancel,
            progress,
        };
        self.import_bytes(&bytes, &path.display().to_string(), &base, &how)
    }

    pub(crate) fn import_bytes(
        &self,
        bytes: &[u8],
        file: &str,
        base: &Path,
        how: &Run<'_>,
    ) -> Result<ImportReport> {
        let Run {
            dry_run,
            source,
            cancel,
            progress,
        } = *how;
        let mut at = ImportProgress {
            stage: ImportStage::Reading,
            bytes: 0,
            total_bytes: 0,
            rows: 0,
            total_rows: 0,
        };
        let parsed = kuajing_shopify::parse_with_progress(bytes, file, &mut |done, total| {
            at.bytes = done;
            at.total_bytes = total;
            progress(at);
        })?;
        at.stage = ImportStage::Writing;
        at.total_rows = parsed.rows as u64;
        let mut problems: Vec<Problem> = parsed
            .problems
            .iter()
            .map(|p| self.problem(p.row, p.column.clone(), &p.code, p.severity, p.args.clone()))
            .collect();

        // The slow part comes before the catalog's write lock: photos named by path are read
        // and checked now, and copied into the media folder only once the file has no errors,
        // so a refused import leaves nothing behind.
        let media_dir = self.catalog.media_dir();
        let mut to_store: Vec<(PathBuf, String)> = Vec::new();
        // A photo named again (a store's one lifestyle shot on every product) is read, decoded
        // and hashed once: by its text in the file, as the base folder is the same for all.
        let mut seen: HashMap<String, LocalImage> = HashMap::new();
        let mut products = Vec::with_capacity(parsed.products.len());
        // The data row (1 is the first after the header) each product ends on: the rows
        // written when it is.
        let last_rows: Vec<u64> = parsed
            .products
            .iter()
            .map(|p| {
                let last = p
                    .variants
                    .iter()
                    .map(|v| v.row)
                    .chain(p.images.iter().map(|i| i.row))
                    .fold(p.row, usize::max);
                (last.saturating_sub(1)) as u64
            })
            .collect();
        // SKUs held by other products (checked again when each product is written, under the
        // lock, in case another import lands in between).
        let mut conn = self.catalog.connect()?;
        let owners = product_rows::sku_owners(&conn)?;
        let owners_at = kuajing_catalog::data_version(&conn)?;
        for p in &parsed.products {
            for v in &p.variants {
                if let Some(sku) = v.sku.as_deref().filter(|s| !s.is_empty())
                    && let Some(other) = owners.get(sku).filter(|owner| **owner != p.handle)
                {
                    let args = BTreeMap::from([
                        ("sku".into(), sku.to_owned()),
                        ("other".into(), other.clone()),
                    ]);
                    problems.push(self.problem(
                        v.row,
                        Some("Variant SKU".into()),
                        "sku-taken",
                        Severity::Error,
                        args,
                    ));
                }
            }
        }
        // The parsed products become the catalog's, moved rather than copied: a 100,000-variant
        // file would otherwise be held twice.
        for p in parsed.products {
            let mut images = Vec::with_capacity(p.images.len());
            for image in &p.images {
                let known = seen.get(image.src.trim()).cloned();
                let checked = known.unwrap_or_else(|| {
                    let checked = self.local_image(base, &image.src);
                    if let Ok(Some((path, name))) = &checked {
                        to_store.push((path.clone(), name.clone()));
                    }
                    seen.insert(image.src.trim().to_owned(), checked.clone());
                    checked
                });
                match checked {
                    Ok(media) => images.push(NewImage {
                        media: media.map(|(_, name)| name),
                        src: image.src.clone(),
                        alt: image.alt.clone(),
                        error: None,
                    }),
                    Err((code, reason)) => {
                        let args = BTreeMap::from([
                            ("src".into(), image.src.clone()),
                            ("reason".into(), reason),
                        ]);
                        problems.push(self.problem(
                            image.row,
                            Some("Image Src".into()),
                            code,
                            Severity::Error,
                            args,
                        ));
                    }
                }
            }
            products.push(NewProduct {
                handle: p.handle,
                title_en: p.title,
                description_en: p.body_html,
                seo_title: p.seo_title,
                seo_description: p.seo_description,
                vendor: p.vendor,
                product_type: p.product_type,
                category: p.category,
                tags: p.tags,
                status: p.status,
                published: p.published,
                option_names: p.option_names,
                variants: p.variants.into_iter().map(variant).collect(),
                images,
                attributes: attributes(p.attributes),
            });
        }
        problems.sort_by_key(|p| p.row);
        let (errors, warnings): (Vec<_>, Vec<_>) = problems
            .into_iter()
            .partition(|p| p.severity == Severity::Error);

        let mut report = ImportReport {
            file: file.to_owned(),
            dry_run,
            applied: false,
            encoding: serde_json::to_value(parsed.encoding)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            products: products.len(),
            variants: products.iter().map(|p| p.variants.len()).sum(),
            images: products.iter().map(|p| p.images.len()).sum(),
            added: Vec::new(),
            updated: Vec::new(),
            unchanged: Vec::new(),
            warnings,
            errors,
            cancelled: false,
        };
        if report.errors.is_empty() && !dry_run {
            for (path, name) in &to_store {
                media::store_checked(path, name, &media_dir)?;
            }
        }
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        // Nobody committed since the SKUs were read: the file's check still holds, and each
        // product need not look its SKUs up again (100,000 lookups for 100,000 variants).
        let skus = if kuajing_catalog::data_version(&tx)? == owners_at {
            product_rows::Skus::Checked
        } else {
            product_rows::Skus::Check
        };
        progress(at);
        if report.errors.is_empty() {
            for (n, (product, last_row)) in products.iter().zip(&last_rows).enumerate() {
                if cancel.load(Ordering::Relaxed) {
                    report.cancelled = true;
                    break;
                }
                if n % PROGRESS_PRODUCTS == 0 && n > 0 {
                    progress(at);
                }
                at.rows = at.rows.max(*last_row);
                match product_rows::upsert_with(&tx, product, source, skus)? {
                    UpsertOutcome::Added => report.added.push(product.handle.clone()),
                    UpsertOutcome::Updated => report.updated.push(product.handle.clone()),
                    UpsertOutcome::Unchanged => report.unchanged.push(product.handle.clone()),
                }
            }
            if !report.cancelled {
                // Every new option value gets a Chinese form at once, in the same transaction.
                let glossary = self.glossary(&tx)?;
                self.draft_option_values(&tx, &glossary, &products)?;
                // Label data the export shows (the net content its options state), where empty.
                self.draft_label_data(&tx, &products)?;
            }
        } else {
            // Still say what a fixed file would do: compare handles with the catalog.
            for product in &products {
                match product_rows::id_of(&tx, &product.handle) {
                    Ok(_) => report.updated.push(product.handle.clone()),
                    Err(_) => report.added.push(product.handle.clone()),
                }
            }
        }
        if report.cancelled {
            // Nothing changed; what the file would do is not known whole.
            report.added.clear();
            report.updated.clear();
            report.unchanged.clear();
        }
        if dry_run || report.cancelled || !report.errors.is_empty() {
            tx.rollback()?;
        } else {
            kuajing_files::failpoint("import-commit");
            tx.commit()?;
            report.applied = true;
        }
        if !report.cancelled {
            at.rows = at.total_rows;
            progress(at);
        }
        Ok(report)
    }

    /// The media file for an image the CSV names: `None` for a URL (downloaded later), the
    /// file and its media name for a path. A path must stay inside the CSV's folder and be a
    /// regular file (`../`, absolute paths elsewhere, `/dev/zero` and FIFOs are refused before
    /// anything is opened). On failure: the problem code and the reason.
    fn local_image(&self, base: &Path, src: &str) -> LocalImage {
        if media::is_remote(src) {
            return Ok(None);
        }
        let path = kuajing_files::confined(base, src.trim()).map_err(|refusal| {
            let code = match refusal {
                kuajing_files::Refusal::Outside => "image-outside-folder",
                kuajing_files::Refusal::NotAFile => "image-not-a-file",
                kuajing_files::Refusal::Missing => "image-missing",
            };
            (code, base.display().to_string())
        })?;
        media::check_local(&path)
            .map(|name| Some((path, name)))
            .map_err(|e| ("image-unreadable", e.to_string()))
    }

    fn problem(
        &self,
        row: usize,
        column: Option<String>,
        code: &str,
        severity: Severity,
        args: BTreeMap<String, String>,
    ) -> Problem {
        let message = self.message("import", code, &args);
        Problem {
            row,
            column,
            code: code.to_owned(),
            severity,
            args,
            message,
        }
    }
}

impl ImportReport {
    /// The error a host reports when this import was refused for its problems.
    pub fn refusal(&self) -> Option<Error> {
        let first = self.errors.first()?;
        Some(Error::ImportHasErrors {
            file: self.file.clone(),
            count: self.errors.len(),
            row: first.row,
            first: first.message.clone(),
        })
    }
}

fn variant(v: kuajing_shopify::Variant) -> NewVariant {
    NewVariant {
        sku: v.sku,
        options: v.options,
        grams: v.grams,
        weight_unit: v.weight_unit,
        price_cents: v.price_cents,
        compare_at_cents: v.compare_at_cents,
        barcode: v.barcode,
        inventory_qty: v.inventory_qty,
        image_src: v.image_src,
        attributes: attributes(v.attributes),
    }
}

/// Columns the importer does not model, kept as they were written.
fn attributes(columns: Vec<kuajing_shopify::Attribute>) -> Vec<Attribute> {
    columns
        .into_iter()
        .map(|a| Attribute {
            key: a.key,
            value: a.value,
        })
        .collect()
}

pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    kuajing_files::read_capped(path, limit).map_err(|e| match e {
        kuajing_files::ReadError::TooLarge { size, limit } => Error::FileTooLarge {
            path: path.to_owned(),
            size,
            limit,
        },
        kuajing_files::ReadError::NotAFile => Error::Read {
            path: path.to_owned(),
            source: std::io::Error::other("not a regular file"),
        },
        kuajing_files::ReadError::Io(source) => Error::Read {
            path: path.to_owned(),
            source,
        },
    })
}
