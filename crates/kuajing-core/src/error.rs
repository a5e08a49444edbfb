//! The one error type of the use cases, aggregating each crate's, with a stable code.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Catalog(#[from] kuajing_catalog::Error),
    #[error("catalog transaction failed: {0}")]
    Sql(#[from] kuajing_catalog::rusqlite::Error),
    #[error(transparent)]
    Import(#[from] kuajing_shopify::Error),
    #[error(transparent)]
    Image(#[from] kuajing_imaging::Error),
    #[error(transparent)]
    Marketplace(#[from] kuajing_marketplace::Error),
    #[error(transparent)]
    Bundle(#[from] kuajing_bundle::Error),
    #[error(transparent)]
    Copy(#[from] kuajing_copy::Error),
    #[error(transparent)]
    L10n(#[from] kuajing_l10n::Error),
    #[error(transparent)]
    Draft(#[from] kuajing_draft::Error),
    #[error(transparent)]
    Units(#[from] kuajing_units::Error),
    #[error(transparent)]
    Gloss(#[from] kuajing_gloss::Error),
    #[error(transparent)]
    Mt(#[from] kuajing_mt::Error),
    #[error(transparent)]
    Label(#[from] kuajing_label::Error),
    #[error("marketplace `{marketplace}` has no drafting template for {field}")]
    NoTemplate { marketplace: String, field: String },
    #[error("no variant has the option value {name}: {value} (see `kuajing options`)")]
    NoOptionValue { name: String, value: String },
    #[error(
        "nothing to draft the {field} of `{handle}` from: give it an English title with a product the glossary knows, or add the term to the glossary"
    )]
    NothingToDraft { handle: String, field: String },
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is {size} bytes, over the {limit}-byte limit for an import file")]
    FileTooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{file}: {count} problem(s) must be fixed first, nothing was imported (row {row}: {first})"
    )]
    ImportHasErrors {
        file: String,
        count: usize,
        row: usize,
        first: String,
    },
    #[error(
        "no USD/CNY exchange rate is set: set one in Settings (or run `kuajing rate set USD/CNY 7.20`) before exporting, so prices are never written in dollars"
    )]
    NoRate,
    #[error("the exchange rate `{0}` is not a positive number")]
    BadRate(String),
    #[error(
        "hs_code: `{0}` is not an HS code: write the China tariff code's 6 to 10 digits (dots and spaces are dropped), e.g. 0809290000"
    )]
    BadHsCode(String),
    #[error("the date `{0}` is not a date in YYYY-MM-DD form")]
    BadDate(String),
    #[error("marketplace `{marketplace}` has no image slot `{slot}`")]
    UnknownSlot { marketplace: String, slot: String },
    #[error("this image has not been downloaded yet")]
    NotFetched,
    #[error(
        "{marketplace} has no bulk-upload sheet in Kuajing yet: its images can be rendered; export for {exporting}"
    )]
    NoSheet {
        marketplace: String,
        /// The marketplaces that do export, by name.
        exporting: String,
    },
    #[error("a render batch is already running: wait for it to finish or cancel it")]
    RenderRunning,
    #[error("cannot download {url}: {reason}")]
    Download {
        url: String,
        reason: String,
        /// Whether a server answered (the network is up).
        answered: bool,
    },
    #[error(
        "the field `{0}` cannot be edited here (use title, short_title, selling_points or description)"
    )]
    BadField(String),
    /// A value that must be given was blank: `zh` (the Chinese) or `en` (the English).
    #[error("the {0} text is empty: fill it in")]
    Blank(String),
    #[error("the match threshold must be a whole number from 1 to 100, not {0}")]
    BadThreshold(u8),
    #[error(
        "{path} is the catalog, one of its files, or inside its media or render folder: choose another place for the bundle"
    )]
    ExportOntoCatalog { path: PathBuf },
    #[error("{path} is one of the photos being rendered: it is never overwritten")]
    OutputIsInput { path: PathBuf },
    #[error("{path} already exists: remove it, choose another folder, or pass --overwrite")]
    OutputExists { path: PathBuf },
    #[error(
        "the {field} of `{handle}` cannot go from {from} to {to} (a reviewer may take translated to reviewed, approved or rejected; reviewed to approved or rejected; approved back to reviewed; a save makes any state translated)"
    )]
    ReviewTransition {
        handle: String,
        field: String,
        from: String,
        to: String,
    },
    #[error("rejecting the {field} of `{handle}` needs a comment saying what is wrong")]
    ReviewNeedsComment { handle: String, field: String },
    #[error("the {field} of `{handle}` has no {locale} text to review: draft or write it first")]
    NothingToReview {
        handle: String,
        field: String,
        locale: String,
    },
    #[error("the reviewer's name is empty: give a name")]
    ReviewerBlank,
}

impl Error {
    /// A stable code: the UI maps it to the Fluent message `error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Catalog(e) => e.code(),
            Error::Sql(_) => "catalog-query",
            Error::Import(e) => e.code(),
            Error::Image(e) => e.code(),
            Error::Marketplace(e) => e.code(),
            Error::Bundle(e) => e.code(),
            Error::Copy(_) | Error::L10n(_) | Error::Units(_) | Error::Gloss(_) => {
                "bad-shipped-data"
            }
            Error::Draft(e) => e.code(),
            Error::Mt(e) => e.code(),
            Error::Label(e) => e.code(),
            Error::NoTemplate { .. } => "no-template",
            Error::NoOptionValue { .. } => "no-option-value",
            Error::NothingToDraft { .. } => "nothing-to-draft",
            Error::Read { .. } => "file-read",
            Error::Write { .. } => "file-write",
            Error::FileTooLarge { .. } => "file-too-large",
            Error::ImportHasErrors { .. } => "import-has-errors",
            Error::NoRate => "no-rate",
            Error::BadRate(_) => "bad-rate",
            Error::BadHsCode(_) => "bad-hs-code",
            Error::BadDate(_) => "bad-date",
            Error::UnknownSlot { .. } => "unknown-slot",
            Error::NoSheet { .. } => "no-sheet",
            Error::NotFetched => "not-fetched",
            Error::RenderRunning => "render-running",
            Error::BadField(_) => "bad-field",
            Error::Blank(_) => "blank",
            Error::BadThreshold(_) => "bad-threshold",
            Error::Download { .. } => "download",
            Error::ExportOntoCatalog { .. } => "export-onto-catalog",
            Error::OutputIsInput { .. } => "output-is-input",
            Error::OutputExists { .. } => "output-exists",
            Error::ReviewTransition { .. } => "review-transition",
            Error::ReviewNeedsComment { .. } => "review-needs-comment",
            Error::NothingToReview { .. } => "nothing-to-review",
            Error::ReviewerBlank => "reviewer-blank",
        }
    }

    pub fn args(&self) -> BTreeMap<String, String> {
        let mut args = match self {
            Error::Import(e) => e.args(),
            Error::Image(e) => e.args(),
            Error::Catalog(e) => e.args(),
            Error::Marketplace(e) => e.args(),
            Error::Draft(e) => e.args(),
            Error::Mt(e) => e.args(),
            Error::Label(e) => e.args(),
            _ => BTreeMap::new(),
        };
        let mut put = |k: &str, v: String| {
            args.insert(k.to_owned(), v);
        };
        match self {
            Error::Read { path, .. }
            | Error::Write { path, .. }
            | Error::ExportOntoCatalog { path }
            | Error::OutputIsInput { path }
            | Error::OutputExists { path } => put("path", path.display().to_string()),
            Error::FileTooLarge { path, size, limit } => {
                put("path", path.display().to_string());
                put("size", size.to_string());
                put("limit", limit.to_string());
            }
            Error::ImportHasErrors {
                file,
                count,
                row,
                first,
            } => {
                put("file", file.clone());
                put("count", count.to_string());
                put("row", row.to_string());
                put("first", first.clone());
            }
            Error::BadRate(v)
            | Error::BadHsCode(v)
            | Error::BadDate(v)
            | Error::BadField(v)
            | Error::Blank(v) => put("value", v.clone()),
            Error::BadThreshold(v) => put("value", v.to_string()),
            Error::Download { url, reason, .. } => {
                put("url", url.clone());
                put("reason", reason.clone());
            }
            Error::NoSheet {
                marketplace,
                exporting,
            } => {
                put("marketplace", marketplace.clone());
                put("exporting", exporting.clone());
            }
            Error::NoTemplate { marketplace, field } => {
                put("marketplace", marketplace.clone());
                put("field", field.clone());
            }
            Error::NoOptionValue { name, value } => {
                put("name", name.clone());
                put("value", value.clone());
            }
            Error::ReviewTransition {
                handle,
                field,
                from,
                to,
            } => {
                put("handle", handle.clone());
                put("field", field.clone());
                put("from", from.clone());
                put("to", to.clone());
            }
            Error::NothingToReview {
                handle,
                field,
                locale,
            } => {
                put("handle", handle.clone());
                put("field", field.clone());
                put("locale", locale.clone());
            }
            Error::NothingToDraft { handle, field }
            | Error::ReviewNeedsComment { handle, field } => {
                put("handle", handle.clone());
                put("field", field.clone());
            }
            Error::UnknownSlot { marketplace, slot } => {
                put("marketplace", marketplace.clone());
                put("slot", slot.clone());
            }
            _ => {}
        }
        args
    }
}

/// What a host shows for an error: `{code, message, args}`; never matched on text.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AppError {
    pub code: String,
    pub message: String,
    pub args: BTreeMap<String, String>,
}

impl From<&Error> for AppError {
    fn from(e: &Error) -> Self {
        AppError {
            code: e.code().to_owned(),
            message: e.to_string(),
            args: e.args(),
        }
    }
}
