//! Reading a Shopify product CSV export: bytes in, products and located problems out.
//!
//! This crate owns the Shopify CSV format: its columns (classic, newer and partial headers,
//! matched case-insensitively), how one product spans several rows sharing a Handle, the text
//! encodings merchants' files arrive in (UTF-8, or Windows-1252 from Excel), the numbers in it
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

mod columns;
mod decode;
mod numbers;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use columns::{Field, Header, Level};

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

/// The problem codes, each with its severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    MissingHandle,
    MissingTitle,
    OrphanRow,
    DuplicateHandle,
    DuplicateSku,
    SharedSku,
    DuplicateVariant,
    BadNumber,
    BarcodeScientific,
    ConvertedFromWindows1252,
    ConflictingValue,
    BadBoolean,
    OptionWithoutName,
    MissingImageSrc,
    ExtraCells,
    DuplicateColumn,
}

impl Code {
    #[cfg(test)]
    const ALL: [Code; 16] = [
        Code::MissingHandle,
        Code::MissingTitle,
        Code::OrphanRow,
        Code::DuplicateHandle,
        Code::DuplicateSku,
        Code::SharedSku,
        Code::DuplicateVariant,
        Code::BadNumber,
        Code::BarcodeScientific,
        Code::ConvertedFromWindows1252,
        Code::ConflictingValue,
        Code::BadBoolean,
        Code::OptionWithoutName,
        Code::MissingImageSrc,
        Code::ExtraCells,
        Code::DuplicateColumn,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Code::MissingHandle => "missing-handle",
            Code::MissingTitle => "missing-title",
            Code::OrphanRow => "orphan-row",
            Code::DuplicateHandle => "duplicate-handle",
            Code::DuplicateSku => "duplicate-sku",
            Code::SharedSku => "shared-sku",
            Code::DuplicateVariant => "duplicate-variant",
            Code::BadNumber => "bad-number",
            Code::BarcodeScientific => "barcode-scientific",
            Code::ConvertedFromWindows1252 => "converted-from-windows-1252",
            Code::ConflictingValue => "conflicting-value",
            Code::BadBoolean => "bad-boolean",
            Code::OptionWithoutName => "option-without-name",
            Code::MissingImageSrc => "missing-image-src",
            Code::ExtraCells => "extra-cells",
            Code::DuplicateColumn => "duplicate-column",
        }
    }

    fn severity(self) -> Severity {
        match self {
            Code::MissingHandle
            | Code::MissingTitle
            | Code::OrphanRow
            | Code::DuplicateHandle
            | Code::DuplicateSku
            | Code::DuplicateVariant
            | Code::BadNumber => Severity::Error,
            Code::SharedSku
            | Code::BarcodeScientific
            | Code::ConvertedFromWindows1252
            | Code::ConflictingValue
            | Code::BadBoolean
            | Code::OptionWithoutName
            | Code::MissingImageSrc
            | Code::ExtraCells
            | Code::DuplicateColumn => Severity::Warning,
        }
    }
}

impl Problem {
    fn new(row: usize, column: Option<&str>, code: Code, args: &[(&str, &str)]) -> Problem {
        Problem {
            row,
            column: column.map(str::to_owned),
            code: code.as_str().to_owned(),
            severity: code.severity(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }
}

/// Parses a Shopify product CSV export. `file_name` only names the file in errors.
///
/// Returns `Err` when nothing can be read (empty, binary, not a Shopify export, no rows);
/// otherwise every product that could be built and every problem found, sorted by row.
pub fn parse(bytes: &[u8], file_name: &str) -> Result<Parsed, Error> {
    let file = file_name.to_owned();
    let (text, encoding) = decode::decode(bytes).map_err(|refusal| match refusal {
        decode::Refusal::Empty => Error::EmptyFile { file: file.clone() },
        decode::Refusal::Binary => Error::NotCsv { file: file.clone() },
    })?;

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = RowCounter::new(&text);
    let mut record = csv::StringRecord::new();

    // The header: the first record with a non-blank cell.
    let header = loop {
        if !read(&mut reader, &mut record, &file)? {
            return Err(Error::EmptyFile { file });
        }
        rows.next(&record);
        if !is_blank(&record) {
            break Header::new(&record.iter().map(str::to_owned).collect::<Vec<_>>());
        }
    };
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

    let mut builder = Builder::new(&header);
    if encoding == SourceEncoding::Windows1252 {
        builder
            .problems
            .push(Problem::new(0, None, Code::ConvertedFromWindows1252, &[]));
    }
    for name in &header.duplicates {
        let problem = Problem::new(1, Some(name), Code::DuplicateColumn, &[("column", name)]);
        builder.problems.push(problem);
    }
    let mut data_rows = 0;
    while read(&mut reader, &mut record, &file)? {
        let row = rows.next(&record);
        if !is_blank(&record) {
            data_rows += 1;
            builder.row(row, &record);
        }
    }
    if data_rows == 0 {
        return Err(Error::NoProducts { file });
    }
    let (products, problems) = builder.finish();
    Ok(Parsed {
        file_name: file,
        encoding,
        columns: found,
        rows: data_rows,
        products,
        problems,
    })
}

fn read(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::StringRecord,
    file: &str,
) -> Result<bool, Error> {
    reader.read_record(record).map_err(|_| Error::NotCsv {
        file: file.to_owned(),
    })
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// Spreadsheet row numbers: one more than the line breaks before a record, less those inside
/// quoted cells of the records before it. Blank lines (which the CSV reader skips) still count,
/// as a spreadsheet shows them as empty rows.
///
/// The reader's own line numbers are not used: they leave out blank lines, and after a CRLF
/// they point at the `\n` of the previous line.
#[derive(Debug)]
struct RowCounter<'t> {
    text: &'t [u8],
    /// Line breaks in `text[..counted_to]`.
    breaks: usize,
    counted_to: usize,
    /// Line breaks inside the cells of the records read so far.
    embedded: usize,
    records: usize,
}

impl<'t> RowCounter<'t> {
    fn new(text: &'t str) -> RowCounter<'t> {
        RowCounter {
            text: text.as_bytes(),
            breaks: 0,
            counted_to: 0,
            embedded: 0,
            records: 0,
        }
    }

    fn next(&mut self, record: &csv::StringRecord) -> usize {
        self.records += 1;
        let row = match record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
        {
            Some(mut start) => {
                // Step over the terminator remains and blank lines the reader skipped.
                while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
                    start += 1;
                }
                if let Some(skipped) = self.text.get(self.counted_to..start) {
                    self.breaks += skipped.iter().filter(|&&b| b == b'\n').count();
                    self.counted_to = start;
                }
                (self.breaks + 1).saturating_sub(self.embedded)
            }
            None => self.records,
        };
        self.embedded += record
            .iter()
            .map(|cell| cell.matches('\n').count())
            .sum::<usize>();
        row
    }
}

/// A product being assembled from its rows.
#[derive(Debug)]
struct Draft {
    handle: String,
    row: usize,
    /// Product-level cells by column index: the value and the row it came from.
    values: Vec<Option<(String, usize)>>,
    variants: Vec<Variant>,
    images: Vec<Image>,
    /// Option value combinations seen, with their row.
    combinations: HashMap<Vec<String>, usize>,
}

#[derive(Debug)]
struct Builder<'h> {
    header: &'h Header,
    drafts: Vec<Draft>,
    by_handle: HashMap<String, usize>,
    /// The Handle of the rows above, and its draft (`None` for orphan rows).
    block: Option<(String, Option<usize>)>,
    /// First row of each SKU, and the product (draft index) it was on.
    skus: HashMap<String, (usize, usize)>,
    problems: Vec<Problem>,
}

impl<'h> Builder<'h> {
    fn new(header: &'h Header) -> Builder<'h> {
        Builder {
            header,
            drafts: Vec::new(),
            by_handle: HashMap::new(),
            block: None,
            skus: HashMap::new(),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, row: usize, field: Field, code: Code, args: &[(&str, &str)]) {
        let column = self.header.name(field);
        self.problems.push(Problem::new(row, column, code, args));
    }

    fn row(&mut self, row: usize, record: &csv::StringRecord) {
        let header = self.header;
        let width = header.columns.len();
        let cell = |i: usize| record.get(i).map_or("", str::trim);
        let extra = (width..record.len())
            .filter(|&i| !cell(i).is_empty())
            .count();
        if extra > 0 {
            let count = extra.to_string();
            let problem = Problem::new(row, None, Code::ExtraCells, &[("count", &count)]);
            self.problems.push(problem);
        }
        let filled = |level: Level| {
            header
                .columns
                .iter()
                .enumerate()
                .any(|(i, c)| c.field.level() == level && !cell(i).is_empty())
        };
        let (has_product, has_variant, has_image) = (
            filled(Level::Product),
            filled(Level::Variant),
            filled(Level::Image),
        );
        let handle = header.find(Field::Handle).map_or("", cell);
        if handle.is_empty() {
            self.problem(row, Field::Handle, Code::MissingHandle, &[]);
            return;
        }

        let same_block = self.block.as_ref().is_some_and(|(h, _)| h == handle);
        let (index, new) = match (same_block, &self.block, self.by_handle.get(handle)) {
            (true, Some((_, Some(index))), _) => (*index, false),
            (_, _, Some(&index)) => {
                // Same handle as an earlier product, with other products in between.
                let first_row = self.drafts[index].row.to_string();
                let args = [("handle", handle), ("first_row", first_row.as_str())];
                self.problem(row, Field::Handle, Code::DuplicateHandle, &args);
                (index, false)
            }
            _ if has_product => {
                let index = self.drafts.len();
                self.drafts.push(Draft {
                    handle: handle.to_owned(),
                    row,
                    values: vec![None; width],
                    variants: Vec::new(),
                    images: Vec::new(),
                    combinations: HashMap::new(),
                });
                self.by_handle.insert(handle.to_owned(), index);
                if header.find(Field::Title).map_or("", cell).is_empty() {
                    self.problem(row, Field::Title, Code::MissingTitle, &[("handle", handle)]);
                }
                (index, true)
            }
            _ => {
                if has_variant || has_image {
                    self.problem(row, Field::Handle, Code::OrphanRow, &[("handle", handle)]);
                }
                self.block = Some((handle.to_owned(), None));
                return;
            }
        };
        self.block = Some((handle.to_owned(), Some(index)));

        for (i, column) in header.columns.iter().enumerate() {
            let value = cell(i);
            if column.field.level() != Level::Product || value.is_empty() {
                continue;
            }
            match &self.drafts[index].values[i] {
                Some((kept, first_row)) if !new => {
                    if kept != value {
                        let first_row = first_row.to_string();
                        let args = [
                            ("column", column.name.as_str()),
                            ("value", value),
                            ("kept", kept.as_str()),
                            ("first_row", first_row.as_str()),
                        ];
                        let problem =
                            Problem::new(row, Some(&column.name), Code::ConflictingValue, &args);
                        self.problems.push(problem);
                    }
                }
                _ => self.drafts[index].values[i] = Some((value.to_owned(), row)),
            }
        }

        if has_variant {
            let variant = self.variant(row, &cell);
            if let Some(sku) = &variant.sku {
                match self.skus.get(sku) {
                    Some(&(first, product)) => {
                        let first_row = first.to_string();
                        let args = [("sku", sku.as_str()), ("first_row", first_row.as_str())];
                        // Stores really reuse one SKU across a product's variants (e.g. a
                        // shipping-protection fee): worth a warning, not a refusal.
                        let code = if product == index {
                            Code::SharedSku
                        } else {
                            Code::DuplicateSku
                        };
                        self.problem(row, Field::Sku, code, &args);
                    }
                    None => {
                        self.skus.insert(sku.clone(), (row, index));
                    }
                }
            }
            if variant.options.iter().any(|o| !o.is_empty()) {
                match self.drafts[index].combinations.get(&variant.options) {
                    Some(first) => {
                        let first_row = first.to_string();
                        let options = variant.options.join(" / ");
                        let args = [("options", options.as_str()), ("first_row", &first_row)];
                        let problem = Problem::new(row, None, Code::DuplicateVariant, &args);
                        self.problems.push(problem);
                    }
                    None => {
                        let combinations = &mut self.drafts[index].combinations;
                        combinations.insert(variant.options.clone(), row);
                    }
                }
            }
            self.drafts[index].variants.push(variant);
        }

        if has_image {
            let src = header.find(Field::ImageSrc).map_or("", cell);
            if src.is_empty() {
                self.problem(row, Field::ImageSrc, Code::MissingImageSrc, &[]);
            } else {
                let position =
                    self.number(row, &cell, Field::ImagePosition, numbers::parse_position);
                let alt = header.find(Field::ImageAlt).map_or("", cell).to_owned();
                let image = Image {
                    row,
                    src: src.to_owned(),
                    position,
                    alt,
                };
                self.drafts[index].images.push(image);
            }
        }
    }

    /// The cell of a modelled field, `None` when absent or empty.
    fn text<'c>(&self, cell: &impl Fn(usize) -> &'c str, field: Field) -> Option<String> {
        let value = self.header.find(field).map_or("", cell);
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// A number cell: `None` when empty, and when it does not parse (with a `bad-number`).
    fn number<'c, T>(
        &mut self,
        row: usize,
        cell: &impl Fn(usize) -> &'c str,
        field: Field,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let value = self.text(cell, field)?;
        let parsed = parse(&value);
        if parsed.is_none() {
            let column = self.header.name(field).unwrap_or_default().to_owned();
            let args = [("value", value.as_str()), ("column", column.as_str())];
            self.problem(row, field, Code::BadNumber, &args);
        }
        parsed
    }

    fn variant<'c>(&mut self, row: usize, cell: &impl Fn(usize) -> &'c str) -> Variant {
        let mut options: Vec<String> = (0..3)
            .map(|k| self.text(cell, Field::OptionValue(k)).unwrap_or_default())
            .collect();
        while options.last().is_some_and(String::is_empty) {
            options.pop();
        }
        let barcode = self.text(cell, Field::Barcode);
        if let Some(code) = barcode.as_deref().filter(|b| numbers::is_scientific(b)) {
            let column = self
                .header
                .name(Field::Barcode)
                .unwrap_or_default()
                .to_owned();
            let args = [("value", code), ("column", column.as_str())];
            self.problem(row, Field::Barcode, Code::BarcodeScientific, &args);
        }
        let attributes = self
            .header
            .columns
            .iter()
            .enumerate()
            .filter(|(i, c)| c.field == Field::VariantAttribute && !cell(*i).is_empty())
            .map(|(i, c)| Attribute {
                key: c.name.clone(),
                value: cell(i).to_owned(),
            })
            .collect();
        Variant {
            row,
            sku: self.text(cell, Field::Sku),
            options,
            grams: self.number(row, cell, Field::Grams, numbers::parse_grams),
            weight_unit: self.text(cell, Field::WeightUnit),
            price_cents: self.number(row, cell, Field::Price, numbers::parse_cents),
            compare_at_cents: self.number(row, cell, Field::CompareAt, numbers::parse_cents),
            barcode,
            inventory_qty: self.number(row, cell, Field::InventoryQty, numbers::parse_whole),
            image_src: self.text(cell, Field::VariantImage),
            attributes,
        }
    }

    fn finish(mut self) -> (Vec<Product>, Vec<Problem>) {
        let drafts = std::mem::take(&mut self.drafts);
        let products = drafts.into_iter().map(|d| self.product(d)).collect();
        let mut problems = self.problems;
        problems.sort_by_key(|p| p.row);
        (products, problems)
    }

    fn product(&mut self, draft: Draft) -> Product {
        let header = self.header;
        let value = |field: Field| -> String {
            header
                .find(field)
                .and_then(|i| draft.values[i].as_ref())
                .map(|(v, _)| v.clone())
                .unwrap_or_default()
        };
        let mut option_names: Vec<String> = (0..3).map(|k| value(Field::OptionName(k))).collect();
        while option_names.last().is_some_and(String::is_empty) {
            option_names.pop();
        }
        let published = header
            .find(Field::Published)
            .and_then(|i| draft.values[i].as_ref())
            .and_then(|(text, row)| {
                let parsed = parse_bool(text);
                if parsed.is_none() {
                    let column = header.name(Field::Published).unwrap_or_default();
                    let args = [("value", text.as_str()), ("column", column)];
                    self.problem(*row, Field::Published, Code::BadBoolean, &args);
                }
                parsed
            });
        for variant in &draft.variants {
            for (k, option) in variant.options.iter().enumerate() {
                if !option.is_empty() && option_names.get(k).is_none_or(String::is_empty) {
                    let number = (k + 1).to_string();
                    let args = [("option", number.as_str()), ("value", option.as_str())];
                    let field = Field::OptionValue(k);
                    self.problem(variant.row, field, Code::OptionWithoutName, &args);
                }
            }
        }
        let attributes = header
            .columns
            .iter()
            .zip(&draft.values)
            .filter(|(c, _)| c.field == Field::ProductAttribute)
            .filter_map(|(c, v)| {
                v.as_ref().map(|(value, _)| Attribute {
                    key: c.name.clone(),
                    value: value.clone(),
                })
            })
            .collect();
        let status = value(Field::Status);
        Product {
            row: draft.row,
            handle: draft.handle,
            title: value(Field::Title),
            body_html: value(Field::Body),
            vendor: value(Field::Vendor),
            product_type: value(Field::Type),
            category: value(Field::Category),
            tags: value(Field::Tags)
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
            published,
            status: (!status.is_empty()).then_some(status),
            seo_title: value(Field::SeoTitle),
            seo_description: value(Field::SeoDescription),
            option_names,
            variants: draft.variants,
            images: draft.images,
            attributes,
        }
    }
}

/// `Published`: `true`/`false` in any case (Excel writes `TRUE`), also `yes`/`no` and `1`/`0`.
fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
