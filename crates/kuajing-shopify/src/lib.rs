//! Reading a Shopify product CSV export: bytes in, products and located problems out.
//!
//! This crate owns the Shopify CSV format: its columns (classic, newer and partial headers,
//! matched case-insensitively), how one product spans several rows sharing a Handle, the text
//! encodings merchants' files arrive in (UTF-8, or Windows-1252 from Excel, decided cell by
//! cell: see `decode.rs`), the numbers in it
//! (prices to integer cents), and the problem codes found on the way, each with its spreadsheet
//! row and column. It never drops data silently: every non-empty column it does not model is
//! kept as an [`Attribute`].
//!
//! It must not know about the catalog (SQLite), Tauri, the UI, or marketplaces: it does not
//! decide what to do with a product, and it does not localise messages (the `import-<code>`
//! messages live in `assets/locales/*/import.ftl`; [`Problem::args`] and [`Error::args`] fill
//! them).
//!
//! # Rows
//!
//! `row` is the row number a spreadsheet shows: the header is row 1, the first data record
//! row 2. Line breaks inside quoted cells (Body HTML) do not shift it; blank lines count, as
//! they show as empty rows. Problems about the whole file use row 0.
//!
//! # How rows make products
//!
//! A row whose Handle differs from the row above starts a product when it carries any product
//! field (Title, Body, Vendor, Option1 Name, a product metafield, …): Shopify writes those only
//! on a product's first row. Without a Title it is still a product, with a `missing-title`
//! error. A row with a new Handle and only variant or image cells is a continuation row whose
//! product never came: `orphan-row`.
//!
//! Rows with the Handle of the product above continue it. A continuation row is a variant when
//! any variant cell is filled (an Option value, any `Variant …` column, `Cost per item`, unit
//! or market prices, variant metafields); a row with only Image Src / Position / Alt Text adds
//! an image. A row can do both: a variant row's Image Src adds an image to the product too.
//! The first row is also the first variant when it has variant cells. Product fields repeated on
//! a continuation row are accepted when they are equal or fill a gap, and flagged
//! (`conflicting-value`) when they differ.
//!
//! Rows are grouped by the Handle as written; the product's [`Product::handle`] is then made a
//! safe slug (`handle.rs`), with an `unsafe-handle` warning when it changed.
//!
//! # Size
//!
//! Parsing is linear in the file's size. Files past the limits in `limits.rs` (1,000 cells in a
//! record, 1 MiB in a cell, 200,000 rows, 2,000,000 filled cells) get an error-level problem
//! with its row instead of a hang, and at most 1,000 problems of each code are listed.

mod body;
mod builder;
mod columns;
mod decode;
mod handle;
mod limits;
mod numbers;
mod problems;
mod reader;

pub use body::{Block, BlockKind, body_blocks, body_text};

use std::collections::BTreeMap;

use serde::Serialize;

use builder::Builder;
use columns::{Field, Header};
use decode::Tracker;
use limits::Limits;
use problems::{Code, Problems};
use reader::Reader;

/// Every problem code [`parse`] can report. The strings are part of the API: the UI looks up
/// `import-<code>` messages with them.
pub const PROBLEM_CODES: &[&str] = &[
    "missing-handle",
    "missing-title",
    "orphan-row",
    "duplicate-handle",
    "duplicate-sku",
    "shared-sku",
    "duplicate-variant",
    "bad-number",
    "barcode-scientific",
    "converted-from-windows-1252",
    "conflicting-value",
    "bad-boolean",
    "option-without-name",
    "missing-image-src",
    "extra-cells",
    "duplicate-column",
    "cell-read-as-windows-1252",
    "too-many-columns",
    "column-name-too-long",
    "cell-too-large",
    "too-many-rows",
    "too-many-cells",
    "more-problems",
    "unsafe-handle",
    "unsafe-handle-clash",
];

/// Every code [`Error::code`] can return.
pub const ERROR_CODES: &[&str] = &["empty-file", "not-csv", "not-shopify", "no-products"];

/// A file that cannot be read as a Shopify product export at all: nothing is parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS, thiserror::Error)]
#[serde(tag = "code", rename_all = "kebab-case")]
#[ts(export, rename = "ShopifyError")]
pub enum Error {
    #[error("{file} is empty: it holds no rows")]
    EmptyFile { file: String },
    #[error("{file} is not a CSV file: it holds binary data (an image, a PDF or a workbook?)")]
    NotCsv { file: String },
    #[error(
        "{file} is not a Shopify product export: it lacks the column(s) {}; found: {}",
        .missing.join(", "),
        .found.join(", ")
    )]
    NotShopify {
        file: String,
        /// The required columns (Handle, Title) the header lacks.
        missing: Vec<String>,
        /// The header as written.
        found: Vec<String>,
    },
    #[error("{file} holds a header but no product rows")]
    NoProducts { file: String },
}

impl Error {
    /// The stable code: `empty-file`, `not-csv`, `not-shopify` or `no-products`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyFile { .. } => "empty-file",
            Error::NotCsv { .. } => "not-csv",
            Error::NotShopify { .. } => "not-shopify",
            Error::NoProducts { .. } => "no-products",
        }
    }

    /// The arguments of the `import-<code>` message: always `file`; for `not-shopify` also
    /// `expected`, `missing` and `found` (the first 12 columns, comma separated).
    pub fn args(&self) -> BTreeMap<String, String> {
        let mut args = BTreeMap::new();
        match self {
            Error::EmptyFile { file } | Error::NotCsv { file } | Error::NoProducts { file } => {
                args.insert("file".to_owned(), file.clone());
            }
            Error::NotShopify {
                file,
                missing,
                found,
            } => {
                const SHOWN: usize = 12;
                let mut shown: Vec<&str> = found.iter().take(SHOWN).map(String::as_str).collect();
                if found.len() > SHOWN {
                    shown.push("…");
                }
                args.insert("file".to_owned(), file.clone());
                args.insert("expected".to_owned(), REQUIRED.join(", "));
                args.insert("missing".to_owned(), missing.join(", "));
                args.insert("found".to_owned(), shown.join(", "));
            }
        }
        args
    }
}

/// The columns without which a file is not a Shopify product export.
const REQUIRED: [&str; 2] = ["Handle", "Title"];

/// How the file's bytes were encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export, rename = "ShopifySourceEncoding")]
pub enum SourceEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    /// Not valid UTF-8, so read as Windows-1252 (Excel's "CSV" on Windows); a
    /// `converted-from-windows-1252` warning says so.
    #[serde(rename = "windows-1252")]
    Windows1252,
}

/// What a file holds: its products and every problem found, in row order.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export, rename = "ShopifyParsed")]
pub struct Parsed {
    pub file_name: String,
    pub encoding: SourceEncoding,
    /// The header as written (trimmed), in file order.
    pub columns: Vec<String>,
    /// Data rows read, blank rows excluded.
    pub rows: usize,
    pub products: Vec<Product>,
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// `true` when a problem of [`Severity::Error`] blocks the import.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export, rename = "ShopifyProduct")]
pub struct Product {
    /// The product's first row.
    pub row: usize,
    pub handle: String,
    pub title: String,
    pub body_html: String,
    pub vendor: String,
    pub product_type: String,
    /// `Product Category` (or the older `Standard Product Type`), e.g.
    /// `Apparel & Accessories > Jewelry`.
    pub category: String,
    pub tags: Vec<String>,
    pub published: Option<bool>,
    /// `active`, `draft` or `archived` as written; `None` when the column is absent or empty.
    pub status: Option<String>,
    pub seo_title: String,
    pub seo_description: String,
    /// Option1–3 Name, trailing empty names dropped (`["Title"]` for a product without options).
    pub option_names: Vec<String>,
    pub variants: Vec<Variant>,
    pub images: Vec<Image>,
    /// Non-empty product-level columns this crate does not model, in column order.
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export, rename = "ShopifyVariant")]
pub struct Variant {
    pub row: usize,
    pub sku: Option<String>,
    /// Option1–3 Value, trailing empty values dropped (`["Default Title"]` for a single variant).
    pub options: Vec<String>,
    /// From `Variant Grams`: Shopify always stores the weight in grams there.
    pub grams: Option<f64>,
    /// `Variant Weight Unit`: only the unit the merchant sees weights in (`lb`, `kg`, …).
    pub weight_unit: Option<String>,
    #[ts(type = "number | null")]
    pub price_cents: Option<i64>,
    #[ts(type = "number | null")]
    pub compare_at_cents: Option<i64>,
    /// As written; a barcode in scientific notation is kept as is (with a warning).
    pub barcode: Option<String>,
    #[ts(type = "number | null")]
    pub inventory_qty: Option<i64>,
    /// `Variant Image`: the URL of this variant's image.
    pub image_src: Option<String>,
    /// Non-empty variant-level columns this crate does not model (`Variant Inventory Policy`,
    /// `Cost per item`, …), in column order.
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export, rename = "ShopifyImage")]
pub struct Image {
    pub row: usize,
    pub src: String,
    pub position: Option<u32>,
    pub alt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export, rename = "ShopifyAttribute")]
pub struct Attribute {
    /// The CSV header as written, e.g. `Density (product.metafields.custom.density)`.
    pub key: String,
    pub value: String,
}

/// Something wrong in one place of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export, rename = "ShopifyProblem")]
pub struct Problem {
    /// Spreadsheet row: 1 is the header, 2 the first data row, 0 the whole file.
    pub row: usize,
    /// The header as written, when the problem is in one cell.
    pub column: Option<String>,
    /// One of [`PROBLEM_CODES`].
    pub code: String,
    pub severity: Severity,
    /// The arguments of the `import-<code>` message.
    pub args: BTreeMap<String, String>,
}

/// `Error` blocks an import; `Warning` does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, rename = "ShopifySeverity")]
pub enum Severity {
    Error,
    Warning,
}

/// Parses a Shopify product CSV export. `file_name` only names the file in errors.
///
/// Returns `Err` when nothing can be read (empty, binary, not a Shopify export, no rows);
/// otherwise every product that could be built and every problem found, sorted by row. A file
/// past one of the size limits (see `limits.rs`) gets an error-level problem; past the column,
/// row or cell count it has no products.
pub fn parse(bytes: &[u8], file_name: &str) -> Result<Parsed, Error> {
    parse_with(bytes, file_name, &Limits::DEFAULT, &mut |_, _| {})
}

/// [`parse`], telling `progress` how many bytes of the file's text it has read and how many
/// there are, every [`PROGRESS_ROWS`] rows and at the end.
pub fn parse_with_progress(
    bytes: &[u8],
    file_name: &str,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Parsed, Error> {
    parse_with(bytes, file_name, &Limits::DEFAULT, progress)
}

/// How often [`parse_with_progress`] reports.
pub const PROGRESS_ROWS: usize = 2048;

pub(crate) fn parse_with(
    bytes: &[u8],
    file_name: &str,
    limits: &Limits,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Parsed, Error> {
    let file = file_name.to_owned();
    let (bytes, bom) = decode::prepare(bytes).map_err(|refusal| match refusal {
        decode::Refusal::Empty => Error::EmptyFile { file: file.clone() },
        decode::Refusal::Binary => Error::NotCsv { file: file.clone() },
    })?;
    let not_csv = |_| Error::NotCsv { file: file.clone() };
    // Reading stops before the first record with too many cells.
    let wide = reader::find_wide(bytes, limits.columns);
    let end = wide.as_ref().map_or(bytes.len(), |w| w.start);
    let mut reader = Reader::new(bytes, end, limits.cell_bytes);
    let mut tracker = Tracker::new(bom, limits.problems_per_code);

    // The header: the first record with a non-blank cell.
    let header_row = loop {
        match reader.next().map_err(not_csv)? {
            None => match &wide {
                Some(wide) => {
                    let row = reader.row_at(wide.start);
                    return Ok(wide_header(bytes, wide, row, file, tracker, limits));
                }
                None => return Err(Error::EmptyFile { file }),
            },
            Some(row) if !reader.is_blank() => break row,
            Some(_) => {}
        }
    };
    let count = reader.len();
    let cells = reader.cells(header_row, count, &mut tracker);
    let header = Header::new(&cells.text, limits.column_name_chars);
    let mut problems = Problems::new(limits.problems_per_code);
    let found: Vec<String> = header.columns.iter().map(|c| c.name.clone()).collect();
    let missing: Vec<String> = [Field::Handle, Field::Title]
        .iter()
        .zip(REQUIRED)
        .filter(|(field, _)| header.find(**field).is_none())
        .map(|(_, name)| name.to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(Error::NotShopify {
            file,
            missing,
            found,
        });
    }
    for name in &header.duplicates {
        let args = [("column", name.as_str())];
        problems.push(header_row, Some(name), Code::DuplicateColumn, &args);
    }
    for &(index, length) in &header.too_long {
        let column = header.columns[index].name.as_str();
        let (length, max) = (length.to_string(), limits.column_name_chars.to_string());
        let args = [("column", column), ("length", &length), ("max", &max)];
        problems.push(header_row, Some(column), Code::ColumnNameTooLong, &args);
    }

    let mut builder = Builder::new(&header, problems);
    let total = bytes.len() as u64;
    let read = read_rows(
        &mut reader,
        wide.as_ref(),
        &mut builder,
        &mut tracker,
        limits,
        &mut |done| progress(done, total),
    );
    progress(total, total);
    let (data_rows, stopped) = read.map_err(not_csv)?;
    if data_rows == 0 && !stopped {
        return Err(Error::NoProducts { file });
    }
    let (products, mut problems) = if stopped {
        (Vec::new(), builder.abandon())
    } else {
        builder.finish()
    };
    let encoding = tracker.finish(&header, &mut problems);
    Ok(Parsed {
        file_name: file,
        encoding,
        columns: found,
        rows: data_rows,
        products,
        problems: problems.finish(),
    })
}

/// Reads the data rows into `builder`: how many there were, and whether reading stopped at a
/// limit (the problem saying so is pushed).
fn read_rows(
    reader: &mut Reader<'_>,
    wide: Option<&reader::Wide>,
    builder: &mut Builder<'_>,
    tracker: &mut Tracker,
    limits: &Limits,
    progress: &mut dyn FnMut(u64),
) -> Result<(usize, bool), csv::Error> {
    let header = builder.header();
    let width = header.columns.len();
    let (mut data_rows, mut filled) = (0, 0);
    loop {
        let Some(row) = reader.next()? else {
            let Some(wide) = wide else {
                return Ok((data_rows, false));
            };
            let row = reader.row_at(wide.start);
            let column = format!("Column {}", columns::spreadsheet_letters(limits.columns));
            let (count, max) = (wide.cells.to_string(), limits.columns.to_string());
            let args = [("count", count.as_str()), ("max", max.as_str())];
            let code = Code::TooManyColumns;
            builder.problems.push(row, Some(&column), code, &args);
            return Ok((data_rows, true));
        };
        if reader.is_blank() {
            continue;
        }
        if data_rows == limits.rows {
            let max = limits.rows.to_string();
            let args = [("max", max.as_str())];
            builder.problems.push(row, None, Code::TooManyRows, &args);
            return Ok((data_rows, true));
        }
        data_rows += 1;
        if data_rows.is_multiple_of(PROGRESS_ROWS) {
            progress(reader.byte());
        }
        let cells = reader.cells(row, width, tracker);
        filled += cells.text.iter().filter(|c| !c.is_empty()).count();
        if filled > limits.cells {
            let max = limits.cells.to_string();
            let args = [("max", max.as_str())];
            builder.problems.push(row, None, Code::TooManyCells, &args);
            return Ok((data_rows, true));
        }
        for &(index, size) in &cells.oversized {
            let column = header.columns[index].name.as_str();
            let size_kb = size.div_ceil(1024).to_string();
            let max_kb = (limits.cell_bytes / 1024).to_string();
            let args = [
                ("column", column),
                ("size_kb", &size_kb),
                ("max_kb", &max_kb),
            ];
            let code = Code::CellTooLarge;
            builder.problems.push(row, Some(column), code, &args);
        }
        builder.row(row, &cells.text, reader.extra(width));
    }
}

/// A header with more cells than the limit: only its cells up to the first one past the limit
/// are read, to name that column in a `too-many-columns` problem.
fn wide_header(
    bytes: &[u8],
    wide: &reader::Wide,
    row: usize,
    file: String,
    mut tracker: Tracker,
    limits: &Limits,
) -> Parsed {
    let part = &bytes[wide.start..wide.cut];
    let mut reader = Reader::new(part, part.len(), limits.cell_bytes);
    // The part holds one record (it ends inside the header), so the reader finds it.
    let _ = reader.next();
    let cells = reader.cells(row, limits.columns + 1, &mut tracker);
    let header = Header::new(&cells.text, limits.column_name_chars);
    let mut problems = Problems::new(limits.problems_per_code);
    let first_past = header.columns.get(limits.columns).map(|c| c.name.as_str());
    let (count, max) = (wide.cells.to_string(), limits.columns.to_string());
    let args = [("count", count.as_str()), ("max", max.as_str())];
    problems.push(row, first_past, Code::TooManyColumns, &args);
    let encoding = tracker.finish(&header, &mut problems);
    let mut columns: Vec<String> = header.columns.into_iter().map(|c| c.name).collect();
    columns.truncate(limits.columns);
    Parsed {
        file_name: file,
        encoding,
        columns,
        rows: 0,
        products: Vec::new(),
        problems: problems.finish(),
    }
}

#[cfg(test)]
mod tests;
