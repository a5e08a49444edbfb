//! Rows into products (see the crate documentation for the rules).
//!
//! Each row costs the cells it holds: only its cells are looked at, never the header's full
//! width, and a product keeps only its filled product-level cells.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::columns::{Field, Header, Level};
use crate::handle::{self, Outcome};
use crate::problems::{Code, Problems};
use crate::{Attribute, Image, Product, Variant, numbers};

/// A product being assembled from its rows.
#[derive(Debug)]
struct Draft {
    /// The Handle as written.
    handle: String,
    row: usize,
    /// Filled product-level cells by column index: the value and the row it came from.
    values: HashMap<usize, (String, usize)>,
    variants: Vec<Variant>,
    images: Vec<Image>,
    /// Option value combinations seen, with their row.
    combinations: HashMap<Vec<String>, usize>,
}

impl Draft {
    fn compact(&mut self) {
        self.values.shrink_to_fit();
        self.variants.shrink_to_fit();
        self.images.shrink_to_fit();
        self.combinations.shrink_to_fit();
    }
}

#[derive(Debug)]
pub(crate) struct Builder<'h> {
    header: &'h Header,
    drafts: Vec<Draft>,
    by_handle: HashMap<String, usize>,
    /// The Handle of the rows above, and its draft (`None` for orphan rows).
    block: Option<(String, Option<usize>)>,
    /// First row of each SKU, and the product (draft index) it was on.
    skus: HashMap<String, (usize, usize)>,
    pub(crate) problems: Problems,
}

impl<'h> Builder<'h> {
    pub(crate) fn new(header: &'h Header, problems: Problems) -> Builder<'h> {
        Builder {
            header,
            drafts: Vec::new(),
            by_handle: HashMap::new(),
            block: None,
            skus: HashMap::new(),
            problems,
        }
    }

    /// The header the rows are read with.
    pub(crate) fn header(&self) -> &'h Header {
        self.header
    }

    fn problem(&mut self, row: usize, field: Field, code: Code, args: &[(&str, &str)]) {
        let column = self.header.name(field);
        self.problems.push(row, column, code, args);
    }

    /// One data row: its trimmed cells (no more than the header has columns), and how many
    /// filled cells it has past the last column.
    pub(crate) fn row(&mut self, row: usize, cells: &[Cow<'_, str>], extra: usize) {
        let header = self.header;
        let cell = |i: usize| cells.get(i).map_or("", |c| c.as_ref());
        if extra > 0 {
            let count = extra.to_string();
            self.problems
                .push(row, None, Code::ExtraCells, &[("count", &count)]);
        }
        let filled = |level: Level| {
            cells
                .iter()
                .zip(&header.columns)
                .any(|(c, column)| column.field.level() == level && !c.is_empty())
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
                // The product above is most likely whole: give back what its lists reserved
                // to grow (a 100,000-variant file held 13 MB of it until the end).
                if let Some(above) = self.drafts.last_mut() {
                    above.compact();
                }
                let index = self.drafts.len();
                self.drafts.push(Draft {
                    handle: handle.to_owned(),
                    row,
                    values: HashMap::new(),
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
        let unchanged = same_block && matches!(self.block, Some((_, Some(i))) if i == index);
        if !unchanged {
            self.block = Some((handle.to_owned(), Some(index)));
        }

        for (i, (value, column)) in cells.iter().zip(&header.columns).enumerate() {
            if column.field.level() != Level::Product || value.is_empty() {
                continue;
            }
            let values = &mut self.drafts[index].values;
            match values.get(&i) {
                Some((kept, first_row)) if !new => {
                    if kept != value {
                        let first_row = first_row.to_string();
                        let args = [
                            ("column", column.name.as_str()),
                            ("value", value.as_ref()),
                            ("kept", kept.as_str()),
                            ("first_row", first_row.as_str()),
                        ];
                        let code = Code::ConflictingValue;
                        self.problems.push(row, Some(&column.name), code, &args);
                    }
                }
                _ => {
                    values.insert(i, (value.as_ref().to_owned(), row));
                }
            }
        }

        if has_variant {
            self.add_variant(row, index, cells);
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

    fn add_variant(&mut self, row: usize, index: usize, cells: &[Cow<'_, str>]) {
        let variant = self.variant(row, cells);
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
                    self.problems.push(row, None, Code::DuplicateVariant, &args);
                }
                None => {
                    let combinations = &mut self.drafts[index].combinations;
                    combinations.insert(variant.options.clone(), row);
                }
            }
        }
        self.drafts[index].variants.push(variant);
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

    fn variant(&mut self, row: usize, cells: &[Cow<'_, str>]) -> Variant {
        let cell = |i: usize| cells.get(i).map_or("", |c| c.as_ref());
        let mut options: Vec<String> = (0..3)
            .map(|k| self.text(&cell, Field::OptionValue(k)).unwrap_or_default())
            .collect();
        while options.last().is_some_and(String::is_empty) {
            options.pop();
        }
        let barcode = self.text(&cell, Field::Barcode);
        if let Some(code) = barcode.as_deref().filter(|b| numbers::is_scientific(b)) {
            let column = self
                .header
                .name(Field::Barcode)
                .unwrap_or_default()
                .to_owned();
            let args = [("value", code), ("column", column.as_str())];
            self.problem(row, Field::Barcode, Code::BarcodeScientific, &args);
        }
        let attributes = cells
            .iter()
            .zip(&self.header.columns)
            .filter(|(value, c)| c.field == Field::VariantAttribute && !value.is_empty())
            .map(|(value, c)| Attribute {
                key: c.name.clone(),
                value: value.as_ref().to_owned(),
            })
            .collect();
        Variant {
            row,
            sku: self.text(&cell, Field::Sku),
            options,
            grams: self.number(row, &cell, Field::Grams, numbers::parse_grams),
            weight_unit: self.text(&cell, Field::WeightUnit),
            price_cents: self.number(row, &cell, Field::Price, numbers::parse_cents),
            compare_at_cents: self.number(row, &cell, Field::CompareAt, numbers::parse_cents),
            barcode,
            inventory_qty: self.number(row, &cell, Field::InventoryQty, numbers::parse_whole),
            image_src: self.text(&cell, Field::VariantImage),
            attributes,
        }
    }

    /// The products, each with a safe handle, and every problem found.
    pub(crate) fn finish(mut self) -> (Vec<Product>, Problems) {
        // The lookups are done with: give their memory back before the products are made.
        self.by_handle = HashMap::new();
        self.skus = HashMap::new();
        let drafts = std::mem::take(&mut self.drafts);
        let written: Vec<(&str, usize)> =
            drafts.iter().map(|d| (d.handle.as_str(), d.row)).collect();
        let handles = handle::assign(&written);
        for (draft, (slug, outcome)) in drafts.iter().zip(&handles) {
            let raw = draft.handle.as_str();
            match outcome {
                Outcome::Kept => {}
                Outcome::Cleaned => {
                    let args = [("handle", raw), ("slug", slug.as_str())];
                    self.problem(draft.row, Field::Handle, Code::UnsafeHandle, &args);
                }
                Outcome::Clash { other } => {
                    let other = &drafts[*other];
                    let other_row = other.row.to_string();
                    let args = [
                        ("handle", raw),
                        ("slug", slug.as_str()),
                        ("other", other.handle.as_str()),
                        ("other_row", other_row.as_str()),
                    ];
                    self.problem(draft.row, Field::Handle, Code::UnsafeHandleClash, &args);
                }
            }
        }
        let products = drafts
            .into_iter()
            .zip(handles)
            .map(|(draft, (slug, _))| self.product(draft, slug))
            .collect();
        (products, self.problems)
    }

    /// The problems found so far, when reading stopped at a limit.
    pub(crate) fn abandon(self) -> Problems {
        self.problems
    }

    fn product(&mut self, draft: Draft, handle: String) -> Product {
        let header = self.header;
        let value = |field: Field| -> String {
            header
                .find(field)
                .and_then(|i| draft.values.get(&i))
                .map(|(v, _)| v.clone())
                .unwrap_or_default()
        };
        let mut option_names: Vec<String> = (0..3).map(|k| value(Field::OptionName(k))).collect();
        while option_names.last().is_some_and(String::is_empty) {
            option_names.pop();
        }
        let published = header
            .find(Field::Published)
            .and_then(|i| draft.values.get(&i))
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
        let mut attributes: Vec<(usize, Attribute)> = draft
            .values
            .iter()
            .filter(|(i, _)| header.columns[**i].field == Field::ProductAttribute)
            .map(|(i, (value, _))| {
                let key = header.columns[*i].name.clone();
                let value = value.clone();
                (*i, Attribute { key, value })
            })
            .collect();
        attributes.sort_unstable_by_key(|(i, _)| *i);
        let attributes = attributes.into_iter().map(|(_, a)| a).collect();
        let status = value(Field::Status);
        Product {
            row: draft.row,
            handle,
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
